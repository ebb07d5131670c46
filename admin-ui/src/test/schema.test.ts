import { describe, expect, it } from 'vitest';
import { createFields, editFields, listColumns, readOnlyFields, showFields } from '../layout';
import type { Overrides } from '../overrides';
import { buildModel, selection } from '../schema';
import { fixtureSchema } from './fixture';

const none: Overrides = { groups: [], resources: {} };

describe('introspection → resources', () => {
  const model = buildModel(fixtureSchema());
  const hosts = model.byName.hosts;

  it('makes a resource of every Node type with a root connection', () => {
    expect(model.resources.map((r) => r.name).sort()).toEqual(['hosts', 'nics', 'racks']);
    expect(hosts.typeName).toBe('Host');
    expect(hosts.single).toBe('host');
    expect(hosts.payloadField).toBe('host');
    expect(hosts.labelField).toBe('hostname');
  });

  it('gives each field the widget of its type', () => {
    const widget = Object.fromEntries(hosts.fields.map((f) => [f.name, f.widget]));
    expect(widget).toEqual({
      id: 'id', createdAt: 'datetime', version: 'number', hostname: 'text', status: 'enum', rack: 'reference',
      ip: 'ip', hypervisor: 'boolean', cpus: 'number', data: 'json',
    });
    expect(hosts.fields.find((f) => f.name === 'status')!.enumValues).toEqual(['NEW', 'ACTIVE', 'INACTIVE']);
    expect(hosts.fields.find((f) => f.name === 'rack')!.reference).toBe('racks');
    expect(model.byName.nics.fields.find((f) => f.name === 'mac')!.widget).toBe('mac');
  });

  it('reads the filters, orderings and mutations by convention', () => {
    expect(hosts.filterType).toBe('HostFilter');
    expect(hosts.filters.map((f) => f.name)).toEqual(['id', 'hostname', 'status', 'rack', 'ip', 'hypervisor', 'cpus']);
    expect(hosts.filters.find((f) => f.name === 'ip')!.operators).toContain('inSubnet');
    expect(hosts.filters.find((f) => f.name === 'rack')!.widget).toBe('reference');
    expect(hosts.orderFields).toEqual({ id: 'ID', hostname: 'HOSTNAME', status: 'STATUS', cpus: 'CPUS' });
    expect(hosts.create!.mutation).toBe('createHost');
    expect(hosts.update!.inputType).toBe('UpdateHostInput');
    expect(hosts.delete).toBe('deleteHost');
    expect(hosts.bulkDelete).toBe('bulkDeleteHost');
    expect(hosts.bulkUpdate).toBeUndefined();
    expect(model.byName.racks.create).toBeUndefined();
  });

  it('builds forms from the inputs, so derived fields are read-only', () => {
    expect(editFields(hosts, none).map((f) => f.name)).toEqual(['hostname', 'rack', 'hypervisor', 'cpus', 'data']);
    expect(editFields(hosts, none).find((f) => f.name === 'rack')!.widget).toBe('reference');
    expect(readOnlyFields(hosts, none).map((f) => f.name)).toEqual(['createdAt', 'version', 'status', 'ip']);
    expect(createFields(hosts, none).find((f) => f.name === 'hostname')!.nonNull).toBe(true);
  });

  it('links to-many connections to the child field pointing back', () => {
    expect(hosts.connections).toEqual([{ name: 'nics', resource: 'nics', backReference: 'host' }]);
    expect(model.byName.racks.connections).toEqual([{ name: 'hosts', resource: 'hosts', backReference: 'rack' }]);
  });

  it('reads related objects by id only', () => {
    expect(selection(hosts)).toBe('id createdAt version hostname status rack { id } ip hypervisor cpus data');
  });
});

describe('an interface implementing Node with a root connection', () => {
  const sdl = `
interface Conflict implements Node { id: ID! version: Int! kind: String! host: Host }
type IpConflict implements Node & Conflict { id: ID! version: Int! kind: String! host: Host ip: IPAddress }
input ConflictFilter { id: IDFilter kind: StringFilter host: HostFilter }
enum ConflictOrderField { ID KIND }
input ConflictOrder { field: ConflictOrderField! direction: OrderDirection = ASC }
type ConflictConnection { edges: [ConflictEdge!]! nodes: [Conflict!]! pageInfo: PageInfo! totalCount: Int! }
type ConflictEdge { cursor: String! node: Conflict! }
extend type Query {
  conflicts(filter: ConflictFilter, orderBy: [ConflictOrder!], first: Int, after: String, last: Int, before: String): ConflictConnection!
}`;

  it('is one resource listing its kinds together, with the fields they share', () => {
    const conflicts = buildModel(fixtureSchema(undefined, sdl)).byName.conflicts;
    expect(conflicts.typeName).toBe('Conflict');
    expect(conflicts.fields.map((f) => f.name)).toEqual(['id', 'version', 'kind', 'host']);
    expect(conflicts.orderFields).toEqual({ id: 'ID', kind: 'KIND' });
    expect(conflicts.create).toBeUndefined();
  });
});

describe('a field added to the SDL and its inputs', () => {
  it('appears in the list, show and edit views with no change to the admin', () => {
    const before = buildModel(fixtureSchema()).byName.hosts;
    const after = buildModel(fixtureSchema({ name: 'assetNumber', type: 'String', filter: 'StringFilter' })).byName.hosts;
    const names = (fs: { name: string }[]) => fs.map((f) => f.name);

    expect(names(listColumns(before, none).fields)).not.toContain('assetNumber');
    expect(names(listColumns(after, none).fields)).toContain('assetNumber');
    expect(listColumns(after, none).shown).toContain('assetNumber');
    expect(names(showFields(after))).toContain('assetNumber');
    expect(names(editFields(after, none))).toContain('assetNumber');
    expect(names(createFields(after, none))).toContain('assetNumber');
    expect(after.filters.find((f) => f.name === 'assetNumber')!.operators).toContain('iContains');
    expect(after.orderFields.assetNumber).toBe('ASSET_NUMBER');
    expect(selection(after)).toContain('assetNumber');
  });

  it('is offered as a column even where the overrides choose the columns', () => {
    const chosen: Overrides = { groups: [], resources: { hosts: { columns: ['hostname', 'status'] } } };
    const after = buildModel(fixtureSchema({ name: 'serial', type: 'String', filter: 'StringFilter' })).byName.hosts;
    const { fields, shown } = listColumns(after, chosen);
    expect(shown).toEqual(['hostname', 'status']);
    expect(fields.map((f) => f.name)).toContain('serial');
  });
});

describe('a text the schema describes as Markdown', () => {
  const sdl = `
type Notice implements Node { id: ID! version: Int! title: String! "Markdown." body: String! comment: String }
input NoticeFilter { id: IDFilter title: StringFilter body: StringFilter }
type NoticeConnection { edges: [NoticeEdge!]! nodes: [Notice!]! pageInfo: PageInfo! totalCount: Int! }
type NoticeEdge { cursor: String! node: Notice! }
extend type Query { notices(filter: NoticeFilter, first: Int, after: String, last: Int, before: String): NoticeConnection! }
input CreateNoticeInput { title: String! "Markdown; not blank." body: String! comment: String }
type CreateNoticePayload { notice: Notice errors: [UserError!]! }
extend type Mutation { createNotice(input: CreateNoticeInput!): CreateNoticePayload! }`;

  it('is shown and edited as Markdown, searched as text, and no column at first', () => {
    const notices = buildModel(fixtureSchema(undefined, sdl)).byName.notices;
    const widget = (fs: { name: string; widget: string }[]) => Object.fromEntries(fs.map((f) => [f.name, f.widget]));
    expect(widget(notices.fields)).toMatchObject({ title: 'text', body: 'markdown', comment: 'longtext' });
    expect(widget(createFields(notices, none))).toEqual({ title: 'text', body: 'markdown', comment: 'longtext' });
    expect(notices.filters.find((f) => f.name === 'body')!.operators).toContain('iContains');
    expect(listColumns(notices, none).shown).toEqual(['title']);
  });
});
