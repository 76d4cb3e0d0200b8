import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { createRequestRecords, type Producer } from '../../../queues/index.js';
import { createRedis, redisTargetOf, type RedisClient } from '../../lib/redis.js';
import { createQuotaService, type QuotaService } from '../../domain/quota/service.js';
import { createLimits, type Limits } from '../../domain/llm/limits.js';
import { createPromptStore, type PromptStore } from '../../domain/llm/prompt-store.js';
import { createStreamStore } from '../../domain/llm/stream-store.js';
import { warmUpTokenizer } from '../../domain/llm/tokenizer.js';
import { createAdmission } from './admission.js';
import { createAttach } from './attach.js';
import { createRequestControl } from './cancel.js';
import { createChatShape } from './chat-shape.js';
import { createModelCatalog } from './models.js';
import { createPayerCache } from './payers.js';
import { createHeartbeats, type Heartbeats } from './relay.js';
import { createResume } from './resume.js';
import type { LlmService } from './service.js';
import { createStreamHub, type StreamHub } from './stream-hub.js';
import { createEmbeddingsService } from './embeddings/service.js';
import { createResponsesService } from './responses/service.js';

interface ServiceDeps {
  config: Config;
  redis: RedisClient;
  producer: Producer;
  quota: QuotaService;
  limits: Limits;
  prompts: PromptStore;
  hub: StreamHub;
  heartbeats: Heartbeats;
  log: Logger;
}

/**
 * The LLM proxy's API side, one file per reason to change: who pays (payers), which models (models, chat-shape),
 * admission and enqueue (admission), relaying to a client (attach), resuming (resume), status and cancel (cancel).
 * The request record is read and written through queues/request-records.ts, as the worker does.
 */
export function createLlmService({
  config,
  redis,
  producer,
  quota,
  limits,
  prompts,
  hub,
  heartbeats,
  log,
}: ServiceDeps): LlmService {
  const records = createRequestRecords({
    redis,
    prefix: config.REDIS_PREFIX,
    maxLen: config.LLM_STREAM_MAXLEN,
    ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
  });
  const store = createStreamStore({ redis, prefix: config.REDIS_PREFIX });
  const payerOf = createPayerCache({ config, redis });
  const models = createModelCatalog({ config, payerOf });
  const chatShape = createChatShape(config, models.assertModelAllowed);
  const admission = createAdmission({
    config,
    producer,
    quota,
    limits,
    records,
    prompts,
    log,
    payerOf,
    chatCompletions: chatShape('chat.completions'),
  });
  const attacher = createAttach({ config, redis, records, hub, heartbeats, log });
  const resumer = createResume({ limits, records, store, payerOf, attach: attacher.attach, log });
  const control = createRequestControl({ config, redis, producer, records, prompts });
  return {
    listModels: models.listModels,
    retrieveModel: models.retrieveModel,
    submit: admission.submit,
    chatShape,
    attach: attacher.attach,
    resume: resumer.resume,
    status: control.status,
    cancel: control.cancel,
    assertModelAllowed: models.assertModelAllowed,
    close() {
      resumer.close();
      attacher.close();
    },
  };
}

/** Builds the API side of the LLM proxy; `close` stops its stream readers and timers. */
export function createLlmModule({ config, logger, producer }: { config: Config; logger: Logger; producer: Producer }) {
  const log = logger.child({ module: 'llm' });
  // Its own connection, auto-pipelined: concurrent requests' commands issued in one tick share one write. It
  // queues commands while (re)connecting, failing them after one retry (maxRetriesPerRequest), so a request
  // arriving during start-up is not refused.
  const redis = createRedis(redisTargetOf(config), {
    enableAutoPipelining: true,
    enableOfflineQueue: true,
    connectionName: 'llm-api',
  });
  redis.on('error', (error) => log.debug({ err: error.message }, 'llm redis error'));
  const hub = createStreamHub({
    redisTarget: redisTargetOf(config),
    control: redis,
    readers: config.LLM_STREAM_READERS,
    log,
  });
  const heartbeats = createHeartbeats(config.LLM_SSE_HEARTBEAT_MS);
  const service = createLlmService({
    config,
    redis,
    producer,
    log,
    hub,
    heartbeats,
    quota: createQuotaService({
      redis,
      prefix: config.REDIS_PREFIX,
      ledgerBacklogMax: config.USAGE_LEDGER_BACKLOG_MAX,
    }),
    limits: createLimits({ redis, prefix: config.REDIS_PREFIX, slotTtlMs: config.LLM_RESERVATION_TTL_MS }),
    // On the producer's connection, so a prompt is stored before its job can be taken (see Producer.connection).
    prompts: createPromptStore({
      redis: producer.connection,
      prefix: config.REDIS_PREFIX,
      ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
    }),
  });
  // Test suites build many apps; everything else pays the tokenizer's start-up cost before the first request.
  if (config.NODE_ENV !== 'test') setTimeout(() => void warmUpTokenizer(), 0).unref();
  return {
    service,
    embeddings: createEmbeddingsService({ config, llm: service }),
    responses: createResponsesService({ llm: service, redis, config, log }),
    close() {
      service.close();
      heartbeats.close();
      hub.close();
      redis.disconnect();
    },
  };
}
export type LlmModule = ReturnType<typeof createLlmModule>;
