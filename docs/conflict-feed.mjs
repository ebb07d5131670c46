// A working conflict feed for a dashboard (docs/dashboards.md): subscribes to
// scanConflictCreated with the graphql-ws client, prints each new conflict as one JSON line,
// and keeps the cursor of the last conflict it printed in a file, so that a restart, or a
// reconnect after a dropped connection, resumes where it stopped: missing none, none twice.
//
//   npm install graphql-ws graphql
//   CORES_WS=ws://localhost:8080/graphql \
//   CORES_FILTER='{"kind":{"eq":"UNKNOWN"}}' \
//   node --experimental-websocket conflict-feed.mjs    # Node 22 and later: no flag
//
// CORES_AUTH    the Authorization header value to subscribe as ("Token cores_…", "Bearer …");
//               anonymous without it (agent tokens are refused)
// CORES_FILTER  a ScanConflictFilter as JSON, as the scanConflicts query takes it
// CURSOR_FILE   where the last cursor is kept (default conflict-feed.cursor); without it the
//               feed starts with the conflicts committed after it subscribed
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';

const cursorFile = process.env.CURSOR_FILE ?? 'conflict-feed.cursor';
const variables = {
  filter: process.env.CORES_FILTER ? JSON.parse(process.env.CORES_FILTER) : null,
  after: existsSync(cursorFile) ? readFileSync(cursorFile, 'utf8').trim() || null : null,
};

const client = createClient({
  url: process.env.CORES_WS ?? 'ws://localhost:8080/graphql',
  connectionParams: process.env.CORES_AUTH ? { Authorization: process.env.CORES_AUTH } : undefined,
  retryAttempts: Infinity,
  on: { connected: () => console.error('connected') },
});

const query = `subscription($filter: ScanConflictFilter, $after: String) {
  scanConflictCreated(filter: $filter, after: $after) {
    cursor
    conflict {
      id kind status ip createdAt session { agent }
      ... on UnknownScanConflict { mac }
      ... on NicScanConflict { recordedIp nic { mac } host { hostname } }
      ... on LocationScanConflict { place: host { hostname } suggestedLab { name } }
    }
  }
}`;

function watch() {
  // graphql-ws sends this same variables object again when it reconnects, so keeping `after`
  // up to date in it is what makes a reconnect resume after the last conflict printed.
  client.subscribe({ query, variables }, {
    next: ({ data, errors }) => {
      if (errors) {
        console.error(JSON.stringify(errors));
        return;
      }
      const { cursor, conflict } = data.scanConflictCreated;
      console.log(JSON.stringify({ cursor, ...conflict }));
      variables.after = cursor;
      writeFileSync(cursorFile, cursor);
    },
    error: (error) => {
      if (Array.isArray(error)) {
        // the server ended the subscription (it fell behind, say): again from the last cursor
        console.error('ended:', JSON.stringify(error));
        setTimeout(watch, 1000);
      } else {
        // a close that retrying cannot help (4403: an agent token, 4400: a bad message)
        console.error('closed:', error?.code ?? '', error?.reason ?? error?.message ?? error);
        process.exit(1);
      }
    },
    complete: () => {},
  });
}

// stop between events, never between printing one and keeping its cursor
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => client.dispose().finally(() => process.exit(0)));
}

watch();
