import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { documentLocksBinding } from '../../src/lib/document-locks.js';
import { createLocks } from '../../src/lib/locks.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { UserModel } from '../../src/models/user.js';
import { runLegacyMigration } from '../../src/migrations/legacy/run.js';
import type { MigrationContext } from '../../src/migrations/legacy/context.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { pythonHash, pythonUser } from '../helpers/legacy-python.js';

const { ObjectId } = mongoose.mongo;

/** The migration run in this process while the service (the real app, its locks and caches) uses the same documents. */
describe('db:migrate while the service runs', () => {
  let app: TestApp;
  let quota: QuotaService;
  let hash: string;
  beforeAll(async () => {
    app = await startTestApp();
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    hash = await pythonHash('legacy-pass', 4);
  });
  afterAll(async () => {
    await app.stop();
  });

  const context = (): MigrationContext => ({
    plans: app.config.plans,
    dryRun: false,
    now: new Date(),
    batchSize: 7,
    batchDelayMs: 0,
    quota,
    redis: app.redis,
    log: () => undefined,
  });
  const users = () => mongoose.connection.db!.collection('users');

  it("reads an unconverted Python user as converted, and carries only what this service's ledger does not already hold", async () => {
    const id = new ObjectId();
    const reset = new Date(Date.now() + 5 * 86_400_000);
    await users().insertOne(
      pythonUser({
        _id: id,
        email: 'early@legacy.example.com',
        password_hash: hash,
        subscription: 'pro',
        full_name: 'Early Bird',
        monthly_limit: 1_000_000,
        tokens_used: 5_000,
        tokens_remaining: 995_000,
        reset_date: reset,
      }),
    );
    // Served before the migration: the tier comes from `subscription`, the name from full_name, usage at least the seed.
    const login = await app.request
      .post('/auth/login-json')
      .send({ email: 'early@legacy.example.com', password: 'legacy-pass' });
    expect(login.body.user).toMatchObject({ subscription_tier: 'pro', name: 'Early Bird' });
    const ref = { kind: 'user' as const, id: id.toHexString() };
    expect((await quota.snapshot(ref))!.used).toBe(5_000);

    // One request settled by this service before the migration: ledger row, counters, seed fields (as the usage worker does).
    const requestId = `req-early-${id.toHexString()}`;
    await TokenUsageModel.create({
      request_id: requestId,
      payer_type: 'user',
      payer_id: id,
      user_id: id,
      model: 'gpt-4',
      status: 'completed',
      total_tokens: 300,
      billed_tokens: 300,
      accounts: [`user:${id.toHexString()}`],
      period: reset.toISOString(),
      day: new Date().toISOString().slice(0, 10),
    });
    await quota.settle(requestId, [ref], 300, 1);
    await UserModel.updateOne({ _id: id }, { $set: { tokens_used: 5_300 } });

    const { reports } = await runLegacyMigration(context());
    expect(reports[0]).toMatchObject({ collection: 'users', converted: 1 });
    const doc = await users().findOne({ _id: id });
    expect(doc!.legacy_migration).toMatchObject({
      carried_tokens: 5_000,
      period: reset.toISOString(),
      subscription: 'pro',
    });
    // Rebuilt from the ledger (300) plus what the Python system counted (5,000): nothing lost, nothing twice.
    expect(await quota.rebuild(ref)).toMatchObject({ drift: 0, state: { used: 5_300 } });
  });

  it("a change the service makes between the migration's read and its write (a deactivation) is never undone", async () => {
    await users().deleteMany({});
    const ids = Array.from({ length: 20 }, () => new ObjectId());
    await users().insertMany(
      ids.map((_id, i) =>
        pythonUser({
          _id,
          email: `live${i}@legacy.example.com`,
          password_hash: hash,
          subscription: 'pro',
          monthly_limit: 1_000_000,
        }),
      ),
    );
    const deactivated = new Set(ids.filter((_, i) => i % 2 === 0).map((id) => id.toHexString()));
    const pending = new Set(deactivated);
    // The service's write lands after the migration read the document and before its write: just before the
    // migration takes the document's lock. Through the model, as the API does it (its own lock, auth epochs); the
    // migration locks through the same process binding as the app (test/helpers/harness.ts binds it).
    const real = createLocks({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    const locks = {
      async acquire(name: string) {
        const id = name.split(':').pop()!;
        if (pending.delete(id)) await UserModel.updateOne({ _id: id }, { $set: { is_active: false } });
        return real.acquire(name);
      },
    };
    const bound = documentLocksBinding.swap(locks);
    const { reports } = await runLegacyMigration(context()).finally(() => documentLocksBinding.swap(bound));
    expect(pending.size).toBe(0);
    expect(reports[0]).toMatchObject({ read: 20, converted: 20, skipped: 0 });
    for (const user of await users().find({}).toArray()) {
      expect(user.legacy_migration).toBeDefined();
      expect(user.subscription_tier).toBe('pro');
      expect(user.is_active).toBe(!deactivated.has(user._id.toHexString()));
    }
    expect((await runLegacyMigration(context())).reports[0]).toMatchObject({ converted: 0, current: 20 });
  });
});
