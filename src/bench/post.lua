-- wrk script: POST the benchmark query to /graphql.
local f = assert(io.open(os.getenv("QUERY_FILE"), "r"))
local query = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":' .. string.format("%q", query):gsub("\\\n", "\\n") .. '}'
