-- wrk script for measure.sh: sends the request named by the first argument (get, post or ceiling) and prints one
-- RESULT line with the figures measure.sh tabulates. The cookie and post body come from the folder in the second
-- argument, written by `FormEngine.Benchmarks.Web prepare` (a signed-in browser's cookies and its unchanged form).
local function read(path)
  local file = assert(io.open(path, "rb"), "cannot open " .. path .. ": run `prepare` first")
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  local kind, folder = args[1], args[2]
  if kind == "ceiling" then
    -- The ceiling is asked for without cookies: nothing to check, the most the application can send.
    wrk.path = "/ceiling"
    return
  end
  wrk.path = "/cases/1"
  wrk.headers["Cookie"] = read(folder .. "/cookie")
  if kind == "post" then
    wrk.method = "POST"
    wrk.body = read(folder .. "/post-body")
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  elseif kind ~= "get" then
    error("the first argument is get, post or ceiling, not " .. tostring(kind))
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f mean_ms=%.2f p50_ms=%.2f p99_ms=%.2f bad_status=%d socket_errors=%d bytes=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, summary.bytes))
end
