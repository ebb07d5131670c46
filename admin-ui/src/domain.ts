// The domain screens' reading of the API's answers: change-log diffs, each conflict kind's
// own fields, the day's window, the open conflicts by kind. Pure functions, unit-tested.
import { displayField, LABEL, type KindModel, type Model, type ResourceModel } from './schema';
import type { UserError } from './provider';

export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangeRecord {
  action: 'CREATE' | 'UPDATE' | 'DELETE';
  dataBefore?: Record<string, unknown> | null;
  dataAfter?: Record<string, unknown> | null;
  changedFields?: string[] | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A change as the fields it changed, before → after: those it names in changedFields, else
 * every key whose value differs. Keys a snapshot leaves out for the caller are not shown.
 */
export function fieldDiffs(change: ChangeRecord): FieldDiff[] {
  const before = change.dataBefore ?? {};
  const after = change.dataAfter ?? {};
  const names = change.changedFields?.length
    ? change.changedFields
    : [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !same(before[k], after[k]));
  return names
    .filter((n) => n in before || n in after)
    .filter((n) => n !== 'version' && n !== 'updatedAt')
    .map((n) => ({ field: n, before: change.action === 'CREATE' ? undefined : before[n], after: change.action === 'DELETE' ? undefined : after[n] }));
}

/** A snapshot's value in words: none, the text itself, else its JSON. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The UserErrors of a payload in one message, each with the input it names. */
export function errorsMessage(errors: UserError[]): string {
  return errors
    .map((e) => {
      const path = (e.field ?? []).filter((p) => p !== 'input');
      return `${e.code}: ${path.length ? `${path.join('.')}: ` : ''}${e.message}`;
    })
    .join('\n');
}

export interface Detail {
  field: string;
  text: string;
  /** For a related object: its show page. */
  to?: string;
}

/** The fields of a conflict (or any interface object) that only its kind has, as shown. */
export function kindDetails(r: ResourceModel, model: Model, node: Record<string, any>): Detail[] {
  const kind: KindModel | undefined = r.kinds.find((k) => k.typeName === node.__typename);
  if (!kind) return [];
  return kind.fields.map((f) => {
    const v = node[f.name];
    if (f.widget === 'reference') {
      if (!v) return { field: f.name, text: '—' };
      const target = model.byName[f.reference!];
      const name = target?.labelVia ? v[target.labelVia.field]?.[target.labelVia.targetField] : target ? v[target.labelField] : undefined;
      return { field: f.name, text: String(name ?? v.id), to: `/${f.reference}/${encodeURIComponent(v.id)}/show` };
    }
    return { field: f.name, text: formatValue(v) };
  });
}

/** The name of an object as a list row holds it. */
export function recordName(r: ResourceModel, record: Record<string, any>): string {
  return String(record[displayField(r)] ?? record[LABEL] ?? record.id);
}

/** Local midnight today and tomorrow, as UTC ISO-8601: today's bookings overlap the window. */
export function todayWindow(now: Date): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** One count per value of an enum field, in one query: the open conflicts by kind. */
export function countsByQuery(connection: string, field: string, values: string[], filter: Record<string, unknown>): string {
  const literal = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
    if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${literal(x)}`).join(', ')} }`;
    return typeof v === 'string' && /^[A-Z_]+$/.test(v) ? v : JSON.stringify(v);
  };
  const parts = values.map((v) => `${v}: ${connection}(filter: ${literal({ ...filter, [field]: { eq: v } })}) { totalCount }`);
  return `query Counts { ${parts.join(' ')} }`;
}

/** Newest first, each once: a feed's list with new events put in front. */
export function prepend<T extends { id: string }>(list: T[], item: T, max = 200): T[] {
  return [item, ...list.filter((x) => x.id !== item.id)].slice(0, max);
}

/** A job run's log with an update applied: the run's log as sent, else the new line appended. */
export function applyJobUpdate(
  run: { log?: unknown[] } | null,
  update: { job: Record<string, any>; line?: unknown | null },
): Record<string, any> {
  const log = update.job.log ?? [...(run?.log ?? []), ...(update.line ? [update.line] : [])];
  return { ...run, ...update.job, log };
}

/**
 * A stale edit against the object as it is now: per input, what the server has (before) and
 * what the form would write over it (after), for the inputs where the two differ.
 */
export function overwriteDiffs(inputs: string[], mine: Record<string, unknown>, current: Record<string, unknown>): FieldDiff[] {
  const pick = (o: Record<string, unknown>) => Object.fromEntries(inputs.filter((n) => n in o).map((n) => [n, o[n] === '' ? null : o[n]]));
  const ours = pick(mine);
  const theirs = Object.fromEntries(Object.keys(ours).map((n) => [n, current[n] === '' ? null : current[n]]));
  return fieldDiffs({ action: 'UPDATE', dataBefore: theirs, dataAfter: ours });
}

/** A booking or reservation as a calendar shows it: from start, until end (none: open). */
export interface Hold {
  id: string;
  start: string;
  end?: string | null;
}

/** The holds a new hold [from, to) would overlap: those starting before it ends and ending after it starts. */
export function overlapping<T extends Hold>(holds: T[], from: string, to: string): T[] {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return holds.filter((h) => Date.parse(h.start) < b && (h.end == null || Date.parse(h.end) > a));
}

/** Holds by the local day they start on, in their order. */
export function byDay<T extends Hold>(holds: T[], day: (iso: string) => string = (iso) => new Date(iso).toLocaleDateString()): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const h of holds) {
    const d = day(h.start);
    days.set(d, [...(days.get(d) ?? []), h]);
  }
  return [...days];
}

/** A hold as a bookable's calendar lists it: a booking, or a reservation (open while it has no end). */
export type CalendarHold<T extends Hold = Hold> = T & { kind: 'booking' | 'reservation' };

/** A bookable's bookings and reservations as one schedule, by start; at the same start, bookings first. */
export function calendarHolds<T extends Hold>(bookings: T[], reservations: T[]): CalendarHold<T>[] {
  const all = [
    ...bookings.map((b) => ({ ...b, kind: 'booking' as const })),
    ...reservations.map((r) => ({ ...r, kind: 'reservation' as const })),
  ];
  return all.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.kind === b.kind ? 0 : a.kind === 'booking' ? -1 : 1));
}

/** What a list of holds counts, in words: "1 booking", "2 bookings and 1 reservation". */
export function holdsCounted(holds: { kind: 'booking' | 'reservation' }[]): string {
  const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const bookings = holds.filter((h) => h.kind === 'booking').length;
  const reservations = holds.length - bookings;
  return [bookings ? counted(bookings, 'booking') : '', reservations ? counted(reservations, 'reservation') : ''].filter(Boolean).join(' and ');
}
