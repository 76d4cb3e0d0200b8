import type { Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import type { RedisClient } from '../../lib/redis.js';
import { llmKeys, signalCancel, type RequestRecords } from '../../../queues/index.js';
import { relayJson, relaySse, type Heartbeats, type Relay } from './relay.js';
import type { StreamHub } from './stream-hub.js';

interface Deps {
  config: Config;
  /** The connection the record is written on: a client's leaving goes out before the cancel it may cause. */
  redis: RedisClient;
  records: RequestRecords;
  hub: StreamHub;
  heartbeats: Heartbeats;
  log: Logger;
}

export interface AttachOptions {
  requestId: string;
  model: string;
  sse: boolean;
  fromId: string;
  deferHeaders: boolean;
  resumable: boolean;
  relay?: Relay;
}

/**
 * Relays a request to a client's response, as chat SSE or as one JSON completion unless `relay` answers in another
 * API's form. A client that leaves cancels the request at once, or, when `resumable`, starts the grace period.
 */
export function createAttach({ config, redis, records, hub, heartbeats, log }: Deps) {
  const keys = llmKeys(config.REDIS_PREFIX);
  const graceTimers = new Set<NodeJS.Timeout>();

  function attach(res: Response, options: AttachOptions): void {
    const relayOptions = {
      res,
      key: keys.stream(options.requestId),
      fromId: options.fromId,
      requestId: options.requestId,
      model: options.model,
      deferHeadersMs: options.deferHeaders ? config.LLM_SSE_HEADER_DEFER_MS : 0,
      onDetach: () => detach(options.requestId, options.resumable),
    };
    if (options.relay) options.relay(hub, heartbeats, relayOptions);
    else if (options.sse) relaySse(hub, heartbeats, relayOptions);
    else relayJson(hub, relayOptions);
    if (res.destroyed) res.emit('close');
  }

  /** A client left: a plain request is stopped now; a resumable one after the grace period, unless someone resumed. */
  function detach(id: string, resumable: boolean): void {
    // Sent before the cancel on the same connection: the signal sees this client gone, and any other still attached.
    records.leave(id).catch(() => undefined);
    if (!resumable) {
      cancelDetached(id);
      return;
    }
    const grace = config.STREAM_RESUME_GRACE_MS;
    if (grace === 0) return;
    const timer = setTimeout(() => {
      graceTimers.delete(timer);
      cancelDetached(id);
    }, grace);
    graceTimers.add(timer);
  }

  /** Stops a request whose clients are all gone (a no-op while one is still attached, or once it ended). */
  function cancelDetached(id: string): void {
    signalCancel(redis, config.REDIS_PREFIX, id, 'client_disconnected', {
      force: false,
      ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
    }).catch((error: Error) =>
      log.warn({ err: error.message, llm_request_id: id }, 'could not signal a disconnect cancel'),
    );
  }

  function close(): void {
    for (const timer of graceTimers) clearTimeout(timer);
    graceTimers.clear();
  }

  return { attach, close };
}
export type Attach = ReturnType<typeof createAttach>['attach'];
