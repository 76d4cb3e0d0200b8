import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import os from 'node:os';

/**
 * What lets `services.ts run` stop at any point: SIGTERM or SIGINT reaches it alone (npm forwards the signal to the
 * script's process; a terminal's Ctrl-C reaches it directly as well), so it passes the first one on, once, to every
 * process group it runs (a build, db:init, the service), which it runs in their own groups so that a Ctrl-C does not
 * reach them twice: once from the terminal and once from here. The service shuts down cleanly on the first signal and
 * exits at once on a second (src/lib/shutdown.ts), which a doubled Ctrl-C would otherwise send.
 */
const groups = new Set<ChildProcess>();
let received: NodeJS.Signals | undefined;

export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal}`);
    this.name = 'Interrupted';
  }
}

/** The conventional exit code of a process ended by a signal (130 for SIGINT, 143 for SIGTERM). */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (os.constants.signals[signal] ?? 0);

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already gone.
  }
}

/** From now on the first SIGTERM/SIGINT goes to every group run here; later ones only repeat the first. */
export function trapStopSignals(log: (message: string) => void): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      log(`${signal} received; already stopping (on ${received})`);
      return;
    }
    received = signal;
    log(`${signal} received: stopping`);
    for (const child of groups) signalGroup(child, signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

export const stopSignal = (): NodeJS.Signals | undefined => received;

export function throwIfStopping(): void {
  if (received) throw new Interrupted(received);
}

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs a command in its own process group, which a stop signal reaches (see above); resolves when it ends. */
export function runStoppable(command: string, args: string[], options: SpawnOptions = {}): Promise<Ended> {
  throwIfStopping();
  const child = spawn(command, args, { stdio: 'inherit', ...options, detached: true });
  groups.add(child);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      groups.delete(child);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      groups.delete(child);
      resolve({ code, signal });
    });
  });
}

/** The exit code that reports how a command ended. */
export const exitCodeOf = ({ code, signal }: Ended): number => code ?? (signal ? signalExitCode(signal) : 1);
