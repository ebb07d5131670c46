import { describe, expect, it } from 'vitest';
import { toApiFilter } from '../provider';
import { buildModel } from '../schema';
import { choosePath, defaultOperator, groupCondition, isComplete, operatorChoices, whereCondition, whereSteps, whereValue, type WhereGroup } from '../where';
import { fixtureSchema } from './fixture';

// racks in labs in buildings, labs listing their racks: relations two and three steps away from
// a host; a host's nics filtered as objects of their own (and, or, not), so a to-many relation
const labsSdl = `
type Building implements Node { id: ID! version: Int! name: String! opened: DateTime }
type Lab implements Node { id: ID! version: Int! name: String! building: Building }
extend type Rack { lab: Lab }
input BuildingFilter { id: IDFilter name: StringFilter opened: DateTimeFilter and: [BuildingFilter!] or: [BuildingFilter!] not: BuildingFilter }
input LabFilter { id: IDFilter name: StringFilter building: BuildingFilter racks: RackListFilter and: [LabFilter!] or: [LabFilter!] not: LabFilter }
input RackListFilter { some: RackFilter none: RackFilter every: RackFilter }
input DateTimeFilter { eq: DateTime lt: DateTime gte: DateTime isNull: Boolean }
extend input RackFilter { lab: LabFilter }
extend input NicFilter { and: [NicFilter!] or: [NicFilter!] not: NicFilter }
`;
const model = buildModel(fixtureSchema(undefined, labsSdl));
const hosts = model.byName.hosts;
const names = (fields: { name: string }[]) => fields.map((f) => f.name);

describe('filters through relations', () => {
  it('reads every object filter input, its relations with the filter input they nest', () => {
    expect(hosts.filters.find((f) => f.name === 'rack')?.relation).toBe('RackFilter');
    expect(names(model.filterTypes.RackFilter)).toEqual(['id', 'name', 'lab']);
    expect(model.filterTypes.RackFilter.find((f) => f.name === 'lab')).toMatchObject({ widget: 'reference', relation: 'LabFilter' });
    expect(model.filterTypes.LabFilter.find((f) => f.name === 'racks')).toMatchObject({ relation: 'RackFilter', through: 'some' });
    expect(model.filterTypes.BuildingFilter.find((f) => f.name === 'name')).toMatchObject({ widget: 'text', operators: ['eq', 'ne', 'in', 'isNull', 'contains', 'iContains', 'iEq'] });
    // scalar and list filters are not object filters
    expect(model.filterTypes.StringFilter).toBeUndefined();
    expect(model.filterTypes.RackListFilter).toBeUndefined();
  });

  it('offers at each step the fields of the related type’s filter input, down to a scalar one', () => {
    const steps = whereSteps(model, 'RackFilter', ['lab', 'building', 'name']);
    expect(steps.map((s) => [s.filterType, s.chosen?.name])).toEqual([
      ['RackFilter', 'lab'],
      ['LabFilter', 'building'],
      ['BuildingFilter', 'name'],
    ]);
    expect(names(steps[1].fields)).toEqual(['id', 'name', 'building', 'racks']);
    // a relation just chosen offers its type's fields next, with nothing chosen there yet
    expect(whereSteps(model, 'RackFilter', ['lab']).map((s) => [s.filterType, s.chosen?.name])).toEqual([
      ['RackFilter', 'lab'],
      ['LabFilter', undefined],
    ]);
    expect(whereSteps(model, 'RackFilter', [])).toHaveLength(1);
  });

  it('goes through a to-many relation as any of them', () => {
    const steps = whereSteps(model, 'LabFilter', ['racks', 'some', 'name']);
    expect(steps.map((s) => [s.filterType, s.chosen?.name])).toEqual([
      ['LabFilter', 'racks'],
      ['RackFilter', 'name'],
    ]);
    expect(choosePath(steps, 1, model.filterTypes.RackFilter.find((f) => f.name === 'id'))).toEqual(['racks', 'some', 'id']);
    expect(choosePath(steps, 0, model.filterTypes.LabFilter.find((f) => f.name === 'building'))).toEqual(['building']);
    expect(choosePath(steps, 1, undefined)).toEqual(['racks', 'some']);
  });

  it('maps a condition through relations to the nested filter input', () => {
    const w = { path: ['lab', 'building', 'name'], op: 'iContains', value: 'HQ' };
    expect(whereCondition('rack', w)).toEqual({ rack: { lab: { building: { name: { iContains: 'HQ' } } } } });
    expect(toApiFilter(hosts, { rack__where: w, hostname__iContains: 'web' })).toEqual({
      hostname: { iContains: 'web' },
      rack: { lab: { building: { name: { iContains: 'HQ' } } } },
    });
    // with the relation's own picker: one condition on the relation holding both
    expect(toApiFilter(hosts, { rack: 'R1', rack__where: { path: ['name'], op: 'eq', value: 'r7' } })).toEqual({
      rack: { id: { eq: 'R1' }, name: { eq: 'r7' } },
    });
  });

  it('negates it and combines it with others like any filter', () => {
    const w = { path: ['lab', 'name'], op: 'iContains', value: 'east' };
    expect(toApiFilter(hosts, { not__rack__where: w })).toEqual({ and: [{ not: { rack: { lab: { name: { iContains: 'east' } } } } }] });
    expect(toApiFilter(hosts, { _match: 'any', rack__where: w, status__eq: 'NEW' })).toEqual({
      and: [{ or: [{ rack: { lab: { name: { iContains: 'east' } } } }, { status: { eq: 'NEW' } }] }],
    });
  });

  it('leaves out a condition not yet complete, and refuses one on a field that is no relation', () => {
    for (const partial of ['', { path: [] }, { path: ['lab'] }, { path: ['lab', 'name'], op: 'iContains' }, { path: ['lab', 'name'], op: 'iContains', value: '' }, { path: ['lab'], op: null, value: null }]) {
      expect(isComplete(partial)).toBe(false);
      expect(toApiFilter(hosts, { rack__where: partial })).toBeUndefined();
    }
    expect(isComplete({ path: ['lab', 'name'], op: 'isNull', value: false })).toBe(true);
    expect(() => toApiFilter(hosts, { status__where: { path: ['x'], op: 'eq', value: 1 } })).toThrow('hosts.status is not a relation');
  });

  it('offers the operators of the scalar filter in words, and types the value', () => {
    const name = model.filterTypes.BuildingFilter.find((f) => f.name === 'name')!;
    const opened = model.filterTypes.BuildingFilter.find((f) => f.name === 'opened')!;
    expect(operatorChoices(name).map((o) => `${o.id} ${o.name}`)).toEqual([
      'eq is',
      'ne is not',
      'isNull is empty',
      'contains contains (same case)',
      'iContains contains',
      'iEq is (any case)',
    ]);
    expect(defaultOperator(name)).toBe('iContains');
    expect(operatorChoices(opened).map((o) => o.name)).toEqual(['is', 'before', 'from', 'is empty']);
    expect(defaultOperator(opened)).toBe('eq');
    expect(whereValue(opened, 'gte', '2031-01-01T10:00')).toBe(new Date('2031-01-01T10:00').toISOString());
    expect(whereValue(opened, 'isNull', 'true')).toBe(true);
    expect(whereValue(name, 'iContains', '')).toBeUndefined();
    const cpus = model.filterTypes.HostFilter.find((f) => f.name === 'cpus')!;
    expect(whereValue(cpus, 'gt', '4')).toBe(4);
  });
});

describe('a condition starting at a to-many relation', () => {
  it('holds when any of them matches', () => {
    expect(hosts.filters.find((f) => f.name === 'nics')).toMatchObject({ widget: 'references', relation: 'NicFilter', through: 'some' });
    expect(names(whereSteps(model, 'NicFilter', ['mac'])[0].fields)).toEqual(['id', 'mac', 'host']);
    const mac = { path: ['mac'], op: 'startsWith', value: '00:1b:21' };
    expect(whereCondition('nics', mac, 'some')).toEqual({ nics: { some: { mac: { startsWith: '00:1b:21' } } } });
    expect(toApiFilter(hosts, { nics__where: mac })).toEqual({ nics: { some: { mac: { startsWith: '00:1b:21' } } } });
    expect(toApiFilter(hosts, { not__nics__where: mac })).toEqual({ and: [{ not: { nics: { some: { mac: { startsWith: '00:1b:21' } } } } }] });
  });
});

describe('groups of conditions', () => {
  const named = (value: string) => ({ path: ['hostname'], op: 'iContains', value });
  const active = { path: ['status'], op: 'eq', value: 'ACTIVE' };

  it('maps a group of any within a group of all to the API’s and and or', () => {
    const g: WhereGroup = { match: 'all', items: [active, { match: 'any', items: [named('lab1-'), named('lab2-')] }] };
    expect(toApiFilter(hosts, { _group: g })).toEqual({
      and: [{ status: { eq: 'ACTIVE' } }, { or: [{ hostname: { iContains: 'lab1-' } }, { hostname: { iContains: 'lab2-' } }] }],
    });
    // and the other way round, deeper, with none of them as not
    const deep: WhereGroup = {
      match: 'any',
      items: [
        { path: ['cpus'], op: 'gt', value: 4 },
        { match: 'all', items: [active, { match: 'none', items: [named('lab1-'), named('lab2-')] }] },
      ],
    };
    expect(toApiFilter(hosts, { _group: deep })).toEqual({
      and: [
        {
          or: [
            { cpus: { gt: 4 } },
            { and: [{ status: { eq: 'ACTIVE' } }, { not: { or: [{ hostname: { iContains: 'lab1-' } }, { hostname: { iContains: 'lab2-' } }] } }] },
          ],
        },
      ],
    });
    expect(groupCondition({ match: 'none', items: [active] })).toEqual({ not: { status: { eq: 'ACTIVE' } } });
  });

  it('leaves out what is not complete yet: a group of one is that one, an empty group filters nothing', () => {
    const g: WhereGroup = { match: 'all', items: [{ path: [] }, { path: ['hostname'], op: 'iContains', value: '' }, { match: 'any', items: [] }, { match: 'any', items: [active] }] };
    expect(groupCondition(g)).toEqual({ status: { eq: 'ACTIVE' } });
    expect(toApiFilter(hosts, { _group: g })).toEqual({ and: [{ status: { eq: 'ACTIVE' } }] });
    expect(toApiFilter(hosts, { _group: { match: 'all', items: [{ path: ['rack'], op: null, value: null }] } })).toBeUndefined();
    // the list's filter form hands an emptied list back as ''
    expect(toApiFilter(hosts, { _group: { match: 'all', items: '' } })).toBeUndefined();
    expect(toApiFilter(hosts, { _group: '' })).toBeUndefined();
  });

  it('combines a group with the other filters like any filter', () => {
    const g: WhereGroup = { match: 'any', items: [named('lab1-'), named('lab2-')] };
    expect(toApiFilter(hosts, { status__eq: 'NEW', _group: g })).toEqual({
      status: { eq: 'NEW' },
      and: [{ or: [{ hostname: { iContains: 'lab1-' } }, { hostname: { iContains: 'lab2-' } }] }],
    });
    expect(toApiFilter(hosts, { _match: 'any', status__eq: 'NEW', _group: { match: 'all', items: [active, named('lab1-')] } })).toEqual({
      and: [{ or: [{ status: { eq: 'NEW' } }, { and: [{ status: { eq: 'ACTIVE' } }, { hostname: { iContains: 'lab1-' } }] }] }],
    });
  });

  it('holds more than one condition through the same relation', () => {
    const building = { path: ['rack', 'lab', 'building', 'name'], op: 'iContains', value: 'HQ' };
    const rack = { path: ['rack', 'name'], op: 'eq', value: 'r7' };
    // each condition starts at the host's own filter input and goes through the rack
    expect(whereSteps(model, 'HostFilter', building.path).map((s) => [s.filterType, s.chosen?.name])).toEqual([
      ['HostFilter', 'rack'],
      ['RackFilter', 'lab'],
      ['LabFilter', 'building'],
      ['BuildingFilter', 'name'],
    ]);
    expect(toApiFilter(hosts, { _group: { match: 'all', items: [building, rack] } })).toEqual({
      and: [{ rack: { lab: { building: { name: { iContains: 'HQ' } } } } }, { rack: { name: { eq: 'r7' } } }],
    });
    expect(toApiFilter(hosts, { _group: { match: 'any', items: [building, rack] } })).toEqual({
      and: [{ or: [{ rack: { lab: { building: { name: { iContains: 'HQ' } } } } }, { rack: { name: { eq: 'r7' } } }] }],
    });
    // beside the relation's own Rack where
    expect(toApiFilter(hosts, { rack__where: { path: ['name'], op: 'eq', value: 'r8' }, _group: { match: 'all', items: [building] } })).toEqual({
      rack: { name: { eq: 'r8' } },
      and: [{ rack: { lab: { building: { name: { iContains: 'HQ' } } } } }],
    });
  });

  it('goes through a to-many relation as any of them, each condition on its own', () => {
    const mac = { path: ['nics', 'some', 'mac'], op: 'startsWith', value: '00:1b:21' };
    const id = { path: ['nics', 'some', 'id'], op: 'eq', value: 'N1' };
    expect(whereSteps(model, 'HostFilter', mac.path).map((s) => [s.filterType, s.chosen?.name])).toEqual([
      ['HostFilter', 'nics'],
      ['NicFilter', 'mac'],
    ]);
    expect(toApiFilter(hosts, { _group: { match: 'all', items: [mac, id] } })).toEqual({
      and: [{ nics: { some: { mac: { startsWith: '00:1b:21' } } } }, { nics: { some: { id: { eq: 'N1' } } } }],
    });
    // two conditions on nics are two, not one nic holding both, beside Nics (any of them) where too
    expect(toApiFilter(hosts, { nics__where: { path: ['mac'], op: 'startsWith', value: '00:1b:21' }, _group: { match: 'all', items: [id] } })).toEqual({
      nics: { some: { mac: { startsWith: '00:1b:21' } } },
      and: [{ nics: { some: { id: { eq: 'N1' } } } }],
    });
  });

  it('holds several conditions for one and the same related object, in a group through the relation', () => {
    const mac = { path: ['mac'], op: 'startsWith', value: '00:1b:21' };
    const id = { path: ['id'], op: 'eq', value: 'N1' };
    const both = [{ mac: { startsWith: '00:1b:21' } }, { id: { eq: 'N1' } }];
    const oneNic: WhereGroup = { match: 'all', through: ['nics', 'some'], items: [mac, id] };
    expect(groupCondition(oneNic)).toEqual({ nics: { some: { and: both } } });
    expect(toApiFilter(hosts, { _group: { match: 'all', items: [active, oneNic] } })).toEqual({
      and: [{ status: { eq: 'ACTIVE' } }, { nics: { some: { and: both } } }],
    });
    // none of these: a nic of which neither holds
    expect(groupCondition({ ...oneNic, match: 'none' })).toEqual({ nics: { some: { not: { or: both } } } });
    // through a to-one relation, and a group within it through the next one
    const inRack: WhereGroup = {
      match: 'any',
      through: ['rack'],
      items: [
        { path: ['name'], op: 'eq', value: 'r7' },
        { match: 'all', through: ['lab'], items: [{ path: ['name'], op: 'eq', value: 'east' }, { path: ['building', 'name'], op: 'eq', value: 'HQ' }] },
      ],
    };
    expect(groupCondition(inRack)).toEqual({
      rack: { or: [{ name: { eq: 'r7' } }, { lab: { and: [{ name: { eq: 'east' } }, { building: { name: { eq: 'HQ' } } }] } }] },
    });
    expect(groupCondition({ match: 'all', through: ['nics', 'some'], items: [{ path: [] }] })).toBeUndefined();
  });
});
