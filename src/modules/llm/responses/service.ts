import type { Response } from 'express';
import type { Principal } from '../../../lib/http/principal.js';
import type { RequestContext } from '../../../../queues/index.js';
import type { LlmService } from '../service.js';
import { createResponseBuilder, type ResponseEcho } from './events.js';
import { responsesJsonRelay, responsesSseRelay } from './relay.js';
import type { ResponseCreateRequest } from './schemas.js';
import { toChatRequest } from './to-chat.js';

/** A response's id names its request: `resp_<x>` for the request `req_<x>` (X-Request-Id). */
export const responseIdOf = (requestId: string) => `resp_${requestId.replace(/^req_/, '')}`;

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

/**
 * `POST /v1/responses`, served through the upstream's chat completions: the request is translated into a chat
 * completion and admitted, queued, run, billed and cancelled exactly like one; the web relays the worker's chat
 * stream as Responses events (or one response object).
 */
export function createResponsesService({ llm }: { llm: LlmService }) {
  const shape = llm.chatShape('responses');
  return {
    submit: (
      principal: Principal,
      organizationHeader: string | undefined,
      body: ResponseCreateRequest,
      requestId: string,
    ) => llm.submit(principal, organizationHeader, toChatRequest(body), requestId, shape),

    attach(res: Response, options: { context: RequestContext; body: ResponseCreateRequest; resumable: boolean }) {
      const { context } = options;
      const builder = createResponseBuilder({
        id: responseIdOf(context.request_id),
        createdAt: Math.floor(context.enqueued_at / 1000),
        echo: echoOf(options.body),
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
  };
}
export type ResponsesService = ReturnType<typeof createResponsesService>;
