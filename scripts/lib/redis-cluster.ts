import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { redisServerArgs } from './redis-server.js';
import { CACHE_DIR, replacePid } from './service-state.js';

/**
 * A local Redis Cluster from Debian's `redis-server`: 3 masters with one replica each, on 6 consecutive ports from
 * `REDIS_CLUSTER_PORT` (7000). Like the single Redis, nothing is kept on disk but each node's cluster state file
 * (and the snapshot a replica's first sync writes), each in the node's own directory, cleared when it starts.
 */
export const CLUSTER_NODES = 6;
export const CLUSTER_REPLICAS = 1;

export const clusterPorts = (firstPort: number): number[] =>
  Array.from({ length: CLUSTER_NODES }, (_, i) => firstPort + i);

export const clusterNodesSetting = (ports: number[]): string => ports.map((port) => `127.0.0.1:${port}`).join(',');

/** Each node's own directory: its cluster state file, and the snapshot a replica's first sync writes. */
const nodeDir = (port: number, dir: string) => path.join(dir, String(port));

/** The arguments of one node. */
export function clusterNodeArgs(port: number, dir: string): string[] {
  return [
    ...redisServerArgs(port),
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    `nodes-${port}.conf`,
    '--cluster-node-timeout',
    '2000',
    '--dir',
    nodeDir(port, dir),
  ];
}

/** Where the services script keeps the nodes' directories. */
export const CLUSTER_DIR = path.join(CACHE_DIR, 'redis-cluster');

/** The directory of the nodes' own directories, as the node on `port` says (whoever started it, with any cache dir). */
export function clusterDirOf(port: number): string {
  const dir = cli(port, ['config', 'get', 'dir']).split('\n')[1]?.trim();
  if (!dir) throw new Error(`no Redis answers on port ${port}`);
  return path.dirname(dir);
}

/**
 * Starts a node that died again, as the services script started it and keeping its cluster state file (in
 * `clusterDir`, read from the node with `clusterDirOf` before it died), so it rejoins its cluster (as a replica,
 * when its replica was promoted meanwhile); `services.ts stop` gets its new pid.
 */
export function restartClusterNode(port: number, clusterDir: string = CLUSTER_DIR): number {
  mkdirSync(path.join(CACHE_DIR, 'logs'), { recursive: true });
  const out = openSync(path.join(CACHE_DIR, 'logs', `redis-cluster-${port}.log`), 'a');
  const child = spawn('redis-server', clusterNodeArgs(port, clusterDir), {
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  if (!child.pid) throw new Error(`could not restart the cluster node on port ${port}`);
  replacePid(`redis-cluster-${port}`, `127.0.0.1:${port}`, child.pid);
  return child.pid;
}

/** The pid of the node on `port` (it says so itself). */
export function nodePid(port: number): number {
  const pid = /process_id:(\d+)/.exec(cli(port, ['info', 'server']))?.[1];
  if (!pid) throw new Error(`no Redis answers on port ${port}`);
  return Number(pid);
}

/** A node not running leaves a state file naming a cluster that is gone, and maybe a snapshot: start it blank. */
export function forgetNodeState(port: number, dir: string): void {
  rmSync(nodeDir(port, dir), { recursive: true, force: true });
  mkdirSync(nodeDir(port, dir), { recursive: true });
}

function cli(port: number, args: string[]): string {
  const out = spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
  return `${out.stdout ?? ''}${out.stderr ?? ''}`;
}

/** True when every slot is served (`cluster_state:ok`) as seen from the first node. */
export const clusterReady = (ports: number[]): boolean =>
  cli(ports[0]!, ['cluster', 'info']).includes('cluster_state:ok');

/** Masters and replicas as the first node sees them. */
export function clusterRoles(ports: number[]): { masters: number; replicas: number } {
  const lines = cli(ports[0]!, ['cluster', 'nodes'])
    .split('\n')
    .filter((line) => line.trim());
  return {
    masters: lines.filter((line) => /\bmaster\b/.test(line) && !line.includes('fail')).length,
    replicas: lines.filter((line) => /\bslave\b/.test(line)).length,
  };
}

/** Every slot served and, as the nodes' gossip has it by now, each master has its replica. */
export function clusterSettled(ports: number[]): boolean {
  const { masters, replicas } = clusterRoles(ports);
  return (
    clusterReady(ports) && masters === CLUSTER_NODES / (1 + CLUSTER_REPLICAS) && replicas === masters * CLUSTER_REPLICAS
  );
}

/** Joins the blank nodes into one cluster (slots spread over the masters, a replica for each). */
export function createCluster(ports: number[]): void {
  const out = spawnSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      String(CLUSTER_REPLICAS),
      '--cluster-yes',
    ],
    { encoding: 'utf8' },
  );
  if (out.status !== 0)
    throw new Error(`redis-cli --cluster create failed: ${(out.stdout ?? '') + (out.stderr ?? '')}`);
}
