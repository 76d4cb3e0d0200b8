import { isCluster, type RedisClient } from '../../lib/redis.js';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { AppError, NotFoundError, ServiceUnavailableError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http/principal.js';
import {
  llmJobOptions,
  requestContextSchema,
  signalCancel,
  llmKeys,
  TERMINAL_STATUSES,
  type Producer,
  type RequestContext,
  type LlmStatus,
  type LlmEndpoint,
  type StreamEntry,
} from '../../../queues/index.js';
import type { QuotaService } from '../../shared/quota/service.js';
import { resolvePayer, type PayerContext } from '../quota/payer.js';
import { CANCEL_ERRORS, emptyOutcome, finishRequest } from '../../shared/llm/finish.js';
import { modelNotAllowed, unknownModel } from './model-errors.js';
import type { Limits, ResumeConnection } from '../../shared/llm/limits.js';
import { relayJson, relaySse, replayFinishedSse, type Heartbeats, type Relay } from './relay.js';
import type { ChatCompletionRequest, LlmRequestStatus } from './schemas.js';
import type { AdmittedBody, RequestShape } from './request-shape.js';
import type { PromptStore } from '../../shared/llm/prompt-store.js';
import type { StreamHub } from './stream-hub.js';
import type { StreamStore } from '../../shared/llm/stream-store.js';
import { estimatePromptTokens, promptOptionsOf } from '../../shared/llm/tokenizer.js';
import { GLOBAL_EPOCH, createAuthEpochs, createEpochCache, epochOf } from '../../lib/auth-epochs.js';
import { isObjectId } from '../../lib/ids.js';

interface Deps {
  config: Config;
  redis: RedisClient;
  producer: Producer;
  quota: QuotaService;
  limits: Limits;
  store: StreamStore;
  prompts: PromptStore;
  hub: StreamHub;
  heartbeats: Heartbeats;
  log: Logger;
}

/** How a resumed stream is written when it is not chat chunks: live (a relay) or replayed (entry by entry). */
export interface ResumeForm {
  relay: Relay;
  format: (entry: StreamEntry) => string;
}

export interface Submitted {
  context: RequestContext;
  rateLimitHeaders: Record<string, string>;
}

const MODEL_CREATED = 1_704_067_200;

const COMPLETION_LIMIT_FIELDS = ['max_tokens', 'max_completion_tokens'] as const;

/** The smallest completion limit the client set in either field, or null when it set none. */
function requestedCompletionLimit(body: ChatCompletionRequest): number | null {
  const set = [body.max_tokens, body.max_completion_tokens].filter(
    (limit): limit is number => typeof limit === 'number',
  );
  return set.length ? Math.min(...set) : null;
}

/**
 * The body sent upstream: every token-limit field the client sent (even as null, which would mean "no limit")
 * carries the grant, and `max_tokens` does when it sent none. The reservation covers the prompt plus this many
 * completion tokens, never more.
 */
function capCompletionLimits(body: ChatCompletionRequest, cap: number): Record<string, unknown> {
  const capped: Record<string, unknown> = { ...body };
  const fields = COMPLETION_LIMIT_FIELDS.filter((field) => field in body);
  for (const field of fields.length ? fields : (['max_tokens'] as const)) capped[field] = cap;
  return capped;
}

export function createLlmService({
  config,
  redis,
  producer,
  quota,
  limits,
  store,
  prompts,
  hub,
  heartbeats,
  log,
}: Deps) {
  const keys = llmKeys(config.REDIS_PREFIX);
  const promptOptions = promptOptionsOf(config);
  const graceTimers = new Set<NodeJS.Timeout>();
  /** This process's open resume connections that hold a slot of their own (slot -> user), kept alive while open. */
  const resumeSlots = new Map<string, string>();
  const slotKeeper = setInterval(
    () => {
      if (resumeSlots.size === 0) return;
      limits
        .keepResumeSlots([...resumeSlots].map(([slot, userId]) => ({ slot, userId })))
        .catch((error: Error) => log.warn({ err: error.message }, 'could not extend resume slots'));
    },
    Math.max(500, limits.slotTtlMs / 3),
  );
  slotKeeper.unref();
  const payers = createEpochCache<PayerContext>(
    createAuthEpochs({ redis, prefix: config.REDIS_PREFIX }),
    config.LLM_AUTH_CACHE_MS,
  );

  /**
   * Who pays, remembered per caller and organization header while the auth epochs of everything it was worked
   * out from are unchanged: the user, a sub-user's parent, the organization (members bump the global epoch).
   */
  async function payerOf(principal: Principal, organizationHeader: string | undefined): Promise<PayerContext> {
    const { user } = principal;
    const orgId = principal.apiKey?.organization_id ?? organizationHeader;
    const refs = [GLOBAL_EPOCH, epochOf('users', user._id.toString())];
    if (user.parent_user_id) refs.push(epochOf('users', user.parent_user_id.toString()));
    if (orgId) {
      if (!isObjectId(orgId)) return resolvePayer(config, principal, organizationHeader);
      refs.push(epochOf('organizations', orgId));
    }
    const key = `${user._id.toString()}|${principal.apiKey?.id ?? ''}|${organizationHeader ?? ''}`;
    return payers(key, refs, () => resolvePayer(config, principal, organizationHeader), principal.epochs);
  }

  function assertModelAllowed(model: string, payer: PayerContext): void {
    if (!config.LLM_MODELS.includes(model)) throw unknownModel(model);
    if (!payer.models.includes(model)) throw modelNotAllowed(model, payer.tier);
  }

  const presentModel = (id: string) => ({ id, object: 'model' as const, created: MODEL_CREATED, owned_by: 'aicoder' });

  async function listModels(principal: Principal, organizationHeader?: string) {
    const payer = await payerOf(principal, organizationHeader);
    return [...payer.models, ...payer.embedding_models].map(presentModel);
  }

  /** One model the caller may use; any other does not exist for it (as in the list), answered as chat answers one. */
  async function retrieveModel(principal: Principal, organizationHeader: string | undefined, model: string) {
    const payer = await payerOf(principal, organizationHeader);
    if (!payer.models.includes(model) && !payer.embedding_models.includes(model)) throw unknownModel(model);
    return presentModel(model);
  }

  /** A chat completion's admission (also a Responses request's, translated into one). */
  function chatShape(endpoint: Exclude<LlmEndpoint, 'embeddings'>): RequestShape<ChatCompletionRequest> {
    return {
      endpoint,
      assertModel: assertModelAllowed,
      estimate: (body) => estimatePromptTokens(body, promptOptions),
      completion: (body) => ({ wanted: requestedCompletionLimit(body) ?? config.LLM_DEFAULT_MAX_TOKENS, least: 1 }),
      upstreamBody: capCompletionLimits,
    };
  }
  const chatCompletions = chatShape('chat.completions');

  /**
   * Admits an LLM request (a chat completion unless `shape` says otherwise): model allowed, rate and stream limits,
   * quota reserved for its worst case, then enqueued. Anything refused leaves nothing behind (no reservation, no
   * slot, no job).
   */
  async function submit<B extends AdmittedBody = ChatCompletionRequest>(
    principal: Principal,
    organizationHeader: string | undefined,
    body: B,
    requestId: string,
    shape: RequestShape<B> = chatCompletions as unknown as RequestShape<B>,
  ): Promise<Submitted> {
    const payer = await payerOf(principal, organizationHeader);
    shape.assertModel(body.model, payer);
    const stream = body.stream === true;
    let admitted = false;
    let reserved = false;
    try {
      const admission = await limits.admit({
        userId: payer.user_id,
        requestId,
        requestsPerMinute: payer.requests_per_minute,
        concurrentStreams: stream ? payer.concurrent_streams : null,
      });
      admitted = true;
      const estimate = await shape.estimate(body);
      const { wanted, least } = shape.completion(body);
      const slot = stream ? keys.active(payer.user_id) : '';
      const { granted } = await quota.reserve(
        requestId,
        payer.accounts,
        estimate + wanted,
        estimate + least,
        config.LLM_RESERVATION_TTL_MS,
        slot,
      );
      reserved = true;
      const upstreamBody = shape.upstreamBody(body, granted - estimate);
      const context: RequestContext = {
        request_id: requestId,
        user_id: payer.user_id,
        sub_user_id: payer.sub_user_id,
        parent_user_id: payer.parent_user_id,
        organization_id: payer.organization_id,
        api_key_id: payer.api_key_id,
        payer: payer.payer,
        accounts: payer.accounts,
        model: body.model,
        stream,
        endpoint: shape.endpoint,
        reserved_tokens: granted,
        prompt_tokens_estimate: estimate,
        enqueued_at: Date.now(),
      };
      await enqueue(context, upstreamBody, config.plans[payer.tier].queue_priority);
      return { context, rateLimitHeaders: admission.headers };
    } catch (error) {
      if (admitted) await undoAdmission(payer, requestId, stream, reserved);
      if (error instanceof AppError) throw error;
      log.error({ err: (error as Error).message, llm_request_id: requestId }, 'llm request could not be enqueued');
      throw new ServiceUnavailableError('The request queue is unavailable; try again shortly.', 'queue_unavailable', 2);
    }
  }

  async function enqueue(context: RequestContext, body: Record<string, unknown>, priority: number): Promise<void> {
    const id = context.request_id;
    // One round trip for all three. The prompt goes out on the producer's own connection before the job does, so
    // it is stored before the job exists and any worker that takes the job finds it (Producer.connection). The
    // record may land after the worker's claim (the claim creates a missing record), so only the job decides
    // whether the request was accepted.
    const prompt = prompts.encode(body);
    const saving = prompts.save(id, prompt.json);
    // On a cluster the prompt and the job live on different masters, so nothing orders them: the job waits.
    if (isCluster(producer.connection)) await saving;
    const [saved, created, enqueued] = await Promise.allSettled([
      saving,
      store.create({
        id,
        userId: context.user_id,
        model: context.model,
        stream: context.stream,
        created: context.enqueued_at,
      }),
      producer.enqueue(
        'llm',
        { ...context, prompt_bytes: prompt.bytes },
        llmJobOptions(id, priority, config.LLM_JOB_ATTEMPTS),
      ),
    ]);
    if (saved.status === 'rejected' || enqueued.status === 'rejected') {
      // An add can fail after Redis took it: the prompt stays for a job that exists (one without its prompt ends
      // unbilled in the worker).
      if (!(await producer.queues.llm.getJob(id).catch(() => true))) await prompts.drop(id).catch(() => undefined);
      throw saved.status === 'rejected' ? saved.reason : (enqueued as PromiseRejectedResult).reason;
    }
    if (created.status === 'rejected')
      log.warn(
        { err: (created.reason as Error).message, llm_request_id: id },
        'request record not written; the worker creates it',
      );
  }

  async function undoAdmission(
    payer: PayerContext,
    requestId: string,
    stream: boolean,
    reserved: boolean,
  ): Promise<void> {
    try {
      if (stream) await limits.release(payer.user_id, requestId);
      // Release the reservation only when no job exists (an enqueue can fail after Redis took it).
      if (reserved && !(await producer.queues.llm.getJob(requestId))) await quota.release(requestId, payer.accounts);
    } catch (error) {
      log.warn(
        { err: (error as Error).message, llm_request_id: requestId },
        'could not undo an admission; the reservation expires by itself',
      );
    }
  }

  /**
   * Relays a request to this response, as chat SSE or as one JSON completion unless `relay` answers in another API's
   * form. A client that leaves cancels the request at once, or, when `resumable`, starts the grace period.
   */
  function attach(
    res: Response,
    options: {
      requestId: string;
      model: string;
      sse: boolean;
      fromId: string;
      deferHeaders: boolean;
      resumable: boolean;
      relay?: Relay;
    },
  ): void {
    const relayOptions = {
      res,
      key: keys.stream(options.requestId),
      fromId: options.fromId,
      requestId: options.requestId,
      model: options.model,
      deferHeadersMs: options.deferHeaders ? config.LLM_SSE_HEADER_DEFER_MS : 0,
      onDetach: () => detach(options.requestId, options.resumable),
    };
    if (options.relay) options.relay(hub, heartbeats, relayOptions);
    else if (options.sse) relaySse(hub, heartbeats, relayOptions);
    else relayJson(hub, relayOptions);
    if (res.destroyed) res.emit('close');
  }

  /** A client left: a plain request is stopped now; a resumable one after the grace period, unless someone resumed. */
  function detach(id: string, resumable: boolean): void {
    // Sent before the cancel on the same connection: the signal sees this client gone, and any other still attached.
    redis.hincrby(keys.meta(id), 'watchers', -1).catch(() => undefined);
    if (!resumable) {
      cancelDetached(id);
      return;
    }
    const grace = config.STREAM_RESUME_GRACE_MS;
    if (grace === 0) return;
    const timer = setTimeout(() => {
      graceTimers.delete(timer);
      cancelDetached(id);
    }, grace);
    graceTimers.add(timer);
  }

  /** Stops a request whose clients are all gone (a no-op while one is still attached, or once it ended). */
  function cancelDetached(id: string): void {
    signalCancel(redis, config.REDIS_PREFIX, id, 'client_disconnected', {
      force: false,
      ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
    }).catch((error: Error) =>
      log.warn({ err: error.message, llm_request_id: id }, 'could not signal a disconnect cancel'),
    );
  }

  async function ownedMeta(principal: Principal, id: string): Promise<Record<string, string>> {
    const meta = await redis.hgetall(keys.meta(id));
    if (!meta.user_id || meta.user_id !== principal.user._id.toString())
      throw new NotFoundError('LLM request', 'request_not_found');
    return meta;
  }

  /**
   * Counts a resume connection on the caller's open-stream limit until it ends, whichever way it ends (finished,
   * client gone, error). Throws 429 over the limit, 404 when the request's record expired meanwhile.
   */
  async function openResumeConnection(
    res: Response,
    userId: string,
    concurrentStreams: number,
    id: string,
  ): Promise<ResumeConnection> {
    let slot: string | null = null;
    let ended = false;
    const free = () => {
      if (!slot) return;
      resumeSlots.delete(slot);
      limits
        .release(userId, slot)
        .catch((error: Error) =>
          log.warn({ err: error.message, llm_request_id: id }, 'could not free a resume slot; it expires by itself'),
        );
      slot = null;
    };
    res.once('close', () => {
      ended = true;
      free();
    });
    const connection = await limits.openResume(userId, id, concurrentStreams);
    if (!connection) throw new NotFoundError('LLM request', 'request_not_found');
    slot = connection.slot;
    if (slot) resumeSlots.set(slot, userId);
    if (ended || res.destroyed) free();
    return connection;
  }

  /**
   * Resumes a stream after `fromId`, counted on the caller's open-stream limit (a reconnect to a running request
   * rides on that request's own slot; see limits). A reader of a running request counts as attached (a reconnect
   * within the grace period keeps it going); a finished one is replayed from its stream, page by page, at the
   * pace the client reads.
   */
  async function resume(
    principal: Principal,
    organizationHeader: string | undefined,
    id: string,
    res: Response,
    fromId: string,
    form?: ResumeForm,
  ): Promise<void> {
    const meta = await ownedMeta(principal, id);
    const payer = await payerOf(principal, organizationHeader);
    const connection = await openResumeConnection(res, payer.user_id, payer.concurrent_streams, id);
    // Another API's events are built from the whole stream; its form leaves out what came before `fromId`.
    const readFrom = form ? '0-0' : fromId;
    if (connection.running) {
      // Whoever resumes is a client that resumes: it gets the grace period too.
      attach(res, {
        requestId: id,
        model: meta.model ?? '',
        sse: true,
        fromId: readFrom,
        deferHeaders: false,
        resumable: true,
        relay: form?.relay,
      });
      return;
    }
    try {
      await replayFinishedSse(res, readFrom, (afterId, count) => store.readPage(id, afterId, count), form?.format);
    } catch (error) {
      if (!res.headersSent) throw error;
      log.warn({ err: (error as Error).message, llm_request_id: id }, 'replay cut: the stream could not be read');
    }
  }

  function present(id: string, meta: Record<string, string>): LlmRequestStatus {
    const num = (value: string | undefined) => (value ? Number(value) : null);
    const finished = Boolean(meta.finished_at);
    const prompt = Number(meta.prompt_tokens ?? 0);
    const completion = Number(meta.completion_tokens ?? 0);
    return {
      id,
      object: 'llm.request',
      status: (meta.status ?? 'queued') as LlmStatus,
      model: meta.model ?? '',
      stream: meta.stream === '1',
      created: Math.floor(Number(meta.created) / 1000),
      started_at: num(meta.started_at) && Math.floor(Number(meta.started_at) / 1000),
      finished_at: num(meta.finished_at) && Math.floor(Number(meta.finished_at) / 1000),
      provider: meta.provider || null,
      streamed_chunks: Number(meta.chunks ?? 0),
      usage: finished
        ? {
            prompt_tokens: prompt,
            completion_tokens: completion,
            total_tokens: prompt + completion,
            source: (meta.usage_source ?? 'none') as 'none',
          }
        : null,
      error: meta.error_code ? { code: meta.error_code, message: meta.error_message ?? '' } : null,
      cancel_requested: Boolean(meta.cancel_reason),
    };
  }

  async function status(principal: Principal, id: string): Promise<LlmRequestStatus> {
    return present(id, await ownedMeta(principal, id));
  }

  /**
   * Cancels a request: a running one is stopped by its worker (cross-process signal; what it produced is
   * billed); one still waiting in the queue is removed and ended here, billed nothing.
   */
  async function cancel(principal: Principal, id: string): Promise<{ request: LlmRequestStatus; signalled: boolean }> {
    const meta = await ownedMeta(principal, id);
    if (TERMINAL_STATUSES.includes(meta.status as LlmStatus) || meta.finished_at)
      return { request: present(id, meta), signalled: false };
    await signalCancel(redis, config.REDIS_PREFIX, id, 'cancelled', {
      force: true,
      ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
    });
    const queue = producer.queues.llm;
    const job = await queue.getJob(id);
    const waiting = job ? ['waiting', 'prioritized', 'delayed', 'wait'].includes(await job.getState()) : false;
    let removed = false;
    if (job && waiting && (await queue.remove(id)) === 1) {
      removed = true;
      await prompts.drop(id);
      const context = requestContextSchema.parse(job.data);
      const run = randomUUID();
      await redis.hset(keys.meta(id), 'run', run);
      await finishRequest(store, producer, {
        context,
        run,
        status: 'cancelled',
        outcome: emptyOutcome(context, 'aborted', CANCEL_ERRORS.cancelled.code),
        error: CANCEL_ERRORS.cancelled,
      });
    }
    return { request: present(id, await redis.hgetall(keys.meta(id))), signalled: !removed };
  }

  return {
    listModels,
    retrieveModel,
    submit,
    chatShape,
    attach,
    resume,
    status,
    cancel,
    assertModelAllowed,
    close() {
      clearInterval(slotKeeper);
      for (const timer of graceTimers) clearTimeout(timer);
      graceTimers.clear();
    },
  };
}
export type LlmService = ReturnType<typeof createLlmService>;
