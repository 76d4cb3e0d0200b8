import type { Request, Response } from 'express';
import { newRequestId } from '../../../queues/index.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import { resumableRequested } from './resumable.js';

/**
 * Names a new LLM request (chat, Responses, embeddings): its id, which is also its llm job's, goes on the request's
 * log and in `X-Request-Id` before anything can fail, and the client's `X-Stream-Resumable` is read. The id names
 * its caller's slot group, where the request's Redis keys live (queues/slot-groups.ts).
 */
export function beginLlmRequest(req: Request, res: Response): { requestId: string; resumable: boolean } {
  const requestId = newRequestId(requirePrincipal(req).user._id.toString());
  req.id = requestId;
  req.log = req.log.child({ llm_request_id: requestId });
  res.setHeader('X-Request-Id', requestId);
  return { requestId, resumable: resumableRequested(req, res) };
}

export function setRateLimitHeaders(res: Response, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
