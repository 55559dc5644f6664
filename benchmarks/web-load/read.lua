-- wrk script: every request reads one run (RUN_PATH) with its tasks.
wrk.headers["X-API-Key"] = assert(os.getenv("API_KEY"), "API_KEY: the key the app logged")
wrk.path = os.getenv("RUN_PATH")

dofile("benchmarks/web-load/report.lua")
