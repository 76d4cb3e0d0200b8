import type { Response } from 'express';
import { createCompletionAccumulator, type Usage } from '../../domain/llm/completion.js';
import type { EndRecord, StreamEntry } from '../../../queues/index.js';
import type { StreamHub } from './stream-hub.js';
import { errorEntryHeaders } from './error-headers.js';

/** One process-wide timer for SSE keep-alives, instead of one per stream. */
export function createHeartbeats(intervalMs: number) {
  const beats = new Set<() => void>();
  const timer = setInterval(() => {
    for (const beat of beats) beat();
  }, intervalMs);
  timer.unref();
  return {
    add(beat: () => void): () => void {
      beats.add(beat);
      return () => beats.delete(beat);
    },
    close() {
      clearInterval(timer);
      beats.clear();
    },
  };
}
export type Heartbeats = ReturnType<typeof createHeartbeats>;

/** Relays a request's stream to one client, in the form of the API it called. */
export type Relay = (hub: StreamHub, heartbeats: Heartbeats, options: RelayOptions) => void;

export interface RelayOptions {
  res: Response;
  key: string;
  /** Relay entries after this stream id ("0-0" for all). */
  fromId: string;
  requestId: string;
  model: string;
  /**
   * Streaming only: hold the 200 and its headers until the first entry, at most this many ms, so a request that
   * fails before its first token still gets a real HTTP error status. 0 sends them at once.
   */
  deferHeadersMs: number;
  /** The client left before the end. */
  onDetach(): void;
  /** SSE only: the events of one entry, when not chat chunks (another API's events; '' for none). */
  format?: (entry: StreamEntry) => string;
}

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

const sseEvent = (entry: StreamEntry) =>
  entry.type === 'end' ? `id: ${entry.id}\ndata: [DONE]\n\n` : `id: ${entry.id}\ndata: ${entry.data}\n\n`;

/** Answers the HTTP error an `e` entry carries (for a client whose answer has not started). */
export function sendErrorEntry(res: Response, entry: StreamEntry): void {
  const status = entry.status ?? 502;
  res.set(errorEntryHeaders(entry.data, status)).status(status).type('application/json').send(entry.data);
}

/** Relays the request's stream as SSE: `id: <entry id>` on every event, ending with `data: [DONE]`. */
export function relaySse(hub: StreamHub, heartbeats: Heartbeats, options: RelayOptions): void {
  const { res } = options;
  const format = options.format ?? sseEvent;
  let done = false;
  /** Sends the headers; with `flush` at once, otherwise together with the first write. */
  const start = (flush: boolean) => {
    if (res.headersSent) return;
    res.writeHead(200, SSE_HEADERS);
    if (flush) res.flushHeaders();
  };
  const stop = () => {
    done = true;
    clearTimeout(deferTimer);
    subscription.close();
    stopBeat();
  };
  const subscription = hub.subscribe(options.key, options.fromId, (entries) => {
    if (done) return;
    let out = '';
    let ended = false;
    for (const entry of entries) {
      if (entry.type === 'e' && !res.headersSent && out === '') {
        stop();
        sendErrorEntry(res, entry);
        return;
      }
      out += format(entry);
      if (entry.type === 'end') {
        ended = true;
        break;
      }
    }
    start(false);
    const flushed = res.write(out);
    if (ended) {
      stop();
      res.end();
    } else if (!flushed) {
      // A slow client: stop reading its stream until its socket drains (memory stays bounded).
      subscription.pause();
      res.once('drain', () => subscription.resume());
    }
  });
  const stopBeat = heartbeats.add(() => {
    if (done) return;
    start(false);
    res.write(': keep-alive\n\n');
  });
  // After this, the client at least learns its request id (X-Request-Id) while the request waits in the queue.
  const deferTimer = setTimeout(() => {
    if (!done) start(true);
  }, options.deferHeadersMs);
  res.on('close', () => {
    if (done) return;
    stop();
    options.onDetach();
  });
}

/** Entries strictly after `afterId`, at most `count`, in order. */
export type ReadPage = (afterId: string, count: number) => Promise<StreamEntry[]>;

/** Entries read from Redis and written per step of a replay: what one slow reader can hold in memory. */
export const REPLAY_PAGE_ENTRIES = 100;

/** Resolves once the response can take more (drained) or is gone (closed). */
function writable(res: Response): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Replays a finished request's events after `fromId`, a page at a time: the next page is read from Redis only
 * once the client has taken the previous one, and the replay stops when the client leaves. A client that
 * never reads holds one page and its socket's buffer, never the whole stream.
 */
export async function replayFinishedSse(
  res: Response,
  fromId: string,
  readPage: ReadPage,
  format: (entry: StreamEntry) => string = sseEvent,
): Promise<void> {
  // The first page before the headers: a Redis failure here is still a real HTTP error.
  let page = await readPage(fromId, REPLAY_PAGE_ENTRIES);
  res.writeHead(200, SSE_HEADERS);
  try {
    for (;;) {
      if (res.destroyed) return;
      const out = page.map(format).join('');
      if (page.length < REPLAY_PAGE_ENTRIES || page.at(-1)!.type === 'end') {
        res.end(out);
        return;
      }
      if (!res.write(out)) await writable(res);
      if (res.destroyed) return;
      page = await readPage(page.at(-1)!.id, REPLAY_PAGE_ENTRIES);
    }
  } catch (error) {
    // Too late for an HTTP error: cut the connection, so the client sees an incomplete stream and resumes.
    res.destroy();
    throw error;
  }
}

const usageOf = (end: EndRecord): Usage => ({
  prompt_tokens: end.outcome.prompt_tokens,
  completion_tokens: end.outcome.completion_tokens,
  total_tokens: end.outcome.prompt_tokens + end.outcome.completion_tokens,
});

/** Waits for the end of the request and answers one `chat.completion` (or the error it ended with). */
export function relayJson(hub: StreamHub, options: RelayOptions): void {
  const { res } = options;
  const accumulator = createCompletionAccumulator();
  let error: StreamEntry | null = null;
  let done = false;
  const subscription = hub.subscribe(options.key, options.fromId, (entries) => {
    if (done) return;
    for (const entry of entries) {
      if (entry.type === 'c') accumulator.add(JSON.parse(entry.data));
      else if (entry.type === 'e') error = entry;
      else {
        done = true;
        subscription.close();
        if (error) sendErrorEntry(res, error);
        else
          res.json(
            accumulator.build(
              `chatcmpl-${options.requestId}`,
              options.model,
              usageOf(JSON.parse(entry.data) as EndRecord),
            ),
          );
        return;
      }
    }
  });
  res.on('close', () => {
    if (done) return;
    done = true;
    subscription.close();
    options.onDetach();
  });
}
