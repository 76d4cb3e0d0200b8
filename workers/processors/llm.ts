import { configuredProviders } from '../../src/config/providers.js';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import { createLimits } from '../../src/domain/llm/limits.js';
import { createPromptStore } from '../../src/domain/llm/prompt-store.js';
import { createStreamStore } from '../../src/domain/llm/stream-store.js';
import { createRequestRecords, requestContextSchema } from '../../queues/index.js';
import { createCancelListener } from '../llm/cancel-listener.js';
import { createMockProvider } from '../llm/mock-provider.js';
import { createUpstreamAgent, httpProviders } from '../llm/providers.js';
import { createPromptBudget } from '../llm/prompt-budget.js';
import { createLlmRunner } from '../llm/run.js';
import { createMockEmbedder, httpEmbedders } from '../llm/embedders.js';
import { createEmbeddingsRunner } from '../llm/embeddings.js';
import { promptOptionsOf } from '../../src/domain/llm/tokenizer.js';
import type { Processor, ProcessorFactory } from './types.js';

/** Serves LLM requests: upstream (or the dev mock) -> the request's Redis Stream -> one settlement. */
export const createLlmProcessor: ProcessorFactory<'llm'> = (ctx) => {
  const { config, producer } = ctx;
  // Thousands of streams append chunks at once: commands issued in one tick go out in one write.
  const redis = createRedis(redisTargetOf(config), {
    enableAutoPipelining: true,
    enableOfflineQueue: true,
    connectionName: 'llm-worker-streams',
  });
  redis.on('error', (error) => ctx.logger.debug({ err: error.message }, 'llm worker redis error'));
  const log = ctx.logger.child({ queue: 'llm' });
  const agent = createUpstreamAgent(config);
  const useMock = !config.isProduction && (config.ENABLE_DEV_MOCK_LLM || configuredProviders(config).length === 0);
  const providers = useMock
    ? [createMockProvider(config.LLM_MOCK_TOKEN_DELAY_MS, promptOptionsOf(config))]
    : httpProviders(config, agent);
  if (useMock) {
    log.warn(
      'LLM upstream: the offline DEV MOCK provider answers every chat request (no A4F_API_KEY / LLM_PROVIDERS_JSON, or ENABLE_DEV_MOCK_LLM). Never used in production.',
    );
  } else {
    log.info({ providers: providers.map((p) => p.name) }, 'LLM upstream providers, in fallback order');
  }
  const cancels = createCancelListener({ redisTarget: redisTargetOf(config), redis, prefix: config.REDIS_PREFIX, log });
  const records = createRequestRecords({
    redis,
    prefix: config.REDIS_PREFIX,
    maxLen: config.LLM_STREAM_MAXLEN,
    ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
  });
  const store = createStreamStore({ redis, prefix: config.REDIS_PREFIX });
  const runner = createLlmRunner({
    config,
    log,
    producer,
    providers,
    cancels,
    reservationOf: ctx.quota.reservationOf,
    records,
    store,
    limits: createLimits({ redis, prefix: config.REDIS_PREFIX, slotTtlMs: config.LLM_RESERVATION_TTL_MS }),
  });
  const embeddings = createEmbeddingsRunner({
    config,
    log,
    producer,
    cancels,
    records,
    store,
    reservationOf: ctx.quota.reservationOf,
    embedders: useMock ? [createMockEmbedder()] : httpEmbedders(config, agent),
  });
  /** Chat completions and Responses run the chat runner; embeddings their own. */
  const runnerOf = (payload: { endpoint?: string }) => (payload.endpoint === 'embeddings' ? embeddings : runner);
  ctx.onClose(async () => {
    cancels.close();
    await agent.close();
    redis.disconnect();
  });
  const prompts = createPromptStore({ redis, prefix: config.REDIS_PREFIX, ttlSeconds: config.LLM_STREAM_TTL_SECONDS });
  const budget = createPromptBudget(config.LLM_WORKER_PROMPT_BUDGET_MB * 2 ** 20);
  const running = new Set<string>();
  // Prompts of long requests outlive their expiry while their job runs (a retry after a crash still needs them).
  const keeper = setInterval(
    () => {
      prompts
        .keep([...running])
        .catch((error: Error) => log.warn({ err: error.message }, 'could not extend prompt expiries'));
    },
    (prompts.ttlSeconds * 1000) / 3,
  );
  keeper.unref();
  ctx.onClose(() => clearInterval(keeper));

  const processor: Processor<'llm'> = async (payload, job, signal) => {
    const id = payload.request_id;
    const release = await budget.acquire(payload.prompt_bytes);
    running.add(id);
    try {
      const body = await prompts.load(id);
      if (!body) {
        // No prompt: the request already ended or expired while it waited (its status says which); end it without the upstream.
        log.warn(
          { llm_request_id: id, attempt: job.attemptsStarted },
          'llm job has no prompt; ending it without the upstream',
        );
        await runnerOf(payload).abandon({ ...requestContextSchema.parse(payload), body: {} });
        return 'no-prompt';
      }
      const work = { ...requestContextSchema.parse(payload), body };
      const outcome =
        work.endpoint === 'embeddings'
          ? await embeddings.run(work, signal)
          : await runner.run(work, (job.attemptsStarted ?? 0) <= 1, signal);
      // Ended: a retry of this job never needs the prompt again. Another run owning the request keeps it.
      if (outcome !== 'lost-ownership') await prompts.drop(id);
      return outcome;
    } finally {
      running.delete(id);
      release();
    }
  };
  processor.onGaveUp = async (payload) => {
    log.warn(
      { llm_request_id: payload.request_id },
      'llm job given up by the queue (stalled or out of attempts); ending its stream',
    );
    const body = (await prompts.load(payload.request_id)) ?? {};
    await runnerOf(payload).abandon({ ...requestContextSchema.parse(payload), body });
    await prompts.drop(payload.request_id);
  };
  return processor;
};
