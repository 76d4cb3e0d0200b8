import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/index.js';
import type { ChatCompletionChunk, Usage } from '../../src/domain/llm/completion.js';
import { createCompletionTally, type CompletionTally } from '../../src/domain/llm/completion-tally.js';
import { takeBatch } from './chunks.js';
import { CANCEL_ERRORS, emptyOutcome, finishRequest } from '../../src/domain/llm/finish.js';
import {
  enqueueSettlement,
  requestContextSchema,
  type ClientError,
  type EndRecord,
  type LlmStatus,
  type NewEntry,
  type LlmWork,
  type Producer,
  type RequestContext,
  type RequestIdentity,
  type RequestOutcome,
  type RequestRecords,
} from '../../queues/index.js';
import type { Limits } from '../../src/domain/llm/limits.js';
import type { StreamStore } from '../../src/domain/llm/stream-store.js';
import { countPromptTokens, promptOptionsOf } from '../../src/domain/llm/tokenizer.js';
import { CancelSignal, type CancelListener } from './cancel-listener.js';
import {
  AttemptTimeout,
  RESERVATION_RELEASED,
  STREAM_INTERRUPTED,
  UpstreamFailure,
  WORKER_SHUTDOWN,
  clientErrorFor,
} from './failures.js';
import type { Provider } from './providers.js';

type LlmJob = LlmWork;

export interface RunnerDeps {
  config: Config;
  log: Logger;
  /** The request's record: claimed, written and ended through it. */
  records: RequestRecords;
  /** Reads what an earlier run streamed. */
  store: StreamStore;
  producer: Producer;
  limits: Limits;
  providers: Provider[];
  cancels: CancelListener;
  /** The tokens a request's quota reservation still holds, or null once it was settled or released. */
  reservationOf: (requestId: string, payerId: string) => Promise<number | null>;
}

/** What one request produced, whatever happened to it. */
interface Generation {
  status: Exclude<LlmStatus, 'queued' | 'running'>;
  /** Chunks written to the request's stream (what clients received). */
  written: number;
  /** Usage the upstream reported (include_usage), if it got that far. */
  usage: Usage | null;
  provider: string | null;
  ttftMs: number | null;
  /**
   * An upstream had accepted the request (it was working on the prompt) when the client stopped it or its first
   * token timed out: the prompt is billed even though nothing was streamed. Upstream faults and shutdowns are not.
   */
  billPrompt: boolean;
  error?: ClientError;
  /** What was generated, counted as it streams (the text itself is in the request's stream, not kept here). */
  tally: CompletionTally;
  lostOwnership?: boolean;
}

class LostOwnership extends Error {}

/** An upstream call in flight. */
interface Opened {
  provider: Provider;
  own: AbortController;
  iterator: AsyncIterator<string[]>;
  first: Promise<IteratorResult<string[]>>;
  accepted: { value: boolean };
}

const contextOf = (job: LlmJob): RequestContext => requestContextSchema.parse(job);
const identityOf = (job: LlmJob): RequestIdentity => ({
  id: job.request_id,
  userId: job.user_id,
  model: job.model,
  stream: job.stream,
  created: job.enqueued_at,
});

/** A generation that produced nothing yet; a failure until it streams. */
const failedGeneration = (model: string, error?: ClientError): Generation => ({
  status: 'failed',
  written: 0,
  usage: null,
  provider: null,
  ttftMs: null,
  billPrompt: false,
  tally: createCompletionTally(model),
  ...(error ? { error } : {}),
});

/**
 * Serves one llm job: claims the request, streams the upstream answer into the request's Redis Stream
 * (retrying or falling back before the first token), then settles it once. A retried job whose earlier run
 * already streamed something never calls the upstream again: it ends the stream and bills what was sent.
 */
export function createLlmRunner(deps: RunnerDeps) {
  const { config, log, records, store, producer, limits, providers, cancels, reservationOf } = deps;
  const secrets = providers.flatMap((p) => p.secrets);
  const promptOptions = promptOptionsOf(config);

  /**
   * `firstStart`: no worker ever started this job before (BullMQ's attemptsStarted is 1), so nothing can have
   * been streamed yet and the upstream call may start while the request is being claimed (one round trip less).
   */
  async function run(job: LlmJob, firstStart: boolean, jobSignal?: AbortSignal): Promise<string> {
    const id = job.request_id;
    const runToken = randomUUID();
    await cancels.ready;
    const cancelSignal = cancels.register(id);
    const signal = jobSignal ? AbortSignal.any([cancelSignal, jobSignal]) : cancelSignal;
    const first = firstStart ? candidatesFor(job)[0] : undefined;
    let early = first ? open(job, first, signal) : undefined;
    try {
      const [claim, reservation] = await Promise.all([
        records.claim(identityOf(job), runToken),
        reservationOf(id, job.payer.id),
      ]);
      if (claim.state !== 'ok' || claim.existingEntries > 0 || claim.cancelReason || reservation === null) {
        if (early) discard(early);
        early = undefined;
      }
      if (claim.state === 'missing') return await expired(job);
      if (claim.state === 'final') return await resettle(job);
      if (claim.existingEntries > 0) return await recoverInterrupted(job, runToken);
      if (reservation === null) return await unreserved(job, runToken);
      if (claim.cancelReason)
        cancels.abort(id, claim.cancelReason === 'client_disconnected' ? 'client_disconnected' : 'cancelled');
      const generation = await generate(job, runToken, signal, early);
      early = undefined;
      if (generation.lostOwnership) return 'lost-ownership';
      await finish(job, runToken, generation);
      return generation.status;
    } finally {
      if (early) discard(early);
      cancels.unregister(id);
    }
  }

  const candidatesFor = (job: LlmJob) => providers.filter((provider) => provider.serves(job.model));

  /** Starts one upstream call (its first read already requested). */
  function open(job: LlmJob, provider: Provider, cancelSignal: AbortSignal): Opened {
    const own = new AbortController();
    const accepted = { value: false };
    const chunks = provider.open(
      upstreamBody(job),
      AbortSignal.any([cancelSignal, own.signal]),
      () => (accepted.value = true),
    );
    const iterator = chunks[Symbol.asyncIterator]();
    const first = iterator.next();
    first.catch(() => undefined);
    return { provider, own, iterator, first, accepted };
  }

  function discard(opened: Opened): void {
    opened.own.abort();
    opened.first
      .then(
        () => opened.iterator.return?.(undefined),
        () => undefined,
      )
      .catch(() => undefined);
  }

  function upstreamBody(job: LlmJob): Record<string, unknown> {
    return { ...job.body, model: job.model, stream: true, stream_options: { include_usage: true } };
  }

  /** One call to one provider. Throws UpstreamFailure (or the cancel reason); returns when the answer ended. */
  async function attempt(
    job: LlmJob,
    opened: Opened,
    gen: Generation,
    runToken: string,
    cancelSignal: AbortSignal,
  ): Promise<void> {
    const { provider, own, iterator } = opened;
    let timer = setTimeout(() => own.abort(new AttemptTimeout('first_token')), config.LLM_FIRST_TOKEN_TIMEOUT_MS);
    const held: string[] = [];
    let ended = false;
    let next = opened.first;
    try {
      for (let step = await next; !step.done; step = await next) {
        const batch = takeBatch(step.value, gen, held, job.request_id, job.model);
        ended ||= batch.ended;
        if (batch.out.length > 0) {
          if (gen.written === 0) {
            gen.ttftMs = Date.now() - job.enqueued_at;
            gen.provider = provider.name;
            clearTimeout(timer);
            timer = setTimeout(() => own.abort(new AttemptTimeout('idle')), config.LLM_IDLE_TIMEOUT_MS);
            void records.markFirstToken(job.request_id, provider.name, gen.ttftMs).catch(() => undefined);
          }
          if (!(await records.append(job.request_id, runToken, batch.out))) throw new LostOwnership();
          gen.written += batch.out.length;
        }
        if (batch.failure) throw batch.failure;
        if (gen.written > 0) timer.refresh();
        next = iterator.next();
      }
    } catch (error) {
      if (cancelSignal.reason instanceof CancelSignal || own.signal.reason instanceof AttemptTimeout)
        gen.billPrompt ||= opened.accepted.value;
      if (error instanceof LostOwnership || cancelSignal.aborted)
        throw error instanceof LostOwnership ? error : cancelSignal.reason;
      if (own.signal.aborted) {
        const which = (own.signal.reason as AttemptTimeout).which;
        throw new UpstreamFailure(
          which === 'idle' ? 'idle_timeout' : 'first_token_timeout',
          `${provider.name}: no ${which === 'idle' ? 'chunk' : 'first token'} in time`,
        );
      }
      throw error instanceof UpstreamFailure
        ? error
        : new UpstreamFailure('cut', `${provider.name}: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
      // Ends the call if this attempt stopped reading early (no-op when the answer was read to the end).
      iterator.return?.(undefined)?.catch(() => undefined);
    }
    if (!ended) throw new UpstreamFailure('cut', `${provider.name}: the stream ended before the answer did`);
  }

  function stopped(gen: Generation, reason: unknown): Generation {
    if (reason instanceof CancelSignal) {
      return {
        ...gen,
        status: reason.reason === 'cancelled' ? 'cancelled' : 'aborted',
        error: CANCEL_ERRORS[reason.reason],
      };
    }
    return { ...gen, status: 'aborted', error: WORKER_SHUTDOWN };
  }

  async function generate(job: LlmJob, runToken: string, signal: AbortSignal, early?: Opened): Promise<Generation> {
    const gen = failedGeneration(job.model);
    const candidates = candidatesFor(job);
    let last: UpstreamFailure = new UpstreamFailure('no_provider', `no provider serves ${job.model}`);
    for (const provider of candidates) {
      for (let attemptNo = 0; attemptNo <= config.LLM_UPSTREAM_RETRIES; attemptNo += 1) {
        if (signal.aborted) return stopped(gen, signal.reason);
        const opened = early?.provider === provider ? early : open(job, provider, signal);
        early = undefined;
        try {
          await attempt(job, opened, gen, runToken, signal);
          return { ...gen, status: 'completed', provider: gen.provider ?? provider.name };
        } catch (error) {
          if (error instanceof LostOwnership) return { ...gen, lostOwnership: true };
          if (signal.aborted) return stopped(gen, signal.reason);
          const failure = error instanceof UpstreamFailure ? error : new UpstreamFailure('cut', String(error));
          log.warn(
            {
              llm_request_id: job.request_id,
              provider: provider.name,
              kind: failure.kind,
              status: failure.httpStatus,
              msg: failure.message,
            },
            'upstream attempt failed',
          );
          if (gen.written > 0) return { ...gen, status: 'aborted', error: clientErrorFor(failure, secrets) };
          last = failure;
          if (!failure.tryNextProvider) return { ...gen, status: 'failed', error: clientErrorFor(failure, secrets) };
          if (!failure.retrySameProvider) break;
          if (attemptNo < config.LLM_UPSTREAM_RETRIES)
            await sleep(config.LLM_UPSTREAM_RETRY_DELAY_MS, undefined, { signal }).catch(() => undefined);
        }
      }
    }
    return { ...gen, status: 'failed', error: clientErrorFor(last, secrets) };
  }

  /**
   * Reported usage when the upstream sent it; otherwise counted with the model's tokenizer from what was streamed.
   * Nothing streamed: nothing is billed, unless the client stopped the request (or its first token timed out) after
   * an upstream had accepted it: then the prompt is billed, as `aborted` (settlement bills `failed` as nothing).
   */
  async function outcomeOf(job: LlmJob, gen: Generation): Promise<RequestOutcome> {
    const errorCode = gen.error?.code ?? null;
    if (gen.status !== 'completed' && gen.written === 0 && !gen.billPrompt)
      return emptyOutcome(contextOf(job), gen.status === 'failed' ? 'failed' : 'aborted', errorCode, gen.provider);
    const status = gen.status === 'completed' ? 'completed' : 'aborted';
    const usage = gen.usage
      ? {
          prompt_tokens: gen.usage.prompt_tokens,
          completion_tokens: gen.usage.completion_tokens,
          usage_source: 'reported' as const,
        }
      : {
          prompt_tokens: await countPromptTokens(job.model, job.body, promptOptions),
          completion_tokens: await gen.tally.tokens(),
          usage_source: 'counted' as const,
        };
    return {
      status,
      ...usage,
      provider: gen.provider,
      error_code: errorCode,
      ttft_ms: gen.ttftMs,
      duration_ms: Math.max(0, Date.now() - job.enqueued_at),
    };
  }

  function usageChunk(job: LlmJob, gen: Generation, outcome: RequestOutcome): NewEntry {
    const usage = {
      prompt_tokens: outcome.prompt_tokens,
      completion_tokens: outcome.completion_tokens,
      total_tokens: outcome.prompt_tokens + outcome.completion_tokens,
    };
    const seen = gen.tally.identity();
    return {
      type: 'c',
      data: JSON.stringify({
        id: seen.id ?? `chatcmpl-${job.request_id}`,
        object: 'chat.completion.chunk',
        created: seen.created ?? Math.floor(Date.now() / 1000),
        model: seen.model ?? job.model,
        choices: [],
        usage,
      }),
    };
  }

  async function finish(job: LlmJob, runToken: string, gen: Generation): Promise<void> {
    const outcome = await outcomeOf(job, gen);
    const wantsUsage =
      job.stream && (job.body.stream_options as { include_usage?: boolean } | null | undefined)?.include_usage === true;
    const entries = wantsUsage && outcome.usage_source !== 'none' ? [usageChunk(job, gen, outcome)] : [];
    const result = await finishRequest(records, producer, {
      context: contextOf(job),
      run: runToken,
      status: gen.status,
      outcome,
      entries,
      error: gen.error,
    });
    log.info(
      {
        llm_request_id: job.request_id,
        status: gen.status,
        provider: outcome.provider,
        prompt_tokens: outcome.prompt_tokens,
        completion_tokens: outcome.completion_tokens,
        usage_source: outcome.usage_source,
        ttft_ms: outcome.ttft_ms,
        finalized: result === 1,
      },
      'llm request finished',
    );
  }

  /** An earlier run streamed part of the answer and died: end the stream and bill exactly what clients received. */
  async function recoverInterrupted(job: LlmJob, runToken: string): Promise<string> {
    const entries = await store.readAll(job.request_id);
    const tally = createCompletionTally(job.model);
    let written = 0;
    for (const entry of entries) {
      if (entry.type !== 'c') continue;
      written += 1;
      try {
        tally.add(JSON.parse(entry.data) as ChatCompletionChunk);
      } catch {
        // Only this API writes the stream; an unreadable entry is skipped rather than blocking the settlement.
      }
    }
    const record = await records.read(job.request_id);
    const gen: Generation = {
      status: 'aborted',
      written,
      usage: null,
      provider: record?.provider ?? null,
      ttftMs: record?.ttftMs ?? null,
      billPrompt: false,
      error: STREAM_INTERRUPTED,
      tally,
    };
    log.warn(
      { llm_request_id: job.request_id, chunks: written },
      'resuming an interrupted request: ending its stream without calling the upstream again',
    );
    await finish(job, runToken, gen);
    return 'recovered';
  }

  /** The request already ended (its run died after the end): make sure its settlement exists. */
  async function resettle(job: LlmJob): Promise<string> {
    const last = await store.lastEntry(job.request_id);
    if (last?.type === 'end')
      await enqueueSettlement(producer, contextOf(job), (JSON.parse(last.data) as EndRecord).outcome);
    return 'already-final';
  }

  /** Its status expired while it waited (longer than LLM_STREAM_TTL_SECONDS): nobody is listening; bill nothing. */
  async function expired(job: LlmJob): Promise<string> {
    const context = contextOf(job);
    await enqueueSettlement(producer, context, emptyOutcome(context, 'failed', 'request_expired'));
    await limits.release(job.user_id, job.request_id);
    return 'expired';
  }

  /** Its reservation is gone (released, or lost with Redis): never stream on it; the client sends the request again. */
  async function unreserved(job: LlmJob, runToken: string): Promise<string> {
    log.warn(
      { llm_request_id: job.request_id },
      'llm request has no quota reservation left; ended without calling the upstream',
    );
    const gen = failedGeneration(job.model, RESERVATION_RELEASED);
    await finish(job, runToken, gen);
    return 'unreserved';
  }

  /** For a job BullMQ gave up on (e.g. stalled too often): end it like an interrupted one. */
  async function abandon(job: LlmJob): Promise<void> {
    const runToken = randomUUID();
    const claim = await records.claim(identityOf(job), runToken);
    if (claim.state === 'missing') await expired(job);
    else if (claim.state === 'final') await resettle(job);
    else if (claim.existingEntries > 0) await recoverInterrupted(job, runToken);
    else {
      const gen = failedGeneration(job.model, STREAM_INTERRUPTED);
      await finish(job, runToken, gen);
    }
  }

  return { run, abandon };
}
export type LlmRunner = ReturnType<typeof createLlmRunner>;
