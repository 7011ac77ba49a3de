-- One Cognito action over the JSON 1.1 protocol, for wrk. The environment gives the action (BENCH_ACTION) and the
-- request body (BENCH_BODY); a body with %UNIQUE% in it gets a string of its own in each request (BENCH_RUN, the
-- thread and a counter), for actions that create something. done() prints one JSON line with the figures.
local action = os.getenv("BENCH_ACTION")
local body = os.getenv("BENCH_BODY")
local run = os.getenv("BENCH_RUN") or "0"
local unique = body ~= nil and body:find("%UNIQUE%", 1, true) ~= nil

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AWSCognitoIdentityProviderService." .. action
-- cognito-local reads the region from the credential scope; the emulator does not check it on loopback.
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/cognito-idp/aws4_request, "
  .. "SignedHeaders=host, Signature=0"

local threads = 0
function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

-- Only a body that changes gets a request() of its own: without one, wrk sends its precomputed request.
if unique then
  local counter = 0
  function request()
    counter = counter + 1
    local name = run .. "-" .. tostring(thread_id or 0) .. "-" .. counter
    return wrk.format(nil, nil, nil, (body:gsub("%%UNIQUE%%", name)))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,'
      .. '"errors":%d,"status_errors":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, e.status, e.connect + e.read + e.write + e.timeout))
end
