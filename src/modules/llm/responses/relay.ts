import { compareIds, type EndRecord, type StreamEntry } from '../../../../queues/index.js';
import type { ChatCompletionChunk } from '../../../shared/llm/completion.js';
import { relaySse, sendErrorEntry, type Relay } from '../relay.js';
import type { ClientFailure, ResponseBuilder, ResponseEvent } from './events.js';

/** One Responses event as SSE; the last event of a stream entry carries the entry's id (what Last-Event-ID names). */
const sseOf = (events: ResponseEvent[], id: string) =>
  events
    .map(
      (event, i) =>
        `${i === events.length - 1 ? `id: ${id}\n` : ''}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
    )
    .join('');

/**
 * Turns the request's stream entries into Responses events. Every entry goes through the builder (its state is the
 * whole stream's), but only those after `afterId` are written: a client resuming from an entry gets exactly what
 * followed it.
 */
export function responsesFormat(builder: ResponseBuilder, afterId = '0-0'): (entry: StreamEntry) => string {
  let failure: ClientFailure | null = null;
  return (entry) => {
    let events: ResponseEvent[] = [];
    if (entry.type === 'c') events = builder.chunk(JSON.parse(entry.data) as ChatCompletionChunk);
    else if (entry.type === 'e') failure = (JSON.parse(entry.data) as { error: ClientFailure }).error;
    else events = builder.finish(JSON.parse(entry.data) as EndRecord, failure);
    if (events.length === 0 || compareIds(entry.id, afterId) <= 0) return '';
    return sseOf(events, entry.id);
  };
}

/** A streamed Responses request: the chat relay's pacing, headers and errors, with Responses events. */
export function responsesSseRelay(builder: ResponseBuilder): Relay {
  return (hub, heartbeats, options) =>
    relaySse(hub, heartbeats, { ...options, format: responsesFormat(builder, options.fromId) });
}

/** A Responses request without stream: waits for its end, answers the response object (or the error it ended with). */
export function responsesJsonRelay(builder: ResponseBuilder): Relay {
  return (hub, _heartbeats, options) => {
    const { res } = options;
    let error: StreamEntry | null = null;
    let done = false;
    const subscription = hub.subscribe(options.key, options.fromId, (entries) => {
      if (done) return;
      for (const entry of entries) {
        if (entry.type === 'c') builder.chunk(JSON.parse(entry.data) as ChatCompletionChunk);
        else if (entry.type === 'e') error = entry;
        else {
          done = true;
          subscription.close();
          if (error) sendErrorEntry(res, error);
          else {
            builder.finish(JSON.parse(entry.data) as EndRecord, null);
            res.json(builder.response());
          }
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
  };
}
