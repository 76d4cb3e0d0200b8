import { afterAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import { testConfig } from '../helpers/config.js';
import { deleteKeys } from '../helpers/harness.js';
import { waitFor } from '../helpers/wait.js';
import {
  migrateEnv,
  pythonHash,
  pythonOrganization,
  pythonUser,
  reportOf,
  startMigration,
  summaryOf,
  withRawDb,
} from '../helpers/legacy-python.js';

const { ObjectId } = mongoose.mongo;
const config = testConfig();
const USERS = 60;
const BATCH = 5;

afterAll(async () => {
  // The script bumped auth epochs under this file's prefix; the database goes too.
  const redis = createRedis(redisTargetOf(config), { enableOfflineQueue: true });
  await deleteKeys(redis, `${config.REDIS_PREFIX}:*`);
  redis.disconnect();
  await withRawDb(config.DATABASE_URL, (db) => db.dropDatabase());
});

describe('db:migrate killed half-way', { timeout: 180_000 }, () => {
  it('finishes on the next run, each document converted exactly as an uninterrupted run would', async () => {
    const hash = await pythonHash('legacy-pass', 4);
    const tiers = ['free', 'pro', 'enterprise'] as const;
    const ids = Array.from({ length: USERS }, () => new ObjectId());
    await withRawDb(config.DATABASE_URL, async (db) => {
      await db.collection('users').insertMany(
        ids.map((_id, i) =>
          pythonUser({
            _id,
            email: `user${i}@legacy.example.com`,
            password_hash: hash,
            subscription: tiers[i % 3],
            tokens_used: 100 * i,
            monthly_limit: 1_000_000,
            full_name: `User ${i}`,
          }),
        ),
      );
      await db
        .collection('organizations')
        .insertOne(pythonOrganization({ name: 'Team', owner_id: ids[0], members: ids.slice(0, 10) }));
    });

    // Small batches with a pause after each: killed (SIGKILL, no clean-up at all) once two batches are through.
    const slow = startMigration(
      migrateEnv(config, { DB_MIGRATE_BATCH_SIZE: String(BATCH), DB_MIGRATE_BATCH_DELAY_MS: '400' }),
    );
    await waitFor(
      () => {
        if (!/users: 10 read, 10 converted/.test(slow.output())) throw new Error(`not yet: ${slow.output()}`);
        return true;
      },
      'two batches converted',
      45_000,
      200,
    );
    slow.child.kill('SIGKILL');
    const killed = await slow.exit;
    expect(killed.signal).toBe('SIGKILL');
    expect(slow.output()).not.toContain('db:migrate report');

    const partial = await withRawDb(config.DATABASE_URL, (db) =>
      db.collection('users').countDocuments({ legacy_migration: { $exists: true } }),
    );
    expect(partial).toBeGreaterThanOrEqual(10);
    expect(partial).toBeLessThan(USERS);

    const rest = startMigration(migrateEnv(config, { DB_MIGRATE_BATCH_SIZE: String(BATCH) }));
    expect((await rest.exit).code, rest.output()).toBe(0);
    const summary = summaryOf(rest.output());
    expect(reportOf(summary, 'users')).toMatchObject({
      read: USERS,
      converted: USERS - partial,
      current: partial,
      skipped: 0,
    });
    expect(reportOf(summary, 'organizations')).toMatchObject({ read: 1, converted: 1 });
    // Progress after every batch of 5.
    expect(rest.output().match(/^users: \d+ read/gm)).toHaveLength(USERS / BATCH);

    await withRawDb(config.DATABASE_URL, async (db) => {
      const users = await db.collection('users').find({}).sort({ _id: 1 }).toArray();
      expect(users).toHaveLength(USERS);
      users.forEach((user, i) => {
        expect(user).toMatchObject({
          subscription_tier: tiers[i % 3],
          subscription: null,
          name: `User ${i}`,
          tokens_used: 100 * i,
          tokens_remaining: 1_000_000 - 100 * i,
          is_verified: true,
          legacy_migration: { version: 1, subscription: tiers[i % 3], carried_tokens: 100 * i },
        });
      });
      const members = await db.collection('organization_members').find({}).toArray();
      expect(members).toHaveLength(10);
      expect(members.filter((m) => m.role === 'owner').map((m) => String(m.user_id))).toEqual([ids[0]!.toHexString()]);
    });

    const again = startMigration(migrateEnv(config));
    expect((await again.exit).code).toBe(0);
    expect(reportOf(summaryOf(again.output()), 'users')).toMatchObject({ converted: 0, current: USERS });
  });
});
