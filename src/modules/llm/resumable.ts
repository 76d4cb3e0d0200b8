import type { Request, Response } from 'express';
import { BadRequestError } from '../../lib/errors.js';

/** The request header a client sends to ask for a resumable stream (see the README, "Status, resume, cancel"). */
export const RESUMABLE_HEADER = 'X-Stream-Resumable';

/**
 * Whether the client asked for a resumable stream: then a dropped connection waits STREAM_RESUME_GRACE_MS for a
 * resume before its upstream is cancelled; otherwise (plain OpenAI clients) a dropped connection cancels it at once.
 * The answer repeats the header when the request is resumable.
 */
export function resumableRequested(req: Request, res: Response): boolean {
  const value = req.get(RESUMABLE_HEADER)?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value !== 'true' && value !== '1')
    throw new BadRequestError(`${RESUMABLE_HEADER} must be "true" or "false"`, {
      code: 'validation_error',
      param: RESUMABLE_HEADER,
    });
  res.setHeader(RESUMABLE_HEADER, 'true');
  return true;
}
