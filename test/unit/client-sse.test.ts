import { describe, expect, it } from 'vitest';
import { SseParser } from '../../clients/typescript/src/sse.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the client's SSE parser", () => {
  it('yields only complete events, whatever the byte boundaries (CRLF split, a character split)', () => {
    const text = 'id: 1-0\r\ndata: {"a":"é"}\r\n\r\n: keep-alive\r\n\r\nid: 2-0\rdata: [DONE]\r\r\n';
    const all = bytes(text);
    for (let cut = 1; cut < all.length; cut += 1) {
      const parser = new SseParser();
      const events = [...parser.push(all.subarray(0, cut)), ...parser.push(all.subarray(cut))];
      expect(events).toEqual([
        { id: '1-0', data: '{"a":"é"}' },
        { id: '2-0', data: '[DONE]' },
      ]);
    }
  });

  it('never yields an event cut before its blank line (a dropped connection)', () => {
    const parser = new SseParser();
    expect(parser.push(bytes('id: 1-0\ndata: {"whole":true}\n\nid: 2-0\ndata: {"cut":'))).toEqual([
      { id: '1-0', data: '{"whole":true}' },
    ]);
  });

  it('joins multi-line data and leaves the id to the event that carries it', () => {
    const parser = new SseParser();
    expect(parser.push(bytes('id: 7-1\ndata: a\ndata: b\n\ndata: c\n\n'))).toEqual([
      { id: '7-1', data: 'a\nb' },
      { data: 'c' },
    ]);
  });
});
