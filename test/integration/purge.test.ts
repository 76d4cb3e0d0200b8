import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitForCompletedJob } from '../helpers/wait.js';
import { registerAndLogin, TEST_PASSWORD } from '../factories/users.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { startScheduler, type RunningScheduler } from '../../workers/scheduler/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { RefreshTokenModel, RefreshTokenUseModel, RevokedFamilyModel } from '../../src/models/refresh-token.js';
import { SessionModel } from '../../src/models/session.js';
import { OAuthCodeModel, OAuthCodeUseModel } from '../../src/models/oauth-code.js';
import { sha256 } from '../../src/lib/hash.js';
import { OrganizationCreationModel } from '../../src/models/organization-creation.js';
import { OrganizationInvitationModel } from '../../src/models/organization-invitation.js';

const BATCH = 3;
const MAX_BATCHES = 2;
const ACCESS_TTL = 600;

let app: TestApp;
let workers: RunningWorkers;
let scheduler: RunningScheduler;

beforeAll(async () => {
  app = await startTestApp({
    PURGE_BATCH_SIZE: String(BATCH),
    PURGE_MAX_BATCHES: String(MAX_BATCHES),
    ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL),
    PURGE_CRON: '0 0 1 1 *',
    REFRESH_REUSE_GRACE_SECONDS: '0',
  });
  workers = await startWorkers(app.config, createLogger('silent'), ['maintenance']);
  scheduler = await startScheduler(app.config, createLogger('silent'));
});
afterAll(async () => {
  await scheduler?.stop();
  await workers?.stop();
  await app?.stop();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const refresh = (token: string) => app.request.post('/auth/refresh').send({ refresh_token: token });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
let slot = 0;
/** Runs one purge job through the scheduler and the worker (a distinct later minute each, so each is a new job; the worker purges as of the clock, never later). */
async function purge(): Promise<Record<string, number>> {
  slot += 1;
  const job = await waitForCompletedJob(
    app.producer.queues.maintenance,
    await scheduler.purgeTick(new Date(Date.now() + slot * 60_000)),
  );
  return job.returnvalue as Record<string, number>;
}
const familyOf = async (refreshToken: string) =>
  (await RefreshTokenModel.findOne({ token_hash: sha256(refreshToken) }).lean())!.family_id;
const tokensOf = (family: string) => RefreshTokenModel.countDocuments({ family_id: family });
const usesOf = async (family: string) => {
  const ids = (await RefreshTokenModel.find({ family_id: family }, { _id: 1 }).lean()).map((t) => t._id);
  return RefreshTokenUseModel.countDocuments({ token_id: mongoose.trusted({ $in: ids }) });
};

describe('the purge job', () => {
  it("keeps a live session's spent tokens (replay detection) and removes expired tokens, sessions and their uses", async () => {
    const live = await registerAndLogin(app);
    const step1 = await refresh(live.refreshToken);
    const step2 = await refresh(step1.body.refresh_token);
    expect(step2.status).toBe(200);
    const liveFamily = await familyOf(live.refreshToken);

    const old = await registerAndLogin(app);
    const oldStep = await refresh(old.refreshToken);
    const oldFamily = await familyOf(old.refreshToken);
    // A session unused for longer than the refresh-token lifetime: every token and the session have expired.
    await RefreshTokenModel.updateMany({ family_id: oldFamily }, { $set: { expires_at: daysAgo(1) } });
    await SessionModel.updateOne({ family_id: oldFamily }, { $set: { expires_at: daysAgo(1) } });
    const oldUseIds = (await RefreshTokenModel.find({ family_id: oldFamily }, { _id: 1 }).lean()).map((t) => t._id);
    expect(await RefreshTokenUseModel.countDocuments({ token_id: mongoose.trusted({ $in: oldUseIds }) })).toBe(1);

    const removed = await purge();
    expect(removed['refresh_tokens.expired']).toBe(2);
    expect(removed['sessions.expired']).toBe(1);

    expect(await tokensOf(oldFamily)).toBe(0);
    expect(await RefreshTokenUseModel.countDocuments({ token_id: mongoose.trusted({ $in: oldUseIds }) })).toBe(0);
    expect(await SessionModel.countDocuments({ family_id: oldFamily })).toBe(0);
    expect((await refresh(oldStep.body.refresh_token)).status).toBe(401);

    expect(await tokensOf(liveFamily)).toBe(3);
    expect(await usesOf(liveFamily)).toBe(2);
    // The spent first token of the live session is still recognised as a replay.
    const replay = await refresh(live.refreshToken);
    expect(replay.body.error.code).toBe('refresh_token_reused');
  });

  it('removes an ended session only after its access tokens have expired, and leaves the other sessions alone', async () => {
    const kept = await registerAndLogin(app);
    const ended = await app.request.post('/auth/login-json').send({ email: kept.email, password: TEST_PASSWORD });
    await refresh(ended.body.refresh_token).then((r) => expect(r.status).toBe(200));
    const endedFamily = await familyOf(ended.body.refresh_token);
    const sessions = await app.request.get('/auth/sessions').set(kept.auth);
    const target = sessions.body.data.find((s: { current: boolean }) => !s.current);
    expect((await app.request.delete(`/auth/sessions/${target.id as string}`).set(kept.auth)).status).toBe(204);

    // Just ended: the revocation is what refuses its access tokens, so nothing of it goes yet.
    await purge();
    expect(await RevokedFamilyModel.countDocuments({ family_id: endedFamily })).toBe(1);
    expect(await tokensOf(endedFamily)).toBe(2);
    expect((await app.request.get('/auth/me').set(bearer(ended.body.access_token))).status).toBe(401);

    // Once longer ago than an access token lives, the session, its tokens, their uses and the revocation go.
    await RevokedFamilyModel.updateOne(
      { family_id: endedFamily },
      { $set: { revoked_at: new Date(Date.now() - (ACCESS_TTL + 120) * 1000) } },
    );
    const removed = await purge();
    expect(removed['sessions.ended']).toBe(3); // a batch of tokens (2), then the revocation record (1)
    expect(await tokensOf(endedFamily)).toBe(0);
    expect(await usesOf(endedFamily)).toBe(0);
    expect(await SessionModel.countDocuments({ family_id: endedFamily })).toBe(0);
    expect(await RevokedFamilyModel.countDocuments({ family_id: endedFamily })).toBe(0);
    expect((await refresh(ended.body.refresh_token)).status).toBe(401);

    const left = await app.request.get('/auth/sessions').set(kept.auth);
    expect(left.body.data).toHaveLength(1);
    expect(left.body.data[0].current).toBe(true);
    expect((await refresh(kept.refreshToken)).status).toBe(200);
  });

  it('removes expired OAuth codes (spent or not) in bounded batches, and keeps live ones', async () => {
    const code = (expiresAt: Date) => ({
      kind: 'code' as const,
      hash: sha256(randomBytes(16).toString('hex')),
      provider: 'github',
      code_challenge: 'c'.repeat(43),
      redirect_uri: 'vscode://x/y',
      client_state: 's',
      expires_at: expiresAt,
    });
    const expired = await OAuthCodeModel.insertMany(
      Array.from({ length: 10 }, () => code(new Date(Date.now() - 60_000))),
    );
    const live = await OAuthCodeModel.create(code(new Date(Date.now() + 600_000)));
    await OAuthCodeUseModel.create({ code_id: expired[0]!._id });
    await OAuthCodeUseModel.create({ code_id: live._id });

    // One run removes at most BATCH x MAX_BATCHES; the next run goes on.
    expect((await purge())['oauth_codes.expired']).toBe(BATCH * MAX_BATCHES);
    expect(await OAuthCodeModel.countDocuments({ _id: mongoose.trusted({ $in: expired.map((c) => c._id) }) })).toBe(
      10 - BATCH * MAX_BATCHES,
    );
    expect((await purge())['oauth_codes.expired']).toBe(10 - BATCH * MAX_BATCHES);
    expect(await OAuthCodeModel.countDocuments({ _id: mongoose.trusted({ $in: expired.map((c) => c._id) }) })).toBe(0);
    expect(await OAuthCodeUseModel.countDocuments({ code_id: expired[0]!._id })).toBe(0);
    expect(await OAuthCodeModel.countDocuments({ _id: live._id })).toBe(1);
    expect(await OAuthCodeUseModel.countDocuments({ code_id: live._id })).toBe(1);
  });

  it("removes expired organization invitations and past months' creation slots, and keeps this month's", async () => {
    const organizationId = new mongoose.Types.ObjectId();
    const invitation = (expiresAt: Date) => ({
      organization_id: organizationId,
      invitee_id: new mongoose.Types.ObjectId(),
      email: 'someone@example.com',
      role: 'member',
      invited_by: new mongoose.Types.ObjectId(),
      inviter_generation: 0,
      expires_at: expiresAt,
    });
    const [expired, pending] = await OrganizationInvitationModel.insertMany([
      invitation(new Date(Date.now() - 60_000)),
      invitation(new Date(Date.now() + 86_400_000)),
    ]);
    const creator = new mongoose.Types.ObjectId();
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0, 12));
    const [past, current] = await OrganizationCreationModel.insertMany([
      { creator_id: creator, period: lastMonth.toISOString().slice(0, 7), slot: 0, created_at: lastMonth },
      { creator_id: creator, period: now.toISOString().slice(0, 7), slot: 0, created_at: now },
    ]);
    const removed = await purge();
    expect(removed['organization_invitations.expired']).toBe(1);
    expect(removed['organization_creations.past_months']).toBe(1);
    expect(await OrganizationInvitationModel.exists({ _id: expired!._id })).toBeNull();
    expect(await OrganizationInvitationModel.exists({ _id: pending!._id })).not.toBeNull();
    expect(await OrganizationCreationModel.exists({ _id: past!._id })).toBeNull();
    expect(await OrganizationCreationModel.exists({ _id: current!._id })).not.toBeNull();
  });

  it('is one job per minute slot, whatever the number of schedulers', async () => {
    const other = await startScheduler(app.config, createLogger('silent'));
    try {
      const at = new Date(Date.now() - 1000 * 60_000);
      expect(await other.purgeTick(at)).toBe(await scheduler.purgeTick(at));
    } finally {
      await other.stop();
    }
  });
});
