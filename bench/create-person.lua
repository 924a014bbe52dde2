-- wrk script: POST /api/v1/persons with a new child each request (a name of letters made from the thread
-- and a counter, so no two requests are the same person and none is refused as a duplicate).
dofile("bench/wrk-report.lua")

local letters = "abcdeghiklmnopqrstuvxy"

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
