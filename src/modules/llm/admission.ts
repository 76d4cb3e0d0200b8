import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { AppError, ServiceUnavailableError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http/principal.js';
import { isCluster } from '../../lib/redis.js';
import {
  llmJobOptions,
  llmKeys,
  type Producer,
  type RequestContext,
  type RequestRecords,
} from '../../../queues/index.js';
import type { Limits } from '../../domain/llm/limits.js';
import type { PromptStore } from '../../domain/llm/prompt-store.js';
import type { QuotaService } from '../../domain/quota/service.js';
import type { PayerContext } from '../../domain/plans/payer.js';
import type { PayerOf } from './payers.js';
import type { AdmittedBody, RequestShape } from './request-shape.js';
import type { ChatCompletionRequest } from './schemas.js';

interface Deps {
  config: Config;
  producer: Producer;
  quota: QuotaService;
  limits: Limits;
  records: RequestRecords;
  prompts: PromptStore;
  log: Logger;
  payerOf: PayerOf;
  /** The shape of a request whose caller names none: a chat completion. */
  chatCompletions: RequestShape<ChatCompletionRequest>;
}

export interface Submitted {
  context: RequestContext;
  rateLimitHeaders: Record<string, string>;
}

/**
 * Admits an LLM request (a chat completion unless `shape` says otherwise): model allowed, rate and stream limits,
 * quota reserved for its worst case, then enqueued. Anything refused leaves nothing behind (no reservation, no
 * slot, no job).
 */
export function createAdmission({
  config,
  producer,
  quota,
  limits,
  records,
  prompts,
  log,
  payerOf,
  chatCompletions,
}: Deps) {
  const keys = llmKeys(config.REDIS_PREFIX);

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
      records.create({
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

  return { submit };
}
