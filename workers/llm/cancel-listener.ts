import type { Logger } from 'pino';
import { createShardedSubscriber, type RedisClient, type RedisTarget } from '../../src/lib/redis.js';
import { ALL_GROUPS, groupOfRequest, llmKeys, parseCancelMessage, type CancelReason } from '../../queues/index.js';

/** The abort reason of a request stopped by its owner or by the disconnect grace period. */
export class CancelSignal {
  constructor(readonly reason: CancelReason) {}
}

/**
 * Hears cancel signals from any API process (one subscriber per worker process, on every group's sharded
 * channel: on a cluster ioredis keeps one connection per master and moves it after a failover) and aborts the
 * matching in-flight request. After a reconnect, the cancel keys of in-flight requests are re-read, so a
 * signal sent while disconnected is not lost.
 */
export function createCancelListener({
  redisTarget,
  redis,
  prefix,
  log,
}: {
  redisTarget: RedisTarget;
  redis: RedisClient;
  prefix: string;
  log: Logger;
}) {
  const keys = llmKeys(prefix);
  const controllers = new Map<string, AbortController>();
  const subscriber = createShardedSubscriber(redisTarget, { connectionName: 'llm-cancel-listener' });
  subscriber.on('error', (error) => log.debug({ err: error.message }, 'cancel listener redis error'));
  subscriber.on('smessage', (_channel: string, message: string) => {
    const { id, reason } = parseCancelMessage(message);
    controllers.get(id)?.abort(new CancelSignal(reason));
  });
  let connectedBefore = false;
  subscriber.on('ready', () => {
    if (connectedBefore) void recheck();
    connectedBefore = true;
  });
  // A cluster's sharded subscribers leave a pending SSUBSCRIBE pending when closed: `close` rejects it itself.
  let closeSubscription: (error: Error) => void = () => undefined;
  const closed = new Promise<never>((_, reject) => (closeSubscription = reject));
  const ready = Promise.race([
    Promise.all(ALL_GROUPS.map((group) => subscriber.ssubscribe(keys.cancelChannel(group)))).then(() => undefined),
    closed,
  ]);
  // Closed before the subscription is live (a stop right after start), it rejects with nothing waiting for it;
  // a job that awaits it still sees the rejection.
  ready.catch(() => undefined);

  async function recheck(): Promise<void> {
    const ids = [...controllers.keys()];
    if (ids.length === 0) return;
    try {
      const byGroup = new Map<number, string[]>();
      for (const id of ids) byGroup.set(groupOfRequest(id), [...(byGroup.get(groupOfRequest(id)) ?? []), id]);
      await Promise.all(
        [...byGroup.values()].map(async (group) => {
          const reasons = await redis.mget(group.map((id) => keys.cancel(id)));
          group.forEach((id, i) => {
            const reason = reasons[i];
            if (reason) controllers.get(id)?.abort(new CancelSignal(parseCancelMessage(`${id} ${reason}`).reason));
          });
        }),
      );
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not re-read cancel signals');
    }
  }

  return {
    /** Resolves once the subscription is live (before it, a signal is only seen through its key). */
    ready,
    register(id: string): AbortSignal {
      const controller = new AbortController();
      controllers.set(id, controller);
      return controller.signal;
    },
    abort(id: string, reason: CancelReason): void {
      controllers.get(id)?.abort(new CancelSignal(reason));
    },
    unregister(id: string): void {
      controllers.delete(id);
    },
    size: () => controllers.size,
    close(): void {
      closeSubscription(new Error('Connection is closed.'));
      subscriber.disconnect();
    },
  };
}
export type CancelListener = ReturnType<typeof createCancelListener>;
