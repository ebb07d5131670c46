import { describe, expect, it } from 'vitest';
import { buildModel } from '../schema';
import { readSchema } from '../startup';
import { fixtureSchema } from './fixture';

const snapshot = { data: fixtureSchema() };
const refused = () => Promise.reject(new Error('Validation error (FieldUndefined@[__schema]) : Field __schema is undefined'));

describe('reading the schema', () => {
  it('introspects the server when it may', async () => {
    let snapshotRead = false;
    const read = await readSchema(
      async () => fixtureSchema(),
      async () => {
        snapshotRead = true;
        return snapshot;
      },
    );
    expect(read.source).toBe('introspection');
    expect(snapshotRead).toBe(false);
    expect(buildModel(read.schema).byName.hosts.typeName).toBe('Host');
  });

  it("falls back to the build's snapshot when introspection is switched off", async () => {
    const read = await readSchema(refused, async () => snapshot);
    expect(read.source).toBe('snapshot');
    expect(buildModel(read.schema).resources.map((r) => r.name).sort()).toEqual(['hosts', 'nics', 'racks']);
  });

  it('takes an answer without its schema as a failure, and names both failures', async () => {
    expect((await readSchema(async () => ({ data: null }), async () => snapshot)).source).toBe('snapshot');
    await expect(readSchema(refused, async () => '<!doctype html>')).rejects.toThrow(
      'Field __schema is undefined; the build\'s snapshot could not be read either: the snapshot holds no schema',
    );
  });
});
