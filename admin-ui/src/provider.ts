// The react-admin data provider for the Cores API: Relay cursor paging, XFilter inputs,
// orderBy, payloads with UserErrors and versions. It speaks only the API's conventions and
// knows no type by name: everything comes from the model read by introspection.
import { HttpError } from 'react-admin';
import type { DataProvider, RaRecord } from 'react-admin';
import { LABEL, selection, type FieldModel, type Model, type ResourceModel } from './schema';
import { GROUP, groupCondition, isComplete, isGroup, whereCondition, WHERE } from './where';

/** Runs one GraphQL operation and answers its data; GraphQL errors are thrown. */
export type Execute = (query: string, variables?: Record<string, unknown>) => Promise<any>;

export interface UserError {
  field?: string[] | null;
  message: string;
  code: string;
}

/** A write refused because the object changed since it was read: 409, marked stale. */
export function staleVersionError(message: string): HttpError {
  return new HttpError(message, 409, { stale: true, errors: { root: { serverError: message, stale: 'STALE_VERSION' } } });
}

export const isStale = (e: unknown) => !!(e as HttpError)?.body?.stale;

/** UserErrors as react-admin's server-side validation errors: per input field, else root. */
export function userErrorsToHttpError(errors: UserError[]): HttpError {
  const stale = errors.find((e) => e.code === 'STALE_VERSION');
  if (stale) return staleVersionError(stale.message);
  const byField: Record<string, unknown> = {};
  const formLevel: string[] = [];
  for (const e of errors) {
    const path = (e.field ?? []).slice(e.field?.[0] === 'input' ? 1 : 0);
    // an item of a bulk write (items, 3, version) or no field: the form as a whole
    if (path.length === 1 && path[0] !== 'version' && path[0] !== 'id') {
      const key = path[0];
      byField[key] = byField[key] ? `${byField[key]}; ${e.message}` : e.message;
    } else {
      formLevel.push(path.length ? `${path.join('.')}: ${e.message}` : e.message);
    }
  }
  const message = [...formLevel, ...Object.entries(byField).map(([k, v]) => `${k}: ${v}`)].join('\n');
  if (formLevel.length) byField.root = { serverError: formLevel.join('\n') };
  return new HttpError(message || 'The write was refused.', 400, { errors: byField, userErrors: errors });
}

/** The list filter's key choosing how its filters combine: all of them (and) or any (or). */
export const MATCH = '_match';
/** The prefix of a list filter's key asking for the opposite: not__status__eq. */
export const NOT = 'not__';

/**
 * A filter as react-admin holds it (keys `field` or `field__operator`, `q` for quick search,
 * `not__field__operator` for its opposite, `_match: 'any'` for any filter rather than all,
 * `relation__where` for a condition on a related object's fields, `_group` for a group of
 * conditions with groups within it, see where.ts) turned into the API's filter input:
 * { hostname: { iContains: "web" }, rack: { id: { eq }, lab: { … } } }, with `not` and `or` where
 * asked. The quick search always holds.
 */
export function toApiFilter(r: ResourceModel, filter: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!filter) return undefined;
  const any = filter[MATCH] === 'any';
  const out: Record<string, any> = {};
  const and: unknown[] = [];
  const conditions: Record<string, unknown>[] = [];
  // a group's condition is kept whole, never merged with another on the same field: two
  // conditions through a to-many relation may be met by two different related objects
  const whole = new Set<Record<string, unknown>>();
  for (const [key, value] of Object.entries(filter)) {
    if (key === MATCH) continue;
    if (value === undefined || value === '' || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'q') {
      const label = r.filters.find((f) => f.name === r.labelField && f.operators.includes('iContains'));
      if (label) and.push({ [label.name]: { iContains: String(value) } });
      // named through a relation: the relation's filter nests the related type's
      else if (r.labelVia && r.filters.some((f) => f.name === r.labelVia!.field))
        and.push({ [r.labelVia.field]: { [r.labelVia.targetField]: { iContains: String(value) } } });
      continue;
    }
    if (key === 'id' && Array.isArray(value)) {
      out.id = { ...(out.id ?? {}), in: value };
      continue;
    }
    if (key === GROUP) {
      const condition = isGroup(value) ? groupCondition(value) : undefined;
      if (condition) {
        conditions.push(condition);
        whole.add(condition);
      }
      continue;
    }
    const negated = key.startsWith(NOT);
    const condition = fieldCondition(r, negated ? key.slice(NOT.length) : key, value);
    if (condition) conditions.push(negated ? { not: condition } : condition);
  }
  if (any && conditions.length > 1) {
    and.push({ or: conditions });
  } else {
    for (const c of conditions) {
      const [name, v] = Object.entries(c)[0];
      if (name === 'and') and.push(...(v as unknown[]));
      else if (name === 'not' || name === 'or' || whole.has(c)) and.push(c);
      else out[name] = merged(out[name], v);
    }
  }
  if (and.length) out.and = and;
  return Object.keys(out).length ? out : undefined;
}

/** Two conditions on one field as one: { id: { eq } } and { lab: { name } } → { id, lab }. */
function merged(a: unknown, b: unknown): unknown {
  const plain = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!plain(a) || !plain(b)) return b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? merged(out[k], v) : v;
  return out;
}

/**
 * One list filter key and its value as the API's condition on one field; none for a condition
 * through a relation (rack__where) that is not complete yet.
 */
function fieldCondition(r: ResourceModel, key: string, value: unknown): Record<string, unknown> | undefined {
  const [name, op] = key.split('__');
  const f = r.filters.find((x) => x.name === name);
  if (!f) throw new Error(`${r.name} cannot be filtered by ${name}`);
  if (op === WHERE) {
    if (!f.relation) throw new Error(`${r.name}.${name} is not a relation to filter through`);
    return isComplete(value) ? whereCondition(name, value, f.through) : undefined;
  }
  if (f.widget === 'reference') return { [name]: { id: Array.isArray(value) ? { in: value } : { eq: value } } };
  const operator = op ?? (f.operators.includes('eq') ? 'eq' : f.operators[0]);
  if (!f.operators.includes(operator)) throw new Error(`${r.name}.${name} has no operator ${operator}`);
  return { [name]: { [operator]: f.widget === 'number' ? Number(value) : value } };
}

/** react-admin's sort as the API's orderBy, or none when the field cannot be ordered. */
export function toOrderBy(r: ResourceModel, sort?: { field: string; order: string }) {
  if (!sort?.field) return undefined;
  const field = r.orderFields[sort.field];
  if (!field) return undefined;
  return [{ field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
}

/** An object as the views hold it: a related object by its id, so references work by id. */
export function toRecord(r: ResourceModel, node: Record<string, any>): RaRecord {
  const out: Record<string, any> = { ...node };
  if (r.labelVia) out[LABEL] = node[r.labelVia.field]?.[r.labelVia.targetField] ?? node.id;
  for (const f of r.fields) {
    if (f.widget === 'reference') out[f.name] = node[f.name]?.id ?? null;
    if (f.widget === 'references') out[f.name] = (node[f.name]?.nodes ?? []).map((n: { id: string }) => n.id);
  }
  return out as RaRecord;
}

function inputValue(f: FieldModel, value: unknown): unknown {
  if (value === '' || value === undefined) return null;
  if (f.widget === 'json' && typeof value === 'string') return JSON.parse(value);
  if (f.widget === 'number' && typeof value === 'string') return Number(value);
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The input of an update: the fields changed since the record was read, its id and version. */
export function updateInput(r: ResourceModel, data: Record<string, any>, previous: Record<string, any>) {
  if (!r.update) throw new Error(`${r.name} cannot be changed`);
  const input: Record<string, unknown> = {};
  for (const f of r.update.fields) {
    if (f.name === 'id' || f.name === 'version') continue;
    if (!(f.name in data)) continue;
    const value = inputValue(f, data[f.name]);
    if (!same(value, inputValue(f, previous[f.name]))) input[f.name] = value;
  }
  return { id: previous.id, version: previous.version, ...input };
}

/** The input of a create: the input type's fields that were given. */
export function createInput(r: ResourceModel, data: Record<string, any>) {
  if (!r.create) throw new Error(`${r.name} cannot be created`);
  const input: Record<string, unknown> = {};
  for (const f of r.create.fields) {
    const value = inputValue(f, data[f.name]);
    if (value !== null) input[f.name] = value;
  }
  return input;
}

const ERRORS = 'errors { field message code }';

/** The record key holding what a create's payload answers only once: { key: "cores_..." }. */
export const SHOWN_ONCE = '__shownOnce';

/** The API's largest page (docs/query-limits.md: `first`/`last` above 500 are refused). */
export const MAX_PAGE_SIZE = 500;

/** The API's default cost limit of one request (cores.graphql.max-complexity). */
export const MAX_COMPLEXITY = 500000;

/**
 * The largest page of a resource whose cost stays within the complexity limit, with a margin:
 * a field costs 1 plus its contents, and a nested id list (a host's tags, read 500 at a time)
 * costs 500 times its contents, so a host costs about a thousand and a page of 500 would not fit.
 */
export function exportPageSize(r: ResourceModel, limit = MAX_COMPLEXITY): number {
  const nodeCost = r.fields.reduce((sum, f) => sum + (f.widget === 'references' ? 1 + 500 * 2 : f.widget === 'reference' ? 4 : 1), 1);
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor((limit * 0.9) / nodeCost)));
}

const tooComplex = (e: unknown) => /complexity/i.test((e as Error)?.message ?? '');

/** getList's `meta` asking for every row of the filter (the CSV export), read page by page. */
export const ALL_ROWS = { allRows: true } as const;

/** Where each page of a list starts, so a page is read with first/after or last/before. */
interface Pages {
  after: Record<number, string | null>;
  before: Record<number, string>;
  total?: number;
}

export function createDataProvider(model: Model, execute: Execute): DataProvider & { versionOf(id: string): number | undefined } {
  const versions = new Map<string, number>();
  const pages = new Map<string, Pages>();
  const resource = (name: string) => {
    const r = model.byName[name];
    if (!r) throw new Error(`No resource ${name}`);
    return r;
  };
  const remember = (r: ResourceModel, node: Record<string, any> | null | undefined) => {
    if (!node) return node;
    if (node.id && typeof node.version === 'number') versions.set(node.id, node.version);
    return toRecord(r, node);
  };

  const readPage = async (
    r: ResourceModel,
    filter: Record<string, unknown> | undefined,
    orderBy: unknown,
    page: number,
    perPage: number,
  ) => {
    const key = JSON.stringify([r.name, filter ?? null, orderBy ?? null, perPage]);
    let known = pages.get(key);
    if (!known) pages.set(key, (known = { after: { 1: null }, before: {} }));
    // a connection without filter or ordering arguments is read without them
    const vars = [r.filterType && `$filter: ${r.filterType}`, r.orderType && `$orderBy: [${r.orderType}!]`].filter(Boolean);
    const args = [r.filterType && 'filter: $filter', r.orderType && 'orderBy: $orderBy'].filter(Boolean);
    const q = `query List(${[...vars, '$first: Int, $after: String, $last: Int, $before: String'].join(', ')}) {
      ${r.name}(${[...args, 'first: $first, after: $after, last: $last, before: $before'].join(', ')}) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { ${selection(r)} } } }`;
    const run = (vars: Record<string, unknown>) => execute(q, { filter, orderBy, ...vars }).then((d) => d[r.name]);
    let conn;
    if (page in known.after) {
      conn = await run({ first: perPage, after: known.after[page] });
    } else if (page in known.before) {
      conn = await run({ last: perPage, before: known.before[page] });
    } else if (known.total !== undefined && page === Math.ceil(known.total / perPage)) {
      // the last page: read from the end
      conn = await run({ last: known.total - (page - 1) * perPage });
    } else {
      // a page not reached yet: walk forward from the nearest one known
      let p = Math.max(...Object.keys(known.after).map(Number).filter((n) => n < page));
      conn = await run({ first: perPage, after: known.after[p] });
      while (p < page && conn.pageInfo.hasNextPage) {
        known.after[++p] = conn.pageInfo.endCursor;
        conn = await run({ first: perPage, after: known.after[p] });
      }
    }
    known.total = conn.totalCount;
    if (conn.pageInfo.endCursor) known.after[page + 1] = conn.pageInfo.endCursor;
    if (conn.pageInfo.startCursor && page > 1) known.before[page - 1] = conn.pageInfo.startCursor;
    return conn;
  };

  /** Every row of a filter, in the largest pages the API's limits allow, following the cursors to the end. */
  const readAll = async (r: ResourceModel, filter: Record<string, unknown> | undefined, orderBy: unknown) => {
    const vars = [r.filterType && `$filter: ${r.filterType}`, r.orderType && `$orderBy: [${r.orderType}!]`].filter(Boolean);
    const args = [r.filterType && 'filter: $filter', r.orderType && 'orderBy: $orderBy'].filter(Boolean);
    const q = `query All(${[...vars, '$first: Int, $after: String'].join(', ')}) {
      ${r.name}(${[...args, 'first: $first, after: $after'].join(', ')}) {
        totalCount pageInfo { hasNextPage endCursor } nodes { ${selection(r)} } } }`;
    const nodes: any[] = [];
    let after: string | null = null;
    let size = exportPageSize(r);
    for (;;) {
      let conn: any;
      try {
        conn = (await execute(q, { filter, orderBy, first: size, after }))[r.name];
      } catch (e) {
        // a server with a lower limit than the default: smaller pages
        if (!tooComplex(e) || size === 1) throw e;
        size = Math.max(1, Math.floor(size / 2));
        continue;
      }
      nodes.push(...conn.nodes);
      if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor || conn.nodes.length === 0) return { nodes, totalCount: conn.totalCount };
      after = conn.pageInfo.endCursor;
    }
  };

  const write = async (mutation: string, input: unknown, payloadField: string, fields: string) => {
    const inputType = mutation.charAt(0).toUpperCase() + mutation.slice(1) + 'Input';
    const q = `mutation Write($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} ${ERRORS} } }`;
    const data = await execute(q, { input });
    const payload = data[mutation];
    if (payload.errors?.length) throw userErrorsToHttpError(payload.errors);
    return payloadField ? payload[payloadField] : payload;
  };

  const versionsOf = async (r: ResourceModel, ids: unknown[]) => {
    const missing = ids.filter((id) => !versions.has(String(id)));
    if (missing.length) await provider.getMany(r.name, { ids: missing });
    return ids.map((id) => ({ id, version: versions.get(String(id)) }));
  };

  const provider: DataProvider & { versionOf(id: string): number | undefined } = {
    versionOf: (id: string) => versions.get(id),

    async getList(name, params) {
      const r = resource(name);
      const filter = toApiFilter(r, params.filter);
      const orderBy = toOrderBy(r, params.sort);
      if (params.meta?.allRows) {
        const all = await readAll(r, filter, orderBy);
        return { data: all.nodes.map((n: any) => remember(r, n)) as any[], total: all.totalCount };
      }
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const conn = await readPage(r, filter, orderBy, page, perPage);
      return {
        data: conn.nodes.map((n: any) => remember(r, n)),
        total: conn.totalCount,
        pageInfo: { hasNextPage: conn.pageInfo.hasNextPage, hasPreviousPage: conn.pageInfo.hasPreviousPage },
      };
    },

    async getOne(name, params) {
      const r = resource(name);
      const data = await execute(`query One($id: ID!) { node(id: $id) { ... on ${r.typeName} { ${selection(r)} } } }`, {
        id: params.id,
      });
      if (!data.node) throw new HttpError(`No ${r.typeName} ${params.id}`, 404);
      return { data: remember(r, data.node) as any };
    },

    async getMany(name, params) {
      const r = resource(name);
      const data = await execute(
        `query Many($ids: [ID!]!) { nodes(ids: $ids) { ... on ${r.typeName} { ${selection(r)} } } }`,
        { ids: params.ids },
      );
      return { data: data.nodes.filter(Boolean).map((n: any) => remember(r, n)) };
    },

    async getManyReference(name, params) {
      const r = resource(name);
      const filter = toApiFilter(r, { ...params.filter, [params.target]: params.id });
      const orderBy = toOrderBy(r, params.sort);
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const conn = await readPage(r, filter, orderBy, page, perPage);
      return { data: conn.nodes.map((n: any) => remember(r, n)), total: conn.totalCount };
    },

    async create(name, params) {
      const r = resource(name);
      if (!r.create) throw new Error(`${r.name} cannot be created`);
      const extras = r.create.extras.filter((x) => x !== r.payloadField);
      const payload = await write(r.create.mutation, createInput(r, params.data), '', `${r.payloadField} { ${selection(r)} } ${extras.join(' ')}`);
      const data = remember(r, payload[r.payloadField]) as any;
      // what the payload holds only this once (a token's key) rides along with the record
      if (extras.length) data[SHOWN_ONCE] = Object.fromEntries(extras.map((x) => [x, payload[x]]));
      return { data };
    },

    async update(name, params) {
      const r = resource(name);
      if (!r.update) throw new Error(`${r.name} cannot be changed`);
      const input = updateInput(r, params.data, params.previousData ?? {});
      const node = await write(r.update.mutation, input, r.payloadField, `${r.payloadField} { ${selection(r)} }`);
      return { data: remember(r, node) as any };
    },

    async updateMany(name, params) {
      const r = resource(name);
      if (!r.bulkUpdate) throw new Error(`${r.name} has no bulk update`);
      const items = await versionsOf(r, params.ids);
      const plural = r.name;
      // the patch holds the update input's fields that were given, as the API takes them
      const patch: Record<string, unknown> = {};
      for (const f of r.update?.fields ?? []) if (f.name in params.data) patch[f.name] = inputValue(f, params.data[f.name]);
      const nodes = await write(r.bulkUpdate, { items, patch }, plural, `${plural} { ${selection(r)} }`);
      return { data: nodes.map((n: any) => remember(r, n)?.id) };
    },

    async delete(name, params) {
      const r = resource(name);
      if (!r.delete) throw new Error(`${r.name} cannot be deleted`);
      const version = params.previousData?.version ?? versions.get(String(params.id));
      await write(r.delete, { id: params.id, version }, 'deletedId', 'deletedId');
      pages.clear();
      return { data: params.previousData ?? ({ id: params.id } as any) };
    },

    async deleteMany(name, params) {
      const r = resource(name);
      if (r.bulkDelete) {
        const items = await versionsOf(r, params.ids);
        const ids = await write(r.bulkDelete, { items }, 'deletedIds', 'deletedIds');
        pages.clear();
        return { data: ids };
      }
      for (const id of params.ids) await provider.delete(name, { id, previousData: undefined });
      return { data: params.ids };
    },
  };
  return provider;
}

/** The API over HTTP, with the signed-in token when there is one. */
export function httpExecute(endpoint: string, token: () => string | null): Execute {
  return async (query, variables) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const t = token();
    if (t) headers.Authorization = `Bearer ${t}`;
    const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = await res.json().catch(() => null);
    if (body?.errors?.length) {
      const e = body.errors[0];
      const classification = e.extensions?.classification;
      const status = classification === 'UNAUTHORIZED' ? 401 : classification === 'FORBIDDEN' ? 403 : 400;
      throw new HttpError(body.errors.map((x: any) => x.message).join('\n'), status, body);
    }
    if (!res.ok || !body) throw new HttpError(`The API answered ${res.status}`, res.status, body);
    return body.data;
  };
}

