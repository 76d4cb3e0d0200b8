import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Cluster } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** A first port whose cluster ports (it and the 5 after it) and their bus ports (+10000) are all free. */
async function freeClusterBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 9_000);
    const ports = Array.from({ length: 6 }, (_, i) => base + i);
    const busy = await Promise.all([...ports, ...ports.map((port) => port + 10_000)].map(answers));
    if (!busy.some(Boolean)) return base;
  }
  throw new Error('no free range of cluster ports');
}

describe('npm run services -- cluster: a local Redis Cluster in one command', () => {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'aicoder-cluster-'));
  const services = (verb: string, env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/services.ts', verb], {
      env: { ...process.env, AICODER_CACHE_DIR: cache, ...env },
      encoding: 'utf8',
      timeout: 90_000,
    });
  afterAll(() => {
    services('stop', {});
    rmSync(cache, { recursive: true, force: true });
  });

  it('starts 3 masters with a replica each, is used as it is by the next call, and stops with the other services', async () => {
    const base = await freeClusterBase();
    const env = { REDIS_CLUSTER_PORT: String(base) };
    const nodes = Array.from({ length: 6 }, (_, i) => `127.0.0.1:${base + i}`);

    const started = services('cluster', env);
    expect(started.status, started.stderr).toBe(0);
    expect(started.stderr).toContain('Redis Cluster ready: 3 masters, 3 replicas');
    expect(started.stderr).toContain(`REDIS_CLUSTER_NODES=${nodes.join(',')}`);

    const cluster = new Cluster([{ host: '127.0.0.1', port: base }]);
    try {
      // Keys spread over every master's slots, read back through the cluster's redirections.
      const keys = Array.from({ length: 30 }, (_, i) => `cluster-test:${i}`);
      for (const key of keys) await cluster.set(key, key);
      expect(await Promise.all(keys.map((key) => cluster.get(key)))).toEqual(keys);
      expect(cluster.nodes('master')).toHaveLength(3);
    } finally {
      cluster.disconnect();
    }

    const again = services('cluster', env);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('answers on ports');
    expect(again.stderr).not.toContain('started redis-cluster');

    const stopped = services('stop', {});
    expect(stopped.status, stopped.stderr).toBe(0);
    expect(await Promise.all(nodes.map((node) => answers(Number(node.split(':')[1]))))).toEqual(nodes.map(() => false));
  });
});
