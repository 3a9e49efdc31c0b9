/**
 * The Redis store's Lua scripts. Each runs atomically on the server, so the check of a budget and
 * its count are one step for every process sharing the store; each reads the server's clock
 * (TIME), so processes on hosts whose clocks differ count the same minute and the same day.
 * Replies are arrays of strings: a Lua number would be truncated to an integer on its way out.
 */

const NOW = `local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`;

/**
 * KEYS: rate (zset: call id → ms), slots (zset: lease id → expiry ms), sessions (zset: run id →
 * day), run (hash: calls, usd, alerted, d:<tool> denials, x:<tool> escalated).
 * ARGV: tool, cost, max calls, max usd, alert usd, rate, max concurrency, max sessions ('' when
 * there is no limit), slot (0/1), commit (0/1), id, lease ms, run ttl ms, run id.
 * Reply: { kind, figure, alert (0/1), lease }.
 */
export const ADMIT_SCRIPT = `${NOW}
local rateKey, slotsKey, sessionsKey, run = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local tool, cost = ARGV[1], tonumber(ARGV[2])
local maxCalls, maxUsd, alertUsd = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local rate, maxConcurrency, maxSessions = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local slot, commit, id = ARGV[9] == '1', ARGV[10] == '1', ARGV[11]
local leaseMs, runTtl, runId = tonumber(ARGV[12]), tonumber(ARGV[13]), ARGV[14]
local eps = 1e-9
local function answer(kind, figure, alert, lease)
  redis.call('PEXPIRE', run, runTtl)
  return { kind, figure, alert or '0', lease or '' }
end

if redis.call('HEXISTS', run, 'x:' .. tool) == 1 then
  return answer('escalated', redis.call('HGET', run, 'd:' .. tool) or '0')
end
local day = math.floor(now / 86400000)
local counted = redis.call('ZSCORE', sessionsKey, runId)
-- A run already counted today costs one lookup; only a new one prunes and counts the set.
local newSession = counted == false or tonumber(counted) ~= day
if newSession then redis.call('ZREMRANGEBYSCORE', sessionsKey, '-inf', day - 1) end
if newSession and maxSessions then
  local sessions = redis.call('ZCARD', sessionsKey)
  if sessions >= maxSessions then return answer('max_sessions_per_day', tostring(sessions)) end
end
local calls = tonumber(redis.call('HGET', run, 'calls') or '0')
if maxCalls and calls >= maxCalls then return answer('max_tool_calls', tostring(calls)) end
local spent = tonumber(redis.call('HGET', run, 'usd') or '0')
if maxUsd and (spent >= maxUsd - eps or spent + cost > maxUsd + eps) then return answer('max_usd_per_loop', tostring(spent)) end
if rate then
  redis.call('ZREMRANGEBYSCORE', rateKey, '-inf', now - 60000)
  local recent = redis.call('ZCARD', rateKey)
  if recent >= rate then return answer('rate_per_minute', tostring(recent)) end
end
if slot then
  redis.call('ZREMRANGEBYSCORE', slotsKey, '-inf', now)
  if maxConcurrency then
    local held = redis.call('ZCARD', slotsKey)
    if held >= maxConcurrency then return answer('max_concurrency', tostring(held)) end
  end
end
if not commit then return answer('ok', tostring(spent)) end

if newSession then
  redis.call('ZADD', sessionsKey, day, runId)
  redis.call('PEXPIRE', sessionsKey, 172800000)
end
redis.call('HINCRBY', run, 'calls', 1)
if cost > 0 then spent = tonumber(redis.call('HINCRBYFLOAT', run, 'usd', ARGV[2])) end
-- The window is kept only while the policy sets a rate: a rate added later counts from then.
if rate then
  redis.call('ZADD', rateKey, now, id)
  redis.call('PEXPIRE', rateKey, 60000)
end
local lease
if slot then
  redis.call('ZADD', slotsKey, now + leaseMs, id)
  redis.call('PEXPIRE', slotsKey, 2 * leaseMs)
  lease = id
end
local alert = '0'
if alertUsd and spent >= alertUsd - eps and redis.call('HSETNX', run, 'alerted', '1') == 1 then alert = '1' end
return answer('ok', tostring(spent), alert, lease)`;

/**
 * KEYS: run. ARGV: usd, alert usd ('' for none), run ttl ms.
 * Reply: { spent, alert (0/1) }.
 */
export const COST_SCRIPT = `local run = KEYS[1]
local spent = tonumber(redis.call('HINCRBYFLOAT', run, 'usd', ARGV[1]))
local alertUsd = tonumber(ARGV[2])
local alert = '0'
if alertUsd and spent >= alertUsd - 1e-9 and redis.call('HSETNX', run, 'alerted', '1') == 1 then alert = '1' end
redis.call('PEXPIRE', run, ARGV[3])
return { tostring(spent), alert }`;

/**
 * KEYS: run. ARGV: tool, escalate after, run ttl ms.
 * Reply: { denials, escalated now (0/1), already escalated (0/1) }.
 */
export const DENIAL_SCRIPT = `local run, tool = KEYS[1], ARGV[1]
if redis.call('HEXISTS', run, 'x:' .. tool) == 1 then
  return { redis.call('HGET', run, 'd:' .. tool) or '0', '0', '1' }
end
local denials = redis.call('HINCRBY', run, 'd:' .. tool, 1)
local escalated = '0'
if denials >= tonumber(ARGV[2]) then
  redis.call('HSET', run, 'x:' .. tool, '1')
  escalated = '1'
end
redis.call('PEXPIRE', run, ARGV[3])
return { tostring(denials), escalated, '0' }`;

/** KEYS: slots. ARGV: lease, lease ms. Reply: 1 renewed, 0 the lease had expired or was released. */
export const RENEW_SCRIPT = `${NOW}
local expires = redis.call('ZSCORE', KEYS[1], ARGV[1])
if expires == false or tonumber(expires) <= now then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[2]))
return 1`;
