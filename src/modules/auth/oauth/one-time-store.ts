import { randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import { OAuthCodeModel, OAuthCodeUseModel } from '../../../models/oauth-code.js';
import { isDuplicateKeyError } from '../../../lib/mongo.js';
import { sha256 } from '../../../lib/hash.js';

/** Both the pending sign-in (our state, in Redis: state-store.ts) and the code for the extension live 10 minutes. */
export const ONE_TIME_TTL_MS = 10 * 60_000;

/** Only codes are stored here; documents keep their `kind` so the unique (kind, hash) index stays as it is. */
type Kind = 'code';

export interface OneTimeFields {
  provider: string;
  code_challenge: string;
  redirect_uri: string;
  client_state: string;
  user_id?: Types.ObjectId;
  /** Codes: the user's credential_generation at issue (see UserModel). */
  credential_generation?: number;
}

export interface OneTimeRecord extends OneTimeFields {
  _id: Types.ObjectId;
  expires_at: Date;
}

/** 256-bit secrets stored only as SHA-256; spending one is a unique insert, so it succeeds exactly once. */
export function createOneTimeStore() {
  async function create(kind: Kind, fields: OneTimeFields): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    await OAuthCodeModel.create({
      kind,
      hash: sha256(secret),
      ...fields,
      expires_at: new Date(Date.now() + ONE_TIME_TTL_MS),
    });
    return secret;
  }

  /** The live record for a secret, or null when unknown or expired. */
  async function find(kind: Kind, secret: string): Promise<OneTimeRecord | null> {
    const record = await OAuthCodeModel.findOne({ kind, hash: sha256(secret) }).lean();
    if (!record || record.expires_at.getTime() <= Date.now()) return null;
    return {
      ...record,
      client_state: record.client_state ?? '',
      user_id: record.user_id ?? undefined,
      credential_generation: record.credential_generation ?? undefined,
    };
  }

  /** True for exactly one caller per record, however many race. */
  async function spend(record: OneTimeRecord): Promise<boolean> {
    try {
      await OAuthCodeUseModel.create({ code_id: record._id });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  return { create, find, spend };
}
export type OneTimeStore = ReturnType<typeof createOneTimeStore>;
