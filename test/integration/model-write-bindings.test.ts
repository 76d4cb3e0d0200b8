import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import { connectMongo } from '../../src/lib/mongo.js';
import { initCollections } from '../../src/models/index.js';
import { UserModel } from '../../src/models/user.js';
import { ApiKeyModel } from '../../src/models/api-key.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { epochOf } from '../../src/lib/auth-epochs.js';
import { bindModelWrites, bindModelWritesForScriptAlone } from '../../src/lib/model-bindings.js';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import { authEpochKey } from '../../queues/index.js';
import { testConfig } from '../helpers/config.js';
import { deleteKeys } from '../helpers/harness.js';

const config = testConfig();
const user = () => ({ email: `bind-${new Types.ObjectId().toHexString()}@example.com`, reset_date: new Date() });

beforeAll(async () => {
  await connectMongo(config.DATABASE_URL);
  await initCollections();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

/** This file's process binds nothing until the last block: every write below runs as a forgotten bind would. */
describe('a model write in a process that bound nothing', () => {
  it('refuses to create a user, naming the collection and the auth epochs binding, and writes nothing', async () => {
    const fields = user();
    await expect(UserModel.create(fields)).rejects.toThrow(/^users: save with no auth epochs bound in this process/);
    expect(await UserModel.collection.countDocuments({ email: fields.email })).toBe(0);
  });

  it('refuses an update by _id, naming the document locks binding, and leaves the document as it was', async () => {
    const { insertedId } = await UserModel.collection.insertOne({ ...user(), name: 'before' });
    await expect(UserModel.updateOne({ _id: insertedId }, { $set: { name: 'after' } })).rejects.toThrow(
      /^users: updateOne with no document locks bound in this process/,
    );
    expect((await UserModel.collection.findOne({ _id: insertedId }))?.name).toBe('before');
  });

  it('refuses writes of every model carrying either plugin', async () => {
    await expect(ApiKeyModel.updateOne({ _id: new Types.ObjectId() }, { $set: { name: 'x' } })).rejects.toThrow(
      /^api_keys: updateOne with no document locks bound/,
    );
    const member = { organization_id: new Types.ObjectId(), user_id: new Types.ObjectId(), role: 'member' as const };
    await expect(OrganizationMemberModel.create(member)).rejects.toThrow(
      /^organization_members: save with no auth epochs bound/,
    );
    await expect(OrganizationMemberModel.insertMany([member])).rejects.toThrow(
      /^organization_members: insertMany with no auth epochs bound/,
    );
    await expect(OrganizationMemberModel.deleteMany({ user_id: member.user_id })).rejects.toThrow(
      /^organization_members: deleteMany with no auth epochs bound/,
    );
    expect(await OrganizationMemberModel.collection.countDocuments({})).toBe(0);
  });
});

describe('binding model writes', () => {
  const redis = createRedis(redisTargetOf(config));
  afterAll(async () => {
    await deleteKeys(redis, `${config.REDIS_PREFIX}:*`);
    redis.disconnect();
  });

  it('once per process: writes then lock and bump epochs, and a second binding throws', async () => {
    bindModelWrites({ redis, prefix: config.REDIS_PREFIX });
    const created = await UserModel.create(user());
    const epoch = authEpochKey(config.REDIS_PREFIX, epochOf('users', created._id.toHexString()));
    const first = await redis.get(epoch);
    expect(first).not.toBeNull();
    await UserModel.updateOne({ _id: created._id }, { $set: { name: 'bound' } });
    expect(await redis.get(epoch)).not.toBe(first);

    expect(() => bindModelWrites({ redis, prefix: config.REDIS_PREFIX })).toThrow(
      /^document locks are already bound in this process/,
    );
    expect(() => bindModelWritesForScriptAlone()).toThrow(/already bound/);
  });
});
