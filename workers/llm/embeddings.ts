import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/index.js';
import { countEmbeddingTokens, type EmbeddingInput, type EmbeddingResult } from '../../src/domain/llm/embeddings.js';
import { CANCEL_ERRORS, emptyOutcome, finishRequest } from '../../src/domain/llm/finish.js';
import type { StreamStore } from '../../src/domain/llm/stream-store.js';
import {
  enqueueSettlement,
  requestContextSchema,
  type ClientError,
  type EndRecord,
  type LlmStatus,
  type LlmWork,
  type NewEntry,
  type Producer,
  type RequestIdentity,
  type RequestOutcome,
  type RequestRecords,
} from '../../queues/index.js';
import { CancelSignal, type CancelListener } from './cancel-listener.js';
import type { Embedded, Embedder } from './embedders.js';
import {
  AttemptTimeout,
  RESERVATION_RELEASED,
  STREAM_INTERRUPTED,
  UpstreamFailure,
  WORKER_SHUTDOWN,
  clientErrorFor,
} from './failures.js';

export interface EmbeddingsRunnerDeps {
  config: Config;
  log: Logger;
  /** The request's record: claimed, written and ended through it. */
  records: RequestRecords;
  /** Reads what an earlier run streamed. */
  store: StreamStore;
  producer: Producer;
  embedders: Embedder[];
  cancels: CancelListener;
  /** The tokens a request's quota reservation still holds, or null once it was settled or released. */
  reservationOf: (requestId: string, payerId: string) => Promise<number | null>;
}

/** How an embeddings request ended. */
interface Ending {
  status: Exclude<LlmStatus, 'queued' | 'running'>;
  embedded?: Embedded;
  provider: string | null;
  /** The request was on its way to an upstream when it was stopped: the upstream may have computed it. */
  sent: boolean;
  error?: ClientError;
}

const identityOf = (job: LlmWork): RequestIdentity => ({
  id: job.request_id,
  userId: job.user_id,
  model: job.model,
  stream: job.stream,
  created: job.enqueued_at,
});

/**
 * Serves an embeddings job: claims the request, calls the upstream's /embeddings (retrying or falling back like a
 * chat request before its first token), stores the vectors as the request's one stream entry and settles it once:
 * billed by the input tokens the upstream reported (counted with the tokenizer when it reported none). A request
 * stopped once it was on its way upstream bills its input, counted; failures bill nothing.
 */
export function createEmbeddingsRunner(deps: EmbeddingsRunnerDeps) {
  const { config, log, records, store, producer, embedders, cancels, reservationOf } = deps;
  const secrets = embedders.flatMap((embedder) => embedder.secrets);

  async function run(job: LlmWork, jobSignal?: AbortSignal): Promise<string> {
    const id = job.request_id;
    const runToken = randomUUID();
    await cancels.ready;
    const cancelSignal = cancels.register(id);
    const signal = jobSignal ? AbortSignal.any([cancelSignal, jobSignal]) : cancelSignal;
    try {
      const [claim, reservation] = await Promise.all([
        records.claim(identityOf(job), runToken),
        reservationOf(id, job.payer.id),
      ]);
      if (claim.state === 'missing') return await expired(job);
      if (claim.state === 'final') return await resettle(job);
      if (claim.existingEntries > 0) return await recover(job, runToken);
      if (reservation === null) {
        await finish(job, runToken, { status: 'failed', provider: null, sent: false, error: RESERVATION_RELEASED });
        return 'unreserved';
      }
      if (claim.cancelReason)
        cancels.abort(id, claim.cancelReason === 'client_disconnected' ? 'client_disconnected' : 'cancelled');
      const ending = await embed(job, signal);
      await finish(job, runToken, ending);
      return ending.status;
    } finally {
      cancels.unregister(id);
    }
  }

  function stopped(reason: unknown, provider: string | null, sent: boolean): Ending {
    if (reason instanceof CancelSignal)
      return {
        status: reason.reason === 'cancelled' ? 'cancelled' : 'aborted',
        provider,
        sent,
        error: CANCEL_ERRORS[reason.reason],
      };
    return { status: 'aborted', provider, sent, error: WORKER_SHUTDOWN };
  }

  /** One call to one embedder, bounded by the first-token timeout (the whole answer is its first token). */
  async function attempt(job: LlmWork, embedder: Embedder, signal: AbortSignal, sent: { value: boolean }) {
    const own = new AbortController();
    const timer = setTimeout(() => own.abort(new AttemptTimeout('first_token')), config.LLM_FIRST_TOKEN_TIMEOUT_MS);
    try {
      return await embedder.embed(
        { ...job.body, model: job.model },
        AbortSignal.any([signal, own.signal]),
        () => (sent.value = true),
      );
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (own.signal.aborted)
        throw new UpstreamFailure('first_token_timeout', `${embedder.name}: no embeddings in time`);
      throw error instanceof UpstreamFailure ? error : new UpstreamFailure('cut', String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  async function embed(job: LlmWork, signal: AbortSignal): Promise<Ending> {
    const sent = { value: false };
    let last = new UpstreamFailure('no_provider', `no provider serves ${job.model}`);
    for (const embedder of embedders.filter((candidate) => candidate.serves(job.model))) {
      for (let attemptNo = 0; attemptNo <= config.LLM_UPSTREAM_RETRIES; attemptNo += 1) {
        if (signal.aborted) return stopped(signal.reason, embedder.name, sent.value);
        try {
          const embedded = await attempt(job, embedder, signal, sent);
          return { status: 'completed', embedded, provider: embedder.name, sent: true };
        } catch (error) {
          if (signal.aborted) return stopped(signal.reason, embedder.name, sent.value);
          const failure = error as UpstreamFailure;
          log.warn(
            { llm_request_id: job.request_id, provider: embedder.name, kind: failure.kind, status: failure.httpStatus },
            'upstream embeddings attempt failed',
          );
          last = failure;
          if (!failure.tryNextProvider) return failedWith(failure);
          if (!failure.retrySameProvider) break;
          if (attemptNo < config.LLM_UPSTREAM_RETRIES)
            await sleep(config.LLM_UPSTREAM_RETRY_DELAY_MS, undefined, { signal }).catch(() => undefined);
        }
      }
    }
    return failedWith(last);
  }

  const failedWith = (failure: UpstreamFailure): Ending => ({
    status: 'failed',
    provider: null,
    sent: false,
    error: clientErrorFor(failure, secrets),
  });

  /** Reported usage when the upstream sent it; the input counted when it did not, or when the request was stopped. */
  async function outcomeOf(job: LlmWork, ending: Ending): Promise<RequestOutcome> {
    const errorCode = ending.error?.code ?? null;
    if (ending.status !== 'completed' && !ending.sent)
      return emptyOutcome(
        contextOf(job),
        ending.status === 'failed' ? 'failed' : 'aborted',
        errorCode,
        ending.provider,
      );
    const reported = ending.embedded?.promptTokens ?? null;
    const duration = Math.max(0, Date.now() - job.enqueued_at);
    return {
      status: ending.status === 'completed' ? 'completed' : 'aborted',
      prompt_tokens: reported ?? (await countedInput(job)),
      completion_tokens: 0,
      usage_source: reported === null ? 'counted' : 'reported',
      provider: ending.provider,
      error_code: errorCode,
      ttft_ms: ending.embedded ? duration : null,
      duration_ms: duration,
    };
  }

  async function finish(job: LlmWork, runToken: string, ending: Ending): Promise<void> {
    const outcome = await outcomeOf(job, ending);
    const entries: NewEntry[] = [];
    if (ending.embedded) {
      const result: EmbeddingResult = { vectors: ending.embedded.vectors, upstream_model: ending.embedded.model };
      entries.push({ type: 'c', data: JSON.stringify(result) });
    }
    await finishRequest(records, producer, {
      context: contextOf(job),
      run: runToken,
      status: ending.status,
      outcome,
      entries,
      error: ending.error,
    });
    log.info(
      {
        llm_request_id: job.request_id,
        status: ending.status,
        provider: outcome.provider,
        prompt_tokens: outcome.prompt_tokens,
        usage_source: outcome.usage_source,
      },
      'embeddings request finished',
    );
  }

  /** An earlier run stored the vectors and died before the end: end it, billed as that run would have. */
  async function recover(job: LlmWork, runToken: string): Promise<string> {
    const [entry] = await store.readAll(job.request_id);
    if (entry?.type === 'c') {
      const record = await records.read(job.request_id);
      const result = JSON.parse(entry.data) as EmbeddingResult;
      // The stored entry holds no usage: the input is counted.
      await finish(job, runToken, {
        status: 'completed',
        embedded: { vectors: result.vectors, model: result.upstream_model, promptTokens: null },
        provider: record?.provider ?? null,
        sent: true,
      });
      return 'recovered';
    }
    await finish(job, runToken, { status: 'failed', provider: null, sent: false, error: STREAM_INTERRUPTED });
    return 'recovered';
  }

  async function resettle(job: LlmWork): Promise<string> {
    const last = await store.lastEntry(job.request_id);
    if (last?.type === 'end')
      await enqueueSettlement(producer, contextOf(job), (JSON.parse(last.data) as EndRecord).outcome);
    return 'already-final';
  }

  async function expired(job: LlmWork): Promise<string> {
    const context = contextOf(job);
    await enqueueSettlement(producer, context, emptyOutcome(context, 'failed', 'request_expired'));
    return 'expired';
  }

  /** For a job BullMQ gave up on: end it with what an earlier run stored, if anything. */
  async function abandon(job: LlmWork): Promise<void> {
    const runToken = randomUUID();
    const claim = await records.claim(identityOf(job), runToken);
    if (claim.state === 'missing') await expired(job);
    else if (claim.state === 'final') await resettle(job);
    else await recover(job, runToken);
  }

  return { run, abandon };
}
export type EmbeddingsRunner = ReturnType<typeof createEmbeddingsRunner>;

const contextOf = (job: LlmWork) => requestContextSchema.parse(job);

/** The input as the tokenizer counts it; a job ended without its prompt (expired) has none to count. */
const countedInput = (job: LlmWork) =>
  job.body.input === undefined ? 0 : countEmbeddingTokens(job.model, job.body.input as EmbeddingInput);
