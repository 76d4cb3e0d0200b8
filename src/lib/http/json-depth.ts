import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestError, unsupportedCharset } from '../errors.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/** The deepest nesting of objects and arrays in a JSON text; brackets inside strings do not count. One pass, no parse. */
export function jsonDepth(body: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i]!;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPENERS.has(byte)) deepest = Math.max(deepest, (depth += 1));
    else if (CLOSERS.has(byte)) depth -= 1;
  }
  return deepest;
}

const UTF8 = new Set(['utf-8', 'utf8']);

/**
 * The JSON parser's `verify` hook: refuses a body nested deeper than `maxDepth` before it is parsed. Every later
 * step (validation, JSON.stringify into the queue, mongoose) recurses, and a deep enough body overflowed the
 * stack there, surfacing as a 5xx instead of a 400. The scan reads UTF-8 bytes, so JSON in any other charset is
 * refused first (RFC 8259 §8.1: JSON between systems is UTF-8): in UTF-16 a character can hold a quote's byte.
 */
export function refuseDeepJson(maxDepth: number) {
  return (_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void => {
    if (!UTF8.has(encoding.toLowerCase())) throw unsupportedCharset();
    if (jsonDepth(body) > maxDepth)
      throw new BadRequestError(`JSON nested deeper than ${maxDepth} levels is refused`, { code: 'json_too_deep' });
  };
}
