// The admin's model of the API, read from an introspection result: which types are
// resources, their fields and widgets, their filters, orderings and mutations. Everything the
// views show comes from here, so a field added to the schema appears without UI code.
import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputValue,
  IntrospectionQuery,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';

/** How a value is shown and edited. */
export type Widget =
  | 'text'
  | 'longtext'
  | 'markdown'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'datetime'
  | 'date'
  | 'mac'
  | 'ip'
  | 'cidr'
  | 'json'
  | 'id'
  | 'reference'
  | 'references';

/** Every widget, for checking the overrides' `widget` entries. */
export const WIDGETS: readonly Widget[] = [
  'text', 'longtext', 'markdown', 'number', 'boolean', 'enum', 'datetime', 'date', 'mac', 'ip', 'cidr', 'json', 'id', 'reference', 'references',
];

export interface FieldModel {
  name: string;
  /** The named type at the bottom (String, HostStatus, Rack, ...). */
  typeName: string;
  widget: Widget;
  nonNull: boolean;
  /** A list of scalars or enums (a lab's subnets). */
  list: boolean;
  enumValues?: string[];
  /** For a to-one relation (or an id list naming a to-many one): the related resource. */
  reference?: string;
  description?: string;
}

export interface InputModel {
  mutation: string;
  inputType: string;
  fields: FieldModel[];
  /** Scalars the payload holds besides the object and its errors (createToken's key): shown once. */
  extras: string[];
}

/** One object type of an interface resource (NicScanConflict of scanConflicts), with the fields only it has. */
export interface KindModel {
  typeName: string;
  fields: FieldModel[];
}

export interface FilterModel {
  /** The filter input's field (a type field or a domain filter). */
  name: string;
  /** The operators of its scalar filter (eq, iContains, ...), or ['id'] for a relation. */
  operators: string[];
  widget: Widget;
  enumValues?: string[];
  reference?: string;
  /** For a relation: the related type's filter input (RackFilter), whose fields filter through it. */
  relation?: string;
  /** For a to-many relation (a host's nics): the list filter's quantifier its conditions go through (some). */
  through?: string;
}

/**
 * A field of an object type's filter input (`LabFilter.building`), for filters that reach
 * through relations: a scalar filter with its operators, or a relation with the related type's
 * filter input (`BuildingFilter`); a to-many relation (`RackListFilter`) is reached through
 * `some`, for "any of them".
 */
export interface FilterFieldModel {
  name: string;
  /** The scalar filter's operators (eq, iContains, ...); none for a relation. */
  operators: string[];
  widget: Widget;
  enumValues?: string[];
  /** For a relation: the related type's filter input. */
  relation?: string;
  /** For a to-many relation: the list filter's quantifier the path goes through (some). */
  through?: string;
}

export interface ConnectionModel {
  /** The field on the parent (host.nics). */
  name: string;
  /** The child resource (nics). */
  resource: string;
  /** The child's to-one field pointing back at the parent, when there is one (nic.host). */
  backReference?: string;
}

export interface ResourceModel {
  /** The root connection field, also the resource name: hosts. */
  name: string;
  /** The object type: Host. */
  typeName: string;
  /** The root single-object field: host. */
  single?: string;
  /** The payload field holding the object: host. */
  payloadField: string;
  description?: string;
  fields: FieldModel[];
  connections: ConnectionModel[];
  filterType?: string;
  filters: FilterModel[];
  orderType?: string;
  /** Field name → order enum value (hostname → HOSTNAME). */
  orderFields: Record<string, string>;
  create?: InputModel;
  update?: InputModel;
  delete?: string;
  bulkDelete?: string;
  bulkUpdate?: string;
  /** The field naming an object in pickers and links. */
  labelField: string;
  /** For a type with no name of its own: named by a related object's (a bookable by its host's hostname). */
  labelVia?: { field: string; resource: string; targetField: string };
  /** For an interface: its object types and what each adds. */
  kinds: KindModel[];
  /** The type's other mutations with an input (startLoan, returnLoan, resolveScanConflict), by name. */
  actions: Record<string, InputModel>;
  /** The descriptions of its create, update and delete (or bulk delete) mutations: their last line says who may call them. */
  writeDescriptions: { create?: string; update?: string; delete?: string };
}

/** The record key holding an object's name: its label field, or the one read through a relation. */
export const LABEL = '__label';
export function displayField(r: ResourceModel): string {
  return r.labelVia ? LABEL : r.labelField;
}

export interface Model {
  resources: ResourceModel[];
  byName: Record<string, ResourceModel>;
  byType: Record<string, ResourceModel>;
  /** Every object type's filter input (one with and/or/not) by name, as its fields. */
  filterTypes: Record<string, FilterFieldModel[]>;
}

const scalarWidgets: Record<string, Widget> = {
  String: 'text',
  Int: 'number',
  Float: 'number',
  Long: 'number',
  Boolean: 'boolean',
  DateTime: 'datetime',
  Date: 'date',
  MacAddress: 'mac',
  IPAddress: 'ip',
  CIDR: 'cidr',
  JSON: 'json',
  ID: 'id',
};

const longTextNames = /^(comment|comments|description|message|body|text)$/;
// a text the schema describes as Markdown ("Markdown.", "Markdown; not blank.")
const markdownDescription = /^Markdown\b/;

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** hostname → HOSTNAME, assetNumber → ASSET_NUMBER. */
export function toEnumCase(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

interface Unwrapped {
  name: string;
  kind: string;
  nonNull: boolean;
  list: boolean;
}

function unwrap(ref: IntrospectionTypeRef): Unwrapped {
  let nonNull = false;
  let list = false;
  let t: IntrospectionTypeRef = ref;
  if (t.kind === 'NON_NULL') {
    nonNull = true;
    t = t.ofType;
  }
  while (t.kind === 'LIST' || t.kind === 'NON_NULL') {
    if (t.kind === 'LIST') list = true;
    t = t.ofType;
  }
  return { name: (t as { name: string }).name, kind: t.kind, nonNull, list };
}

/** Reads the resources out of an introspection result. */
export function buildModel(schema: IntrospectionQuery): Model {
  const types = new Map<string, IntrospectionType>();
  for (const t of schema.__schema.types) types.set(t.name, t);
  const queryType = types.get(schema.__schema.queryType.name);
  const mutationName = schema.__schema.mutationType?.name;
  const mutationType = mutationName ? types.get(mutationName) : undefined;
  const rootFields = queryType && queryType.kind === 'OBJECT' ? queryType.fields : [];
  const mutations = new Map<string, IntrospectionField>();
  if (mutationType && mutationType.kind === 'OBJECT') for (const m of mutationType.fields) mutations.set(m.name, m);

  // an object type, or an interface listing its kinds together (ScanConflict)
  const implementsNode = (t: IntrospectionType) =>
    (t.kind === 'OBJECT' || t.kind === 'INTERFACE') && t.interfaces.some((i) => i.name === 'Node');

  // Node types with a root connection: hosts(...): HostConnection!
  const resourceOf = new Map<string, { field: IntrospectionField; type: IntrospectionType }>();
  for (const f of rootFields) {
    const ret = unwrap(f.type);
    if (ret.list || !ret.name.endsWith('Connection')) continue;
    const typeName = ret.name.slice(0, -'Connection'.length);
    const t = types.get(typeName);
    if (!t || !implementsNode(t) || resourceOf.has(typeName)) continue;
    resourceOf.set(typeName, { field: f, type: t });
  }

  const enumValues = (name: string) => {
    const t = types.get(name);
    return t && t.kind === 'ENUM' ? t.enumValues.map((v) => v.name) : undefined;
  };

  const fieldModel = (name: string, ref: IntrospectionTypeRef, description?: string | null): FieldModel | undefined => {
    const u = unwrap(ref);
    const t = types.get(u.name);
    if (!t) return undefined;
    const base = { name, typeName: u.name, nonNull: u.nonNull, list: u.list, description: description ?? undefined };
    if (t.kind === 'ENUM') return { ...base, widget: 'enum', enumValues: enumValues(u.name) };
    if (t.kind === 'SCALAR') {
      let widget = scalarWidgets[u.name] ?? 'text';
      if (widget === 'text' && description && markdownDescription.test(description)) widget = 'markdown';
      else if (widget === 'text' && longTextNames.test(name)) widget = 'longtext';
      return { ...base, widget };
    }
    return undefined;
  };

  // an object type's filter input combines itself: and, or, not
  const isObjectFilter = (t: IntrospectionType) => t.kind === 'INPUT_OBJECT' && ['and', 'or', 'not'].every((c) => t.inputFields.some((x) => x.name === c));
  // a to-many relation's list filter ({ some, none, every }): the filter input of its elements
  const toManyElement = (t: IntrospectionType): string | undefined => {
    if (t.kind !== 'INPUT_OBJECT') return undefined;
    const some = t.inputFields.find((x) => x.name === 'some');
    const element = some && types.get(unwrap(some.type).name);
    return element && isObjectFilter(element) ? element.name : undefined;
  };
  // a filter input's field that is no to-one relation: a to-many one, reached through some, or a
  // scalar filter with its operators; none for a domain filter (neither eq nor iContains)
  const plainFilterField = (name: string, t: IntrospectionInputObjectType): FilterFieldModel | undefined => {
    const element = toManyElement(t);
    if (element) return { name, operators: [], widget: 'references', relation: element, through: 'some' };
    const operators = t.inputFields.map((x) => x.name);
    if (!operators.includes('eq') && !operators.includes('iContains')) return undefined;
    const probe = fieldModel(name, (t.inputFields.find((x) => x.name === 'eq') ?? t.inputFields[0]).type);
    return probe ? { name, operators, widget: probe.widget, enumValues: probe.enumValues } : undefined;
  };
  const filterTypes: Record<string, FilterFieldModel[]> = {};
  for (const t of types.values()) {
    if (t.kind !== 'INPUT_OBJECT' || !isObjectFilter(t)) continue;
    const fields: FilterFieldModel[] = [];
    for (const f of t.inputFields) {
      if (['and', 'or', 'not'].includes(f.name)) continue;
      const ft = types.get(unwrap(f.type).name);
      if (!ft || ft.kind !== 'INPUT_OBJECT') continue;
      if (isObjectFilter(ft)) {
        fields.push({ name: f.name, operators: [], widget: 'reference', relation: ft.name });
        continue;
      }
      const plain = plainFilterField(f.name, ft);
      if (plain) fields.push(plain);
    }
    filterTypes[t.name] = fields;
  }

  const inputModel = (mutation: string): InputModel | undefined => {
    const m = mutations.get(mutation);
    const arg = m?.args.find((a) => a.name === 'input');
    if (!arg) return undefined;
    const inputType = unwrap(arg.type).name;
    const t = types.get(inputType);
    if (!t || t.kind !== 'INPUT_OBJECT') return undefined;
    const fields: FieldModel[] = [];
    for (const f of t.inputFields) {
      const fm = inputFieldModel(f);
      if (fm) fields.push(fm);
    }
    const payload = types.get(unwrap(m!.type).name);
    const extras =
      payload && payload.kind === 'OBJECT'
        ? payload.fields.filter((x) => x.name !== 'errors' && types.get(unwrap(x.type).name)?.kind === 'SCALAR').map((x) => x.name)
        : [];
    return { mutation, inputType, fields, extras };
  };

  // An ID input named like a to-one field of the type is that relation (rack: ID → Rack).
  let currentType: IntrospectionType | undefined;
  const inputFieldModel = (f: IntrospectionInputValue): FieldModel | undefined => {
    const fm = fieldModel(f.name, f.type, f.description);
    if (!fm) return undefined;
    if (fm.typeName === 'ID' && currentType && (currentType.kind === 'OBJECT' || currentType.kind === 'INTERFACE')) {
      const own = currentType.fields.find((x) => x.name === f.name);
      if (own) {
        const target = unwrap(own.type).name;
        if (!fm.list && resourceOf.has(target)) return { ...fm, widget: 'reference', reference: resourceOf.get(target)!.field.name };
        // an id list naming a to-many connection (tags: [ID!] for tags(...): TagConnection!)
        const child = target.endsWith('Connection') ? target.slice(0, -'Connection'.length) : '';
        if (fm.list && resourceOf.has(child)) return { ...fm, widget: 'references', reference: resourceOf.get(child)!.field.name };
      }
    }
    return fm;
  };

  // A type's fields as the views show them: scalars and enums, to-one relations, connections.
  const objectFields = (type: IntrospectionType) => {
    const fields: FieldModel[] = [];
    const connections: ConnectionModel[] = [];
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') return { fields, connections };
    for (const f of type.fields) {
      if (f.args.some((a) => unwrap(a.type).nonNull)) continue; // needs arguments (freeAt(time))
      const u = unwrap(f.type);
      const t = types.get(u.name);
      if (!t) continue;
      if (t.kind === 'OBJECT' && u.name.endsWith('Connection') && !u.list) {
        const child = u.name.slice(0, -'Connection'.length);
        if (resourceOf.has(child)) connections.push({ name: f.name, resource: resourceOf.get(child)!.field.name });
        continue;
      }
      if ((t.kind === 'OBJECT' || t.kind === 'INTERFACE') && !u.list && resourceOf.has(u.name)) {
        fields.push({
          name: f.name,
          typeName: u.name,
          widget: 'reference',
          nonNull: u.nonNull,
          list: false,
          reference: resourceOf.get(u.name)!.field.name,
          description: f.description ?? undefined,
        });
        continue;
      }
      const fm = fieldModel(f.name, f.type, f.description);
      if (fm) fields.push(fm);
    }

    return { fields, connections };
  };

  const resources: ResourceModel[] = [];
  for (const [typeName, { field, type }] of resourceOf) {
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') continue;
    currentType = type;
    const { fields, connections } = objectFields(type);
    const kinds: KindModel[] = [];
    if (type.kind === 'INTERFACE') {
      const shared = new Set(fields.map((f) => f.name));
      for (const p of type.possibleTypes) {
        const pt = types.get(p.name);
        if (!pt || pt.kind !== 'OBJECT') continue;
        kinds.push({ typeName: p.name, fields: objectFields(pt).fields.filter((f) => !shared.has(f.name)) });
      }
    }

    const filterType = unwrap(field.args.find((a) => a.name === 'filter')?.type ?? { kind: 'SCALAR', name: '' }).name;
    const filters: FilterModel[] = [];
    const ft = types.get(filterType);
    if (ft && ft.kind === 'INPUT_OBJECT') {
      for (const f of ft.inputFields) {
        if (['and', 'or', 'not'].includes(f.name)) continue;
        const fType = types.get(unwrap(f.type).name);
        if (!fType || fType.kind !== 'INPUT_OBJECT') continue;
        const own = fields.find((x) => x.name === f.name);
        if (own?.widget === 'reference') {
          filters.push({ name: f.name, operators: ['id'], widget: 'reference', reference: own.reference, relation: isObjectFilter(fType) ? fType.name : undefined });
          continue;
        }
        const plain = plainFilterField(f.name, fType);
        // a scalar keeps the widget its field shows (a MAC, an IP) where it has one
        if (plain) filters.push(plain.through ? plain : { ...plain, widget: own?.widget ?? plain.widget });
      }
    }

    const orderType = unwrap(field.args.find((a) => a.name === 'orderBy')?.type ?? { kind: 'SCALAR', name: '' }).name;
    const orderFields: Record<string, string> = {};
    const ot = types.get(orderType);
    const orderFieldArg = ot && ot.kind === 'INPUT_OBJECT' ? ot.inputFields.find((x) => x.name === 'field') : undefined;
    const orderEnum = orderFieldArg ? enumValues(unwrap(orderFieldArg.type).name) ?? [] : [];
    for (const f of fields) {
      const e = toEnumCase(f.name);
      if (orderEnum.includes(e)) orderFields[f.name] = e;
    }

    const single = rootFields.find(
      (f) => unwrap(f.type).name === typeName && !unwrap(f.type).list && f.args.some((a) => a.name === 'id'),
    )?.name;
    const has = (name: string) => (mutations.has(name) ? name : undefined);
    const label =
      ['name', 'hostname', 'title', 'username', 'subject', 'email', 'mac', 'keyPrefix'].find((n) =>
        fields.some((f) => f.name === n && !f.list),
      ) ?? 'id';

    const create = inputModel(`create${typeName}`);
    const update = inputModel(`update${typeName}`);
    // a to-many connection written as an id list is read as one too (host.tags → tag ids)
    for (const input of [...(create?.fields ?? []), ...(update?.fields ?? [])]) {
      if (input.widget === 'references' && !fields.some((f) => f.name === input.name)) {
        fields.push({ ...input, nonNull: false, description: input.description });
      }
    }

    const actions: Record<string, InputModel> = {};
    const plain = new Set([`create${typeName}`, `update${typeName}`, `delete${typeName}`, `bulkDelete${typeName}`, `bulkUpdate${typeName}`]);
    for (const name of mutations.keys()) {
      if (plain.has(name) || !name.endsWith(typeName) || name === typeName) continue;
      const a = inputModel(name);
      if (a) actions[name] = a;
    }

    const described = (name: string) => mutations.get(name)?.description ?? undefined;
    resources.push({
      name: field.name,
      typeName,
      single,
      payloadField: lowerFirst(typeName),
      description: type.description ?? undefined,
      fields,
      connections,
      filterType: ft ? filterType : undefined,
      filters,
      orderType: ot ? orderType : undefined,
      orderFields,
      create,
      update,
      delete: has(`delete${typeName}`),
      bulkDelete: has(`bulkDelete${typeName}`),
      bulkUpdate: has(`bulkUpdate${typeName}`),
      labelField: label,
      kinds,
      actions,
      writeDescriptions: {
        create: described(`create${typeName}`),
        update: described(`update${typeName}`),
        delete: described(`delete${typeName}`) ?? described(`bulkDelete${typeName}`),
      },
    });
  }

  // A child's to-one field typed as the parent is the way back (nic.host for host.nics).
  const byName: Record<string, ResourceModel> = {};
  const byType: Record<string, ResourceModel> = {};
  for (const r of resources) {
    byName[r.name] = r;
    byType[r.typeName] = r;
  }
  for (const r of resources) {
    for (const c of r.connections) {
      const child = byName[c.resource];
      const back = child.fields.filter((f) => f.widget === 'reference' && f.reference === r.name);
      const filterable = back.filter((f) => child.filters.some((x) => x.name === f.name));
      if (filterable.length === 1) c.backReference = filterable[0].name;
    }
  }
  // a type without a name of its own is named after its first named to-one relation
  for (const r of resources) {
    if (r.labelField !== 'id') continue;
    const via = r.fields.find((f) => f.widget === 'reference' && f.nonNull && byName[f.reference!]?.labelField !== 'id');
    if (via) r.labelVia = { field: via.name, resource: via.reference!, targetField: byName[via.reference!].labelField };
  }
  return { resources, byName, byType, filterTypes };
}

/** The selection set reading one object of a resource: scalars, enums and related ids. */
export function selection(r: ResourceModel): string {
  return r.fields
    .map((f) => {
      if (f.widget === 'reference') return r.labelVia?.field === f.name ? `${f.name} { id ${r.labelVia.targetField} }` : `${f.name} { id }`;
      if (f.widget === 'references') return `${f.name}(first: 500) { nodes { id } }`;
      return f.name;
    })
    .join(' ');
}

/** A relation read with its id and name, for a screen that shows the name without a second read. */
export function namedSelection(fields: FieldModel[], model: Model): string {
  return fields
    .filter((f) => f.widget !== 'references')
    .map((f) => {
      if (f.widget !== 'reference') return f.name;
      const target = model.byName[f.reference!];
      const label = target?.labelVia ? `${target.labelVia.field} { id ${target.labelVia.targetField} }` : target?.labelField ?? 'id';
      return `${f.name} { id ${label === 'id' ? '' : label} }`;
    })
    .join(' ');
}

/** An interface resource's objects with every kind's own fields: `... on NicScanConflict { ... }`. */
export function kindsSelection(r: ResourceModel, model: Model): string {
  const own = r.kinds.filter((k) => k.fields.length).map((k) => `... on ${k.typeName} { ${namedSelection(k.fields, model)} }`);
  return [namedSelection(r.fields, model), '__typename', ...own].join(' ');
}
