import type { RedisClient } from '../../../lib/redis.js';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../../config/index.js';
import { NotFoundError } from '../../../lib/errors.js';
import type { Principal } from '../../../lib/http/principal.js';
import { llmKeys, type RequestContext } from '../../../../queues/index.js';
import type { LlmService } from '../service.js';
import { createResponseBuilder, type ResponseEcho } from './events.js';
import { responsesFormat, responsesJsonRelay, responsesSseRelay } from './relay.js';
import type { ResponseCreateRequest } from './schemas.js';
import { toChatRequest } from './to-chat.js';

/** A response's id names its request: `resp_<x>` for the request `req_<x>` (X-Request-Id). */
export const responseIdOf = (requestId: string) => `resp_${requestId.replace(/^req_/, '')}`;
export const requestIdOf = (responseId: string) => `req_${responseId.replace(/^resp_/, '')}`;

/** What the response object repeats of its request, with OpenAI's defaults for what it left out. */
function echoOf(body: ResponseCreateRequest): ResponseEcho {
  return {
    model: body.model,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    temperature: body.temperature ?? null,
    top_p: body.top_p ?? null,
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    text: { format: body.text?.format ?? { type: 'text' }, verbosity: body.text?.verbosity ?? null },
    reasoning: { effort: body.reasoning?.effort ?? null, summary: null },
    truncation: body.truncation ?? 'disabled',
    metadata: body.metadata ?? {},
    user: body.user ?? null,
    service_tier: body.service_tier ?? 'default',
  };
}

/** What a resumed stream needs to rebuild its events exactly: kept beside the stream while it can be read. */
interface Resumable {
  created_at: number;
  echo: ResponseEcho;
}

interface Deps {
  llm: LlmService;
  redis: RedisClient;
  config: Pick<Config, 'REDIS_PREFIX' | 'LLM_STREAM_TTL_SECONDS'>;
  log: Logger;
}

/**
 * `POST /v1/responses`, served through the upstream's chat completions: the request is translated into a chat
 * completion and admitted, queued, run, billed and cancelled exactly like one; the web relays the worker's chat
 * stream as Responses events (or one response object). A streamed response resumes with `GET /v1/responses/{id}`.
 */
export function createResponsesService({ llm, redis, config, log }: Deps) {
  const shape = llm.chatShape('responses');
  const keys = llmKeys(config.REDIS_PREFIX);

  function remember(requestId: string, resumable: Resumable): void {
    redis
      .set(keys.response(requestId), JSON.stringify(resumable), 'EX', config.LLM_STREAM_TTL_SECONDS)
      .catch((error: Error) =>
        log.warn({ err: error.message, llm_request_id: requestId }, 'response fields not kept; it cannot resume'),
      );
  }

  return {
    submit: (
      principal: Principal,
      organizationHeader: string | undefined,
      body: ResponseCreateRequest,
      requestId: string,
    ) => llm.submit(principal, organizationHeader, toChatRequest(body), requestId, shape),

    attach(res: Response, options: { context: RequestContext; body: ResponseCreateRequest; resumable: boolean }) {
      const { context } = options;
      const fields: Resumable = { created_at: Math.floor(context.enqueued_at / 1000), echo: echoOf(options.body) };
      if (context.stream) remember(context.request_id, fields);
      const builder = createResponseBuilder({
        id: responseIdOf(context.request_id),
        createdAt: fields.created_at,
        echo: fields.echo,
      });
      llm.attach(res, {
        requestId: context.request_id,
        model: context.model,
        sse: context.stream,
        fromId: '0-0',
        deferHeaders: true,
        resumable: options.resumable,
        relay: context.stream ? responsesSseRelay(builder) : responsesJsonRelay(builder),
      });
    },

    /** 404 unless `responseId` is a streamed response of this caller that can still be read. */
    async assertOwned(principal: Principal, responseId: string): Promise<void> {
      const requestId = requestIdOf(responseId);
      await llm.status(principal, requestId);
      if (!(await redis.exists(keys.response(requestId)))) throw new NotFoundError('LLM request', 'request_not_found');
    },

    /**
     * Resumes a streamed response after the event numbered `afterSequence` (-1: from the start): the same events it
     * would have had, from any API process, while its stream can be read (LLM_STREAM_TTL_SECONDS). Owner only; any
     * other id answers 404.
     */
    async resume(
      principal: Principal,
      organizationHeader: string | undefined,
      responseId: string,
      res: Response,
      afterSequence: number,
    ): Promise<void> {
      const requestId = requestIdOf(responseId);
      const raw = await redis.get(keys.response(requestId));
      // The same answer as for a request of someone else (llm.resume), so no one learns which ids exist.
      if (!raw) throw new NotFoundError('LLM request', 'request_not_found');
      const fields = JSON.parse(raw) as Resumable;
      const builder = () => createResponseBuilder({ id: responseId, createdAt: fields.created_at, echo: fields.echo });
      await llm.resume(principal, organizationHeader, requestId, res, '0-0', {
        relay: responsesSseRelay(builder(), afterSequence),
        format: responsesFormat(builder(), afterSequence),
      });
    },
  };
}
export type ResponsesService = ReturnType<typeof createResponsesService>;
