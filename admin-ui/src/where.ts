// Filters through relations: "hosts whose rack's lab's building is named HQ". A list filter
// keeps one such condition per relation of the listed type, under the key `rack__where`, as
// the path below the relation, an operator and a value; the API's filter inputs nest the same
// way ({ rack: { lab: { building: { name: { iContains: "HQ" } } } } }), so what may be chosen at
// each step is read from the related type's filter input, for every type alike. A group of
// conditions (the key `_group`) holds conditions whose paths start at the listed type's own
// filter input, and groups within it, each of all, any or none of what it holds: the API's
// and, or and not.
import type { FilterFieldModel, Model } from './schema';

/** The list filter key's suffix of a condition through a relation: rack__where. */
export const WHERE = 'where';

/** A condition through a relation, as a list filter holds it. */
export interface WhereValue {
  /** The fields below the relation, down to a scalar one; a to-many step is followed by its quantifier (nics, some, mac). */
  path: string[];
  op?: string | null;
  value?: unknown;
}

/** Whether a condition is complete enough to filter by: a path, an operator and a value. */
export function isComplete(w: unknown): w is { path: string[]; op: string; value: unknown } {
  if (!w || typeof w !== 'object') return false;
  const { path, op, value } = w as WhereValue;
  return Array.isArray(path) && path.length > 0 && !!op && value !== undefined && value !== null && value !== '';
}

/** The API's condition a complete path stands for: { rack: { lab: { name: { iContains: v } } } }. */
export function pathCondition(w: { path: string[]; op: string; value: unknown }): Record<string, unknown> {
  return w.path.reduceRight<unknown>((inner, step) => ({ [step]: inner }), { [w.op]: w.value }) as Record<string, unknown>;
}

/**
 * The API's condition on the relation: { [relation]: { lab: { building: { name: { iContains: v } } } } },
 * through the list filter's quantifier for a to-many one ({ nics: { some: { mac: … } } }).
 */
export function whereCondition(relation: string, w: { path: string[]; op: string; value: unknown }, through?: string): Record<string, unknown> {
  return pathCondition({ ...w, path: through ? [relation, through, ...w.path] : [relation, ...w.path] });
}

/** The list filter key of a group of conditions. */
export const GROUP = '_group';

/** How a group combines what it holds: all of it (and), any of it (or), or none of it (not any). */
export type Match = 'all' | 'any' | 'none';

/**
 * A group of conditions, as a list filter holds it: its conditions' paths start at the listed
 * type's filter input, or, for a group `through` a relation of the type it is in (rack, or nics
 * and its quantifier some), at that relation's, so that all of them hold for one related object.
 */
export interface WhereGroup {
  match: Match;
  items: (WhereValue | WhereGroup)[];
  through?: string[];
}

/** Whether an item of a group is a group itself (it has a match) rather than a condition. */
export function isGroup(x: unknown): x is WhereGroup {
  return !!x && typeof x === 'object' && typeof (x as WhereGroup).match === 'string';
}

/** A group's items; the list's filter form may hand an emptied list back as ''. */
export function groupItems(g: WhereGroup): (WhereValue | WhereGroup)[] {
  return Array.isArray(g.items) ? g.items : [];
}

/**
 * The API's filter a group stands for: its complete conditions and non-empty groups under and,
 * or, or not with or (a single one stands alone, or under not), within its relation when it goes
 * through one ({ nics: { some: { and: [ … ] } } }); none when nothing in it filters yet.
 */
export function groupCondition(g: WhereGroup): Record<string, unknown> | undefined {
  const parts = groupItems(g)
    .map((x) => (isGroup(x) ? groupCondition(x) : isComplete(x) ? pathCondition(x) : undefined))
    .filter((x): x is Record<string, unknown> => !!x);
  if (!parts.length) return undefined;
  const joined = parts.length === 1 ? parts[0] : { [g.match === 'any' || g.match === 'none' ? 'or' : 'and']: parts };
  const combined = g.match === 'none' ? { not: joined } : joined;
  const through = Array.isArray(g.through) ? g.through : [];
  return through.reduceRight<Record<string, unknown>>((inner, step) => ({ [step]: inner }), combined);
}

/** One step of a path: the filter input it is chosen from, its fields, and the field chosen there. */
export interface WhereStep {
  filterType: string;
  fields: FilterFieldModel[];
  chosen?: FilterFieldModel;
}

/**
 * The steps of a path from a relation's filter input: one per relation followed, each offering
 * the fields of that type's filter input; the last one's chosen field, when a scalar, is what
 * the operator and value apply to. Steps past a name the schema does not have are dropped.
 */
export function whereSteps(model: Model, filterType: string, path: string[]): WhereStep[] {
  const steps: WhereStep[] = [];
  let type: string | undefined = filterType;
  let i = 0;
  while (type && model.filterTypes[type]) {
    const fields: FilterFieldModel[] = model.filterTypes[type];
    const chosen: FilterFieldModel | undefined = fields.find((f) => f.name === path[i]);
    steps.push({ filterType: type, fields, chosen });
    if (!chosen?.relation) break;
    i += chosen.through ? 2 : 1;
    type = chosen.relation;
  }
  return steps;
}

/** The path that chooses `field` at step `index` of `steps`, keeping the choices before it. */
export function choosePath(steps: WhereStep[], index: number, field: FilterFieldModel | undefined): string[] {
  const before = steps.slice(0, index).flatMap((s) => (s.chosen!.through ? [s.chosen!.name, s.chosen!.through] : [s.chosen!.name]));
  if (!field) return before;
  return field.through ? [...before, field.name, field.through] : [...before, field.name];
}

/** The operators offered on a scalar field (lists of values and their negation aside), in words. */
export function operatorChoices(f: FilterFieldModel): { id: string; name: string }[] {
  const time = f.widget === 'datetime' || f.widget === 'date';
  const words: Record<string, string> = {
    iContains: 'contains',
    contains: 'contains (same case)',
    eq: 'is',
    iEq: 'is (any case)',
    ne: 'is not',
    startsWith: 'starts with',
    endsWith: 'ends with',
    lt: time ? 'before' : 'less than',
    lte: time ? 'until' : 'at most',
    gt: time ? 'after' : 'more than',
    gte: time ? 'from' : 'at least',
    inSubnet: 'in subnet',
    containsIp: 'contains ip',
    isNull: 'is empty',
  };
  return f.operators.filter((op) => words[op]).map((op) => ({ id: op, name: words[op] }));
}

/** The operator a newly chosen field starts with: contains for texts, else equality. */
export function defaultOperator(f: FilterFieldModel): string | undefined {
  return ['iContains', 'eq', 'startsWith', 'inSubnet', 'containsIp'].find((op) => f.operators.includes(op)) ?? operatorChoices(f)[0]?.id;
}

/** A typed value as the API takes it: numbers as numbers, yes/no as booleans, times as UTC ISO-8601. */
export function whereValue(f: FilterFieldModel, op: string, raw: string): unknown {
  if (raw === '') return undefined;
  if (op === 'isNull' || f.widget === 'boolean') return raw === 'true';
  if (f.widget === 'number') return Number(raw);
  if (f.widget === 'datetime') return new Date(raw).toISOString();
  return raw;
}
