// Subscription fan-out benchmark client (src/bench/subscriptions.sh): SUBSCRIBERS
// graphql-transport-ws connections, anonymous, each subscribed to scanConflictCreated with the
// same filter (the bench agent's scans); then ROUNDS scans of one unknown MAC each, posted as
// an admin naming that agent, one per INTERVAL_MS. For every subscriber and round it records
// the time from the scan's response (the commit is just before it) to the event's arrival,
// and from the request (an upper bound: it includes the ingest), and checks that every
// subscriber got every event exactly once. Needs node --experimental-websocket (Node 20).
const port = process.env.PORT ?? '18080';
const subscribers = Number(process.env.SUBSCRIBERS ?? 1000);
const rounds = Number(process.env.ROUNDS ?? 20);
const intervalMs = Number(process.env.INTERVAL_MS ?? 500);
const auth = process.env.AUTH;
const agent = 'bench-agent';
const url = `ws://localhost:${port}/graphql`;

const subscription = `subscription($filter: ScanConflictFilter) {
  scanConflictCreated(filter: $filter) { cursor conflict { id kind ip ... on UnknownScanConflict { mac } } } }`;
const filter = { session: { agent: { eq: agent } } };

// mac -> { sent, answered, arrivals: [] }
const rounds_ = new Map();
let unexpected = 0;
let firstUnexpected;

function open(n) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.onerror = (e) => reject(new Error(`socket ${n}: ${e.message ?? 'error'}`));
    socket.onmessage = (message) => {
      const now = performance.now();
      const data = JSON.parse(message.data);
      if (data.type === 'connection_ack') {
        socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: subscription, variables: { filter } } }));
        resolve(socket);
      } else if (data.type === 'next' && !data.payload.errors) {
        const mac = data.payload.data.scanConflictCreated.conflict.mac;
        const round = rounds_.get(mac);
        if (round) {
          round.arrivals.push({ n, at: now });
        }
      } else if (data.type !== 'ping' && data.type !== 'pong') {
        unexpected++;
        firstUnexpected ??= message.data;
      }
    };
  });
}

async function ingest(mac, ip) {
  const timestamp = new Date().toISOString();
  const body = JSON.stringify({
    query: `mutation($input: IngestScanInput!) { ingestScan(input: $input) { stats { conflictsCreated } errors { message } } }`,
    variables: { input: { agent, timestamp, results: [{ mac, ip }] } },
  });
  const round = { sent: performance.now(), answered: 0, arrivals: [] };
  rounds_.set(mac, round);
  const response = await fetch(`http://localhost:${port}/graphql`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: auth }, body,
  });
  const result = await response.json();
  round.answered = performance.now();
  if (result.errors || result.data.ingestScan.errors.length || result.data.ingestScan.stats.conflictsCreated !== 1) {
    throw new Error(`scan not ingested as expected: ${JSON.stringify(result)}`);
  }
  return round;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hex = (b) => (b & 255).toString(16).padStart(2, '0');
// universally administered (not virtual), so each is an UNKNOWN conflict
const mac = (i) => `00:5e:${hex(i >> 24)}:${hex(i >> 16)}:${hex(i >> 8)}:${hex(i)}`;
const base = Math.floor(Math.random() * 0xffff) * 256;

async function waitForAll(round, bound) {
  const until = performance.now() + bound;
  while (round.arrivals.length < subscribers && performance.now() < until) {
    await sleep(20);
  }
  return round.arrivals.length;
}

const sockets = [];
for (let i = 0; i < subscribers; i += 50) {
  sockets.push(...await Promise.all(Array.from({ length: Math.min(50, subscribers - i) }, (_, k) => open(i + k))));
}
console.log(`${sockets.length} subscribers connected and subscribed`);
// a warm-up scan, repeated until every subscription is active (a subscribe message has no answer)
for (let attempt = 0; ; attempt++) {
  const warm = await ingest(mac(base + 255 - attempt), `10.250.255.${attempt + 1}`);
  if (await waitForAll(warm, 10000) === subscribers) break;
  if (attempt === 5) throw new Error(`only ${warm.arrivals.length} of ${subscribers} subscribers got the warm-up event`);
}
rounds_.clear();

const fromAnswer = [];
const fromRequest = [];
let lost = 0;
let twice = 0;
for (let r = 0; r < rounds; r++) {
  const round = await ingest(mac(base + r), `10.250.${Math.floor(r / 250)}.${(r % 250) + 1}`);
  await waitForAll(round, 10000);
  const seen = new Set();
  for (const arrival of round.arrivals) {
    if (seen.has(arrival.n)) twice++;
    seen.add(arrival.n);
    fromAnswer.push(Math.max(0, arrival.at - round.answered));
    fromRequest.push(arrival.at - round.sent);
  }
  lost += subscribers - seen.size;
  await sleep(intervalMs);
}
await sleep(1000);
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)].toFixed(0);
};
console.log(`deliveries: ${fromAnswer.length} (${subscribers} subscribers x ${rounds} scans), lost: ${lost}, twice: ${twice}, unexpected messages: ${unexpected}`);
console.log(`from the scan's response (after commit): p50 ${pct(fromAnswer, 50)} ms, p99 ${pct(fromAnswer, 99)} ms, max ${pct(fromAnswer, 100)} ms`);
console.log(`from the scan's request (includes the ingest): p50 ${pct(fromRequest, 50)} ms, p99 ${pct(fromRequest, 99)} ms, max ${pct(fromRequest, 100)} ms`);
if (firstUnexpected) console.log(`first unexpected: ${firstUnexpected}`);
sockets.forEach((s) => s.close());
process.exit(lost || twice || unexpected || Number(pct(fromAnswer, 99)) >= 1000 ? 1 : 0);
