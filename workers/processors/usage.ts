import { UnrecoverableError } from 'bullmq';
import type { ProcessorFactory } from './types.js';

export const createUsageProcessor: ProcessorFactory<'usage'> = () => async () => {
  throw new UnrecoverableError('usage processor is not implemented yet');
};
