import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { createSpender } from '../helpers/spend.js';
import { registerVerified } from '../factories/users.js';
import { addMember } from '../factories/teams.js';
import { InsufficientQuotaError } from '../../src/domain/quota/service.js';

const CREATIONS_PER_MONTH = 3;
const FREE_POOL = 10_000;

/**
 * Attack (issue 17, finding 2): every new organization starts with a fresh free pool. Deleting it, or handing it
 * to another account, must not make room for another fresh pool within the month.
 */
describe('free organization pools cannot be minted by cycling organizations', () => {
  let app: TestApp;
  let spender: ReturnType<typeof createSpender>;
  beforeAll(async () => {
    app = await startTestApp({
      ORGANIZATIONS_MAX_PER_OWNER: '2',
      ORGANIZATIONS_CREATIONS_PER_MONTH: String(CREATIONS_PER_MONTH),
    });
    spender = createSpender(app);
  });
  afterAll(async () => {
    await app.stop();
  });

  const create = (auth: Record<string, string>, name: string) =>
    app.request.post('/organizations').set(auth).send({ name });

  /** Spends what is left of the organization's pool as `userId` (with X-Organization-Id); returns the tokens served. */
  async function drain(userId: string, orgId: string): Promise<number> {
    const pool = await spender.quota.snapshot({ kind: 'organization', id: orgId });
    const left = pool!.limit - pool!.used;
    await spender.spend(userId, left, { org: orgId });
    await expect(spender.reserve(userId, 1, { org: orgId })).rejects.toBeInstanceOf(InsufficientQuotaError);
    return left;
  }

  it('create, spend the pool, delete, repeat: only this month’s creations get a pool', async () => {
    const attacker = await registerVerified(app);
    let served = 0;
    let created = 0;
    for (let cycle = 0; cycle < CREATIONS_PER_MONTH + 3; cycle += 1) {
      const org = await create(attacker.auth, `Cycle ${cycle}`);
      if (org.status !== 201) {
        expect(org.status).toBe(403);
        expect(org.body.error.code).toBe('organization_creation_limit_reached');
        continue;
      }
      created += 1;
      expect(org.body.tokens_remaining).toBe(FREE_POOL);
      served += await drain(attacker.user.id, org.body.id as string);
      expect((await app.request.delete(`/organizations/${org.body.id as string}`).set(attacker.auth)).status).toBe(204);
    }
    expect(created).toBe(CREATIONS_PER_MONTH);
    expect(served).toBe(CREATIONS_PER_MONTH * FREE_POOL);
  });

  it('create, hand the organization to an accomplice, create again: handed-over ones still count', async () => {
    const [attacker, accomplice] = await Promise.all([registerVerified(app), registerVerified(app)]);
    const spendable: string[] = [];
    for (let cycle = 0; cycle < CREATIONS_PER_MONTH + 2; cycle += 1) {
      const org = await create(attacker.auth, `Handed ${cycle}`);
      if (org.status !== 201) {
        expect(org.status).toBe(403);
        expect(org.body.error.code).toMatch(/^organization_(creation_)?limit_reached$/);
        continue;
      }
      const orgId = org.body.id as string;
      spendable.push(orgId);
      await addMember(app, attacker, orgId, accomplice, 'admin');
      const transfer = await app.request
        .patch(`/organizations/${orgId}/members/${accomplice.user.id}`)
        .set(attacker.auth)
        .send({ role: 'owner' });
      expect(transfer.status).toBe(200);
      // The attacker stays an admin and keeps spending from the pool it no longer owns.
      expect((await app.request.get(`/organizations/${orgId}`).set(attacker.auth)).body.my_role).toBe('admin');
    }
    // Only as many as the attacker may keep alive: handing one over does not free its place.
    expect(spendable).toHaveLength(2);
    let served = 0;
    for (const orgId of spendable) served += await drain(attacker.user.id, orgId);
    expect(served).toBe(2 * FREE_POOL);
    // Deleting a handed-over organization (its new owner does) frees a live place, but not this month's creations.
    for (const orgId of spendable)
      expect((await app.request.delete(`/organizations/${orgId}`).set(accomplice.auth)).status).toBe(204);
    const after = await Promise.all([create(attacker.auth, 'Again 1'), create(attacker.auth, 'Again 2')]);
    expect(after.map((r) => r.status).sort()).toEqual([201, 403]);
    expect(after.find((r) => r.status === 403)!.body.error.code).toBe('organization_creation_limit_reached');
  });

  it('concurrent creations and deletions cannot pass the monthly count', async () => {
    const attacker = await registerVerified(app);
    const ids: string[] = [];
    const outcomes: number[] = [];
    // Waves of creations sent at once, each wave's winners deleted at once before the next wave.
    for (let wave = 0; wave < 3; wave += 1) {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => create(attacker.auth, `Wave ${wave}.${i}`)),
      );
      outcomes.push(...results.map((r) => r.status));
      const won = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
      ids.push(...won);
      await Promise.all(won.map((id) => app.request.delete(`/organizations/${id}`).set(attacker.auth)));
    }
    expect(ids).toHaveLength(CREATIONS_PER_MONTH);
    expect(outcomes.filter((s) => s !== 201 && s !== 403)).toEqual([]);
  });
});
