// Preloaded into the benchmark's project processes (`node --import`): counts every Redis command, Redis round
// trip (a command sent alone, or one pipeline/MULTI), byte to and from Redis and MongoDB command the process sends,
// without touching the code under measurement. On a Redis Cluster the counts are of what reaches the nodes, the
// cluster client's own slot refreshes and redirections included. On SIGUSR2 the counts so far are written to $BENCH_COUNTS_DIR/<pid>.json.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { Cluster, Redis } from 'ioredis';
import mongoose from 'mongoose';

interface Counts {
  redis: Record<string, number>;
  redisRoundTrips: number;
  redisBytesOut: number;
  redisBytesIn: number;
  mongo: Record<string, number>;
}
const counts: Counts = { redis: {}, redisRoundTrips: 0, redisBytesOut: 0, redisBytesIn: 0, mongo: {} };
const bump = (table: Record<string, number>, name: string) => {
  table[name] = (table[name] ?? 0) + 1;
};

type Send = (this: Scripted, command: { name: string; args: unknown[] }, stream?: unknown) => unknown;
interface Scripted {
  scriptsSet?: Record<string, { sha: string }>;
  /** The connection's socket, once it has one (ioredis replaces it on every reconnect). */
  stream?: Socket;
}

/** Redis sockets still open; the bytes of the closed ones are already in `counts`. */
const sockets = new Set<Socket>();
function watchSocket(socket: Socket | undefined): void {
  if (!socket || sockets.has(socket) || socket.destroyed) return;
  sockets.add(socket);
  socket.once('close', () => {
    sockets.delete(socket);
    counts.redisBytesOut += socket.bytesWritten;
    counts.redisBytesIn += socket.bytesRead;
  });
}
const bytesSoFar = () => {
  let out = counts.redisBytesOut;
  let inBytes = counts.redisBytesIn;
  for (const socket of sockets) {
    out += socket.bytesWritten;
    inBytes += socket.bytesRead;
  }
  return { redisBytesOut: out, redisBytesIn: inBytes };
};
/** Names of the scripts seen sent by EVAL, by SHA (the project's open with `-- <name>`); reported with the counts. */
const scriptNames: Record<string, string> = {};
/**
 * A script by its name where this process knows it: defineCommand's (BullMQ's `moveToFinished`...), or the first
 * line of a source it sent by EVAL. Otherwise its SHA, which the benchmark names from every process's report.
 */
function scriptName(connection: Scripted, command: { name: string; args: unknown[] }): string {
  const head = String(command.args[0]);
  if (command.name === 'eval') {
    const firstLine = head
      .trim()
      .split('\n')[0]!
      .replace(/^--\s*/, '')
      .slice(0, 60);
    const sha = createHash('sha1').update(head).digest('hex');
    scriptNames[sha] = firstLine;
    return sha;
  }
  if (!scriptNames[head]) {
    for (const [name, script] of Object.entries(connection.scriptsSet ?? {})) scriptNames[script.sha] = name;
  }
  return head;
}
/** `@<queue>` when a script's keys are a BullMQ queue's (`<prefix>:bull:<queue>:…`), so counts split by queue. */
function queueOf(args: unknown[]): string {
  const keyCount = Number(args[1]);
  for (let i = 2; i < 2 + keyCount && i < args.length; i += 1) {
    const queue = /:bull:([^:]+):/.exec(String(args[i]))?.[1];
    if (queue) return `@${queue}`;
  }
  return '';
}
const redisPrototype = Redis.prototype as unknown as { sendCommand: Send };
const send = redisPrototype.sendCommand;
redisPrototype.sendCommand = function countedSend(this: Scripted, command, stream) {
  watchSocket(this.stream);
  const isScript = command.name === 'evalsha' || command.name === 'eval';
  bump(counts.redis, isScript ? `script ${scriptName(this, command)}${queueOf(command.args)}` : command.name);
  if (!stream) counts.redisRoundTrips += 1;
  return send.call(this, command, stream);
};
// A cluster's scripts are defined on the Cluster, not on the node connections that send them: learn their names there.
type ClusterSend = (this: Scripted, command: { name: string; args: unknown[] }, ...rest: unknown[]) => unknown;
const clusterPrototype = Cluster.prototype as unknown as { sendCommand: ClusterSend };
const clusterSend = clusterPrototype.sendCommand;
clusterPrototype.sendCommand = function namingSend(this: Scripted, command, ...rest) {
  if (command.name === 'evalsha' || command.name === 'eval') scriptName(this, command);
  return clusterSend.call(this, command, ...rest);
};
type Exec = (this: unknown, ...args: unknown[]) => unknown;
const pipelinePrototype = Object.getPrototypeOf(new Redis({ lazyConnect: true }).pipeline()) as { exec: Exec };
const exec = pipelinePrototype.exec;
pipelinePrototype.exec = function countedExec(this: unknown, ...args: unknown[]) {
  counts.redisRoundTrips += 1;
  return exec.apply(this, args);
};

const connect = mongoose.connect.bind(mongoose);
const monitored = new WeakSet<object>();
mongoose.connect = (async (url: string, options: mongoose.ConnectOptions = {}) => {
  const connected = await connect(url, { ...options, monitorCommands: true });
  // `all` connects once per role on the same client: listen once.
  const client = connected.connection.getClient();
  if (!monitored.has(client)) {
    monitored.add(client);
    client.on('commandStarted', (event: { commandName: string }) => bump(counts.mongo, event.commandName));
  }
  return connected;
}) as typeof mongoose.connect;

process.on('SIGUSR2', () => {
  writeFileSync(
    join(process.env.BENCH_COUNTS_DIR ?? '/tmp', `${process.pid}.json`),
    JSON.stringify({ ...counts, ...bytesSoFar(), scriptNames }),
  );
});
