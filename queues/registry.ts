import { z } from 'zod';
import {
  llmJobSchema,
  maintenanceJobSchema,
  quotaResetJobSchema,
  stripeSyncJobSchema,
  usageJobSchema,
} from './schemas.js';
import { mailJobSchema } from './mail.js';

/** The contract between the API (producer) and the workers (consumers): queue name -> payload schema. */
export const QUEUE_SCHEMAS = {
  llm: llmJobSchema,
  usage: usageJobSchema,
  'quota-reset': quotaResetJobSchema,
  'stripe-sync': stripeSyncJobSchema,
  maintenance: maintenanceJobSchema,
  mail: mailJobSchema,
} as const;

export type QueueName = keyof typeof QUEUE_SCHEMAS;
export type JobPayload<Q extends QueueName> = z.infer<(typeof QUEUE_SCHEMAS)[Q]>;
export const QUEUE_NAMES = Object.keys(QUEUE_SCHEMAS) as QueueName[];

export function parsePayload<Q extends QueueName>(queue: Q, data: unknown): JobPayload<Q> {
  return QUEUE_SCHEMAS[queue].parse(data) as JobPayload<Q>;
}
