-- wrk script: POST a GraphQL document to /graphql as a frontend would (JSON body, the
-- Authorization header in AUTH), and count every response that is not what the run expects:
-- a non-200 status, or a body with "errors" (or, with EXPECT set, a body without EXPECT,
-- for runs whose every request should be refused). run.sh fails the run on any.
--   QUERY_FILE  the document          AUTH    e.g. "Token cores_..."
--   EXPECT      text every response must contain (refusal runs); unset: no "errors" allowed
dofile("src/bench/counting.lua")

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

function expected(status, body)
  if expect and expect ~= "" then
    return status == 200 and body:find(expect, 1, true) ~= nil
  end
  return status == 200 and body:find('"errors"', 1, true) == nil
end
