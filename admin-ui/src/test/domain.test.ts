import { describe, expect, it } from 'vitest';
import { buildSchema, introspectionFromSchema, parse, validate } from 'graphql';
import { applyJobUpdate, byDay, calendarHolds, countsByQuery, errorsMessage, fieldDiffs, formatValue, holdsCounted, kindDetails, overlapping, overwriteDiffs, prepend, todayWindow } from '../domain';
import { createDataProvider, SHOWN_ONCE, type Execute } from '../provider';
import { buildModel, kindsSelection } from '../schema';
import { fixtureSdl } from './fixture';

// An interface resource with two kinds, a create payload with a key shown once, and actions.
const moreSdl = `
enum ConflictKind { NIC UNKNOWN }
enum ConflictStatus { NEW RESOLVED }
interface Conflict implements Node { id: ID! version: Int! kind: ConflictKind! status: ConflictStatus! ip: IPAddress! }
type NicConflict implements Conflict & Node { id: ID! version: Int! kind: ConflictKind! status: ConflictStatus! ip: IPAddress!
  nic: Nic host: Host recordedIp: IPAddress }
type UnknownConflict implements Conflict & Node { id: ID! version: Int! kind: ConflictKind! status: ConflictStatus! ip: IPAddress! mac: MacAddress! }
input ConflictFilter { id: IDFilter }
type ConflictConnection { edges: [ConflictEdge!]! nodes: [Conflict!]! pageInfo: PageInfo! totalCount: Int! }
type ConflictEdge { cursor: String! node: Conflict! }
enum Resolution { ACCEPT IGNORE }
input ResolveConflictInput { id: ID! version: Int! resolution: Resolution! host: ID }
type ResolveConflictPayload { conflict: Conflict errors: [UserError!]! }
type Key implements Node { id: ID! version: Int! comment: String }
type KeyConnection { edges: [KeyEdge!]! nodes: [Key!]! pageInfo: PageInfo! totalCount: Int! }
type KeyEdge { cursor: String! node: Key! }
input CreateKeyInput { comment: String }
type CreateKeyPayload { key: Key secret: String errors: [UserError!]! }
extend type Query {
  conflicts(filter: ConflictFilter, first: Int, after: String, last: Int, before: String): ConflictConnection!
  keys(first: Int, after: String, last: Int, before: String): KeyConnection!
}
extend type Mutation {
  resolveConflict(input: ResolveConflictInput!): ResolveConflictPayload!
  createKey(input: CreateKeyInput!): CreateKeyPayload!
}
`;
const schema = buildSchema(fixtureSdl() + moreSdl);
const model = buildModel(introspectionFromSchema(schema));
const conflicts = model.byName.conflicts;

describe('the schema model for the domain screens', () => {
  it("reads an interface's kinds with the fields only each has", () => {
    expect(conflicts.kinds.map((k) => [k.typeName, k.fields.map((f) => f.name)])).toEqual([
      ['NicConflict', ['nic', 'host', 'recordedIp']],
      ['UnknownConflict', ['mac']],
    ]);
    expect(conflicts.kinds[0].fields[1]).toMatchObject({ widget: 'reference', reference: 'hosts' });
  });

  it('selects every kind with its relations named, a query the schema accepts', () => {
    const sel = kindsSelection(conflicts, model);
    expect(sel).toContain('... on NicConflict { nic { id mac } host { id hostname } recordedIp }');
    expect(sel).toContain('... on UnknownConflict { mac }');
    expect(validate(schema, parse(`{ conflicts { nodes { ${sel} } } }`))).toEqual([]);
  });

  it("reads a type's other mutations as actions, their ids as relations", () => {
    const a = conflicts.actions.resolveConflict;
    expect(a.inputType).toBe('ResolveConflictInput');
    expect(a.fields.find((f) => f.name === 'resolution')).toMatchObject({ widget: 'enum', enumValues: ['ACCEPT', 'IGNORE'] });
    expect(model.byName.hosts.actions).toEqual({});
  });

  it("knows what a create's payload answers besides the object", () => {
    expect(model.byName.keys.create?.extras).toEqual(['secret']);
    expect(model.byName.hosts.create?.extras).toEqual([]);
  });

  it('hands the key shown once to the create view, with the record', async () => {
    const calls: string[] = [];
    const execute: Execute = async (q) => {
      calls.push(q);
      return { createKey: { key: { id: 'K1', version: 0, comment: 'ci' }, secret: 'cores_abc', errors: [] } };
    };
    const { data } = await createDataProvider(model, execute).create('keys', { data: { comment: 'ci' } });
    expect(calls[0]).toContain('secret');
    expect(validate(schema, parse(calls[0]))).toEqual([]);
    expect(data).toMatchObject({ id: 'K1', comment: 'ci', [SHOWN_ONCE]: { secret: 'cores_abc' } });
  });
});

describe('change diffs', () => {
  it('shows the changed fields before → after, without the version', () => {
    expect(
      fieldDiffs({
        action: 'UPDATE',
        dataBefore: { hostname: 'a', comment: 'old', version: 1, cpus: 2 },
        dataAfter: { hostname: 'a', comment: 'new', version: 2, cpus: 2 },
        changedFields: ['comment', 'version'],
      }),
    ).toEqual([{ field: 'comment', before: 'old', after: 'new' }]);
  });

  it('finds the changed fields itself when the record names none; a create has no before', () => {
    expect(fieldDiffs({ action: 'UPDATE', dataBefore: { a: 1, b: [1] }, dataAfter: { a: 1, b: [2] }, changedFields: [] })).toEqual([
      { field: 'b', before: [1], after: [2] },
    ]);
    expect(fieldDiffs({ action: 'CREATE', dataBefore: null, dataAfter: { hostname: 'x' }, changedFields: ['hostname'] })).toEqual([
      { field: 'hostname', before: undefined, after: 'x' },
    ]);
  });

  it('leaves out a field the snapshots hide from the caller', () => {
    expect(fieldDiffs({ action: 'UPDATE', dataBefore: { a: 1 }, dataAfter: { a: 2 }, changedFields: ['a', 'email'] })).toEqual([
      { field: 'a', before: 1, after: 2 },
    ]);
  });

  it('writes values in words', () => {
    expect([null, '', 'x', 3, false, { a: 1 }].map(formatValue)).toEqual(['—', '—', 'x', '3', 'false', '{"a":1}']);
  });

  it('names the input of each UserError', () => {
    expect(
      errorsMessage([
        { field: ['input', 'id'], message: 'Only the action sets this', code: 'INVALID' },
        { field: null, message: 'No', code: 'FORBIDDEN' },
      ]),
    ).toBe('INVALID: id: Only the action sets this\nFORBIDDEN: No');
  });
});

describe('conflict kinds, counts, feeds and runs', () => {
  it("shows a kind's own fields, relations by name with their page", () => {
    const node = { __typename: 'NicConflict', id: 'C1', nic: { id: 'N1', mac: 'aa:bb:cc:dd:ee:ff' }, host: null, recordedIp: '10.0.0.1' };
    expect(kindDetails(conflicts, model, node)).toEqual([
      { field: 'nic', text: 'aa:bb:cc:dd:ee:ff', to: '/nics/N1/show' },
      { field: 'host', text: '—' },
      { field: 'recordedIp', text: '10.0.0.1' },
    ]);
    expect(kindDetails(conflicts, model, { __typename: 'UnknownConflict', mac: '00:11:22:33:44:55' })).toEqual([{ field: 'mac', text: '00:11:22:33:44:55' }]);
  });

  it('counts by an enum in one query the schema accepts', () => {
    const q = countsByQuery('conflicts', 'kind', ['NIC', 'UNKNOWN'], { id: { in: ['a'] } });
    expect(q).toBe('query Counts { NIC: conflicts(filter: { id: { in: ["a"] }, kind: { eq: NIC } }) { totalCount } UNKNOWN: conflicts(filter: { id: { in: ["a"] }, kind: { eq: UNKNOWN } }) { totalCount } }');
  });

  it("puts a feed's new item first, once", () => {
    expect(prepend([{ id: 'a' }, { id: 'b' }], { id: 'b' })).toEqual([{ id: 'b' }, { id: 'a' }]);
  });

  it("keeps a run's log: the log sent, else the line appended", () => {
    const run = { id: 'J', status: 'RUNNING', log: [{ message: 'Started' }] };
    expect(applyJobUpdate(run, { job: { id: 'J', status: 'RUNNING' }, line: { message: 'step' } }).log).toEqual([{ message: 'Started' }, { message: 'step' }]);
    expect(applyJobUpdate(run, { job: { id: 'J', status: 'COMPLETED', log: [{ message: 'all' }] }, line: null })).toMatchObject({ status: 'COMPLETED', log: [{ message: 'all' }] });
  });

  it("takes today as the local day's window", () => {
    const { from, to } = todayWindow(new Date(2030, 5, 15, 13, 30));
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(24 * 3600 * 1000);
    expect(new Date(from).getDate()).toBe(15);
    expect(new Date(from).getHours()).toBe(0);
  });
});

describe('a stale edit against the current object', () => {
  it('lists the inputs where the form and the server differ, server first', () => {
    const current = { id: 'H1', version: 5, hostname: 'web-1', comment: 'changed elsewhere', rack: 'R2', cpus: 8, updatedAt: 'later' };
    const mine = { id: 'H1', version: 4, hostname: 'web-1', comment: 'mine', rack: 'R1', cpus: 8, updatedAt: 'earlier' };
    expect(overwriteDiffs(['hostname', 'comment', 'rack', 'cpus'], mine, current)).toEqual([
      { field: 'comment', before: 'changed elsewhere', after: 'mine' },
      { field: 'rack', before: 'R2', after: 'R1' },
    ]);
  });

  it('takes an empty input as none, and leaves out inputs the form does not hold', () => {
    expect(overwriteDiffs(['comment', 'cpus'], { comment: '' }, { comment: null, cpus: 4 })).toEqual([]);
    expect(overwriteDiffs(['comment'], { comment: '' }, { comment: 'x' })).toEqual([{ field: 'comment', before: 'x', after: null }]);
  });
});

describe("a bookable's calendar", () => {
  const holds = [
    { id: 'b1', start: '2031-01-01T09:00:00Z', end: '2031-01-01T12:00:00Z' },
    { id: 'b2', start: '2031-01-01T12:00:00Z', end: '2031-01-01T17:00:00Z' },
    { id: 'r1', start: '2031-01-03T08:00:00Z', end: null },
  ];

  it('finds the holds a new one would overlap, ends being exclusive', () => {
    expect(overlapping(holds, '2031-01-01T11:00:00Z', '2031-01-01T13:00:00Z').map((h) => h.id)).toEqual(['b1', 'b2']);
    expect(overlapping(holds, '2031-01-01T12:00:00Z', '2031-01-01T12:30:00Z').map((h) => h.id)).toEqual(['b2']);
    expect(overlapping(holds, '2031-01-01T17:00:00Z', '2031-01-02T09:00:00Z')).toEqual([]);
    // an open reservation holds from its start on
    expect(overlapping(holds, '2031-06-01T00:00:00Z', '2031-06-02T00:00:00Z').map((h) => h.id)).toEqual(['r1']);
  });

  it('groups the holds by the day they start', () => {
    expect(byDay(holds, (iso) => iso.slice(0, 10)).map(([d, hs]) => [d, hs.map((h) => h.id)])).toEqual([
      ['2031-01-01', ['b1', 'b2']],
      ['2031-01-03', ['r1']],
    ]);
  });

  it('lists bookings and reservations as one schedule, each marked with its kind', () => {
    const bookings = [holds[0], holds[1]];
    const reservations = [
      { id: 'r1', start: '2031-01-03T08:00:00Z', end: null },
      { id: 'r0', start: '2030-12-31T08:00:00Z', end: '2031-01-01T09:00:00Z' },
      { id: 'r2', start: '2031-01-01T09:00:00Z', end: null },
    ];
    const schedule = calendarHolds(bookings, reservations);
    expect(schedule.map((h) => `${h.kind} ${h.id}`)).toEqual(['reservation r0', 'booking b1', 'reservation r2', 'booking b2', 'reservation r1']);
    // an open reservation is in what a new booking after its start would overlap
    const clash = overlapping(schedule, '2031-01-01T16:00:00Z', '2031-01-01T18:00:00Z');
    expect(clash.map((h) => h.id)).toEqual(['r2', 'b2']);
    expect(holdsCounted(clash)).toBe('1 booking and 1 reservation');
    expect(holdsCounted(overlapping(schedule, '2031-01-01T08:00:00Z', '2031-01-01T13:00:00Z'))).toBe('2 bookings and 2 reservations');
    expect(holdsCounted(overlapping(schedule, '2031-06-01T00:00:00Z', '2031-06-02T00:00:00Z'))).toBe('2 reservations');
  });
});
