import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the services script keeps built tools, data, logs and what it started (AICODER_CACHE_DIR). */
export const CACHE_DIR = process.env.AICODER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'aicoder');
const STATE_FILE = path.join(CACHE_DIR, 'services.json');

/** A service the script started: `services.ts stop` (and the end of `run`) stops it by pid. */
export interface Started {
  name: string;
  pid: number;
  where: string;
}

export function readState(): Started[] {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as Started[];
  } catch {
    return [];
  }
}

export function writeState(state: Started[]): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

/** A service started again under a new pid: the entry of the same name and address gets it. */
export function replacePid(name: string, where: string, pid: number): void {
  writeState(readState().map((s) => (s.name === name && s.where === where ? { ...s, pid } : s)));
}
