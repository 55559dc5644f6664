-- wrk script: every request reads one run (RUN_PATH) with its tasks.
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "load-token")
wrk.path = os.getenv("RUN_PATH")

dofile("benchmarks/web-load/report.lua")
