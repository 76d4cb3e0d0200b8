import type { RedisClient } from '../lib/redis.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';
import { metricsRegistry } from '../lib/metrics.js';
import { createQuotaService } from '../domain/quota/service.js';
import { createLedgerBacklog } from '../domain/quota/ledger-backlog.js';
import { JOB_STATES } from '../../queues/index.js';

interface Deps {
  redis: RedisClient;
  prefix: string;
  queues: Record<string, Queue>;
  /** How long queue depth and reservation counts are reused between scrapes. */
  cacheMs: number;
}

/**
 * Renders /metrics: the process's own metrics plus gauges read from Redis at scrape time (queue depth per
 * queue and state, reservations outstanding, the ledger backlog), cached briefly so frequent scrapes cost one round of reads.
 */
export function createMetricsCollector({ redis, prefix, queues, cacheMs }: Deps) {
  const quota = createQuotaService({ redis, prefix });
  const backlog = createLedgerBacklog({ redis, prefix });
  const scrapeRegistry = new Registry();
  const queueJobs = new Gauge({
    name: 'queue_jobs',
    help: 'Jobs in each queue by state, read from Redis at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: [scrapeRegistry],
  });
  const outstanding = new Gauge({
    name: 'quota_reservations_outstanding',
    help: 'Quota reservations not yet settled or released',
    registers: [scrapeRegistry],
  });
  const overdue = new Gauge({
    name: 'quota_reservations_expired',
    help: 'Outstanding reservations past their expiry (released by the next release-expired job)',
    registers: [scrapeRegistry],
  });
  const backlogRows = new Gauge({
    name: 'usage_ledger_backlog_rows',
    help: 'Settled ledger rows waiting in Redis for a flush to MongoDB (new LLM requests are refused at USAGE_LEDGER_BACKLOG_MAX)',
    registers: [scrapeRegistry],
  });
  const backlogAge = new Gauge({
    name: 'usage_ledger_backlog_oldest_age_seconds',
    help: 'How long the oldest settled ledger row has waited in Redis for a flush to MongoDB (0 when none waits)',
    registers: [scrapeRegistry],
  });
  const scrapeErrors = new Gauge({
    name: 'metrics_scrape_redis_up',
    help: '1 when the last scrape could read queue and reservation gauges from Redis',
    registers: [scrapeRegistry],
  });
  let refreshedAt = 0;
  let refreshing: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    try {
      const counts = await Promise.all(
        Object.entries(queues).map(async ([name, queue]) => [name, await queue.getJobCounts(...JOB_STATES)] as const),
      );
      for (const [name, byState] of counts) {
        for (const state of JOB_STATES) queueJobs.set({ queue: name, state }, byState[state] ?? 0);
      }
      const reservations = await quota.reservationCounts();
      outstanding.set(reservations.outstanding);
      overdue.set(reservations.expired);
      const waiting = await backlog.stats();
      backlogRows.set(waiting.length);
      backlogAge.set(waiting.oldestAgeSeconds);
      scrapeErrors.set(1);
    } catch {
      scrapeErrors.set(0);
    }
    refreshedAt = Date.now();
  }

  async function render(): Promise<string> {
    if (Date.now() - refreshedAt >= cacheMs) {
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      await refreshing;
    }
    const [own, scraped] = await Promise.all([metricsRegistry.metrics(), scrapeRegistry.metrics()]);
    return `${own.trimEnd()}\n${scraped}`;
  }

  return { render, contentType: metricsRegistry.contentType };
}
export type MetricsCollector = ReturnType<typeof createMetricsCollector>;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when no token is configured, or the Authorization header carries it (compared in constant time). */
export function metricsAuthorized(token: string | undefined, header: string | undefined): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}
