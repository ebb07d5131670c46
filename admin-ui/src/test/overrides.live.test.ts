// overrides.ts against the server's own schema: AdminUiTest writes the introspection result of
// the started server to the file named by CORES_SCHEMA_FILE and runs this test, so a name in the
// overrides that the schema does not have fails the build.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checkOverrides } from '../overrides';
import { buildModel } from '../schema';

it("overrides.ts names only what the server's schema has", () => {
  const file = process.env.CORES_SCHEMA_FILE;
  expect(file, 'CORES_SCHEMA_FILE names the introspection result').toBeTruthy();
  const json = JSON.parse(readFileSync(file!, 'utf8'));
  const model = buildModel(json.data ?? json);
  expect(checkOverrides(model)).toEqual([]);
});
