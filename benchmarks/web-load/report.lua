-- Shared by the wrk scripts: one line with the latency percentiles and the rate. With THINK_MS set, each
-- connection is a client that waits a random 0..2*THINK_MS ms (THINK_MS on average) after each answer before it
-- asks again, so the offered rate is about connections * 1000 / THINK_MS requests per second; without it, every
-- connection asks again at once (a closed loop that measures saturation).
local think = tonumber(os.getenv("THINK_MS") or "")
if think and think > 0 then
  delay = function()
    return math.random(0, 2 * think)
  end
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d requests, "
      .. "%.0f/s\n", latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests,
      summary.requests / (summary.duration / 1e6)))
end
