-- wrk script: every request submits one run of the code-change workflow (the example app's own document).
local f = assert(io.open(os.getenv("WORKFLOW") or "examples/spring-app/src/main/resources/code-change.json", "r"))
local workflow = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = "/supervisor/api/runs"
wrk.body = '{"workflow": ' .. workflow .. ', "inputs": {"change": "load"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = assert(os.getenv("API_KEY"), "API_KEY: the key the app logged")

dofile("benchmarks/web-load/report.lua")
