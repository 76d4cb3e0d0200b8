/**
 * Lua scripts: each runs atomically in Redis, so no amount of concurrency (across any number of API and
 * worker processes) can reserve more than an account has left, or settle a request twice.
 */

/**
 * Every change to an account's limit, used, calls or period bumps its `epoch` field (settlements bump it even
 * on an account that is not loaded, leaving a short-lived stub). Loading and rebuilding read the epoch before
 * reading MongoDB and write only if it is unchanged, so a settlement that lands while the ledger is being read
 * is never overwritten (lost) or counted twice.
 */

/**
 * KEYS[1] account. ARGV limit, used, calls, period, expected epoch.
 * Creates the account unless it already has a limit; -1 when a settlement changed it since the epoch was read.
 */
export const INIT_ACCOUNT = `
if redis.call('HEXISTS', KEYS[1], 'limit') == 1 then return 0 end
if (redis.call('HGET', KEYS[1], 'epoch') or '0') ~= ARGV[5] then return -1 end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
redis.call('HSET', KEYS[1], 'limit', ARGV[1], 'used', ARGV[2], 'calls', ARGV[3], 'period', ARGV[4], 'reserved', reserved)
redis.call('PERSIST', KEYS[1])
return 1
`;

/**
 * KEYS[1..n] accounts, KEYS[n+1] reservation hash, KEYS[n+2] expiry index.
 * ARGV n, want, min, request id, expires-at ms, account names (space separated).
 * Grants min(want, least available across the chain) if that is at least min; all or nothing.
 */
export const RESERVE = `
local n = tonumber(ARGV[1])
local want = tonumber(ARGV[2])
local min = tonumber(ARGV[3])
local resv = KEYS[n + 1]
if redis.call('EXISTS', resv) == 1 then return {'duplicate', redis.call('HGET', resv, 'amount')} end
local grant = want
for i = 1, n do
  local h = redis.call('HMGET', KEYS[i], 'limit', 'used', 'reserved')
  if not h[1] then return {'missing', tostring(i)} end
  local available = tonumber(h[1]) - tonumber(h[2] or '0') - tonumber(h[3] or '0')
  if available < grant then grant = available end
  if grant < min then return {'insufficient', tostring(i), tostring(math.max(available, 0))} end
end
for i = 1, n do redis.call('HINCRBY', KEYS[i], 'reserved', grant) end
redis.call('HSET', resv, 'amount', grant, 'accounts', ARGV[6], 'expires_at', ARGV[5])
redis.call('ZADD', KEYS[n + 2], ARGV[5], ARGV[4])
return {'ok', tostring(grant)}
`;

/**
 * KEYS[1..n] accounts, KEYS[n+1] reservation, KEYS[n+2] expiry index, KEYS[n+3] settled marker.
 * ARGV n, billed tokens, calls, request id, marker ttl seconds.
 * Exactly once per request (the marker); releases the reservation if it still exists (the sweeper may have
 * released it already) and charges what was billed. Accounts not loaded in Redis are skipped: they are
 * rebuilt from the ledger, which already holds this request, when next loaded.
 * Returns, per account, {limit, used, calls} after the charge (or empty when already settled).
 * Bumps each account's epoch; on an account that is not loaded this leaves a stub that expires after a day.
 */
export const SETTLE = `
local n = tonumber(ARGV[1])
local billed = tonumber(ARGV[2])
local calls = tonumber(ARGV[3])
if not redis.call('SET', KEYS[n + 3], '1', 'NX', 'EX', ARGV[5]) then return {} end
local amount = tonumber(redis.call('HGET', KEYS[n + 1], 'amount') or '-1')
if amount >= 0 then
  for i = 1, n do
    if redis.call('HEXISTS', KEYS[i], 'limit') == 1 and redis.call('HINCRBY', KEYS[i], 'reserved', -amount) < 0 then
      redis.call('HSET', KEYS[i], 'reserved', 0)
    end
  end
  redis.call('DEL', KEYS[n + 1])
  redis.call('ZREM', KEYS[n + 2], ARGV[4])
end
local out = {}
for i = 1, n do
  redis.call('HINCRBY', KEYS[i], 'epoch', 1)
  if redis.call('HEXISTS', KEYS[i], 'limit') == 1 then
    redis.call('HINCRBY', KEYS[i], 'used', billed)
    redis.call('HINCRBY', KEYS[i], 'calls', calls)
    local h = redis.call('HMGET', KEYS[i], 'limit', 'used', 'calls')
    out[i] = h[1] .. ' ' .. h[2] .. ' ' .. h[3]
  else
    redis.call('EXPIRE', KEYS[i], 86400)
    out[i] = ''
  end
end
return out
`;

/**
 * KEYS[1] expiry index. ARGV key prefix, now ms, batch size.
 * Releases reservations whose request never settled (a lost job, a crash): reserved tokens never leak.
 * Account keys come from the reservation itself (single-Redis deployment; not cluster-safe by design).
 */
export const RELEASE_EXPIRED = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  local resv = ARGV[1] .. ':resv:' .. id
  local amount = tonumber(redis.call('HGET', resv, 'amount') or '-1')
  local accounts = redis.call('HGET', resv, 'accounts')
  if amount >= 0 and accounts then
    for name in string.gmatch(accounts, '%S+') do
      local key = ARGV[1] .. ':quota:' .. name
      if redis.call('HEXISTS', key, 'limit') == 1 and redis.call('HINCRBY', key, 'reserved', -amount) < 0 then
        redis.call('HSET', key, 'reserved', 0)
      end
    end
  end
  redis.call('DEL', resv)
  redis.call('ZREM', KEYS[1], id)
end
return ids
`;

/** KEYS[1] account. ARGV limit, new period. Idempotent: resetting into the period it is already in changes nothing. */
export const RESET_ACCOUNT = `
if redis.call('HGET', KEYS[1], 'period') == ARGV[2] then return 0 end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
redis.call('HSET', KEYS[1], 'limit', ARGV[1], 'used', 0, 'calls', 0, 'period', ARGV[2], 'reserved', reserved)
redis.call('HINCRBY', KEYS[1], 'epoch', 1)
redis.call('PERSIST', KEYS[1])
return 1
`;

/** KEYS[1] account. ARGV limit. Changes the limit of a loaded account, keeping what was used. */
export const SET_LIMIT = `
if redis.call('HEXISTS', KEYS[1], 'limit') == 0 then return 0 end
redis.call('HSET', KEYS[1], 'limit', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'epoch', 1)
return 1
`;

/**
 * KEYS[1] account. ARGV limit, used, calls, period, expected epoch.
 * Replaces the counters with MongoDB's (reconciliation); -1 when the account changed since the epoch was read.
 */
export const REBUILD_ACCOUNT = `
if (redis.call('HGET', KEYS[1], 'epoch') or '0') ~= ARGV[5] then return -1 end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
redis.call('HSET', KEYS[1], 'limit', ARGV[1], 'used', ARGV[2], 'calls', ARGV[3], 'period', ARGV[4], 'reserved', reserved)
redis.call('HINCRBY', KEYS[1], 'epoch', 1)
redis.call('PERSIST', KEYS[1])
return 1
`;
