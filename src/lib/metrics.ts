import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus registry. Metrics live in the process that records them: the web role counts HTTP
 * requests, the worker role counts jobs, settlements and tokens; each role exposes its own numbers (web at
 * /metrics, workers on WORKER_METRICS_PORT). Queue depth and outstanding reservations are read from Redis at
 * scrape time, so every role reports the same values for those.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export const httpRequestsTotal = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, matched route path and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request (to the end of the response, streams included), by matched route',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [metricsRegistry],
});

export const timeToFirstToken = new Histogram({
  name: 'llm_time_to_first_token_seconds',
  help: 'Time from accepting an LLM request to its first token, by model and the process that observed it',
  labelNames: ['model', 'observer'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20],
  registers: [metricsRegistry],
});

/** Records a time to first token; `observer` says which role saw it (`api` for the relay, `usage` for the ledger). */
export function observeTtft(model: string, ms: number, observer: 'api' | 'worker' | 'usage' = 'api'): void {
  if (Number.isFinite(ms) && ms >= 0) timeToFirstToken.observe({ model, observer }, ms / 1000);
}

export const jobDuration = new Histogram({
  name: 'queue_job_duration_seconds',
  help: 'Time a worker spent processing a job, by queue and outcome',
  labelNames: ['queue', 'outcome'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [metricsRegistry],
});

export const llmTokensTotal = new Counter({
  name: 'llm_tokens_total',
  help: 'Tokens of settled LLM requests, counted once when a settlement is first applied (type: prompt, completion, billed)',
  labelNames: ['model', 'type'] as const,
  registers: [metricsRegistry],
});

export const settlementsTotal = new Counter({
  name: 'usage_settlements_total',
  help: 'Settlements first applied, by request status and where the usage came from (reported, counted, none)',
  labelNames: ['status', 'usage_source'] as const,
  registers: [metricsRegistry],
});

export const ledgerRowsWrittenTotal = new Counter({
  name: 'usage_ledger_rows_written_total',
  help: 'Settled ledger rows written from the ledger backlog to token_usage by flush jobs (repeats included)',
  registers: [metricsRegistry],
});

export const ledgerFlushBatchRows = new Histogram({
  name: 'usage_ledger_flush_batch_rows',
  help: 'Rows per insertMany of a ledger flush',
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000],
  registers: [metricsRegistry],
});

export const reservationsReleasedTotal = new Counter({
  name: 'quota_expired_reservations_released_total',
  help: 'Reservations released because their request never settled before they expired',
  registers: [metricsRegistry],
});

export const settlementsUnreplicatedTotal = new Counter({
  name: 'quota_settlements_unreplicated_total',
  help: 'Settlements no replica acknowledged in time (Redis Cluster): a master failover right after would lose them',
  registers: [metricsRegistry],
});

export const reconcileAccountsTotal = new Counter({
  name: 'quota_reconcile_accounts_total',
  help: 'Accounts checked by reconciliation, by result (ok, drift, restored, gone)',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

export const reconcileDriftTokensTotal = new Counter({
  name: 'quota_reconcile_drift_tokens_total',
  help: 'Absolute difference between the Redis counters and the ledger corrected by reconciliation',
  registers: [metricsRegistry],
});

export const reconcileLastDrift = new Gauge({
  name: 'quota_reconcile_last_drift_tokens',
  help: 'Sum of absolute drift found by the last reconciliation run in this process',
  registers: [metricsRegistry],
});

export const bcryptOperationsTotal = new Counter({
  name: 'bcrypt_operations_total',
  help: 'bcrypt hashes and compares, by operation and outcome (done, or refused because the bounded queue was full)',
  labelNames: ['op', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const bcryptInFlight = new Gauge({
  name: 'bcrypt_in_flight',
  help: 'bcrypt operations running now in this process (at most BCRYPT_CONCURRENCY)',
  registers: [metricsRegistry],
});

export const bcryptWaiting = new Gauge({
  name: 'bcrypt_waiting',
  help: 'bcrypt operations waiting for a slot in this process (at most BCRYPT_QUEUE_MAX)',
  registers: [metricsRegistry],
});
