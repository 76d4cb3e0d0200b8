import { BadRequestError } from '../../lib/errors.js';

/** Unknown, malformed, expired, already used, of another purpose, or outdated: one answer for all. */
export const invalidToken = () =>
  new BadRequestError('This link is invalid, was already used, or has expired; ask for a new one', {
    code: 'invalid_token',
    param: 'token',
  });
