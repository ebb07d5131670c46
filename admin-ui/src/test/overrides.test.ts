import { describe, expect, it } from 'vitest';
import { checkOverrides, type Overrides } from '../overrides';
import { buildModel } from '../schema';
import { fixtureSchema } from './fixture';

const model = buildModel(fixtureSchema());

describe('overrides are checked against the schema', () => {
  it('accepts names the schema has', () => {
    const o: Overrides = {
      groups: ['Inventory'],
      resources: { hosts: { group: 'Inventory', columns: ['hostname', 'nics'], labelField: 'hostname', defaultSort: { field: 'hostname', order: 'DESC' }, hidden: ['data'], pageSizes: [10, 500] } },
    };
    expect(checkOverrides(model, o)).toEqual([]);
  });

  it('names every typo', () => {
    const o: Overrides = {
      groups: ['Inventory'],
      resources: {
        hostz: {},
        hosts: { group: 'Invent', columns: ['hostnam'], labelField: 'nme', defaultSort: { field: 'ip', order: 'ASC' }, hidden: ['dta'], pageSizes: [1000] },
      },
    };
    expect(checkOverrides(model, o)).toEqual([
      'overrides.resources.hostz: no such resource (root connection)',
      'overrides.resources.hosts.columns: Host has no field hostnam',
      'overrides.resources.hosts.hidden: Host has no field dta',
      'overrides.resources.hosts.labelField: Host has no field nme',
      'overrides.resources.hosts.defaultSort: Host cannot be ordered by ip',
      'overrides.resources.hosts.group: no group Invent',
      'overrides.resources.hosts.pageSizes: sizes must be 1 to 500',
    ]);
  });
});
