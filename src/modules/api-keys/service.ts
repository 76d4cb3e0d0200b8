import type { Types } from 'mongoose';
import type { Config } from '../../config/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import type { Locks } from '../../lib/locks.js';
import { ApiKeyModel } from '../../models/api-key.js';
import { findMembership } from '../organizations/membership.js';
import type { UserDoc } from '../../models/user.js';
import type { ApiKeyCache } from './cache.js';
import { generateApiKey } from './format.js';
import { DEFAULT_SCOPES, type ApiKeyScope } from '../../lib/http/scopes.js';
import { isObjectId } from '../../lib/ids.js';
import { subUserPermissionsOf } from '../../domain/plans/overrides.js';

export interface CreateKeyInput {
  name: string;
  scopes?: ApiKeyScope[];
  expires_at?: string | null;
  organization_id?: string | null;
}

interface Deps {
  config: Pick<Config, 'API_KEY_ROTATION_OVERLAP_SECONDS' | 'API_KEY_MAX_PER_USER'>;
  cache: ApiKeyCache;
  locks: Pick<Locks, 'withLock'>;
}

const notFound = () => new NotFoundError('API key');

export function createApiKeyService({ config, cache, locks }: Deps) {
  function assertMayCreate(user: UserDoc): void {
    if (user.is_sub_user && !subUserPermissionsOf(user).can_create_api_keys) {
      throw new ForbiddenError('This sub-user may not create API keys', 'sub_user_cannot_create_keys');
    }
  }

  /** Only a member of an active organization may bind a key to it; anything else looks like a missing one. */
  async function assertMember(user: UserDoc, organizationId: string): Promise<void> {
    if (!(await findMembership(organizationId, user._id.toString()))) throw new NotFoundError('Organization');
  }

  async function ownedLiveKey(userId: Types.ObjectId, id: string) {
    if (!isObjectId(id)) throw notFound();
    const doc = await ApiKeyModel.findOne({ _id: id, user_id: userId, revoked_at: null });
    if (!doc || (doc.rotated_at && doc.rotated_at.getTime() <= Date.now())) throw notFound();
    return doc;
  }

  async function insertKey(
    user: UserDoc,
    fields: {
      name: string;
      scopes: string[];
      expires_at: Date | null;
      organization_id: Types.ObjectId | string | null;
    },
  ) {
    const generated = generateApiKey();
    // The generation of the caller as authenticated: a key made by a request that raced the first proof of the
    // address carries the old one and is refused from the start (see UserModel.credential_generation).
    const doc = await ApiKeyModel.create({
      user_id: user._id,
      organization_id: fields.organization_id ?? null,
      name: fields.name,
      key_hash: generated.hash,
      prefix: generated.prefix,
      last4: generated.last4,
      scopes: fields.scopes,
      expires_at: fields.expires_at,
      owner_generation: user.credential_generation ?? 0,
    });
    return { doc, key: generated.key };
  }

  /** Not revoked, made here (Python's keys have no key_hash) and not past a rotation's overlap. */
  async function liveKeys(userId: Types.ObjectId) {
    const now = Date.now();
    const docs = await ApiKeyModel.find({ user_id: userId, revoked_at: null }).sort({ created_at: -1 }).lean();
    return docs.filter(
      (doc) => typeof doc.key_hash === 'string' && (!doc.rotated_at || doc.rotated_at.getTime() > now),
    );
  }

  /**
   * Runs `insert` under the per-user lock shared by creation and rotation (and by every API process) once the
   * count of live keys, with `adds` more, stays within the cap: a count then an insert without the lock let
   * concurrent creations and overlapping rotations all see room under it.
   */
  function withinKeyCap<T>(user: UserDoc, adds: number, insert: () => Promise<T>): Promise<T> {
    return locks.withLock(`apikeys:create:${user._id.toString()}`, async () => {
      const live = (await liveKeys(user._id)).length;
      if (live + adds > config.API_KEY_MAX_PER_USER) {
        throw new ConflictError(
          `You already have ${live} live API keys (a rotated key counts until its overlap ends); revoke one or rotate with overlap_seconds 0`,
          'too_many_api_keys',
        );
      }
      return insert();
    });
  }

  async function create(user: UserDoc, input: CreateKeyInput) {
    assertMayCreate(user);
    if (input.organization_id) await assertMember(user, input.organization_id);
    return withinKeyCap(user, 1, () =>
      insertKey(user, {
        name: input.name,
        scopes: input.scopes ?? DEFAULT_SCOPES,
        expires_at: input.expires_at ? new Date(input.expires_at) : null,
        organization_id: input.organization_id ?? null,
      }),
    );
  }

  /** Live keys (expired ones stay listed so they can be cleaned up). */
  const list = liveKeys;

  async function revoke(userId: Types.ObjectId, id: string): Promise<void> {
    const doc = await ownedLiveKey(userId, id);
    await ApiKeyModel.updateOne({ _id: doc._id }, { $set: { revoked_at: new Date() } });
    await cache.invalidate([doc.key_hash]);
  }

  /**
   * Issues a successor with the same name, scopes, expiry and organization; the old key keeps working for the
   * overlap. A successor is a new key: it needs the permission to create keys, and while the old key overlaps it
   * counts against API_KEY_MAX_PER_USER (a rotation with no overlap adds nothing). A Redis lock makes concurrent
   * rotations of one key yield one successor (the loser gets 409).
   */
  async function rotate(user: UserDoc, id: string, overlapSeconds?: number) {
    assertMayCreate(user);
    const old = await ownedLiveKey(user._id, id);
    if (old.rotated_at) throw new ConflictError('This key was already rotated', 'key_already_rotated');
    if (old.expires_at && old.expires_at.getTime() <= Date.now())
      throw new ConflictError('This key has expired', 'key_expired');
    return locks.withLock(`apikey-rotate:${old._id.toString()}`, () => rotateOnce(user, old._id, overlapSeconds), {
      ttlMs: 30_000,
      waitMs: 0,
      busy: () => new ConflictError('This key is being rotated', 'key_already_rotated'),
    });
  }

  /** The rotation itself, under its key's lock: the key is read again, since another rotation may have won. */
  async function rotateOnce(user: UserDoc, id: Types.ObjectId, overlapSeconds?: number) {
    const fresh = await ApiKeyModel.findById(id).lean();
    if (!fresh || fresh.revoked_at || fresh.rotated_at)
      throw new ConflictError('This key was already rotated', 'key_already_rotated');
    const overlap = Math.min(
      overlapSeconds ?? config.API_KEY_ROTATION_OVERLAP_SECONDS,
      config.API_KEY_ROTATION_OVERLAP_SECONDS,
    );
    // Under the cap's lock until the old key's end is written, so a count never misses this rotation.
    const { created, validUntil } = await withinKeyCap(user, overlap > 0 ? 1 : 0, async () => {
      const created = await insertKey(user, {
        name: fresh.name,
        scopes: fresh.scopes,
        expires_at: fresh.expires_at ?? null,
        organization_id: fresh.organization_id ?? null,
      });
      const validUntil = new Date(Date.now() + overlap * 1000);
      await ApiKeyModel.updateOne(
        { _id: fresh._id },
        { $set: { rotated_at: validUntil, replaced_by: created.doc._id } },
      );
      return { created, validUntil };
    });
    await cache.invalidate([fresh.key_hash]);
    return { ...created, replaced: { id: fresh._id.toString(), valid_until: validUntil.toISOString() } };
  }

  return { create, list, revoke, rotate };
}
export type ApiKeyService = ReturnType<typeof createApiKeyService>;
