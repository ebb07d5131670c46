import { describe, expect, it } from 'vitest';
import { applyOverrides, checkOverrides, type Overrides } from '../overrides';
import { buildModel } from '../schema';
import { fixtureSchema } from './fixture';

const model = buildModel(fixtureSchema());

describe('overrides are checked against the schema', () => {
  it('accepts names the schema has', () => {
    const o: Overrides = {
      groups: ['Inventory'],
      resources: { hosts: { group: 'Inventory', columns: ['hostname', 'nics'], labelField: 'hostname', defaultSort: { field: 'hostname', order: 'DESC' }, hidden: ['data'], pageSizes: [10, 500], widget: { hostname: 'markdown' } } },
    };
    expect(checkOverrides(model, o)).toEqual([]);
  });

  it('names every typo', () => {
    const o: Overrides = {
      groups: ['Inventory'],
      resources: {
        hostz: {},
        hosts: { group: 'Invent', columns: ['hostnam'], labelField: 'nme', defaultSort: { field: 'ip', order: 'ASC' }, hidden: ['dta'], pageSizes: [1000], widget: { comment: 'markdown', hostname: 'markdwn' as never } },
      },
    };
    expect(checkOverrides(model, o)).toEqual([
      'overrides.resources.hostz: no such resource (root connection)',
      'overrides.resources.hosts.columns: Host has no field hostnam',
      'overrides.resources.hosts.hidden: Host has no field dta',
      'overrides.resources.hosts.labelField: Host has no field nme',
      'overrides.resources.hosts.defaultSort: Host cannot be ordered by ip',
      'overrides.resources.hosts.group: no group Invent',
      'overrides.resources.hosts.widget: Host has no field comment',
      `overrides.resources.hosts.widget.hostname: no widget markdwn (one of text, longtext, markdown, number, boolean, enum, datetime, date, mac, ip, cidr, json, id, reference, references)`,
      'overrides.resources.hosts.pageSizes: sizes must be 1 to 500',
    ]);
  });

  it('gives a field the widget named, in views and forms', () => {
    const m = buildModel(fixtureSchema());
    applyOverrides(m, { groups: [], resources: { hosts: { widget: { hostname: 'markdown' } } } });
    const hosts = m.byName.hosts;
    expect(hosts.fields.find((f) => f.name === 'hostname')!.widget).toBe('markdown');
    expect(hosts.create!.fields.find((f) => f.name === 'hostname')!.widget).toBe('markdown');
    expect(hosts.update!.fields.find((f) => f.name === 'hostname')!.widget).toBe('markdown');
  });
});
