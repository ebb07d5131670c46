-- wrk script: POST a GraphQL document to /graphql as a frontend would (JSON body, the
-- Authorization header in AUTH), and count every response that is not what the run expects:
-- a non-200 status, or a body with "errors" (or, with EXPECT set, a body without EXPECT,
-- for runs whose every request should be refused). run.sh fails the run on any.
--   QUERY_FILE  the document          AUTH    e.g. "Token cores_..."
--   EXPECT      text every response must contain (refusal runs); unset: no "errors" allowed
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local f = assert(io.open(os.getenv("QUERY_FILE"), "r"))
local query = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("AUTH") and os.getenv("AUTH") ~= "" then
  wrk.headers["Authorization"] = os.getenv("AUTH")
end
wrk.body = '{"query":' .. string.format("%q", query):gsub("\\\n", "\\n") .. '}'

local expect = os.getenv("EXPECT")
unexpected = 0
sample = nil

function response(status, headers, body)
  local ok
  if expect and expect ~= "" then
    ok = status == 200 and body:find(expect, 1, true) ~= nil
  else
    ok = status == 200 and body:find('"errors"', 1, true) == nil
  end
  if not ok then
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
