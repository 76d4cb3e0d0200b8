import { createIpRateLimits } from '../../src/middleware/ip-rate-limit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: the harness loads the app, which extends zod with OpenAPI before the services' schemas are built.
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { createLocks } from '../../src/lib/locks.js';
import { UserModel, type UserDoc } from '../../src/models/user.js';
import { createApiKeyBulkRevoker } from '../../src/modules/api-keys/bulk-revoke.js';
import { createApiKeyCache } from '../../src/modules/api-keys/cache.js';
import { createApiKeyService } from '../../src/modules/api-keys/service.js';
import { createKnownClients } from '../../src/modules/auth/known-clients.js';
import { createPasswordHasher } from '../../src/modules/auth/passwords.js';
import { createRefreshTokens } from '../../src/modules/auth/refresh-tokens.js';
import { createOrganizationService } from '../../src/modules/organizations/service.js';
import { createInvitationService } from '../../src/modules/organizations/invitations.js';
import { OrganizationInvitationModel } from '../../src/models/organization-invitation.js';
import { createQuotaService } from '../../src/domain/quota/service.js';
import { createSubUserService } from '../../src/modules/sub-users/service.js';
import { createFirstEmailProof } from '../../src/modules/users/first-email-proof.js';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail, registerVerified } from '../factories/users.js';

/**
 * A request authenticated just before the first proof of the account's address, and still running after it
 * (the race the end-to-end test provokes with a flood), holds the account as it was: `stale` below is exactly
 * what the authenticate middleware loaded for it. Whatever it makes after the proof must not act for the owner.
 * The services are built as in src/app.ts, on the test app's real Redis and database.
 */
let app: TestApp;
let services: ReturnType<typeof build>;

function build(test: TestApp) {
  const { config, redis } = test;
  const prefix = config.REDIS_PREFIX;
  const locks = createLocks({ redis, prefix });
  const refreshTokens = createRefreshTokens({
    ttlDays: config.REFRESH_TOKEN_TTL_DAYS,
    reuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
    secret: config.JWT_SECRET_KEY,
  });
  const quota = createQuotaService({ redis, prefix });
  const cache = createApiKeyCache({ redis, prefix, ttlSeconds: config.API_KEY_CACHE_SECONDS });
  const revoker = createApiKeyBulkRevoker({ cache });
  const apiKeys = createApiKeyService({ config, cache, locks });
  const subUsers = createSubUserService({
    config,
    passwords: createPasswordHasher({
      cost: config.BCRYPT_COST,
      concurrency: config.BCRYPT_CONCURRENCY,
      queueMax: config.BCRYPT_QUEUE_MAX,
    }),
    refreshTokens,
    quota,
    locks,
    apiKeys: revoker,
    limitPasswordSets: createIpRateLimits({ redis, prefix, wideMultiplier: 4 }).perKey('sub-user-password', {
      max: config.SUB_USER_PASSWORD_SETS_PER_PARENT,
      windowSeconds: config.SUB_USER_PASSWORD_SET_WINDOW_SECONDS,
    }),
  });
  const organizations = createOrganizationService({ config, quota, locks, apiKeys: revoker });
  const invitations = createInvitationService({
    config,
    quota,
    locks,
    organizations,
    limitInvites: createIpRateLimits({ redis, prefix, wideMultiplier: 4 }).perKey('org-invite', {
      max: config.ORGANIZATION_INVITES_PER_HOUR,
      windowSeconds: 3600,
    }),
  });
  const knownClients = createKnownClients({ redis, prefix, ttlSeconds: config.KNOWN_CLIENT_TTL_DAYS * 86_400 });
  const emailProof = createFirstEmailProof({ refreshTokens, knownClients, apiKeys: revoker, subUsers, organizations });
  return { apiKeys, subUsers, organizations, invitations, emailProof, knownClients };
}

beforeAll(async () => {
  app = await startTestApp();
  services = build(app);
});
afterAll(async () => {
  await app?.stop();
});

async function heldBeforeProof() {
  const attacker = await registerAndLogin(app, uniqueEmail('victim'));
  const accomplice = await registerVerified(app);
  const org = await app.request.post('/organizations').set(attacker.auth).send({ name: 'Planted' });
  expect(org.status).toBe(201);
  const again = await app.request.post('/auth/login-json').send({ email: attacker.email, password: TEST_PASSWORD });
  const knownClientToken = again.body.known_client_token as string;
  expect(await services.knownClients.recognize(attacker.email, knownClientToken)).not.toBeNull();
  const stale = (await UserModel.findById(attacker.user.id)) as UserDoc;
  await services.emailProof.recordFirstEmailProof(attacker.user.id);
  return { stale, accomplice, orgId: org.body.id as string, email: attacker.email, knownClientToken };
}

describe('first proof of an address against requests authenticated before it', () => {
  it('refuses a sub-user creation that reaches its lock after the proof', async () => {
    const { stale } = await heldBeforeProof();
    await expect(
      services.subUsers.create(stale, { email: uniqueEmail('late-sub'), password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ status: 401, code: 'session_ended' });
    expect(await UserModel.countDocuments({ parent_user_id: stale._id })).toBe(0);
  });

  it('refuses inviting or promoting organization members after the proof', async () => {
    const { stale, accomplice, orgId } = await heldBeforeProof();
    await expect(
      services.invitations.invite(stale, orgId, { email: accomplice.email, role: 'admin' }),
    ).rejects.toMatchObject({ status: 401, code: 'session_ended' });
    expect(await OrganizationInvitationModel.countDocuments({ organization_id: orgId })).toBe(0);
    await expect(
      services.organizations.updateMember(stale, orgId, accomplice.user.id, { role: 'owner' }),
    ).rejects.toMatchObject({ status: 401 });
    const members = await services.organizations.listMembers(stale, orgId);
    expect(members.map((m) => m.member.user_id.toString())).toEqual([stale._id.toString()]);
  });

  it('voids the invitations the account sent before the proof, even one that lands after the clean-up', async () => {
    const attacker = await registerAndLogin(app, uniqueEmail('victim'));
    const accomplice = await registerVerified(app);
    const org = await app.request.post('/organizations').set(attacker.auth).send({ name: 'Planted' });
    const orgId = org.body.id as string;
    const sent = await app.request
      .post(`/organizations/${orgId}/members`)
      .set(attacker.auth)
      .send({ email: accomplice.email, role: 'admin' });
    expect(sent.status).toBe(201);
    const kept = await OrganizationInvitationModel.findById(sent.body.id).lean();
    await services.emailProof.recordFirstEmailProof(attacker.user.id);
    expect(await OrganizationInvitationModel.countDocuments({ organization_id: orgId })).toBe(0);
    // Put back as if the invitation's insert had raced the clean-up: made with the old credentials, it is void.
    await OrganizationInvitationModel.create(kept!);
    const accepted = await app.request
      .post(`/organizations/invitations/${sent.body.id as string}/accept`)
      .set(accomplice.auth);
    expect(accepted.status).toBe(404);
    expect(await OrganizationInvitationModel.countDocuments({ organization_id: orgId })).toBe(0);
    const members = await app.request.get(`/organizations/${orgId}/members`).set(accomplice.auth);
    expect(members.status).toBe(404);
  });

  it('lets an API key created after the proof be stored but never used', async () => {
    const { stale } = await heldBeforeProof();
    const { key } = await services.apiKeys.create(stale, { name: 'late' });
    expect((await app.request.get('/v1/models').set({ Authorization: `Bearer ${key}` })).status).toBe(401);
  });

  it('records the proof: verified, no password, no provider links or known clients, a new token version and credential generation', async () => {
    const { stale, email, knownClientToken } = await heldBeforeProof();
    expect(await services.knownClients.recognize(email, knownClientToken)).toBeNull();
    const proven = await UserModel.findById(stale._id).lean();
    expect(proven).toMatchObject({ is_verified: true, password_hash: null, oauth_identities: [] });
    expect(proven?.credential_generation).toBe((stale.credential_generation ?? 0) + 1);
    expect(proven?.token_version).toBe((stale.token_version ?? 0) + 1);
  });
});
