-- wrk's summary as one JSON line (times in microseconds), read by bench/run.py.
-- With the script arguments "bust <token>" (`wrk ... url -- bust <token>`) every request is made
-- unique with `<token>x<thread>x<n>`: it replaces `__BUST__` in the path if there is one, else
-- goes into a `nocache` query parameter, so no whole-page cache can answer it; give each wrk
-- run its own token. A third argument names a file of words, one per line: `__WORDS__` in the
-- path is then replaced with a pair of them, a different pair for every request of the run.
local bust = false
local token = ""
local words = {}
local counter = 0
local static_request = nil
local thread_count = 0

setup = function(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

init = function(args)
  bust = args[1] == "bust"
  token = args[2] or ""
  if args[3] then
    for line in io.lines(args[3]) do
      if line ~= "" then table.insert(words, line) end
    end
  end
end

-- The n-th pair of words (n from 0): every pair once before any repeats.
local function pair(n)
  local count = #words
  return words[n % count + 1] .. "+" .. words[math.floor(n / count) % count + 1]
end

request = function()
  if not bust then
    static_request = static_request or wrk.format()
    return static_request
  end
  counter = counter + 1
  local unique = token .. "x" .. thread_id .. "x" .. counter
  local path
  if string.find(wrk.path, "__WORDS__", 1, true) then
    -- threads take interleaved pairs from an offset the run's token gives
    local start = tonumber(string.sub(token, 1, 6), 16) or 0
    path = string.gsub(wrk.path, "__WORDS__", pair(start + counter * 16 + thread_id))
  elseif string.find(wrk.path, "__BUST__", 1, true) then
    path = string.gsub(wrk.path, "__BUST__", unique)
  else
    local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
    path = wrk.path .. sep .. "nocache=" .. unique
  end
  return wrk.format(nil, path)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"latency_us": {"min": %d, "mean": %.1f, "stdev": %.1f, "p50": %d, "p75": %d, '
      .. '"p90": %d, "p99": %d, "max": %d}, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency.min, latency.mean, latency.stdev, latency:percentile(50), latency:percentile(75),
    latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout
  ))
end
