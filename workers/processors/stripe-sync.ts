import { UnrecoverableError } from 'bullmq';
import type { ProcessorFactory } from './types.js';

export const createStripeSyncProcessor: ProcessorFactory<'stripe-sync'> = () => async () => {
  throw new UnrecoverableError('stripe-sync processor is not implemented yet');
};
