import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import calculateSlot from 'cluster-key-slot';
import mongoose from 'mongoose';
import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, groupOfId, groupTag } from '../../queues/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { settlementsUnreplicatedTotal } from '../../src/lib/metrics.js';
import { isCluster } from '../../src/lib/redis.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { startScheduler, type RunningScheduler } from '../../workers/scheduler/index.js';
import {
  clusterDirOf,
  clusterReady,
  clusterSettled,
  nodePid,
  restartClusterNode,
} from '../../scripts/lib/redis-cluster.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { chatBody, contentOf, llmUser, openSse, SERVER_KEY } from '../helpers/llm.js';
import { waitFor, waitForFinishedJob, waitForLedgerFlush } from '../helpers/wait.js';

/**
 * A master of the local Redis Cluster is killed (SIGKILL) under steady chat traffic; its replica is promoted. The
 * service must recover by itself, and afterwards every served request is in the ledger once, every payer's counter
 * equals its ledger, and nothing stays reserved. The killed node is restarted (it rejoins as a replica) and the
 * cluster left settled for the next test file. Measured recovery times go to test-output/redis-failover.json.
 */
const NODES = process.env.REDIS_CLUSTER_NODES ?? '';
if (!NODES)
  throw new Error(
    'REDIS_CLUSTER_NODES is not set: run `npm run test:cluster`, or `npx tsx scripts/services.ts cluster` and set it',
  );
const PORTS = NODES.split(',').map((node) => Number(node.slice(node.lastIndexOf(':') + 1)));

const CONTENT = Array.from({ length: 12 }, (_, i) => `f${i}`).join(' ');
const ATTEMPT_TIMEOUT_MS = 15_000;
/** The liveness bound: every loop serves again within this long of the kill (generous; the measured time is logged). */
const RECOVERY_BOUND_MS = 60_000;
const NEVER = '0 0 1 1 *';

/** A node's view of the cluster: the ports of nodes it marks failed, and each live master's slot ranges. */
function clusterView(port: number) {
  const out = spawnSync('redis-cli', ['-p', String(port), 'cluster', 'nodes'], { encoding: 'utf8' }).stdout ?? '';
  const lines = out
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter((fields) => fields.length >= 8);
  const portOf = (address: string) => Number(address.split('@')[0]!.split(':').at(-1));
  return {
    failed: lines.filter((f) => f[2]!.split(',').includes('fail')).map((f) => portOf(f[1]!)),
    owners: lines
      .filter((f) => f[2]!.split(',').includes('master') && !f[2]!.split(',').includes('fail'))
      .map((f) => ({
        port: portOf(f[1]!),
        ranges: f
          .slice(8)
          .filter((r) => !r.startsWith('['))
          .map((r) => {
            const [from, to = from] = r.split('-').map(Number) as [number, number?];
            return [from, to] as const;
          }),
      })),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Attempt {
  loop: string;
  stream: boolean;
  startedAt: number;
  endedAt: number;
  status: number;
  requestId: string | null;
  ok: boolean;
  error?: string;
}

interface Loop {
  name: string;
  userId: string;
  affected: boolean;
  stream: boolean;
  auth: Record<string, string>;
  attempts: Attempt[];
}

describe('Redis Cluster: a master killed under steady traffic', () => {
  let app: TestApp;
  let upstream: FakeUpstream;
  let workers: RunningWorkers;
  let scheduler: RunningScheduler;
  let quota: QuotaService;
  let killedPort: number | null = null;
  /** Where the killed node keeps its cluster state: read from it before the kill, whoever started the cluster. */
  let killedDir: string | undefined;
  let restarted = false;

  const cluster = () => {
    if (!isCluster(app.redis)) throw new Error('the app is not on a cluster');
    return app.redis as Cluster;
  };
  /** The port of the master that serves `key`'s slot, as the app's connection sees the cluster now. */
  const masterPortOf = (key: string) => {
    const owner = cluster().slots[calculateSlot(key)]?.[0];
    if (!owner) throw new Error(`no master known for ${key}`);
    return Number(owner.slice(owner.lastIndexOf(':') + 1));
  };
  const userMasterPort = (userId: string) => masterPortOf(groupTag(groupOfId(userId)));

  async function restoreCluster(): Promise<void> {
    if (killedPort === null || restarted) return;
    restartClusterNode(killedPort, killedDir);
    restarted = true;
    await waitFor(() => clusterSettled(PORTS), 'the cluster to settle with the restarted node', 60_000, 200);
  }

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    upstream.setDefault({ content: CONTENT, tokenDelayMs: 5 });
    app = await startTestApp({
      A4F_BASE_URL: upstream.url,
      A4F_API_KEY: SERVER_KEY,
      LLM_UPSTREAM_RETRY_DELAY_MS: '20',
      LLM_SSE_HEARTBEAT_MS: '60000',
      USAGE_RELEASE_EXPIRED_CRON: NEVER,
      QUOTA_RECONCILE_CRON: NEVER,
      QUOTA_RESET_CRON: NEVER,
    });
    // The queues the traffic uses. (With every queue's worker, closing them after a failover of the master of
    // the mail, maintenance and stripe-sync queues did not finish: see docs/architecture.md.)
    workers = await startWorkers(app.config, createLogger(app.config.LOG_LEVEL, { role: 'test-worker' }), [
      'llm',
      'usage',
    ]);
    scheduler = await startScheduler(app.config, createLogger(app.config.LOG_LEVEL, { role: 'test-scheduler' }));
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    await waitFor(() => clusterSettled(PORTS), 'a settled cluster (3 masters, a replica each)', 30_000, 200);
  }, 90_000);

  afterAll(async () => {
    await restoreCluster();
    await scheduler?.stop();
    await workers?.stop();
    await app?.stop();
    await upstream?.close();
  }, 120_000);

  async function attempt(loop: Loop): Promise<Attempt> {
    const startedAt = Date.now();
    const done = (status: number, requestId: string | null, ok: boolean, error?: string): Attempt => ({
      loop: loop.name,
      stream: loop.stream,
      startedAt,
      endedAt: Date.now(),
      status,
      requestId,
      ok,
      ...(error ? { error } : {}),
    });
    try {
      if (loop.stream) {
        const res = await openSse(app.url, {
          path: '/v1/chat/completions',
          headers: loop.auth,
          body: chatBody('failover', { stream: true }),
        });
        const requestId = res.headers['x-request-id'] ? String(res.headers['x-request-id']) : null;
        const timer = setTimeout(() => res.drop(), ATTEMPT_TIMEOUT_MS);
        try {
          if (res.status !== 200) return done(res.status, requestId, false, (await res.text()).slice(0, 200));
          const events = await res.rest();
          const ok = events.at(-1)?.data === '[DONE]' && contentOf(events) === CONTENT;
          return done(200, requestId, ok, ok ? undefined : JSON.stringify(events.slice(-2)).slice(0, 300));
        } finally {
          clearTimeout(timer);
        }
      }
      const res = await fetch(`${app.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { ...loop.auth, 'content-type': 'application/json' },
        body: JSON.stringify(chatBody('failover')),
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const requestId = res.headers.get('x-request-id');
      const body = (await res.json()) as { choices?: Array<{ message: { content: string } }> };
      const ok = res.status === 200 && body.choices?.[0]?.message.content === CONTENT;
      return done(res.status, requestId, ok, ok ? undefined : JSON.stringify(body).slice(0, 300));
    } catch (error) {
      return done(0, null, false, error instanceof Error ? error.message : String(error));
    }
  }

  it('recovers by itself; every served request is in the ledger once, counters equal the ledger, nothing stays reserved', async () => {
    // The queues' masters are spared: this test is about a payer's and a request's keys (see docs/architecture.md).
    const queueMasters = new Set(
      (['llm', 'usage'] as const).map((queue) => masterPortOf(bullPrefix(app.config.REDIS_PREFIX, queue))),
    );
    const users: Array<{ id: string; auth: Record<string, string>; port: number }> = [];
    let victim: number | null = null;
    for (let i = 0; i < 80; i += 1) {
      const { auth, user } = await llmUser(app, {
        limitOverrides: { requests_per_minute: 100_000, concurrent_streams: 50 },
      });
      const port = userMasterPort(user.id);
      if (victim === null && !queueMasters.has(port)) victim = port;
      const affected = users.filter((u) => u.port === victim).length;
      const others = users.filter((u) => u.port !== victim).length;
      if ((port === victim && affected < 2) || (port !== victim && others < 2)) users.push({ id: user.id, auth, port });
      if (users.filter((u) => u.port === victim).length >= 2 && users.filter((u) => u.port !== victim).length >= 2)
        break;
    }
    if (victim === null) throw new Error('every master holds a queue; no master to kill without them');
    expect(users.filter((u) => u.port === victim)).toHaveLength(2);

    const loops: Loop[] = users.flatMap((user, i) =>
      [false, true].map((stream) => ({
        name: `${user.port === victim ? 'affected' : 'other'}-${i}-${stream ? 'stream' : 'plain'}`,
        userId: user.id,
        affected: user.port === victim,
        stream,
        auth: user.auth,
        attempts: [],
      })),
    );
    let running = true;
    const loopRuns = loops.map(async (loop) => {
      while (running) {
        const result = await attempt(loop);
        loop.attempts.push(result);
        if (!result.ok) await sleep(50);
      }
    });

    const firstAt = Date.now();
    await waitFor(
      () => loops.every((loop) => loop.attempts.filter((a) => a.ok).length >= 3),
      'every loop to serve before the kill',
      30_000,
    );
    await sleep(3000);

    const pid = nodePid(victim);
    killedDir = clusterDirOf(victim);
    killedPort = victim;
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const survivor = PORTS.find((port) => port !== victim)!;
    // As a survivor sees it: the victim marked failed, then its slots served by another node (the promoted replica).
    const victimSlot = calculateSlot(groupTag(groupOfId(users.find((u) => u.port === victim)!.id)));
    let noticedAt: number | null = null;
    const promotedAt = await waitFor(
      () => {
        const view = clusterView(survivor);
        if (noticedAt === null && view.failed.includes(victim!)) noticedAt = Date.now();
        const owner = view.owners.find(({ ranges }) =>
          ranges.some(([from, to]) => victimSlot >= from && victimSlot <= to),
        );
        return owner && owner.port !== victim && clusterReady([survivor]) && Date.now();
      },
      'a replica to be promoted',
      RECOVERY_BOUND_MS,
      50,
    );

    const servedAgain = (loop: Loop) => loop.attempts.find((a) => a.ok && a.startedAt >= killedAt);
    await waitFor(() => loops.every(servedAgain), 'every loop to serve again after the kill', RECOVERY_BOUND_MS, 50);
    // Steady traffic a while longer, including on the promoted master.
    await sleep(Math.max(3000, 12_000 - (Date.now() - firstAt)));
    running = false;
    await Promise.all(loopRuns);
    const recoveredAt = Date.now();

    await restoreCluster();
    const restoredAt = Date.now();

    const recovery = loops.map((loop) => {
      const after = loop.attempts.filter((a) => a.endedAt >= killedAt);
      const failed = after.filter((a) => !a.ok);
      return {
        loop: loop.name,
        affected: loop.affected,
        recovery_ms: servedAgain(loop)!.endedAt - killedAt,
        failed_after_kill: failed.length,
        failures: [...new Set(failed.map((a) => `${a.status} ${a.error ?? ''}`.slice(0, 160)))].slice(0, 5),
        served: loop.attempts.filter((a) => a.ok).length,
        median_attempt_ms: median(loop.attempts.map((a) => a.endedAt - a.startedAt)),
      };
    });

    // (2) Every request answered 200 is in the ledger exactly once.
    const attempts = loops.flatMap((loop) => loop.attempts);
    const served = attempts.filter((a) => a.status === 200 && a.requestId).map((a) => a.requestId!);
    const missing = async () => {
      const found = new Set<string>(
        await TokenUsageModel.distinct('request_id', { request_id: mongoose.trusted({ $in: served }) }),
      );
      return served.filter((id) => !found.has(id));
    };
    await waitFor(async () => (await missing()).length === 0, 'every served request in the ledger', 60_000, 200).catch(
      async (error: Error) => {
        throw new Error(`${error.message}; missing: ${(await missing()).join(', ')}`);
      },
    );
    await waitForLedgerFlush(app, 60_000);
    const rows = await TokenUsageModel.find(
      { request_id: mongoose.trusted({ $in: served }) },
      { request_id: 1 },
    ).lean();
    expect(rows).toHaveLength(served.length);

    // (4) Nothing stays reserved: settlements released everything; the sweep finds nothing left over.
    const sweep = await waitForFinishedJob(
      app.producer.queues.usage,
      await scheduler.usageTick('release-expired', new Date(Date.now() + 60_000)),
      30_000,
    );

    // (3) Each payer's counter equals its ledger. Before reconciliation: what the failover left; then reconciled.
    const ledgerUsed = async (userId: string) => {
      const billable = await TokenUsageModel.find({
        payer_id: userId,
        status: mongoose.trusted({ $ne: 'failed' }),
      }).lean();
      return billable.reduce((sum, row) => sum + row.billed_tokens, 0);
    };
    const before = await Promise.all(
      users.map(async (user) => {
        const snap = (await quota.snapshot({ kind: 'user', id: user.id }))!;
        return {
          user: user.id,
          redis_used: snap.used,
          ledger_used: await ledgerUsed(user.id),
          reserved: snap.reserved,
        };
      }),
    );
    const reconcile = await waitForFinishedJob(
      app.producer.queues.usage,
      await scheduler.usageTick('reconcile', new Date(Date.now() + 120_000)),
      30_000,
    );
    const after = await Promise.all(
      users.map(async (user) => {
        const snap = (await quota.snapshot({ kind: 'user', id: user.id }))!;
        return {
          user: user.id,
          redis_used: snap.used,
          ledger_used: await ledgerUsed(user.id),
          reserved: snap.reserved,
        };
      }),
    );
    const unreplicated = (await settlementsUnreplicatedTotal.get()).values[0]?.value ?? 0;

    const report = {
      victim_port: victim,
      queue_master_ports: [...queueMasters],
      measured_ms: {
        kill_to_failure_marked: noticedAt === null ? null : (noticedAt as number) - killedAt,
        kill_to_replica_promoted: promotedAt - killedAt,
        affected_loops_recovered_max: Math.max(...recovery.filter((r) => r.affected).map((r) => r.recovery_ms)),
        other_loops_recovered_max: Math.max(...recovery.filter((r) => !r.affected).map((r) => r.recovery_ms)),
        traffic_total: recoveredAt - firstAt,
        restart_to_settled: restoredAt - recoveredAt,
      },
      loops: recovery,
      requests: { attempted: attempts.length, served_200: served.length, ok: attempts.filter((a) => a.ok).length },
      settlements_unreplicated: unreplicated,
      release_expired: sweep.returnvalue,
      reconcile: reconcile.returnvalue,
      counters_before_reconcile: before,
    };
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/redis-failover.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(`redis failover: ${JSON.stringify(report.measured_ms)} ${JSON.stringify(report.requests)}`);

    // (1) Every loop served again within the bound, by itself.
    expect(recovery.every((r) => r.recovery_ms <= RECOVERY_BOUND_MS)).toBe(true);
    // (3) Every settlement that completed before the kill had a replica's acknowledgement (WAIT), so the failover
    // lost no counter: nothing drifted and nothing to restore. (Settlements reported unreplicated ran on the
    // promoted master while it had no replica yet; a second failover then could lose them, this test has none.)
    // Reconciliation would rebuild a lost or drifted counter from the ledger; after it too, they agree.
    expect(before.map((b) => b.redis_used)).toEqual(before.map((b) => b.ledger_used));
    expect(reconcile.returnvalue).toMatchObject({ drifted: 0, drift_tokens: 0 });
    expect(after.map((a) => a.redis_used)).toEqual(after.map((a) => a.ledger_used));
    // (4) Nothing reserved, in any account or any group's reservation index.
    expect(after.map((a) => a.reserved)).toEqual(after.map(() => 0));
    expect((await quota.reservationCounts()).outstanding).toBe(0);
  }, 240_000);
});
