-- wrk script: POST /v1/payments with a unique Idempotency-Key per request.
-- Arguments: <key prefix> <delay ms between requests per connection, 0 = as fast as possible>
local threads = {}
local next_thread = 1

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  key_prefix = (args[1] or "bench") .. "-t" .. thread_id .. "-"
  pause_ms = tonumber(args[2] or "0")
  counter = 0
  body = '{"customerId":"bench-customer-' .. thread_id .. '","amount":"12.34","currency":"USD","description":"benchmark"}'
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/v1/payments",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key_prefix .. counter }, body)
end

function delay()
  return pause_ms
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"status_errors":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
