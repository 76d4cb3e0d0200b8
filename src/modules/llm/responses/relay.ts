import type { EndRecord, StreamEntry } from '../../../../queues/index.js';
import type { ChatCompletionChunk } from '../../../domain/llm/completion.js';
import { relaySse, sendErrorEntry, type Relay } from '../relay.js';
import type { ClientFailure, ResponseBuilder, ResponseEvent } from './events.js';

/** Responses events as SSE, each with its sequence_number as its id (what Last-Event-ID names on a resume). */
const sseOf = (events: ResponseEvent[]) =>
  events
    .map((event) => `id: ${event.sequence_number}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
    .join('');

/**
 * Turns the request's stream entries into Responses events. Every entry goes through the builder (its state is the
 * whole stream's, and it numbers every event), but only the events after `afterSequence` are written: a client
 * resuming from any event gets exactly what followed it.
 */
export function responsesFormat(builder: ResponseBuilder, afterSequence = -1) {
  let failure: ClientFailure | null = null;
  return (entry: StreamEntry): string => {
    let events: ResponseEvent[] = [];
    if (entry.type === 'c') events = builder.chunk(JSON.parse(entry.data) as ChatCompletionChunk);
    else if (entry.type === 'e') failure = (JSON.parse(entry.data) as { error: ClientFailure }).error;
    else events = builder.finish(JSON.parse(entry.data) as EndRecord, failure);
    return sseOf(events.filter((event) => event.sequence_number > afterSequence));
  };
}

/**
 * A streamed Responses request: the chat relay's pacing, headers and errors, with Responses events. A resumed one
 * reads its stream from the start (see responsesFormat).
 */
export function responsesSseRelay(builder: ResponseBuilder, afterSequence = -1): Relay {
  return (hub, heartbeats, options) =>
    relaySse(hub, heartbeats, { ...options, format: responsesFormat(builder, afterSequence) });
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
