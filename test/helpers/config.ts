import { randomBytes } from 'node:crypto';
import { parseConfig, setConfig, type Config } from '../../src/config/index.js';

/** The MongoDB server the suite uses: TEST_MONGO_BASE_URL, else the server of DATABASE_URL (where `npm test` started one). */
export function testMongoBaseUrl(): string {
  if (process.env.TEST_MONGO_BASE_URL) return process.env.TEST_MONGO_BASE_URL;
  const url = process.env.DATABASE_URL ?? 'mongodb://127.0.0.1:27017';
  return url.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+).*$/, '$1');
}

/** The SMTP server of the suite: the Mailpit `npm test` (scripts/services.ts run --mailpit) provides. */
export const TEST_SMTP_URL = process.env.TEST_SMTP_URL ?? 'smtp://127.0.0.1:1025';

/** A config isolated per test file: its own database and its own Redis key prefix (no flushing shared Redis). */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const id = randomBytes(5).toString('hex');
  const base = testMongoBaseUrl();
  return setConfig(
    parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `${base}/test_${id}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      // `npm run test:cluster` sets it: the same tests on the local Redis Cluster.
      REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES ?? '',
      REDIS_PREFIX: `t_${id}`,
      BCRYPT_COST: '10',
      // Seed fields written inside each settlement, so tests read them right after it; the window has its own test.
      USAGE_SEED_SYNC_MS: '0',
      // Settled rows reach the ledger within a short window, so tests that read the ledger wait little for it.
      USAGE_LEDGER_FLUSH_MS: '25',
      // Test files register and start sign-ins from one loopback address; per-IP limits get their own tests.
      REGISTER_MAX_PER_IP: '100000',
      OAUTH_INITIATE_MAX_PER_IP: '100000',
      PASSWORD_FORGOT_MAX_PER_IP: '100000',
      LOGIN_MAX_SUCCESSES_PER_IP: '100000',
      LOGIN_MAX_SUCCESSES_PER_ACCOUNT: '100000',
      SUB_USER_PASSWORD_SETS_PER_PARENT: '100000',
      // bcrypt fairness between clients has its own test (sign-in-fairness); here every client is the loopback.
      BCRYPT_MAX_PER_CLIENT: '1000',
      JWT_SECRET_KEY: `test-secret-${randomBytes(24).toString('hex')}`,
      // Mail goes to the Mailpit `npm test` starts (tests read it through its API: test/helpers/mailpit.ts).
      SMTP_URL: TEST_SMTP_URL,
      MAIL_FROM: 'AI Coder tests <no-reply@aicoder.test>',
      ...overrides,
    }),
  );
}
