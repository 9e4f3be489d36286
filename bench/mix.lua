-- wrk: GET the paths of MIX_FILE in turn (each thread from its own place), counting 5xx.
local paths = {}
for line in io.lines(os.getenv("MIX_FILE")) do paths[#paths + 1] = line end
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  index = (id or 1) * 7919 % #paths
  server_errors = 0
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], {["Accept-Encoding"] = "br, gzip", ["Accept-Language"] = "de-DE,de;q=0.9"})
end

function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do errors = errors + thread:get("server_errors") end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %.3f %.3f %.3f\n", summary.requests,
    e.connect, e.read, e.write, e.timeout, e.status, errors,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
