import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { OrganizationModel } from '../../src/models/organization.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { UserModel } from '../../src/models/user.js';
import { createOrganization, createSubUser } from '../factories/teams.js';
import { chatBody, llmUser, startLlmEnv, type LlmEnv } from '../helpers/llm.js';

/**
 * A sub-user is under its parent: its cap, its model list, its parent's standing. A membership row naming it (an
 * earlier db:migrate wrote those for Python sub-users listed among an organization's members) must not let
 * X-Organization-Id move its requests onto the organization's pool.
 */
describe('a sub-user that has an organization membership', () => {
  let llm: LlmEnv;
  beforeAll(async () => {
    llm = await startLlmEnv();
  });
  afterAll(async () => {
    await llm.stop();
  });

  it('is refused organization context (404, nothing sent upstream, nothing billed), by header and on every endpoint', async () => {
    const owner = await llmUser(llm.app, { tier: 'pro' });
    const orgId = await createOrganization(llm.app, owner, 'Pool');
    await OrganizationModel.updateOne({ _id: orgId }, { $set: { subscription_tier: 'pro' } });
    const parent = await llmUser(llm.app, { tier: 'pro' });
    const sub = await createSubUser(llm.app, parent, {
      permissions: { models: ['gpt-3.5-turbo'] },
      limits: { monthly_tokens: 50 },
    });
    await OrganizationMemberModel.collection.insertOne({
      organization_id: new Types.ObjectId(orgId),
      user_id: new Types.ObjectId(sub.id),
      role: 'member',
      monthly_token_cap: null,
      joined_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    });
    // The parent is deactivated by an administrator: the sub-user must stop too.
    await UserModel.updateOne({ _id: parent.user.id }, { $set: { is_active: false } });
    llm.upstream.requests.length = 0;

    const auth = { Authorization: `Bearer ${sub.accessToken}` };
    // A model outside its list, more than its cap of 50 tokens, while its parent is deactivated.
    const chat = await llm.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .set('X-Organization-Id', orgId)
      .send(chatBody('spend the pool', { max_tokens: 500 }));
    expect(chat.status, JSON.stringify(chat.body)).toBe(404);
    expect(chat.body.error).toMatchObject({ code: 'not_found' });
    expect(llm.upstream.requests).toHaveLength(0);
    expect(await TokenUsageModel.countDocuments({ user_id: sub.id })).toBe(0);

    const balance = await llm.app.request.get('/tokens/balance').set(auth).set('X-Organization-Id', orgId);
    expect(balance.status).toBe(404);

    // Without the header it is refused as its parent's sub-user (the parent is deactivated).
    const own = await llm.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('hi', { max_tokens: 5 }));
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('parent_inactive');
    expect(llm.upstream.requests).toHaveLength(0);
  });
});
