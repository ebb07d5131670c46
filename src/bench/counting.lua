-- Shared by the wrk scripts (post.lua, book.lua): counts the responses that are not what the
-- run expects and prints the count, which run.sh's checked_wrk fails the run on. A script
-- sets `expected(status, body)` and loads this file.
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

unexpected = 0
sample = nil

function response(status, headers, body)
  if not expected(status, body) then
    unexpected = unexpected + 1
    if sample == nil then
      sample = status .. " " .. body:sub(1, 300)
    end
  end
end

function done(summary, latency, requests)
  local total, first = 0, nil
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
    first = first or thread:get("sample")
  end
  io.write(string.format("unexpected responses: %d\n", total))
  if first then
    io.write("first unexpected: " .. first .. "\n")
  end
end
