import type { QueueName } from '../../queues/index.js';
import type { ProcessorFactory } from './types.js';
import { createLlmProcessor } from './llm.js';
import { createUsageProcessor } from './usage.js';
import { createQuotaResetProcessor } from './quota-reset.js';
import { createStripeSyncProcessor } from './stripe-sync.js';
import { createMaintenanceProcessor } from './maintenance.js';
import { createMailProcessor } from './mail.js';

/** Every queue has exactly one processor; a missing one fails to compile. */
export const processors = {
  llm: createLlmProcessor,
  usage: createUsageProcessor,
  'quota-reset': createQuotaResetProcessor,
  'stripe-sync': createStripeSyncProcessor,
  maintenance: createMaintenanceProcessor,
  mail: createMailProcessor,
} satisfies { [Q in QueueName]: ProcessorFactory<Q> };
