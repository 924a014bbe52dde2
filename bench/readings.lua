-- wrk script: POST /api/v1/cases/{id}/readings for random F0 at home (ids FIRST..LAST), each reading taken at
-- its own microsecond (runs seconds apart never meet) so that none is a repeat; one in twenty has SpO2 94 %,
-- a warning sign that raises an alert.
dofile("bench/wrk-report.lua")

local first, last = tonumber(os.getenv("FIRST")), tonumber(os.getenv("LAST"))
local base = os.time() - 3 * 3600
local counter = 0

function init(args)
  math.randomseed(id * 7919)
end

request = function()
  counter = counter + 1
  local us = counter * 4 + id
  local takenAt = os.date("!%Y-%m-%dT%H:%M:%S", base + math.floor(us / 1000000)) .. string.format(".%06dZ", us % 1000000)
  local spo2 = (math.random(20) == 1) and 94 or math.random(97, 99)
  local body = string.format(
    '{"takenAt":"%s","temperature":%.1f,"spo2":%d,"breathingRate":%d,"pulse":%d,"systolic":%d,"diastolic":%d,"symptoms":["COUGH"]}',
    takenAt, 36.5 + math.random(0, 15) / 10, spo2, math.random(14, 19), math.random(65, 100), math.random(105, 135), math.random(65, 85))
  return wrk.format("POST", "/api/v1/cases/" .. math.random(first, last) .. "/readings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}, body)
end
