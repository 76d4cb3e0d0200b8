import { randomBytes } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { MailDeliveryModel, MailTokenModel, MailTokenUseModel, type MailTokenPurpose } from '../../models/mail.js';
import { sha256 } from '../../lib/hash.js';

/** What a link's token stands for, once found live. */
export interface MailTokenRecord {
  _id: Types.ObjectId;
  purpose: MailTokenPurpose;
  user_id: Types.ObjectId;
  email: string;
  token_version: number;
  change_id?: string | null;
  expires_at: Date;
}

export interface IssueInput {
  purpose: MailTokenPurpose;
  userId: Types.ObjectId | string;
  email: string;
  tokenVersion: number;
  ttlMs: number;
  /** Address-change links: the change they belong to. */
  changeId?: string;
}

/** 256 random bits, base64url: 43 characters. */
export const MAIL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Single-use secrets for links sent by mail: 256-bit, stored only as SHA-256 with a purpose and an expiry. Spending
 * one is a unique insert (FerretDB updates are read-then-write), so of any number of racing requests exactly one wins.
 */
export function createMailTokens() {
  async function issue({ purpose, userId, email, tokenVersion, ttlMs, changeId }: IssueInput): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await MailTokenModel.create({
      hash: sha256(token),
      purpose,
      user_id: userId,
      email,
      token_version: tokenVersion,
      change_id: changeId ?? null,
      expires_at: new Date(Date.now() + ttlMs),
    });
    return token;
  }

  /**
   * The live record of a token of one of these purposes, or null: unknown, malformed, another purpose, expired or
   * already spent. Reading spends nothing (mail scanners open links; the page they get changes nothing).
   */
  async function find(token: string, purposes: readonly MailTokenPurpose[]): Promise<MailTokenRecord | null> {
    if (!MAIL_TOKEN_PATTERN.test(token)) return null;
    const record = await MailTokenModel.findOne({ hash: sha256(token) }).lean();
    if (!record || !purposes.includes(record.purpose) || record.expires_at.getTime() <= Date.now()) return null;
    if (await MailTokenUseModel.exists({ token_id: record._id })) return null;
    return record as MailTokenRecord;
  }

  /** True for exactly one caller per token, however many race. */
  async function claim(record: Pick<MailTokenRecord, '_id'>): Promise<boolean> {
    try {
      await MailTokenUseModel.create({ token_id: record._id });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  return { issue, find, claim };
}
export type MailTokens = ReturnType<typeof createMailTokens>;

export interface PurgeOptions {
  now?: Date;
  /** Rows read and deleted per step. */
  batchSize?: number;
  /** Steps per call, so one call stays short; the next call goes on where this one stopped. */
  maxBatches?: number;
  /** Delivery records (what makes a retried mail job send nothing twice) are kept this long. */
  deliveryKeepDays?: number;
}

const trusted = mongoose.trusted;

async function deleteTokens(ids: Types.ObjectId[]): Promise<number> {
  // The token goes first: a spend racing the purge then finds nothing, rather than an unclaimed live token.
  const { deletedCount } = await MailTokenModel.deleteMany({ _id: trusted({ $in: ids }) });
  await MailTokenUseModel.deleteMany({ token_id: trusted({ $in: ids }) });
  return deletedCount ?? 0;
}

/**
 * Deletes spent and expired mail tokens, and delivery records older than `deliveryKeepDays`, in bounded batches.
 * Safe to run from any number of processes at once (every step is a delete by id). Returns the rows deleted.
 */
export async function purgeMailTokens({
  now = new Date(),
  batchSize = 500,
  maxBatches = 20,
  deliveryKeepDays = 45,
}: PurgeOptions = {}): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const expired = await MailTokenModel.find({ expires_at: trusted({ $lte: now }) }, { _id: 1 })
      .limit(batchSize)
      .lean();
    const spent = await MailTokenUseModel.find({}, { token_id: 1 }).limit(batchSize).lean();
    const ids = [...expired.map((t) => t._id), ...spent.map((u) => u.token_id)];
    const oldDeliveries = await MailDeliveryModel.find(
      { sent_at: trusted({ $lt: new Date(now.getTime() - deliveryKeepDays * 86_400_000) }) },
      { _id: 1 },
    )
      .limit(batchSize)
      .lean();
    if (!ids.length && !oldDeliveries.length) break;
    if (ids.length) deleted += await deleteTokens(ids);
    if (oldDeliveries.length) {
      const { deletedCount } = await MailDeliveryModel.deleteMany({
        _id: trusted({ $in: oldDeliveries.map((d) => d._id) }),
      });
      deleted += deletedCount ?? 0;
    }
    if (expired.length < batchSize && spent.length < batchSize && oldDeliveries.length < batchSize) break;
  }
  return deleted;
}
