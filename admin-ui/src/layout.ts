// What each generated view shows, from the model and overrides.ts; the views render exactly
// these lists, so a field added to the schema lands in them with no code here.
import { overrides, type Overrides, type SortOverride } from './overrides';
import type { FieldModel, ResourceModel } from './schema';

const notByDefault = new Set(['id', 'version', 'createdAt']);

/** The list's columns: every field, the overrides' choice (else the first eight) shown at first. */
export function listColumns(r: ResourceModel, o: Overrides = overrides): { fields: FieldModel[]; shown: string[] } {
  const chosen = o.resources[r.name]?.columns;
  const fields = r.fields.filter((f) => f.name !== 'id');
  const shown = chosen
    ? chosen.filter((c) => fields.some((f) => f.name === c))
    : fields.filter((f) => !notByDefault.has(f.name) && f.widget !== 'json' && f.widget !== 'longtext' && f.widget !== 'markdown').slice(0, 8).map((f) => f.name);
  const order = [...shown, ...fields.map((f) => f.name).filter((n) => !shown.includes(n))];
  return { fields: order.map((n) => fields.find((f) => f.name === n)!), shown };
}

/** The show page: every field. */
export function showFields(r: ResourceModel): FieldModel[] {
  return r.fields;
}

const hiddenOf = (r: ResourceModel, o: Overrides) => new Set(o.resources[r.name]?.hidden ?? []);

/** The edit form's inputs: the update input's fields (but the id and version it carries). */
export function editFields(r: ResourceModel, o: Overrides = overrides): FieldModel[] {
  const hidden = hiddenOf(r, o);
  return (r.update?.fields ?? []).filter((f) => f.name !== 'id' && f.name !== 'version' && !hidden.has(f.name));
}

/** The fields the edit page shows read-only: derived ones, in no input. */
export function readOnlyFields(r: ResourceModel, o: Overrides = overrides): FieldModel[] {
  const inputs = new Set(editFields(r, o).map((f) => f.name));
  return r.fields.filter((f) => !inputs.has(f.name) && f.name !== 'id');
}

/** The create form's inputs: the create input's fields. */
export function createFields(r: ResourceModel, o: Overrides = overrides): FieldModel[] {
  const hidden = hiddenOf(r, o);
  return (r.create?.fields ?? []).filter((f) => !hidden.has(f.name));
}

export function defaultSort(r: ResourceModel, o: Overrides = overrides): SortOverride {
  const chosen = o.resources[r.name]?.defaultSort;
  if (chosen) return chosen;
  if (r.orderFields[r.labelField]) return { field: r.labelField, order: 'ASC' };
  return { field: 'id', order: 'ASC' };
}

export function pageSizes(r: ResourceModel, o: Overrides = overrides): number[] {
  return o.resources[r.name]?.pageSizes ?? [25, 50, 100];
}
