-- wrk script: every request submits one run of the code-change workflow (the example app's own document).
local f = assert(io.open(os.getenv("WORKFLOW") or "examples/spring-app/src/main/resources/code-change.json", "r"))
local workflow = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = "/supervisor/api/runs"
wrk.body = '{"workflow": ' .. workflow .. ', "inputs": {"change": "load"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "load-token")

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d requests, "
      .. "%.0f/s\n", latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests,
      summary.requests / (summary.duration / 1e6)))
end
