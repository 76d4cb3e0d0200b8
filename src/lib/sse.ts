/** One Server-Sent Event (https://html.spec.whatwg.org/multipage/server-sent-events.html). */
export interface SseEvent {
  data: string;
  event?: string;
  id?: string;
}

export class SseProtocolError extends Error {}

/**
 * Incremental SSE parser: feed it bytes as they arrive, get the events completed so far. Handles CRLF / LF /
 * CR line ends split across reads, multi-byte characters split across reads, comments and multi-line data.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private data: string[] = [];
  private event: string | undefined;
  private id: string | undefined;

  constructor(private readonly maxLineChars = 4 * 1024 * 1024) {}

  push(chunk: Uint8Array | string): SseEvent[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.drain(false);
  }

  /** Call at the end of the body: completes a last event that had no blank line after it. */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    const events = this.drain(true);
    if (this.buffer.length) events.push(...this.line(this.buffer));
    this.buffer = '';
    const last = this.dispatch();
    if (last) events.push(last);
    return events;
  }

  private drain(final: boolean): SseEvent[] {
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      let end = -1;
      let next = -1;
      for (let i = start; i < this.buffer.length; i += 1) {
        const c = this.buffer.charCodeAt(i);
        if (c === 10) {
          end = i;
          next = i + 1;
          break;
        }
        if (c === 13) {
          // A CR at the very end may be the first half of a CRLF split across reads.
          if (i + 1 >= this.buffer.length && !final) break;
          end = i;
          next = this.buffer.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
          break;
        }
      }
      if (end < 0) break;
      events.push(...this.line(this.buffer.slice(start, end)));
      start = next;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > this.maxLineChars) throw new SseProtocolError('SSE line too long');
    return events;
  }

  private line(line: string): SseEvent[] {
    if (line === '') {
      const event = this.dispatch();
      return event ? [event] : [];
    }
    if (line.startsWith(':')) return [];
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return [];
  }

  private dispatch(): SseEvent | undefined {
    if (this.data.length === 0) {
      this.event = undefined;
      return undefined;
    }
    const event: SseEvent = { data: this.data.join('\n') };
    if (this.event !== undefined) event.event = this.event;
    if (this.id !== undefined) event.id = this.id;
    this.data = [];
    this.event = undefined;
    return event;
  }
}
