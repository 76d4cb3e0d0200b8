import { z } from 'zod';
import { objectIdSchema } from '../src/lib/ids.js';

const objectId = objectIdSchema();
const address = z.string().email().max(254);
/** The id of one requested address change (users.pending_email_change_id). */
const changeId = z.string().uuid();
/** The account's token_version when the change was requested: its links are minted under it or not at all. */
const tokenVersion = z.number().int().min(0);
const payer = z.object({ type: z.enum(['user', 'organization']), id: objectId });

/**
 * One message per job. Jobs never carry a token or a link with one: the worker mints the token of a link-carrying
 * message (mail_tokens, stored as SHA-256) just before it sends, so neither Redis nor the queue dashboard ever
 * holds a usable link.
 */
export const mailJobSchema = z.discriminatedUnion('kind', [
  /** A password reset link, to the account's current address. */
  z.object({ kind: z.literal('password_reset'), user_id: objectId }),
  /** A verification link for the account's current address (registration, resend). */
  z.object({ kind: z.literal('verify_email'), user_id: objectId }),
  /** A confirmation link for a requested address change (`change_id`: the one change it may confirm), to the new address. */
  z.object({
    kind: z.literal('email_change_confirm'),
    user_id: objectId,
    new_email: address,
    change_id: changeId,
    token_version: tokenVersion,
  }),
  /** Security notice to the old address: a change to another address was requested; it carries a one-click cancel. */
  z.object({
    kind: z.literal('email_change_requested'),
    user_id: objectId,
    old_email: address,
    new_email: address,
    change_id: changeId,
    token_version: tokenVersion,
  }),
  /** Security notice to the old address: the address was changed. */
  z.object({ kind: z.literal('email_changed'), user_id: objectId, old_email: address, new_email: address }),
  /** Security notice: the password was changed or reset. */
  z.object({ kind: z.literal('password_changed'), user_id: objectId, how: z.enum(['changed', 'reset']) }),
  /** Alert to the payer (an organization's owner and admins): the period's quota passed 80 % or ran out. */
  z.object({
    kind: z.literal('quota_alert'),
    payer,
    level: z.enum(['warning', 'exhausted']),
    period_end: z.string().datetime(),
  }),
  /** Alert to the payer: a subscription payment failed. */
  z.object({ kind: z.literal('payment_failed'), payer, period_end: z.string().datetime() }),
]);
export type MailJob = z.infer<typeof mailJobSchema>;
export type MailKind = MailJob['kind'];
