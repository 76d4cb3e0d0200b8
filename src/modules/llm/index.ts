import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import type { Producer } from '../../../queues/index.js';
import { createRedis, redisTargetOf } from '../../lib/redis.js';
import { createQuotaService } from '../../shared/quota/service.js';
import { createLimits } from '../../shared/llm/limits.js';
import { createHeartbeats } from './relay.js';
import { createLlmService } from './service.js';
import { createStreamHub } from './stream-hub.js';
import { createPromptStore } from '../../shared/llm/prompt-store.js';
import { createStreamStore } from '../../shared/llm/stream-store.js';
import { warmUpTokenizer } from '../../shared/llm/tokenizer.js';
import { createEmbeddingsService } from './embeddings/service.js';
import { createResponsesService } from './responses/service.js';

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
    store: createStreamStore({
      redis,
      prefix: config.REDIS_PREFIX,
      maxLen: config.LLM_STREAM_MAXLEN,
      ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
    }),
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
