// PostGraphile 5 as the read benchmark's peer (src/bench/peers.sh): the Amber preset with the
// connection-filter plugin over Cores' own tables. Filtering is opened on every column, not
// only indexed ones, so that it can answer the same filters as Cores (a MAC prefix, a
// hostname); ordering stays on the primary keys both sides use.
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';
import { makePgService } from 'postgraphile/adaptors/pg';

export default {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // a pool as large as Cores' (Hikari's default of 10)
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  // without this PostGraphile filters and orders on indexed columns only
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  grafserv: { port: Number(process.env.PEER_PORT ?? 18081), graphiql: false, maxRequestLength: 100_000 },
  grafast: { explain: false },
};
