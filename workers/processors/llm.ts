import { configuredProviders } from '../../src/config/providers.js';
import { createRedis } from '../../src/lib/redis.js';
import { createLimits } from '../../src/modules/llm/limits.js';
import { createStreamStore } from '../../src/modules/llm/stream-store.js';
import { createCancelListener } from '../llm/cancel-listener.js';
import { createMockProvider } from '../llm/mock-provider.js';
import { createUpstreamAgent, httpProviders } from '../llm/providers.js';
import { createLlmRunner } from '../llm/run.js';
import { promptOptionsOf } from '../../src/modules/llm/tokenizer.js';
import type { Processor, ProcessorFactory } from './types.js';

/** Serves chat requests: upstream (or the dev mock) -> the request's Redis Stream -> one settlement. */
export const createLlmProcessor: ProcessorFactory<'llm'> = (ctx) => {
  const { config, producer } = ctx;
  // Thousands of streams append chunks at once: commands issued in one tick go out in one write.
  const redis = createRedis(config.REDIS_URL, { enableAutoPipelining: true, enableOfflineQueue: true, connectionName: 'llm-worker-streams' });
  redis.on('error', (error) => ctx.logger.debug({ err: error.message }, 'llm worker redis error'));
  const log = ctx.logger.child({ queue: 'llm' });
  const agent = createUpstreamAgent(config);
  const useMock = !config.isProduction && (config.ENABLE_DEV_MOCK_LLM || configuredProviders(config).length === 0);
  const providers = useMock ? [createMockProvider(config.LLM_MOCK_TOKEN_DELAY_MS, promptOptionsOf(config))] : httpProviders(config, agent);
  if (useMock) {
    log.warn('LLM upstream: the offline DEV MOCK provider answers every chat request (no A4F_API_KEY / LLM_PROVIDERS_JSON, or ENABLE_DEV_MOCK_LLM). Never used in production.');
  } else {
    log.info({ providers: providers.map((p) => p.name) }, 'LLM upstream providers, in fallback order');
  }
  const cancels = createCancelListener({ redisUrl: config.REDIS_URL, redis, prefix: config.REDIS_PREFIX, log });
  const runner = createLlmRunner({
    config, log, producer, providers, cancels, reservationOf: ctx.quota.reservationOf,
    store: createStreamStore({ redis, prefix: config.REDIS_PREFIX, maxLen: config.LLM_STREAM_MAXLEN, ttlSeconds: config.LLM_STREAM_TTL_SECONDS }),
    limits: createLimits({ redis, prefix: config.REDIS_PREFIX, slotTtlMs: config.LLM_RESERVATION_TTL_MS }),
  });
  ctx.onClose(async () => {
    cancels.close();
    await agent.close();
    redis.disconnect();
  });
  const processor: Processor<'llm'> = (payload, job, signal) => runner.run(payload, (job.attemptsStarted ?? 0) <= 1, signal);
  processor.onGaveUp = (payload) => runner.abandon(payload);
  return processor;
};
