import { isIP } from 'node:net';
import { z } from 'zod';
import { validate as validateCron } from 'node-cron';

export const LOCAL_SMTP_URL = 'smtp://127.0.0.1:1025';
export const LOCAL_MAIL_FROM = 'AI Coder <no-reply@localhost>';
export const DEFAULT_PUBLIC_URL = 'http://localhost:8000';
export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me-0000000000';

const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

function isAbsoluteUrlWithoutFragment(value: string): boolean {
  try {
    return !value.includes('#') && Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}

const HOPS = /^\d{1,2}$/;

/** An entry of a trust-proxy list: a name proxy-addr knows, an IP address, or a CIDR. */
function isTrustedProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const boolFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1'));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8000),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL')
      .default('mongodb://127.0.0.1:27017/user_management_db'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    /**
     * Redis Cluster nodes (`host:port,...`): when set, every connection is a cluster connection and REDIS_URL only
     * lends its credentials and TLS (rediss://). See docs/architecture.md "Redis keys and hash slots".
     */
    REDIS_CLUSTER_NODES: csv('').pipe(
      z.array(z.string().regex(/^[A-Za-z0-9_.-]+:\d{1,5}$/, 'must be host:port entries separated by commas')),
    ),
    /** Namespaces every Redis key and BullMQ queue, so several deployments (or test files) share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .default('aic'),
    JWT_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    JWT_ISSUER: z.string().default('aicoder-backend'),
    JWT_AUDIENCE: z.string().default('aicoder-extension'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(1800),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
    /**
     * A spent refresh token presented again within this many seconds (several editor windows sharing one stored
     * token, each refreshing) gets a new pair in the same session instead of counting as a replay. 0 turns it off.
     */
    REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(12),
    /**
     * bcrypt hashes and compares running at once per process. Below libuv's pool (UV_THREADPOOL_SIZE, 4 by default)
     * so DNS lookups and file work keep a thread; beyond it up to BCRYPT_QUEUE_MAX wait, the rest get 503 server_busy.
     */
    BCRYPT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
    BCRYPT_QUEUE_MAX: z.coerce.number().int().min(0).max(1000).default(16),
    /**
     * bcrypt slots (running and waiting together) one client may hold at once: its IP (an IPv6 /64) for sign-ins
     * and registrations, its account for password changes, its parent for sub-user passwords. Beyond: 503 server_busy
     * for that client only, so one client looping cannot take every slot.
     */
    BCRYPT_MAX_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(4),
    BODY_LIMIT: z.string().default('1mb'),
    /** Deepest nesting of objects and arrays a JSON body may have (deeper: 400 json_too_deep). */
    JSON_MAX_DEPTH: z.coerce.number().int().min(8).max(1000).default(64),
    /** Create collections and indexes when a role starts (idempotent); otherwise only check that the unique ones exist. Production runs `npm run db:init`. */
    DB_AUTO_INIT: boolFlag,
    /**
     * FerretDB's PostgreSQL database (FerretDB over PostgreSQL only), read by `npm run db:init` and the services script,
     * never by the service: where db:init adds the GIN indexes and plan setting that keep lookups indexed. Unset with a
     * local DATABASE_URL: the one scripts/services.ts starts FerretDB on.
     */
    FERRETDB_POSTGRESQL_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /**
     * Express `trust proxy`: a number of proxy hops in front of the app (a platform router is 1), or a comma list of
     * proxy addresses/CIDRs and the names loopback, linklocal, uniquelocal. `true` (trust any X-Forwarded-For) is refused.
     */
    TRUST_PROXY: z
      .string()
      .default('loopback')
      .refine(
        (value) => HOPS.test(value.trim()) || value.split(',').every((entry) => isTrustedProxyEntry(entry.trim())),
        'must be a number of hops or a comma list of addresses, CIDRs, loopback, linklocal, uniquelocal',
      )
      .transform((value): string | number => (HOPS.test(value.trim()) ? Number(value) : value)),
    /** Failed sign-ins allowed per window for one account from one IP (strict: only that IP is blocked). */
    LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: z.coerce.number().int().min(1).default(5),
    /** Failed sign-ins per window for one account from all IPs together (distributed guessing). */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
    /** Failed sign-ins per window from one IP (an IPv6 /64) across all accounts (password spraying). */
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    /** Successful sign-ins per window for one account (a client signing in in a loop keeps bcrypt busy). */
    LOGIN_MAX_SUCCESSES_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
    /** Successful sign-ins per window from one IP (an IPv6 /64) across all accounts. */
    LOGIN_MAX_SUCCESSES_PER_IP: z.coerce.number().int().min(1).default(100),
    LOGIN_SUCCESS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    /** Every per-IP limit also counts an IPv6 /48, this many times as loosely as its /64s. */
    IPV6_48_LIMIT_MULTIPLIER: z.coerce.number().int().min(1).max(65_536).default(4),
    /** Failed sign-ins per window through one known-client token (a stolen token cannot be brute-forced). */
    KNOWN_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    /** How long a known-client token stays valid after its last successful sign-in. */
    KNOWN_CLIENT_TTL_DAYS: z.coerce.number().int().min(1).max(400).default(90),
    /** Registrations per window from one IP (an IPv6 /64). */
    REGISTER_MAX_PER_IP: z.coerce.number().int().min(1).default(20),
    REGISTER_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    /** OAuth sign-in starts (`GET /auth/oauth/{provider}`) per window from one IP (an IPv6 /64). */
    OAUTH_INITIATE_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
    OAUTH_INITIATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    A4F_BASE_URL: z.url().default('https://api.a4f.co/v1'),
    A4F_API_KEY: optionalString,
    /** JSON array of extra upstream providers for fallback: [{name, base_url, api_key?, priority}]. */
    LLM_PROVIDERS_JSON: optionalString,
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_API_BASE: optionalString.pipe(z.url().optional()),
    /** Stripe price ids per paid tier, comma-separated; the first is offered at checkout, all map to the tier. */
    STRIPE_PRICE_PRO: csv(''),
    STRIPE_PRICE_ENTERPRISE: csv(''),
    /** Days a past_due subscription keeps its tier before it drops to free. */
    STRIPE_PAST_DUE_GRACE_DAYS: z.coerce.number().min(0).default(7),
    /** Hours the monthly reset waits for Stripe's invoice.paid past a paid period's end before resetting it itself. */
    STRIPE_RENEWAL_GRACE_HOURS: z.coerce.number().min(0).default(72),
    /** Extra origins (scheme://host[:port]) allowed as checkout/portal redirect targets, besides PUBLIC_URL and vscode://. */
    BILLING_REDIRECT_ALLOWLIST: csv('').pipe(z.array(z.url({ protocol: /^https?$/ }))),
    BILLING_SUCCESS_URL: optionalString.pipe(z.url().optional()),
    BILLING_CANCEL_URL: optionalString.pipe(z.url().optional()),
    QUOTA_RESET_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
    /** Documents `npm run db:migrate` reads and converts per batch (memory stays bounded by one batch). */
    DB_MIGRATE_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    /** Test-only: a pause after each batch of `db:migrate`, so a test can kill it half-way. Refused in production. */
    DB_MIGRATE_BATCH_DELAY_MS: z.coerce.number().int().min(0).default(0),
    /** Where clients reach this service (mail links, OAuth callbacks, the OpenAPI server). See the transform below. */
    PUBLIC_URL: z.url().optional(),
    /**
     * Outgoing mail: smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), credentials in the URL. Outside
     * production it defaults to the local Mailpit the services script starts; production refuses to start without it.
     */
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
        .optional(),
    ),
    /** The sender of every mail: an address, or `Name <address>`. */
    MAIL_FROM: optionalString.pipe(
      z
        .string()
        .max(320)
        .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address or Name <address>')
        .optional(),
    ),
    /** Explicitly run without mail: mail-dependent endpoints answer 503 mail_disabled, notices are skipped. */
    MAIL_DISABLED: boolFlag,
    /** Mails about one address per window: forgot password, resend, and address-change links sent to it. */
    MAIL_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
    /** Address-change mails one account may have sent to other addresses per window (MAIL_ADDRESS_WINDOW_SECONDS). */
    MAIL_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    MAIL_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    /** `POST /auth/password/forgot` per window from one IP (an IPv6 /64). */
    PASSWORD_FORGOT_MAX_PER_IP: z.coerce.number().int().min(1).default(20),
    PASSWORD_FORGOT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    /** How long a verification or address-change link stays valid. */
    EMAIL_VERIFICATION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(48),
    LLM_MODELS: csv('gpt-4,claude-3,gpt-3.5-turbo'),
    LLM_FREE_MODELS: csv('gpt-3.5-turbo'),
    /** Embedding models offered on every plan (`POST /v1/embeddings`); empty turns embeddings off. */
    LLM_EMBEDDING_MODELS: csv(''),
    LLM_DEFAULT_MODEL: optionalString,
    STREAM_RESUME_GRACE_MS: z.coerce.number().int().min(0).default(10000),
    METRICS_TOKEN: optionalString,
    /** When set, the web role serves /metrics on this port only (not on the API port). */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** JSON object overriding plan limits, e.g. {"free":{"monthly_tokens":5000}}. */
    PLANS_JSON: optionalString,
    VSCODE_EXTENSION_ID: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/i, 'must be publisher.name')
      .default('aicoder.aicoder-vscode'),
    /** Extra exact redirect URIs for OAuth sign-in besides vscode://<VSCODE_EXTENSION_ID>/… (see README). */
    OAUTH_REDIRECT_ALLOWLIST: csv('').refine(
      (entries) => entries.every(isAbsoluteUrlWithoutFragment),
      'every entry must be an absolute URL without a fragment',
    ),
    GITHUB_CLIENT_ID: optionalString,
    GITHUB_CLIENT_SECRET: optionalString,
    GITHUB_AUTHORIZE_URL: z.url().default('https://github.com/login/oauth/authorize'),
    GITHUB_TOKEN_URL: z.url().default('https://github.com/login/oauth/access_token'),
    GITHUB_API_URL: z.url().default('https://api.github.com'),
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    GOOGLE_AUTHORIZE_URL: z.url().default('https://accounts.google.com/o/oauth2/v2/auth'),
    GOOGLE_TOKEN_URL: z.url().default('https://oauth2.googleapis.com/token'),
    GOOGLE_USERINFO_URL: z.url().default('https://openidconnect.googleapis.com/v1/userinfo'),
    QUOTA_RESET_CRON: z
      .string()
      .default('0 * * * *')
      .refine((value) => validateCron(value), 'must be a valid cron expression'),
    WORKER_CONCURRENCY_LLM: z.coerce.number().int().min(1).default(256),
    /**
     * Prompt bytes (UTF-8 JSON of the request bodies) one worker process holds for its running llm jobs; a job
     * whose prompt does not fit waits in the worker until running ones end (one prompt alone always fits). At its
     * peak a worker's RSS grows by about four to six times this (the parsed body, its JSON for the upstream, the HTTP
     * client's buffer, the Redis reply).
     */
    LLM_WORKER_PROMPT_BUDGET_MB: z.coerce.number().int().min(1).default(32),
    ENABLE_DEV_MOCK_LLM: boolFlag,
    /** How long a rotated API key keeps working after `POST /api-keys/{id}/rotate`. */
    API_KEY_ROTATION_OVERLAP_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(30 * 86400)
      .default(3600),
    /** How long an API key lookup is cached in Redis (revocation, rotation and deactivation clear it at once). */
    API_KEY_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** Most live (unrevoked) API keys one user may hold. */
    API_KEY_MAX_PER_USER: z.coerce.number().int().min(1).default(100),
    /** Lifetime of the cookie session of the admin dashboard (/admin/login, /admin/queues). */
    ADMIN_SESSION_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .default(8 * 3600),
    /** Live organizations one user may own or have created (each has the free plan's pool until it pays). */
    ORGANIZATIONS_MAX_PER_OWNER: z.coerce.number().int().min(1).default(5),
    /** Organizations one user may create per calendar month (UTC), deleted and handed-over ones included. */
    ORGANIZATIONS_CREATIONS_PER_MONTH: z.coerce.number().int().min(1).max(100).default(2),
    /** How long an invitation to an organization can be accepted. */
    ORGANIZATION_INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    /** Invitations one account may send per hour, across its organizations (each answer tells addresses apart). */
    ORGANIZATION_INVITES_PER_HOUR: z.coerce.number().int().min(1).default(50),
    ORGANIZATION_MAX_MEMBERS: z.coerce.number().int().min(1).default(200),
    SUB_USERS_MAX_PER_USER: z.coerce.number().int().min(1).default(50),
    /** Sub-user passwords (on creation or change) one parent may set per window: each costs a bcrypt hash. */
    SUB_USER_PASSWORD_SETS_PER_PARENT: z.coerce.number().int().min(1).default(30),
    SUB_USER_PASSWORD_SET_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    WORKER_CONCURRENCY_USAGE: z.coerce.number().int().min(1).default(16),
    /** BullMQ lock of an active job; a worker that dies holding it has the job retried once the lock lapses. */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(200).default(30_000),
    /** How often workers look for jobs whose worker died (stalled) and put them back. */
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    /** When set, the worker role serves its own /metrics on this port (0 = any free port). */
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Scheduler ticks of the usage queue: release expired reservations, rebuild counters from the ledger. */
    USAGE_RELEASE_EXPIRED_CRON: z.string().default('* * * * *'),
    QUOTA_RECONCILE_CRON: z.string().default('17 * * * *'),
    /** The purge of spent and expired sign-in records (refresh tokens, ended sessions, OAuth codes). */
    PURGE_CRON: z
      .string()
      .default('*/10 * * * *')
      .refine((value) => validateCron(value), 'must be a valid cron expression'),
    /** Documents removed per batch, and batches per collection per run: bounded work, the next run goes on. */
    PURGE_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    PURGE_MAX_BATCHES: z.coerce.number().int().min(1).max(1000).default(20),
    /** How long scrape-time gauges (queue depth, reservations) are cached between /metrics scrapes. */
    METRICS_CACHE_MS: z.coerce.number().int().min(0).default(5000),
    /**
     * How long the copies of the usage totals on user and organization documents (tokens_used, tokens_remaining,
     * monthly_usage) may trail the Redis counters: they are written at most once per window per account, after it.
     * 0 writes them inside every settlement (two reads and a locked write of the account per request).
     */
    USAGE_SEED_SYNC_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    /**
     * Settled ledger rows wait in Redis (the ledger backlog) at most about this long before a `flush-ledger` job
     * writes them to MongoDB in one insertMany: what a total Redis loss can lose of settled usage.
     */
    USAGE_LEDGER_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    /** Rows written per insertMany by a flush (a flush writes batch after batch until the backlog is empty). */
    USAGE_LEDGER_FLUSH_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
    /**
     * The backlog's bound: while this many rows wait (the database is away or too slow), new LLM requests are
     * refused with 503 `usage_backlog_full`; requests already admitted still settle into it.
     */
    USAGE_LEDGER_BACKLOG_MAX: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    /** Test-only: a pause between the steps of a settlement or a ledger flush, so a test can kill a worker mid-job. Refused in production. */
    USAGE_SETTLE_STEP_DELAY_MS: z.coerce.number().int().min(0).default(0),
    // LLM proxy: request path (see the README's LLM section).
    /** max_tokens reserved and sent upstream when the client sets none. */
    LLM_DEFAULT_MAX_TOKENS: z.coerce.number().int().min(1).default(4096),
    /** Extra share added to the tokenizer's prompt count so the real prompt_tokens stays under the estimate. */
    LLM_PROMPT_ESTIMATE_MARGIN: z.coerce.number().min(0).max(4).default(0.15),
    /** Prompts with more text than this many UTF-8 bytes reserve their byte length (an upper bound of any BPE count) instead of an exact count. */
    LLM_TOKENIZE_MAX_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(32_768),
    /** What one image in a prompt reserves, whatever its detail: the largest documented cost of the models offered. */
    LLM_IMAGE_TOKENS: z.coerce.number().int().min(85).default(2500),
    /** A reservation (and a concurrency slot) not settled within this time is released. */
    LLM_RESERVATION_TTL_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(30 * 60_000),
    /** How long a request's Redis Stream and status stay readable after its last write. */
    LLM_STREAM_TTL_SECONDS: z.coerce.number().int().min(10).default(3600),
    /** Approximate cap on entries kept per request stream (XADD MAXLEN ~). */
    LLM_STREAM_MAXLEN: z.coerce.number().int().min(100).default(20_000),
    /** Blocking XREAD connections per API process shared by all streams it relays. */
    LLM_STREAM_READERS: z.coerce.number().int().min(1).max(32).default(2),
    /** SSE keep-alive comment interval. */
    LLM_SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
    /**
     * A streaming answer's 200 waits this long for the first token, so an upstream failure before it is a real
     * HTTP error; after it, headers (with X-Request-Id) go out and later errors are SSE error events.
     */
    LLM_SSE_HEADER_DEFER_MS: z.coerce.number().int().min(0).default(1000),
    LLM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
    /** From sending the request upstream to its first generated token. */
    LLM_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().min(50).default(60_000),
    /** Longest silence between two upstream chunks after the first token. */
    LLM_IDLE_TIMEOUT_MS: z.coerce.number().int().min(50).default(30_000),
    /** Extra attempts on the same provider (before the first token) before falling back to the next one. */
    LLM_UPSTREAM_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
    LLM_UPSTREAM_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(250),
    /** Keep-alive connections per upstream origin (0 = unlimited). */
    LLM_UPSTREAM_CONNECTIONS: z.coerce.number().int().min(0).default(0),
    LLM_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    /**
     * BullMQ lock of an llm job: a worker that dies mid-stream is detected after about this long. Shorter locks
     * are renewed too late by a saturated worker, which then loses healthy streams to false stall detection.
     */
    LLM_JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
    LLM_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(15_000),
    LLM_MAX_STALLED_COUNT: z.coerce.number().int().min(0).max(10).default(2),
    /**
     * LLM routes remember a credential's principal and payer in process for at most this long; an entry is used
     * only while its auth epochs in Redis are unchanged (src/lib/auth-epochs.ts), so revocation stays immediate
     * on every process. This only bounds memory and the age of an entry. 0 turns the cache off.
     */
    LLM_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
    /** Delay between words of the offline dev mock provider. */
    LLM_MOCK_TOKEN_DELAY_MS: z.coerce.number().int().min(0).default(20),
  })
  .transform((env) => {
    const local = env.NODE_ENV !== 'production';
    return {
      ...env,
      DB_AUTO_INIT: env.DB_AUTO_INIT ?? local,
      MAIL_DISABLED: env.MAIL_DISABLED ?? false,
      // Outside production mail goes to the local Mailpit (scripts/services.ts starts it) unless configured.
      SMTP_URL: env.SMTP_URL ?? (local ? LOCAL_SMTP_URL : undefined),
      MAIL_FROM: env.MAIL_FROM ?? (local ? LOCAL_MAIL_FROM : undefined),
      // Outside production links follow the port the service listens on, so `PORT=9000 npm start` links to 9000.
      PUBLIC_URL: env.PUBLIC_URL ?? (local ? `http://localhost:${env.PORT}` : DEFAULT_PUBLIC_URL),
    };
  });

export type Env = z.infer<typeof envSchema>;
