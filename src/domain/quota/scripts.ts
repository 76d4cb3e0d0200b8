import { luaScript } from '../../lib/lua.js';

/**
 * Lua scripts: each runs atomically in Redis, so no amount of concurrency (across any number of API and
 * worker processes) can reserve more than an account has left, or settle a request twice.
 *
 * Loading an account from MongoDB (and rebuilding it) races with settlements, which keep landing while the
 * ledger is read. So a load is cut at a Redis time T0 (BEGIN_LOAD): the ledger sum counts exactly the
 * settlements stamped at or before T0 (each settlement stamps its Redis time on its settled marker and on its
 * row, which waits in the ledger backlog until a flush writes it to MongoDB), while the settlements after T0 are added up in the account itself
 * (`rb_used`, `rb_calls`) and added on top when the load is written (FINISH_LOAD). Nothing is lost or counted
 * twice, and a busy account never has to be retried.
 */

/** Redis server time in microseconds, as a decimal string (Lua would print a double as 1.7e+15). */
const NOW_MICROS = `
local function now_micros()
  local t = redis.call('TIME')
  return t[1] .. string.format('%06d', tonumber(t[2]))
end
`;

/**
 * KEYS[1] account. Starts a load/rebuild cut at T0 = now; returns {T0, used or false, limit or false}.
 * An account not loaded yet gets a stub holding only the cut (expires in an hour if the load never finishes).
 */
export const BEGIN_LOAD = luaScript(
  'begin-load',
  `${NOW_MICROS}
local t0 = now_micros()
local before = redis.call('HMGET', KEYS[1], 'used', 'limit')
redis.call('HSET', KEYS[1], 'rb_t0', t0, 'rb_used', 0, 'rb_calls', 0)
if not before[2] then redis.call('EXPIRE', KEYS[1], 3600) end
return {t0, before[1], before[2]}
`,
);

/**
 * KEYS[1] account. ARGV limit, ledger used (settlements up to T0), ledger calls, period, T0, mode, floor.
 * mode `init`: only if the account is not loaded yet (0 when someone else loaded it); `rebuild`: replace.
 * -1 when another load started after ours (it will write). `floor` (migrated usage with no ledger row) is
 * used only when no settlement landed during the load.
 */
export const FINISH_LOAD = luaScript(
  'finish-load',
  `
if ARGV[6] == 'init' and redis.call('HEXISTS', KEYS[1], 'limit') == 1 then
  if redis.call('HGET', KEYS[1], 'rb_t0') == ARGV[5] then redis.call('HDEL', KEYS[1], 'rb_t0', 'rb_used', 'rb_calls') end
  return 0
end
if redis.call('HGET', KEYS[1], 'rb_t0') ~= ARGV[5] then return -1 end
local late_used = tonumber(redis.call('HGET', KEYS[1], 'rb_used') or '0')
local late_calls = tonumber(redis.call('HGET', KEYS[1], 'rb_calls') or '0')
local used = tonumber(ARGV[2]) + late_used
if late_used == 0 and late_calls == 0 and tonumber(ARGV[7]) > used then used = tonumber(ARGV[7]) end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
redis.call('HSET', KEYS[1], 'limit', ARGV[1], 'used', used, 'calls', tonumber(ARGV[3]) + late_calls, 'period', ARGV[4], 'reserved', reserved)
redis.call('HDEL', KEYS[1], 'rb_t0', 'rb_used', 'rb_calls')
redis.call('PERSIST', KEYS[1])
return 1
`,
);

/** KEYS[1] account. ARGV T0. Abandons a load (the account does not exist); drops a stub that holds nothing else. */
export const ABORT_LOAD = luaScript(
  'abort-load',
  `
if redis.call('HGET', KEYS[1], 'rb_t0') ~= ARGV[1] then return 0 end
redis.call('HDEL', KEYS[1], 'rb_t0', 'rb_used', 'rb_calls')
return 1
`,
);

/**
 * KEYS[1..n] accounts, KEYS[n+1] reservation hash, KEYS[n+2] expiry index, KEYS[n+3] ledger backlog.
 * ARGV n, want, min, request id, expires-at ms, account names (space separated), stream slot key ('' for none),
 * backlog bound (0 for none).
 * Grants min(want, least available across the chain) if that is at least min; all or nothing. An account that
 * used more than its limit (overage) has a negative balance and grants nothing until it is positive again.
 * Nothing is granted while the ledger backlog holds its bound of rows (the database is away): {'backlog_full'}.
 */
export const RESERVE = luaScript(
  'reserve',
  `
local n = tonumber(ARGV[1])
local want = tonumber(ARGV[2])
local min = tonumber(ARGV[3])
local resv = KEYS[n + 1]
if redis.call('EXISTS', resv) == 1 then return {'duplicate', redis.call('HGET', resv, 'amount')} end
local bound = tonumber(ARGV[8] or '0')
if bound > 0 and redis.call('XLEN', KEYS[n + 3]) >= bound then return {'backlog_full'} end
local grant = want
for i = 1, n do
  local h = redis.call('HMGET', KEYS[i], 'limit', 'used', 'reserved')
  if not h[1] then return {'missing', tostring(i)} end
  local available = tonumber(h[1]) - tonumber(h[2] or '0') - tonumber(h[3] or '0')
  if available < grant then grant = available end
  if grant < min then return {'insufficient', tostring(i), tostring(math.max(available, 0))} end
end
for i = 1, n do redis.call('HINCRBY', KEYS[i], 'reserved', grant) end
redis.call('HSET', resv, 'amount', grant, 'accounts', ARGV[6], 'expires_at', ARGV[5], 'slot', ARGV[7])
redis.call('ZADD', KEYS[n + 2], ARGV[5], ARGV[4])
return {'ok', tostring(grant)}
`,
);

/**
 * KEYS[1..n] accounts, KEYS[n+1] reservation, KEYS[n+2] expiry index, KEYS[n+3] settled marker, KEYS[n+4] ledger
 * backlog (a Stream).
 * ARGV n, billed tokens, calls, request id, marker ttl seconds, owner, period ('' for any), ledger row JSON ('' for
 * none).
 * Exactly once per request (the marker, which holds the settlement's Redis time and the request's owner): releases
 * the reservation if it still exists (the sweeper may have released it already), charges what was billed, and
 * appends the complete ledger row to the backlog with the same Redis time, all or nothing. An account is charged
 * only in `period` (a reset that landed since the row was made keeps it out of the new period). Accounts not
 * loaded are skipped (their load counts this request from the ledger and the backlog); an account being loaded
 * notes the charge in rb_used/rb_calls so the load adds it.
 * Returns {'applied', time, per account "limit used calls" or ''} or {'already', the marker: "time owner"}.
 */
export const SETTLE = luaScript(
  'settle',
  `${NOW_MICROS}
local n = tonumber(ARGV[1])
local billed = tonumber(ARGV[2])
local calls = tonumber(ARGV[3])
local previous = redis.call('GET', KEYS[n + 3])
if previous then return {'already', previous} end
local now = now_micros()
redis.call('SET', KEYS[n + 3], now .. ' ' .. ARGV[6], 'EX', ARGV[5])
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
local out = {'applied', now}
for i = 1, n do
  local period = redis.call('HGET', KEYS[i], 'period')
  local in_period = ARGV[7] == '' or not period or period == ARGV[7]
  if in_period and redis.call('HEXISTS', KEYS[i], 'rb_t0') == 1 then
    redis.call('HINCRBY', KEYS[i], 'rb_used', billed)
    redis.call('HINCRBY', KEYS[i], 'rb_calls', calls)
  end
  if redis.call('HEXISTS', KEYS[i], 'limit') == 1 then
    if in_period then
      redis.call('HINCRBY', KEYS[i], 'used', billed)
      redis.call('HINCRBY', KEYS[i], 'calls', calls)
    end
    local h = redis.call('HMGET', KEYS[i], 'limit', 'used', 'calls')
    out[i + 2] = h[1] .. ' ' .. (h[2] or '0') .. ' ' .. (h[3] or '0')
  else
    out[i + 2] = ''
  end
end
if ARGV[8] ~= '' then redis.call('XADD', KEYS[n + 4], '*', 'r', ARGV[4], 't', now, 'd', ARGV[8]) end
return out
`,
);

/**
 * KEYS[1] expiry index. ARGV reservation key head, new expires-at ms, request ids.
 * Extends the reservations of requests still queued or running; returns {request id, its stream slot key or ''}
 * for each one extended. The slot lives in the caller's slot group, so EXTEND_SLOT extends it on its own.
 */
export const EXTEND_RESERVATIONS = luaScript(
  'extend-reservations',
  `
local out = {}
for i = 3, #ARGV do
  local resv = ARGV[1] .. ARGV[i]
  if redis.call('EXISTS', resv) == 1 then
    redis.call('HSET', resv, 'expires_at', ARGV[2])
    redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i])
    out[#out + 1] = {ARGV[i], redis.call('HGET', resv, 'slot') or ''}
  end
end
return out
`,
);

/** KEYS[1] a user's open-stream set. ARGV new expiry ms, request id. Extends the request's slot if it still holds one. */
export const EXTEND_SLOT = luaScript(
  'extend-slot',
  `
if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
  redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ARGV[2])
  redis.call('PEXPIREAT', KEYS[1], ARGV[1], 'GT')
  return 1
end
return 0
`,
);

/**
 * KEYS[1] expiry index. ARGV reservation key head, account key head, now ms, request ids (whose requests are gone:
 * no job holds them).
 * Releases those reservations still past their expiry (one extended meanwhile stays): reserved tokens never leak.
 * Account keys are built from the reservation's account names under the group's account head: the reservation,
 * its index and its accounts all carry the payer's slot group tag.
 */
export const RELEASE_EXPIRED = luaScript(
  'release-expired',
  `
local ids = {}
for i = 4, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) <= tonumber(ARGV[3]) then ids[#ids + 1] = ARGV[i] end
end
for _, id in ipairs(ids) do
  local resv = ARGV[1] .. id
  local amount = tonumber(redis.call('HGET', resv, 'amount') or '-1')
  local accounts = redis.call('HGET', resv, 'accounts')
  if amount >= 0 and accounts then
    for name in string.gmatch(accounts, '%S+') do
      local key = ARGV[2] .. name
      if redis.call('HEXISTS', key, 'limit') == 1 and redis.call('HINCRBY', key, 'reserved', -amount) < 0 then
        redis.call('HSET', key, 'reserved', 0)
      end
    end
  end
  redis.call('DEL', resv)
  redis.call('ZREM', KEYS[1], id)
end
return ids
`,
);

/**
 * KEYS[1] account. ARGV limit, new period. Idempotent: resetting into the period it is already in changes nothing.
 * A load in progress is abandoned (its ledger read belongs to the old period); it starts over.
 */
export const RESET_ACCOUNT = luaScript(
  'reset-account',
  `
if redis.call('HGET', KEYS[1], 'period') == ARGV[2] then return 0 end
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
redis.call('HSET', KEYS[1], 'limit', ARGV[1], 'used', 0, 'calls', 0, 'period', ARGV[2], 'reserved', reserved)
redis.call('HDEL', KEYS[1], 'rb_t0', 'rb_used', 'rb_calls')
redis.call('PERSIST', KEYS[1])
return 1
`,
);

/** KEYS[1] account. ARGV limit. Changes the limit of a loaded account, keeping what was used; abandons a load in progress. */
export const SET_LIMIT = luaScript(
  'set-limit',
  `
if redis.call('HEXISTS', KEYS[1], 'limit') == 0 then return 0 end
redis.call('HSET', KEYS[1], 'limit', ARGV[1])
redis.call('HDEL', KEYS[1], 'rb_t0', 'rb_used', 'rb_calls')
return 1
`,
);
