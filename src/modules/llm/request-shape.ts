import type { LlmEndpoint } from '../../../queues/index.js';
import type { PayerContext } from '../../domain/plans/payer.js';

/** What admission reads of every LLM request body. */
export interface AdmittedBody {
  model: string;
  stream?: boolean | null;
}

/**
 * What sets one kind of LLM request apart at admission (chat completions and Responses share one; embeddings have
 * their own): the models it may name, the prompt tokens it reserves, the completion tokens it may take beyond them,
 * and the body sent upstream for what was granted.
 */
export interface RequestShape<B extends AdmittedBody> {
  endpoint: LlmEndpoint;
  /** Throws the client's error when the payer may not use `model` this way. */
  assertModel(model: string, payer: PayerContext): void;
  /** The prompt's reservation: computed only once the rate limits admitted the request. */
  estimate(body: B): Promise<number>;
  /** Completion tokens beyond the prompt: the most to reserve, and the fewest worth running with. */
  completion(body: B): { wanted: number; least: number };
  /** The body that goes upstream, given the completion tokens granted. */
  upstreamBody(body: B, granted: number): Record<string, unknown>;
}
