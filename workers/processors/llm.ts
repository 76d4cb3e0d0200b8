import { UnrecoverableError } from 'bullmq';
import type { ProcessorFactory } from './types.js';

export const createLlmProcessor: ProcessorFactory<'llm'> = () => async () => {
  throw new UnrecoverableError('llm processor is not implemented yet');
};
