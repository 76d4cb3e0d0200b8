import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Config } from '../../src/config/index.js';
import { waitFor } from './wait.js';

/** The environment that reproduces `config` in another process (same database, Redis prefix and secrets). */
export function configEnv(config: Config, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'plans' || key === 'isProduction' || value === undefined || value === null) continue;
    env[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return { ...env, ...extra };
}

export interface RoleProcess {
  child: ChildProcess;
  pid: number;
  /** The API's URL (web role). */
  url: string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Starts a web or llm-worker role as a real child process and waits until it is ready. */
export async function spawnRole(
  role: 'web' | 'llm-worker',
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<RoleProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/child-entry.ts', role], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (part: Buffer) => {
    stderr += part.toString();
  });
  const ready = await new Promise<{ port?: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${role} did not start: ${stderr}`)), timeoutMs);
    child.stdout!.on('data', (part: Buffer) => {
      out += part.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { port?: number });
      }
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}: ${stderr}`)));
  });
  const exited = once(child, 'exit');
  const url = ready.port ? `http://127.0.0.1:${ready.port}` : '';
  // Listening is not ready: the web role answers 503 service_not_ready until its index check is done, which takes
  // longer while other suites load the database.
  if (url) await waitFor(() => fetch(`${url}/readyz`).then((r) => r.ok), `${role} ready`, timeoutMs);
  return {
    child,
    pid: child.pid!,
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
