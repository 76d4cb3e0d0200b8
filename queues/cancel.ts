import type { RedisClient } from '../src/lib/redis.js';
import { luaScript } from '../src/lib/lua.js';
import { llmKeys } from './redis-keys.js';
import { RECORD, type CancelReason } from './request-record.js';
import { groupOfRequest } from './slot-groups.js';

/**
 * The cross-process cancel signal: a key (read by a worker when it starts the job) and a message on the
 * request's group's sharded channel (SPUBLISH; every worker listens to every group's channel, and on a cluster
 * each channel is served by the master owning the group's slot), heard mid-stream. Without `force`, nothing
 * happens while a client is still attached (a reconnect within the grace period keeps the request going).
 * KEYS[1] record, KEYS[2] cancel key. ARGV channel (same slot group), request id, reason, ttl seconds, force.
 * Returns -1 unknown request, 0 nothing to do, 1 signalled.
 */
const SIGNAL = luaScript(
  'signal',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HEXISTS', KEYS[1], '${RECORD.finishedAt}') == 1 then return 0 end
if ARGV[5] ~= '1' and tonumber(redis.call('HGET', KEYS[1], '${RECORD.watchers}') or '0') > 0 then return 0 end
if redis.call('SET', KEYS[2], ARGV[3], 'NX', 'EX', ARGV[4]) then
  redis.call('HSET', KEYS[1], '${RECORD.cancelReason}', ARGV[3])
  redis.call('SPUBLISH', ARGV[1], ARGV[2] .. ' ' .. ARGV[3])
end
return 1
`,
);

export async function signalCancel(
  redis: RedisClient,
  prefix: string,
  id: string,
  reason: CancelReason,
  options: { force: boolean; ttlSeconds: number },
): Promise<-1 | 0 | 1> {
  const keys = llmKeys(prefix);
  return (await SIGNAL.run(
    redis,
    [keys.meta(id), keys.cancel(id)],
    [keys.cancelChannel(groupOfRequest(id)), id, reason, options.ttlSeconds, options.force ? '1' : '0'],
  )) as -1 | 0 | 1;
}

export const parseCancelMessage = (message: string): { id: string; reason: CancelReason } => {
  const [id = '', reason = 'cancelled'] = message.split(' ');
  return { id, reason: reason === 'client_disconnected' ? 'client_disconnected' : 'cancelled' };
};
