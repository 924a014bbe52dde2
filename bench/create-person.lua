-- wrk script: POST /api/v1/persons with a new child each request (a name of letters made from the thread
-- and a counter, so no two requests are the same person and none is refused as a duplicate).
local threads = {}
local letters = "abcdeghiklmnopqrstuvxy"

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local function word(n)
  local s = ""
  repeat
    local d = n % #letters
    s = s .. letters:sub(d + 1, d + 1)
    n = math.floor(n / #letters)
  until n == 0
  return s:sub(1, 1):upper() .. s:sub(2)
end

local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"fullName":"Bé %s %s","sex":"FEMALE","birthYear":2020,"communeCode":"%s"}', word(id), word(counter), os.getenv("COMMUNE"))
  return wrk.format("POST", "/api/v1/persons",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}, body)
end

-- Anything but 201 Created is a failure, whatever its class.
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
