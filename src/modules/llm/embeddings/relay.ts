import type { Response } from 'express';
import type { EndRecord, StreamEntry } from '../../../../queues/index.js';
import { vectorFromBase64, type EmbeddingResult } from '../../../domain/llm/embeddings.js';
import { sendErrorEntry, type Relay } from '../relay.js';

export type EncodingFormat = 'float' | 'base64';

/** The OpenAI embeddings list, billed usage from the end record (the upstream's count, or the tokenizer's). */
function present(result: EmbeddingResult, end: EndRecord, model: string, encoding: EncodingFormat) {
  return {
    object: 'list' as const,
    data: result.vectors.map((vector, index) => ({
      object: 'embedding' as const,
      index,
      embedding: encoding === 'base64' ? vector : vectorFromBase64(vector),
    })),
    model,
    usage: { prompt_tokens: end.outcome.prompt_tokens, total_tokens: end.outcome.prompt_tokens },
  };
}

const NO_RESULT: StreamEntry = {
  id: '0-0',
  type: 'e',
  status: 502,
  data: JSON.stringify({
    error: { message: 'The model provider sent no embeddings.', type: 'upstream_error', code: 'upstream_error' },
  }),
};

/** Waits for the end of an embeddings request and answers its vectors in `encoding` (or the error it ended with). */
export function embeddingsRelay(encoding: EncodingFormat): Relay {
  return (hub, _heartbeats, options) => {
    const res: Response = options.res;
    let result: EmbeddingResult | null = null;
    let error: StreamEntry | null = null;
    let done = false;
    const subscription = hub.subscribe(options.key, options.fromId, (entries) => {
      if (done) return;
      for (const entry of entries) {
        if (entry.type === 'c') result = JSON.parse(entry.data) as EmbeddingResult;
        else if (entry.type === 'e') error = entry;
        else {
          done = true;
          subscription.close();
          if (error || !result) sendErrorEntry(res, error ?? NO_RESULT);
          else res.json(present(result, JSON.parse(entry.data) as EndRecord, options.model, encoding));
          return;
        }
      }
    });
    res.on('close', () => {
      if (done) return;
      done = true;
      subscription.close();
      options.onDetach();
    });
  };
}
