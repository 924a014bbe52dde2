-- Shared by the wrk scripts (loaded with dofile from the project's root): numbers the threads, counts every
-- answer but 201 Created as a failure whatever its class, and prints one line
-- "WRK created rate p99-ms failed duration-us" for bench/run.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

failed = 0
response = function(status)
  if status ~= 201 then failed = failed + 1 end
end

done = function(summary, latency, requests)
  local notCreated = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, t in ipairs(threads) do notCreated = notCreated + t:get("failed") end
  io.write(string.format("WRK %d %.1f %.1f %d %d\n", summary.requests - notCreated, summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000, notCreated, summary.duration))
end
