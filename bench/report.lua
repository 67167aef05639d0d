-- wrk's summary as one JSON line (times in microseconds), read by bench/run.py.
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
