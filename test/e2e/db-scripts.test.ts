import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { testConfig } from '../helpers/config.js';
import { spawnRole } from '../helpers/processes.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { ALL_MODELS } from '../../src/models/index.js';

const config = testConfig();
// db:seed writes on the service's Redis (locks, auth epochs): this file's prefix, whose keys the app's stop deletes.
const env = {
  DATABASE_URL: config.DATABASE_URL,
  REDIS_URL: config.REDIS_URL,
  REDIS_CLUSTER_NODES: config.REDIS_CLUSTER_NODES.join(','),
  REDIS_PREFIX: config.REDIS_PREFIX,
  BCRYPT_COST: '10',
  NODE_ENV: 'test',
};
let app: TestApp | undefined;

async function npmRun(script: string, extra: Record<string, string> = {}) {
  const run = spawnRole(['run', '--silent', script], { ...env, ...extra }, 'npm');
  const { code } = await run.exit;
  return { code, output: run.output() };
}

afterAll(async () => {
  await app?.stop();
});

describe('npm run db:init and db:seed', { timeout: 120_000 }, () => {
  it('creates every collection and index, then seeds each tier and role idempotently; the seed users sign in', async () => {
    const init = await npmRun('db:init');
    expect(init.code, init.output).toBe(0);
    expect(init.output).not.toContain('mongodb://');

    const first = await npmRun('db:seed');
    expect(first.code, first.output).toBe(0);
    expect(first.output.match(/ created\n/g)).toHaveLength(7);
    const second = await npmRun('db:seed');
    expect(second.code, second.output).toBe(0);
    expect(second.output).not.toMatch(/ created\n/);
    expect(second.output.match(/exists, left unchanged/g)).toHaveLength(7);

    app = await startTestApp({ DATABASE_URL: config.DATABASE_URL, REDIS_PREFIX: config.REDIS_PREFIX });
    const db = mongoose.connection.db!;
    const collections = (await db.listCollections().toArray()).map((c) => c.name);
    for (const model of ALL_MODELS) expect(collections).toContain(model.collection.collectionName);
    const userIndexes = await db.collection('users').indexes();
    expect(userIndexes.find((i) => i.name === 'email_1')?.unique).toBe(true);
    expect((await db.collection('oauth_code_uses').indexes()).find((i) => i.name === 'code_id_1')?.unique).toBe(true);

    const users = await db
      .collection('users')
      .find({}, { projection: { email: 1, role: 1, subscription_tier: 1, monthly_limit: 1, tokens_remaining: 1 } })
      .toArray();
    expect(users).toHaveLength(7);
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['user', 'developer', 'admin', 'superadmin']));
    for (const tier of ['free', 'pro', 'enterprise'] as const) {
      const ofTier = users.filter((u) => u.subscription_tier === tier);
      expect(ofTier.length).toBeGreaterThanOrEqual(2);
      for (const user of ofTier)
        expect(user).toMatchObject({
          monthly_limit: app.config.plans[tier].monthly_tokens,
          tokens_remaining: app.config.plans[tier].monthly_tokens,
        });
    }

    const login = await app.request
      .post('/auth/login-json')
      .send({ email: 'test@example.com', password: 'testpassword123' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({
      subscription_tier: 'free',
      monthly_limit: 10_000,
      tokens_remaining: 10_000,
      role: 'user',
    });
    const admin = await app.request
      .post('/auth/login-json')
      .send({ email: 'admin@example.com', password: 'testpassword123' });
    expect(admin.body.user.role).toBe('admin');
  });

  it('refuses to seed a production database', async () => {
    const refused = await npmRun('db:seed', {
      NODE_ENV: 'production',
      JWT_SECRET_KEY: 'a-production-secret-of-sufficient-length',
      A4F_API_KEY: 'upstream-key',
      METRICS_TOKEN: 'metrics-token',
      MAIL_DISABLED: 'true',
    });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/db:seed failed: refusing/);
    expect(refused.output).not.toMatch(/\n\s+at /);
  });
});
