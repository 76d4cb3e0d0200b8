/** One Server-Sent Event. */
export interface SseEvent {
  data: string;
  /** The event's `id:` (this API sends one with every event). */
  id?: string;
}

/**
 * An incremental Server-Sent Events parser: bytes in, complete events out. An event is complete only at its blank
 * line, so a connection cut in the middle of an event yields nothing of it (the resume replays it whole).
 */
export class SseParser {
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private data: string[] = [];
  private id: string | undefined;

  push(bytes: Uint8Array): SseEvent[] {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const end = this.lineEnd(start);
      if (end === undefined) break;
      const event = this.line(this.buffer.slice(start, end.at));
      if (event) events.push(event);
      start = end.next;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** Where the line starting at `start` ends, or undefined while it is incomplete (a lone CR may precede an LF). */
  private lineEnd(start: number): { at: number; next: number } | undefined {
    for (let i = start; i < this.buffer.length; i += 1) {
      const c = this.buffer.charCodeAt(i);
      if (c === 10) return { at: i, next: i + 1 };
      if (c === 13) {
        if (i + 1 >= this.buffer.length) return undefined;
        return { at: i, next: this.buffer.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
      }
    }
    return undefined;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const id = this.id;
    this.id = undefined;
    if (this.data.length === 0) return undefined;
    const event: SseEvent = { data: this.data.join('\n') };
    if (id !== undefined) event.id = id;
    this.data = [];
    return event;
  }
}
