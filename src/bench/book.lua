-- wrk script for the write benchmark: each request is a createBooking by the USER in AUTH,
-- on one of BOOKABLES (global ids, comma-separated; each thread takes its own CONNECTIONS of
-- them in turn, so no two requests in flight share a bookable), each an hour later than the
-- last on that bookable, so every booking is valid and none overlaps. A response counts as
-- expected only with status 200 and an empty errors list; run.sh's checked_wrk fails the run
-- on any other.
dofile("src/bench/counting.lua")
local counter = 0

local bookables = {}
for id in string.gmatch(os.getenv("BOOKABLES"), "[^,]+") do
  table.insert(bookables, id)
end
local per_thread = tonumber(os.getenv("CONNECTIONS"))
-- 2100-01-01T00:00:00Z (after any demo booking), plus FROM_HOUR hours for this run
local base = 4102444800 + 3600 * tonumber(os.getenv("FROM_HOUR") or "0")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTH")

function request()
  local bookable = bookables[index * per_thread + counter % per_thread + 1]
  local start = base + math.floor(counter / per_thread) * 3600
  counter = counter + 1
  local body = string.format('{"query":"mutation($b: ID!, $s: DateTime!, $e: DateTime!) { createBooking(input: { bookable: $b, start: $s, end: $e }) { booking { id } errors { code message } } }","variables":{"b":"%s","s":"%s","e":"%s"}}',
    bookable, os.date("!%Y-%m-%dT%H:%M:%SZ", start), os.date("!%Y-%m-%dT%H:%M:%SZ", start + 3600))
  return wrk.format(nil, nil, nil, body)
end

function expected(status, body)
  return status == 200 and body:find('"errors":[]', 1, true) ~= nil
end
