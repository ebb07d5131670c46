// What the generated admin cannot guess from the schema. Every name here is checked against
// the live schema by a test (overrides.live.test.ts), so a typo fails the build.
import { WIDGETS, type Model, type Widget } from './schema';

export interface SortOverride {
  field: string;
  order: 'ASC' | 'DESC';
}

export interface ResourceOverride {
  /** The menu and page title. */
  label?: string;
  /** The menu group, one of `groups`. */
  group?: string;
  /** The list's columns, in order (default: the type's fields, up to eight). */
  columns?: string[];
  /** The field naming an object in pickers and links. */
  labelField?: string;
  defaultSort?: SortOverride;
  /** Fields shown nowhere. */
  hidden?: string[];
  /** The page sizes offered; the first is the default. */
  pageSizes?: number[];
  /** A field's widget where its type says too little (a text holding Markdown): field → widget. */
  widget?: Record<string, Widget>;
}

export interface Overrides {
  /** The menu groups, in menu order. */
  groups: string[];
  resources: Record<string, ResourceOverride>;
}

export const overrides: Overrides = {
  groups: ['Inventory', 'Booking', 'Live', 'Loans', 'Notices', 'Jobs', 'Identity', 'Audit'],
  resources: {
    hosts: {
      group: 'Inventory',
      columns: ['hostname', 'status', 'ip', 'rack', 'type', 'hypervisor', 'lastSeen'],
      labelField: 'hostname',
      defaultSort: { field: 'hostname', order: 'ASC' },
      pageSizes: [25, 50, 100],
    },
    buildings: { group: 'Inventory', defaultSort: { field: 'name', order: 'ASC' } },
    labs: { group: 'Inventory', columns: ['name', 'building', 'subnets', 'comment'], defaultSort: { field: 'name', order: 'ASC' } },
    racks: { group: 'Inventory', columns: ['name', 'lab', 'isDefault'], defaultSort: { field: 'name', order: 'ASC' } },
    nics: { group: 'Inventory', columns: ['mac', 'ip', 'host', 'primary', 'lastSeen'], labelField: 'mac' },
    cards: { group: 'Inventory' },
    cardTypes: { group: 'Inventory', label: 'Card types' },
    hdVendors: { group: 'Inventory', label: 'Disk vendors' },
    hostBuilds: { group: 'Inventory', label: 'Host builds' },
    hostHardwares: { group: 'Inventory', label: 'Host hardware' },
    hostTypes: { group: 'Inventory', label: 'Host types' },
    bookables: { group: 'Booking' },
    bookings: { group: 'Booking', columns: ['bookable', 'owner', 'start', 'end', 'cancelledAt'], defaultSort: { field: 'start', order: 'DESC' } },
    reservations: { group: 'Booking' },
    projects: { group: 'Booking' },
    users: { group: 'Identity' },
    groups: { group: 'Identity' },
    tokens: { group: 'Identity' },
    agents: { group: 'Identity' },
    scanConflicts: {
      group: 'Live',
      label: 'Scan conflicts',
      columns: ['kind', 'status', 'ip', 'session', 'createdAt'],
      defaultSort: { field: 'createdAt', order: 'DESC' },
    },
    scanSessions: { group: 'Live', label: 'Scan sessions', labelField: 'agent', defaultSort: { field: 'scannedAt', order: 'DESC' } },
    virtualHostScans: { group: 'Live', label: 'Virtual host scans' },
    loans: { group: 'Loans', columns: ['host', 'borrower', 'start', 'due', 'returnedAt', 'open'] },
    notices: { group: 'Notices' },
    jobs: { group: 'Jobs' },
    tags: { group: 'Inventory' },
    journalEntries: { group: 'Audit', label: 'Journal' },
    objectChanges: { group: 'Audit', label: 'Changes', defaultSort: { field: 'createdAt', order: 'DESC' } },
  },
};

/** What in the overrides the schema does not have; empty when they fit. */
export function checkOverrides(model: Model, o: Overrides = overrides): string[] {
  const problems: string[] = [];
  for (const [name, ro] of Object.entries(o.resources)) {
    const r = model.byName[name];
    if (!r) {
      problems.push(`overrides.resources.${name}: no such resource (root connection)`);
      continue;
    }
    const fieldNames = new Set([...r.fields.map((f) => f.name), ...r.connections.map((c) => c.name)]);
    const check = (what: string, field: string) => {
      if (!fieldNames.has(field)) problems.push(`overrides.resources.${name}.${what}: ${r.typeName} has no field ${field}`);
    };
    ro.columns?.forEach((c) => check('columns', c));
    ro.hidden?.forEach((c) => check('hidden', c));
    if (ro.labelField) check('labelField', ro.labelField);
    if (ro.defaultSort) {
      check('defaultSort', ro.defaultSort.field);
      if (!r.orderFields[ro.defaultSort.field])
        problems.push(`overrides.resources.${name}.defaultSort: ${r.typeName} cannot be ordered by ${ro.defaultSort.field}`);
    }
    if (ro.group && !o.groups.includes(ro.group)) problems.push(`overrides.resources.${name}.group: no group ${ro.group}`);
    for (const [field, widget] of Object.entries(ro.widget ?? {})) {
      check('widget', field);
      if (!WIDGETS.includes(widget)) problems.push(`overrides.resources.${name}.widget.${field}: no widget ${widget} (one of ${WIDGETS.join(', ')})`);
    }
    if (ro.pageSizes && (ro.pageSizes.length === 0 || ro.pageSizes.some((s) => s < 1 || s > 500)))
      problems.push(`overrides.resources.${name}.pageSizes: sizes must be 1 to 500`);
  }
  return problems;
}

/** The model with the overrides applied: label fields, widgets and hidden fields. */
export function applyOverrides(model: Model, o: Overrides = overrides): Model {
  for (const r of model.resources) {
    const ro = o.resources[r.name];
    if (!ro) continue;
    if (ro.labelField) {
      r.labelField = ro.labelField;
      r.labelVia = undefined;
    }
    for (const [field, widget] of Object.entries(ro.widget ?? {})) {
      for (const f of [...r.fields, ...(r.create?.fields ?? []), ...(r.update?.fields ?? [])]) if (f.name === field) f.widget = widget;
    }
    if (ro.hidden?.length) {
      const hidden = new Set(ro.hidden);
      r.fields = r.fields.filter((f) => !hidden.has(f.name));
      r.connections = r.connections.filter((c) => !hidden.has(c.name));
    }
  }
  return model;
}
