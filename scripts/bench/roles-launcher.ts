import { spawn } from 'node:child_process';

export interface Role {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts the fake upstream (roles.ts, compiled) and waits for its ready line. */
export async function spawnRole(role: 'upstream', env: Record<string, string>, extra: string[] = []): Promise<Role> {
  const child = spawn(process.execPath, ['dist/bench/scripts/bench/roles.js', role, ...extra], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (part: Buffer) => {
      out += part.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
