-- wrk: send the signed-in session's headers (from the environment) and print throughput and latency
-- percentiles as one JSON line the driver parses.
local cookie = os.getenv("BENCH_COOKIE") or ""
local host = os.getenv("BENCH_HOST") or "localhost"

function init(args)
  wrk.headers["Cookie"] = cookie
  wrk.headers["Host"] = host
  wrk.headers["X-Forwarded-Proto"] = "https"
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "errors": %d, "non2xx": %d}\n',
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, bad, summary.errors.status))
end
