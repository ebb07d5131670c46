import { describe, expect, it } from 'vitest';
import { ALL_ROWS, createDataProvider, exportPageSize, isStale, MAX_PAGE_SIZE, toApiFilter, toOrderBy, updateInput, userErrorsToHttpError, type Execute } from '../provider';
import { buildModel, LABEL } from '../schema';
import { introspectionFromSchema, parse, validate } from 'graphql';
import { bookableSdl, fixtureGraphQLSchema, fixtureSchema } from './fixture';

const model = buildModel(fixtureSchema());
const hosts = model.byName.hosts;

/** An API double answering a scripted list of responses and recording what was asked. */
function recorder(...answers: unknown[]) {
  const calls: { query: string; variables?: Record<string, unknown> }[] = [];
  const execute: Execute = async (query, variables) => {
    calls.push({ query, variables });
    const a = answers.shift();
    if (a === undefined) throw new Error(`unexpected call: ${query}`);
    return a;
  };
  return { calls, execute };
}

const page = (ids: string[], info: { hasNextPage: boolean; hasPreviousPage: boolean; start?: string; end?: string }, total = 7) => ({
  hosts: {
    totalCount: total,
    pageInfo: { hasNextPage: info.hasNextPage, hasPreviousPage: info.hasPreviousPage, startCursor: info.start ?? null, endCursor: info.end ?? null },
    nodes: ids.map((id) => ({ id, version: 3, hostname: `h-${id}`, rack: { id: 'R1' } })),
  },
});

describe('filters and ordering', () => {
  it('maps the list filter to the filter input, operator by operator', () => {
    expect(
      toApiFilter(hosts, { hostname__iContains: 'web', status__eq: 'ACTIVE', rack: 'R1', ip__inSubnet: '10.0.0.0/8', cpus__gt: '4', hypervisor__eq: false }),
    ).toEqual({
      hostname: { iContains: 'web' },
      status: { eq: 'ACTIVE' },
      rack: { id: { eq: 'R1' } },
      ip: { inSubnet: '10.0.0.0/8' },
      cpus: { gt: 4 },
      hypervisor: { eq: false },
    });
  });

  it('searches the label field and leaves out empty values', () => {
    expect(toApiFilter(hosts, { q: 'db', hostname__iContains: '' })).toEqual({ and: [{ hostname: { iContains: 'db' } }] });
    expect(toApiFilter(hosts, {})).toBeUndefined();
  });

  it('asks for the opposite of a filter with not', () => {
    expect(toApiFilter(hosts, { not__status__eq: 'ACTIVE', hostname__iContains: 'web', not__rack: 'R1' })).toEqual({
      hostname: { iContains: 'web' },
      and: [{ not: { status: { eq: 'ACTIVE' } } }, { not: { rack: { id: { eq: 'R1' } } } }],
    });
  });

  it('combines the filters with or when any may hold, the quick search still holding', () => {
    expect(toApiFilter(hosts, { _match: 'any', q: 'db', status__eq: 'NEW', hostname__iContains: 'lab1', not__cpus__gt: '4' })).toEqual({
      and: [
        { hostname: { iContains: 'db' } },
        { or: [{ status: { eq: 'NEW' } }, { hostname: { iContains: 'lab1' } }, { not: { cpus: { gt: 4 } } }] },
      ],
    });
    // one filter, or all: as before
    expect(toApiFilter(hosts, { _match: 'any', status__eq: 'NEW' })).toEqual({ status: { eq: 'NEW' } });
    expect(toApiFilter(hosts, { _match: 'all', status__eq: 'NEW', cpus__gt: 2 })).toEqual({ status: { eq: 'NEW' }, cpus: { gt: 2 } });
    expect(toApiFilter(hosts, { _match: 'any' })).toBeUndefined();
  });

  it('refuses a filter the schema does not have', () => {
    expect(() => toApiFilter(hosts, { colour__eq: 'red' })).toThrow('hosts cannot be filtered by colour');
    expect(() => toApiFilter(hosts, { hostname__lt: 'a' })).toThrow('hosts.hostname has no operator lt');
    expect(() => toApiFilter(hosts, { not__colour__eq: 'red' })).toThrow('hosts cannot be filtered by colour');
  });

  it('orders by the order enum, and not by a field without one', () => {
    expect(toOrderBy(hosts, { field: 'hostname', order: 'DESC' })).toEqual([{ field: 'HOSTNAME', direction: 'DESC' }]);
    expect(toOrderBy(hosts, { field: 'ip', order: 'ASC' })).toBeUndefined();
  });
});

describe('a type named through a relation', () => {
  const withBookables = buildModel(fixtureSchema(undefined, bookableSdl));
  const bookables = withBookables.byName.bookables;

  it("is named and searched by its host's hostname", async () => {
    expect(bookables.labelVia).toEqual({ field: 'host', resource: 'hosts', targetField: 'hostname' });
    expect(toApiFilter(bookables, { q: 'web' })).toEqual({ and: [{ host: { hostname: { iContains: 'web' } } }] });
    const api = recorder({ nodes: [{ id: 'B1', version: 0, host: { id: 'H1', hostname: 'web-1' }, comment: null }] });
    const dp = createDataProvider(withBookables, api.execute);
    const { data } = await dp.getMany('bookables', { ids: ['B1'] });
    expect(api.calls[0].query).toContain('host { id hostname }');
    expect(data[0]).toMatchObject({ id: 'B1', host: 'H1', [LABEL]: 'web-1' });
  });
});

describe('cursor paging', () => {
  it('reads forward with first/after and back with the cursors it kept', async () => {
    const api = recorder(
      page(['1', '2', '3'], { hasNextPage: true, hasPreviousPage: false, start: 'c1', end: 'c3' }),
      page(['4', '5', '6'], { hasNextPage: true, hasPreviousPage: true, start: 'c4', end: 'c6' }),
      page(['1', '2', '3'], { hasNextPage: true, hasPreviousPage: false, start: 'c1', end: 'c3' }),
    );
    const dp = createDataProvider(model, api.execute);
    const params = (p: number) => ({ pagination: { page: p, perPage: 3 }, sort: { field: 'hostname', order: 'ASC' as const }, filter: {} });
    const first = await dp.getList('hosts', params(1));
    expect(first.total).toBe(7);
    expect(first.data[0]).toMatchObject({ id: '1', rack: 'R1' });
    await dp.getList('hosts', params(2));
    await dp.getList('hosts', params(1));
    expect(api.calls.map((c) => [c.variables!.first, c.variables!.after])).toEqual([
      [3, null],
      [3, 'c3'],
      [3, null],
    ]);
    expect(api.calls[0].variables!.orderBy).toEqual([{ field: 'HOSTNAME', direction: 'ASC' }]);
    expect(api.calls[0].query).toContain('totalCount');
  });

  it('walks forward to a page not reached yet', async () => {
    const api = recorder(
      page(['1', '2'], { hasNextPage: true, hasPreviousPage: false, start: 'c1', end: 'c2' }),
      page(['3', '4'], { hasNextPage: true, hasPreviousPage: true, start: 'c3', end: 'c4' }),
      page(['5', '6'], { hasNextPage: true, hasPreviousPage: true, start: 'c5', end: 'c6' }),
    );
    const dp = createDataProvider(model, api.execute);
    const third = await dp.getList('hosts', { pagination: { page: 3, perPage: 2 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(third.data.map((r) => r.id)).toEqual(['5', '6']);
    expect(api.calls.map((c) => c.variables!.after)).toEqual([null, 'c2', 'c4']);
  });

  it('reads the last page from the end with last, and the page before it with before', async () => {
    const api = recorder(
      page(['1', '2'], { hasNextPage: true, hasPreviousPage: false, start: 'c1', end: 'c2' }),
      page(['7'], { hasNextPage: false, hasPreviousPage: true, start: 'c7', end: 'c7' }),
      page(['5', '6'], { hasNextPage: true, hasPreviousPage: true, start: 'c5', end: 'c6' }),
      page(['3', '4'], { hasNextPage: true, hasPreviousPage: true, start: 'c3', end: 'c4' }),
    );
    const dp = createDataProvider(model, api.execute);
    const params = (p: number) => ({ pagination: { page: p, perPage: 2 }, sort: { field: 'id', order: 'ASC' as const }, filter: { status__eq: 'NEW' } });
    await dp.getList('hosts', params(1));
    const last = await dp.getList('hosts', params(4));
    expect(last.data.map((r) => r.id)).toEqual(['7']);
    await dp.getList('hosts', params(3));
    await dp.getList('hosts', params(2));
    expect(api.calls.map((c) => c.variables)).toEqual([
      { filter: { status: { eq: 'NEW' } }, orderBy: [{ field: 'ID', direction: 'ASC' }], first: 2, after: null },
      { filter: { status: { eq: 'NEW' } }, orderBy: [{ field: 'ID', direction: 'ASC' }], last: 1 },
      { filter: { status: { eq: 'NEW' } }, orderBy: [{ field: 'ID', direction: 'ASC' }], last: 2, before: 'c7' },
      { filter: { status: { eq: 'NEW' } }, orderBy: [{ field: 'ID', direction: 'ASC' }], first: 2, after: 'c2' },
    ]);
  });

  it('reads every row of the filter for the export, in the largest pages, following the cursors to the end', async () => {
    const api = recorder(
      page(['1', '2', '3'], { hasNextPage: true, hasPreviousPage: false, end: 'c3' }),
      page(['4', '5', '6'], { hasNextPage: true, hasPreviousPage: true, end: 'c6' }),
      page(['7'], { hasNextPage: false, hasPreviousPage: true, end: 'c7' }),
    );
    const dp = createDataProvider(model, api.execute);
    // react-admin's export asks for one page of up to the total; the rows come in pages the API allows
    const all = await dp.getList('hosts', {
      pagination: { page: 1, perPage: 10000 },
      sort: { field: 'hostname', order: 'DESC' },
      filter: { status__eq: 'ACTIVE' },
      meta: ALL_ROWS,
    });
    expect(all.data.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(all.total).toBe(7);
    expect(all.data[6]).toMatchObject({ hostname: 'h-7', rack: 'R1' });
    expect(api.calls.map((c) => c.variables)).toEqual(
      [null, 'c3', 'c6'].map((after) => ({
        filter: { status: { eq: 'ACTIVE' } },
        orderBy: [{ field: 'HOSTNAME', direction: 'DESC' }],
        first: MAX_PAGE_SIZE,
        after,
      })),
    );
    expect(MAX_PAGE_SIZE).toBe(500);
  });

  it('keeps each export page within the complexity limit: smaller pages for costly rows, halved when refused', async () => {
    const tagged = buildModel(
      fixtureSchema(undefined, `
type Tag implements Node { id: ID! version: Int! name: String! }
input TagFilter { id: IDFilter name: StringFilter }
type TagConnection { edges: [TagEdge!]! nodes: [Tag!]! pageInfo: PageInfo! totalCount: Int! }
type TagEdge { cursor: String! node: Tag! }
extend type Host { tags(first: Int, after: String): TagConnection! }
extend input CreateHostInput { tags: [ID!] }
extend type Query { tags(filter: TagFilter, first: Int, after: String, last: Int, before: String): TagConnection! }`),
    );
    // a host reads its tags 500 at a time: a page of 500 hosts would cost over 500,000
    const size = exportPageSize(tagged.byName.hosts);
    expect(size).toBeLessThan(500);
    expect(size * 1000).toBeLessThan(500000);
    expect(exportPageSize(hosts)).toBe(500);

    const calls: unknown[] = [];
    const execute: Execute = async (_q, v) => {
      calls.push(v!.first);
      if ((v!.first as number) > 120) throw new Error('maximum query complexity exceeded 516001 > 500000');
      return v!.after ? page(['3'], { hasNextPage: false, hasPreviousPage: true, end: 'c3' }) : page(['1', '2'], { hasNextPage: true, hasPreviousPage: false, end: 'c2' });
    };
    const dp = createDataProvider(tagged, execute);
    const all = await dp.getList('hosts', { pagination: { page: 1, perPage: 3 }, sort: { field: 'id', order: 'ASC' }, filter: {}, meta: ALL_ROWS });
    expect(all.data.map((r) => r.id)).toEqual(['1', '2', '3']);
    const accepted = calls[calls.length - 1] as number;
    expect(accepted).toBeLessThanOrEqual(120);
    expect(calls).toEqual([...calls.slice(0, -2), accepted, accepted]);
    expect(calls[0]).toBe(size);
  });

  it('filters the children of an object by the field pointing back', async () => {
    const api = recorder({ nics: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false }, nodes: [] } });
    const dp = createDataProvider(model, api.execute);
    await dp.getManyReference('nics', { target: 'host', id: 'H1', pagination: { page: 1, perPage: 10 }, sort: { field: 'mac', order: 'ASC' }, filter: {} });
    expect(api.calls[0].variables!.filter).toEqual({ host: { id: { eq: 'H1' } } });
    expect(api.calls[0].variables!.orderBy).toEqual([{ field: 'MAC', direction: 'ASC' }]);
  });
});

describe('the operations sent', () => {
  const plainSdl = `
type Plain implements Node { id: ID! version: Int! name: String! }
type PlainConnection { edges: [PlainEdge!]! nodes: [Plain!]! pageInfo: PageInfo! totalCount: Int! }
type PlainEdge { cursor: String! node: Plain! }
extend type Query { plains(first: Int, after: String, last: Int, before: String): PlainConnection! }`;
  const schema = fixtureGraphQLSchema(undefined, bookableSdl + plainSdl);
  const all = buildModel(introspectionFromSchema(schema));
  const empty = { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false }, nodes: [] };

  it('are valid against the schema for every resource, with or without filter and ordering arguments', async () => {
    expect(all.byName.plains.filterType).toBeUndefined();
    const sent: string[] = [];
    const execute: Execute = async (query) => {
      sent.push(query);
      const field = /\{\s*(\w+)/.exec(query.slice(query.indexOf(')') + 1))![1];
      if (field === 'node') return { node: null };
      if (field === 'nodes') return { nodes: [] };
      return { [field]: empty };
    };
    const dp = createDataProvider(all, execute);
    for (const r of all.resources) {
      await dp.getList(r.name, { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
      await dp.getList(r.name, { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {}, meta: ALL_ROWS });
      await dp.getMany(r.name, { ids: ['X'] });
      await dp.getOne(r.name, { id: 'X' }).catch(() => undefined);
    }
    await dp.create('hosts', { data: { hostname: 'h' } }).catch(() => undefined);
    expect(sent.length).toBeGreaterThanOrEqual(all.resources.length * 4);
    for (const q of sent) expect(validate(schema, parse(q)).map((e) => e.message), q).toEqual([]);
  });
});

describe('writes', () => {
  it('sends only the changed fields, with the id and version read', () => {
    const previous = { id: 'H1', version: 4, hostname: 'a', rack: 'R1', cpus: 8, hypervisor: false, status: 'NEW', data: { x: 1 } };
    expect(updateInput(hosts, { ...previous, hostname: 'b', rack: '', status: 'ACTIVE' }, previous)).toEqual({
      id: 'H1',
      version: 4,
      hostname: 'b',
      rack: null,
    });
    expect(updateInput(hosts, { ...previous, data: '{"x": 2}' }, previous)).toEqual({ id: 'H1', version: 4, data: { x: 2 } });
  });

  it('answers UserErrors as errors next to their fields, and the rest for the form', () => {
    const e = userErrorsToHttpError([
      { field: ['input', 'hostname'], message: 'is taken', code: 'NOT_UNIQUE' },
      { field: ['input', 'items', '3', 'version'], message: 'is stale', code: 'INVALID' },
      { field: null, message: 'not now', code: 'INVALID_STATE' },
    ]);
    expect(e.status).toBe(400);
    expect(e.body.errors).toEqual({ hostname: 'is taken', root: { serverError: 'items.3.version: is stale\nnot now' } });
  });

  it('tells a stale version apart', () => {
    const e = userErrorsToHttpError([{ field: ['input', 'version'], message: 'now at version 5', code: 'STALE_VERSION' }]);
    expect(isStale(e)).toBe(true);
    expect(e.status).toBe(409);
    expect(e.body.errors.root).toEqual({ serverError: 'now at version 5', stale: 'STALE_VERSION' });
  });

  it('creates through the payload and throws its errors', async () => {
    const api = recorder({ createHost: { host: null, errors: [{ field: ['input', 'hostname'], message: 'is required', code: 'REQUIRED' }] } });
    const dp = createDataProvider(model, api.execute);
    await expect(dp.create('hosts', { data: { hostname: '', cpus: 2, data: '' } })).rejects.toMatchObject({
      body: { errors: { hostname: 'is required' } },
    });
    expect(api.calls[0].query).toContain('createHost(input: $input) { host {');
    expect(api.calls[0].variables!.input).toEqual({ cpus: 2 });
  });

  it('edits many through the bulk mutation: one patch of the given fields, with the versions read', async () => {
    const withBulk = buildModel(
      fixtureSchema(undefined, `
input HostPatch { hostname: String cpus: Int data: JSON }
input BulkUpdateHostInput { items: [VersionedId!]! patch: HostPatch! }
type BulkUpdateHostPayload { hosts: [Host!] errors: [UserError!]! }
extend type Mutation { bulkUpdateHost(input: BulkUpdateHostInput!): BulkUpdateHostPayload! }`),
    );
    const api = recorder(page(['1', '2'], { hasNextPage: false, hasPreviousPage: false }), {
      bulkUpdateHost: { hosts: [{ id: '1', version: 4 }, { id: '2', version: 4 }], errors: [] },
    });
    const dp = createDataProvider(withBulk, api.execute);
    await dp.getList('hosts', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    const res = await dp.updateMany('hosts', { ids: ['1', '2'], data: { cpus: '16', data: '{"a": 1}' } });
    expect(res.data).toEqual(['1', '2']);
    expect(api.calls[1].variables!.input).toEqual({ items: [{ id: '1', version: 3 }, { id: '2', version: 3 }], patch: { cpus: 16, data: { a: 1 } } });
    expect(dp.versionOf('1')).toBe(4);
  });

  it('deletes many through the bulk mutation with the versions read', async () => {
    const api = recorder(page(['1', '2'], { hasNextPage: false, hasPreviousPage: false }), { bulkDeleteHost: { deletedIds: ['1', '2'], errors: [] } });
    const dp = createDataProvider(model, api.execute);
    await dp.getList('hosts', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    const res = await dp.deleteMany('hosts', { ids: ['1', '2'] });
    expect(res.data).toEqual(['1', '2']);
    expect(api.calls[1].variables!.input).toEqual({ items: [{ id: '1', version: 3 }, { id: '2', version: 3 }] });
  });
});
