import type { Config } from '../../config/index.js';
import { isTier, type Tier } from '../plans/catalog.js';
import { SubscriptionModel } from '../../models/subscription.js';
import type { QuotaService } from '../quota/service.js';
import { EMPTY_RECORD, type BillingRecord } from './decide.js';
import type { Periods } from './periods.js';
import {
  accountOf,
  limitFor,
  loadPayer,
  setPayerFields,
  type PayerRef,
  type PayerState,
  type SubscriptionSummary,
} from './payers.js';

export interface HistoryEntry {
  at: Date;
  event_id: string | null;
  event_type: string;
  from_tier: Tier;
  to_tier: Tier;
  status: string;
  note: string;
}

export interface StoredRecord {
  record: BillingRecord;
  tier: Tier | null;
  stripe_customer_id: string | null;
  appliedEventIds: Set<string>;
  history: HistoryEntry[];
}

const asDate = (value: unknown): Date | null => (value ? new Date(value as string) : null);

export const summaryOf = (record: BillingRecord, tier: Tier): SubscriptionSummary => ({
  status: record.status,
  tier,
  stripe_subscription_id: record.stripe_subscription_id,
  current_period_start: record.current_period_start,
  current_period_end: record.current_period_end,
  cancel_at_period_end: record.cancel_at_period_end,
  pending_tier: record.pending_tier,
  past_due_since: record.past_due_since,
});

interface Deps {
  config: Pick<Config, 'plans'>;
  quota: QuotaService;
  periods: Periods;
}

/** Reads and writes a payer's billing record (the `subscriptions` document) and its tier; callers hold the payer lock. */
export function createBillingState({ config, quota, periods }: Deps) {
  async function load(payer: PayerRef): Promise<StoredRecord> {
    const doc = await SubscriptionModel.findOne({ owner_type: payer.type, owner_id: payer.id }).lean();
    if (!doc)
      return {
        record: { ...EMPTY_RECORD },
        tier: null,
        stripe_customer_id: null,
        appliedEventIds: new Set(),
        history: [],
      };
    const history = (doc.history ?? []).map((entry) => ({
      at: new Date(entry.at ?? 0),
      event_id: entry.event_id ?? null,
      event_type: entry.event_type ?? '',
      from_tier: isTier(entry.from_tier) ? entry.from_tier : 'free',
      to_tier: isTier(entry.to_tier) ? entry.to_tier : 'free',
      status: entry.status ?? '',
      note: entry.note ?? '',
    }));
    return {
      record: {
        stripe_subscription_id: doc.stripe_subscription_id ?? null,
        stripe_price_id: doc.stripe_price_id ?? null,
        status: doc.status ?? 'none',
        current_period_start: asDate(doc.current_period_start),
        current_period_end: asDate(doc.current_period_end),
        cancel_at_period_end: Boolean(doc.cancel_at_period_end),
        pending_tier: isTier(doc.pending_tier) ? doc.pending_tier : null,
        past_due_since: asDate(doc.past_due_since),
        last_event_created: doc.last_event_created ?? 0,
      },
      tier: isTier(doc.tier) ? doc.tier : null,
      stripe_customer_id: doc.stripe_customer_id ?? null,
      appliedEventIds: new Set(history.flatMap((entry) => (entry.event_id ? [entry.event_id] : []))),
      history,
    };
  }

  /** Changes the tier now, keeping this period's usage: the new limit applies to what was already used. */
  async function changeTier(payer: PayerState, tier: Tier): Promise<void> {
    const limit = limitFor(config, payer, tier);
    await setPayerFields(payer.ref, { subscription_tier: tier, monthly_limit: limit });
    await quota.setLimit(accountOf(payer.ref), limit);
    await periods.refreshSeedFields(payer.ref);
  }

  /** Saves the record with one history entry, and mirrors the summary (and the tier) onto the payer. */
  async function save(
    payer: PayerRef,
    record: BillingRecord,
    tier: Tier,
    entry: HistoryEntry,
    customerId?: string | null,
  ): Promise<void> {
    const current = await loadPayer(payer);
    const adoptCustomer =
      customerId && current && !current.stripe_customer_id ? { stripe_customer_id: customerId } : {};
    await setPayerFields(payer, { subscription: summaryOf(record, tier), subscription_tier: tier, ...adoptCustomer });
    await SubscriptionModel.updateOne(
      { owner_type: payer.type, owner_id: payer.id },
      {
        $set: { ...record, tier, ...(customerId ? { stripe_customer_id: customerId } : {}) },
        $push: { history: entry },
      },
      { upsert: true },
    );
  }

  return { load, changeTier, save };
}
export type BillingState = ReturnType<typeof createBillingState>;
