import { Schema, model, type Model } from 'mongoose';
import { ApiKeyModel } from '../../models/api-key.js';
import { SubscriptionModel } from '../../models/subscription.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import { uniqueIndexes } from '../../models/unique-indexes.js';
import { forEachBatch, type MigrationContext } from './context.js';
import { bump, emptyReport, type CollectionReport } from './report.js';

/** `rate_limits` is in SPEC.md, but this service never writes it (limits live in Redis and users.limit_overrides). */
const LegacyRateLimitModel = model('LegacyRateLimit', new Schema({}, { collection: 'rate_limits', strict: false }));

/** Collections the Python system may have written in shapes nobody recorded: read and described, never changed. */
export const SURVEYED_MODELS = [
  ApiKeyModel,
  SubscriptionModel,
  TokenUsageModel,
  LegacyRateLimitModel,
] as unknown as Model<never>[];

const MAX_FIELD_NAMES = 200;

const requiredPaths = (model: Model<never>) =>
  Object.entries(model.schema.paths)
    .filter(([, type]) => (type as { isRequired?: boolean }).isRequired)
    .map(([path]) => path);

/**
 * Counts the documents in this service's shape (every required field present: written by this service) and
 * describes the others by the field names they use. Those are left as they are; the report says which of this
 * service's unique indexes they lack a key for, since on MongoDB two documents without one stop that index.
 */
export async function surveyCollection(ctx: MigrationContext, model: Model<never>): Promise<CollectionReport> {
  const collection = model.collection;
  const report: CollectionReport = { ...emptyReport(collection.collectionName), fieldsSeen: {} };
  const required = requiredPaths(model);
  const uniqueKeys = uniqueIndexes([model]).map((index) => Object.keys(index.keys));
  await forEachBatch(ctx, collection, report, async (docs) => {
    for (const doc of docs) {
      // A collection this service does not write (no required field) holds only documents of the Python system.
      if (required.length > 0 && required.every((path) => doc[path] !== undefined && doc[path] !== null)) {
        report.current += 1;
        bump(report.currentReasons, "in this service's shape");
        continue;
      }
      report.skipped += 1;
      bump(report.skipReasons, 'in an unknown (Python) shape: left as it is');
      for (const field of Object.keys(doc)) {
        if (field in report.fieldsSeen! || Object.keys(report.fieldsSeen!).length < MAX_FIELD_NAMES)
          bump(report.fieldsSeen!, field);
      }
      for (const keys of uniqueKeys) {
        const missing = keys.filter((key) => doc[key] === undefined || doc[key] === null);
        if (missing.length)
          bump(
            report.notes,
            `without ${missing.join(', ')} (the key of a unique index: more than one stops it on MongoDB)`,
          );
      }
    }
  });
  return report;
}
