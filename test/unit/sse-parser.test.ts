import { describe, expect, it } from 'vitest';
import { SseParser, SseProtocolError } from '../../src/lib/sse.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SseParser', () => {
  it('parses events split anywhere, with LF, CRLF and CR line ends', () => {
    const text = 'id: 1\r\ndata: {"a":1}\r\n\r\n: a comment\n\ndata: two\rdata: lines\r\revent: x\ndata: [DONE]\n\n';
    const whole = new SseParser().push(text);
    for (let size = 1; size <= 7; size += 1) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(bytes(text.slice(i, i + size))));
      events.push(...parser.end());
      expect(events).toEqual(whole);
    }
    expect(whole).toEqual([
      { data: '{"a":1}', id: '1' },
      { data: 'two\nlines', id: '1' },
      { data: '[DONE]', event: 'x', id: '1' },
    ]);
  });

  it('keeps multi-byte characters split across reads', () => {
    const encoded = bytes('data: héllo ✓ 🦊\n\n');
    const parser = new SseParser();
    const events = [];
    for (const byte of encoded) events.push(...parser.push(new Uint8Array([byte])));
    expect(events).toEqual([{ data: 'héllo ✓ 🦊' }]);
  });

  it('completes a last event without a blank line at the end of the body, and ignores unknown fields', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 10\nfoo: bar\ndata: last')).toEqual([]);
    expect(parser.end()).toEqual([{ data: 'last' }]);
  });

  it('refuses a line longer than its limit', () => {
    const parser = new SseParser(100);
    expect(() => parser.push(`data: ${'x'.repeat(200)}`)).toThrow(SseProtocolError);
  });
});
