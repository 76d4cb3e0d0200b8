import { UnrecoverableError } from 'bullmq';
import type { ProcessorFactory } from './types.js';

export const createQuotaResetProcessor: ProcessorFactory<'quota-reset'> = () => async () => {
  throw new UnrecoverableError('quota-reset processor is not implemented yet');
};
