-- Shared by the wrk scripts: one line with the latency percentiles and the rate.
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d requests, "
      .. "%.0f/s\n", latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests,
      summary.requests / (summary.duration / 1e6)))
end
