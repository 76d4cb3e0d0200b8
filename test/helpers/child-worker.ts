import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface ChildWorker {
  child: ChildProcess;
  /** SIGKILL: no shutdown hooks, the job's lock is left to lapse, exactly like a crashed machine. */
  kill(): Promise<void>;
}

/** Starts the usage worker in a child process against this test file's database and Redis prefix. */
export async function startChildWorker(config: Config, env: Record<string, string> = {}): Promise<ChildWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'usage-worker-child.ts')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      JWT_SECRET_KEY: config.JWT_SECRET_KEY,
      WORKER_LOCK_DURATION_MS: String(config.WORKER_LOCK_DURATION_MS),
      WORKER_STALLED_INTERVAL_MS: String(config.WORKER_STALLED_INTERVAL_MS),
      USAGE_SEED_SYNC_MS: String(config.USAGE_SEED_SYNC_MS),
      USAGE_LEDGER_FLUSH_MS: String(config.USAGE_LEDGER_FLUSH_MS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child worker exited (${code}) before it was ready: ${stderr}`)));
  });
  return {
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
