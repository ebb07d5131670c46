// The generated views: one list, show, edit and create for every resource, built from its
// model. Widgets follow the field's type; nothing here names a type of the API.
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import DOMPurify from 'dompurify';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  BulkDeleteButton,
  ChipField,
  Create,
  CreateButton,
  Datagrid,
  DatagridConfigurable,
  DateField,
  DateInput,
  DateTimeInput,
  DeleteButton,
  Edit,
  EditButton,
  ExportButton,
  FilterButton,
  Form,
  FunctionField,
  Labeled,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  Pagination,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  SaveButton,
  SearchInput,
  SelectColumnsButton,
  SelectInput,
  Show,
  ShowButton,
  SimpleForm,
  SimpleShowLayout,
  SingleFieldList,
  TextArrayInput,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  required,
  useCanAccess,
  useDataProvider,
  useEditContext,
  useInput,
  useListContext,
  useNotify,
  useRefresh,
  useUpdateMany,
  useRecordContext,
  useRedirect,
  type RaRecord,
  type Validator,
} from 'react-admin';
import { overrides } from './overrides';
import { createFields, defaultSort, editFields, listColumns, pageSizes, readOnlyFields, showFields } from './layout';
import { displayField, upperFirst, type FieldModel, type FilterModel, type Model, type ResourceModel } from './schema';
import { ALL_ROWS, MATCH, NOT, SHOWN_ONCE } from './provider';
import { ChangeHistory, domainExtras, Journal, ShownOnceDialog } from './screens';
import { renderMarkdown } from './markdown';
import { formatValue, overwriteDiffs } from './domain';
import { choosePath, defaultOperator, GROUP, groupItems, isGroup, operatorChoices, WHERE, whereSteps, whereValue, type Match, type WhereGroup, type WhereValue } from './where';

/** "assetNumber" → "Asset number". */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function resourceLabel(r: ResourceModel): string {
  return overrides.resources[r.name]?.label ?? humanize(r.name);
}

// --- validation of the network scalars, as the server checks them -----------------------

const hex = '[0-9a-fA-F]';
const macForms = [
  new RegExp(`^${hex}{2}([:-])${hex}{2}(\\1${hex}{2}){4}$`),
  new RegExp(`^${hex}{4}\\.${hex}{4}\\.${hex}{4}$`),
  new RegExp(`^${hex}{12}$`),
];
const ipv4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const isIpv6 = (s: string) => s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;

export const isMac = (s: string) => macForms.some((re) => re.test(s));
export const isIp = (s: string) => ipv4.test(s) || isIpv6(s);
export function isCidr(s: string): boolean {
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  const max = ipv4.test(addr) ? 32 : isIpv6(addr) ? 128 : -1;
  return max >= 0 && Number(bits) <= max;
}

const check =
  (test: (s: string) => boolean, what: string): Validator =>
  (value: unknown) => {
    const values = Array.isArray(value) ? value : [value];
    const bad = values.find((v) => v != null && v !== '' && !test(String(v).trim()));
    return bad === undefined ? undefined : `Not ${what}: ${bad}`;
  };
const validJson: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    JSON.parse(value);
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
};

const validators: Partial<Record<string, Validator>> = {
  mac: check(isMac, 'a MAC address (aa:bb:cc:dd:ee:ff)'),
  ip: check(isIp, 'an IP address'),
  cidr: check(isCidr, 'a network block such as 10.1.0.0/16'),
  json: validJson,
};

const toIso = (v: string) => (v ? new Date(v).toISOString() : null);
const jsonFormat = (v: unknown) => (v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

// --- Markdown -------------------------------------------------------------------------------

/** Markdown as HTML: escaped and filtered by renderMarkdown, then sanitized once more. */
export function MarkdownText({ text }: { text: string | null | undefined }) {
  if (!text) return <span>—</span>;
  return <Box className="markdown" sx={{ '& p': { my: 0.5 }, '& pre': { overflowX: 'auto' } }} dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(renderMarkdown(text)) }} />;
}

/** A Markdown text: written in a text area, its rendering previewed below as you type. */
function MarkdownInput(props: { source: string; label: string; validate: Validator[]; helperText: string | boolean }) {
  const text = useWatch({ name: props.source });
  const previewId = `${props.source}-preview`;
  return (
    <Box sx={{ width: '100%' }} className={`markdown-input markdown-input-${props.source}`}>
      <TextInput {...props} multiline minRows={3} helperText={props.helperText || 'Markdown'} />
      <Typography variant="caption" component="div" id={previewId} color="text.secondary">
        Preview
      </Typography>
      <Box role="region" aria-labelledby={previewId} className="markdown-preview" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1, mb: 2 }}>
        <MarkdownText text={text} />
      </Box>
    </Box>
  );
}

// --- fields -------------------------------------------------------------------------------

export function fieldView(f: FieldModel, model: Model, key?: string): ReactElement {
  const label = humanize(f.name);
  const common = { key: key ?? f.name, source: f.name, label };
  if (f.widget === 'references') {
    const target = model.byName[f.reference!];
    return (
      <ReferenceArrayField {...common} reference={f.reference!}>
        <SingleFieldList linkType="show" empty={<span>—</span>}>
          <ChipField source={displayField(target)} size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
    );
  }
  if (f.list) return <FunctionField {...common} render={(rec: any) => (rec?.[f.name] ?? []).join(', ')} />;
  switch (f.widget) {
    case 'reference': {
      const target = model.byName[f.reference!];
      return (
        <ReferenceField {...common} reference={f.reference!} link="show" emptyText="—">
          <TextField source={displayField(target)} />
        </ReferenceField>
      );
    }
    case 'number':
      return <NumberField {...common} />;
    case 'boolean':
      return <BooleanField {...common} />;
    case 'enum':
      return <ChipField {...common} size="small" emptyText="—" />;
    case 'datetime':
      return <DateField {...common} showTime emptyText="—" />;
    case 'date':
      return <DateField {...common} emptyText="—" />;
    case 'markdown':
      return <FunctionField {...common} render={(rec: any) => <MarkdownText text={rec?.[f.name]} />} />;
    case 'json':
      return (
        <FunctionField
          {...common}
          render={(rec: any) => (rec?.[f.name] == null ? '—' : <pre className="json">{JSON.stringify(rec[f.name], null, 2)}</pre>)}
        />
      );
    default:
      return <TextField {...common} emptyText="—" />;
  }
}

// --- inputs -------------------------------------------------------------------------------

export function inputView(f: FieldModel, model: Model, opts: { required?: boolean } = {}): ReactElement {
  const label = humanize(f.name);
  const validate: Validator[] = [];
  if (opts.required) validate.push(required());
  const v = validators[f.widget];
  if (v) validate.push(v);
  const common = { key: f.name, source: f.name, label, validate, helperText: f.description ?? false };
  if (f.widget === 'references') {
    const target = model.byName[f.reference!];
    return (
      <ReferenceArrayInput key={f.name} source={f.name} reference={f.reference!} sort={defaultSort(target)}>
        <AutocompleteArrayInput label={label} optionText={displayField(target)} filterToQuery={(q: string) => ({ q })} helperText={f.description ?? false} />
      </ReferenceArrayInput>
    );
  }
  if (f.list) return <TextArrayInput {...common} />;
  switch (f.widget) {
    case 'reference': {
      const target = model.byName[f.reference!];
      return (
        <ReferenceInput key={f.name} source={f.name} reference={f.reference!} sort={defaultSort(target)}>
          <AutocompleteInput
            label={label}
            optionText={displayField(target)}
            filterToQuery={(q: string) => ({ q })}
            validate={validate}
            helperText={f.description ?? false}
          />
        </ReferenceInput>
      );
    }
    case 'number':
      return <NumberInput {...common} />;
    case 'boolean':
      return <BooleanInput {...common} />;
    case 'enum':
      return <SelectInput {...common} choices={(f.enumValues ?? []).map((e) => ({ id: e, name: e }))} />;
    case 'datetime':
      return <DateTimeInput {...common} parse={toIso} />;
    case 'date':
      return <DateInput {...common} />;
    case 'json':
      return <TextInput {...common} multiline minRows={3} format={jsonFormat} />;
    case 'longtext':
      return <TextInput {...common} multiline minRows={2} />;
    case 'markdown':
      return <MarkdownInput {...common} />;
    default:
      return <TextInput {...common} />;
  }
}

function filterInputs(r: ResourceModel, model: Model): ReactElement[] {
  const out: ReactElement[] = [];
  const label = r.filters.find((f) => f.name === r.labelField && f.operators.includes('iContains'));
  const via = r.labelVia && r.filters.some((f) => f.name === r.labelVia!.field) ? r.labelVia : undefined;
  const what = label ? humanize(label.name).toLowerCase() : via ? `${humanize(via.field).toLowerCase()} ${humanize(via.targetField).toLowerCase()}` : undefined;
  if (what) out.push(<SearchInput key="q" source="q" alwaysOn placeholder={`Search ${what}`} aria-label={`Search ${what}`} />);
  for (const f of r.filters) {
    const el = filterInput(f, model);
    if (el) out.push(el);
    const opposite = negatedFilterInput(f, model);
    if (opposite) out.push(opposite);
    if (f.relation && model.filterTypes[f.relation]?.length) {
      const source = `${f.name}__${WHERE}`;
      const label = `${humanize(f.name)}${f.through ? ' (any of them)' : ''} where`;
      out.push(<WhereInput key={source} source={source} label={label} name={f.name} relation={f.relation} model={model} />);
    }
  }
  if (r.filterType && model.filterTypes[r.filterType]?.length) {
    out.push(<GroupInput key={GROUP} source={GROUP} label="Group of conditions" r={r} model={model} />);
  }
  if (r.filters.length > 1) {
    out.push(
      <SelectInput
        key={MATCH}
        source={MATCH}
        label="Match"
        emptyText="All filters"
        choices={[
          { id: 'all', name: 'All filters' },
          { id: 'any', name: 'Any filter' },
        ]}
      />,
    );
  }
  return out;
}

const localInput = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

/**
 * A condition on a related object's fields (rack__where, see where.ts), for a to-many relation
 * on any of them (nics__where): its fields, operator and value as ConditionFields offers them.
 * Every change sends the path, operator and value, null where cleared: the list merges a
 * filter's new value into its old one, so a key left out would keep its old value.
 */
function WhereInput({ source, label, name, relation, model }: { source: string; label: string; name: string; relation: string; model: Model }) {
  const { field } = useInput({ source });
  const w: WhereValue = field.value && typeof field.value === 'object' && Array.isArray(field.value.path) ? field.value : { path: [] };
  return (
    <Box role="group" aria-label={label} sx={{ display: 'flex', gap: 1, alignItems: 'flex-end', flexWrap: 'wrap' }}>
      <ConditionFields value={w} onChange={field.onChange} name={name} filterType={relation} model={model} />
    </Box>
  );
}

/**
 * A condition's inputs: a field of the filter input at each step, following relations (a
 * to-many one as "any of them") down to a scalar field, then its operator and value. What each
 * step offers is read from the schema; `name` names the first step ("Rack field").
 */
function ConditionFields(props: { value: WhereValue; onChange: (w: WhereValue) => void; name: string; filterType: string; model: Model; narrow?: boolean }) {
  const { value: w, onChange, name, filterType, model, narrow } = props;
  // narrower in a group, so that a condition and its Remove fit one line of the filter area
  const width = narrow ? { field: 140, operator: 130, value: 140 } : { field: 170, operator: 170, value: 200 };
  const steps = whereSteps(model, filterType, w.path);
  const last = steps[steps.length - 1]?.chosen;
  const scalar = last && !last.relation ? last : undefined;
  const select = { select: { native: true }, inputLabel: { shrink: true } } as const;
  const shown = w.value === undefined || w.value === null ? '' : scalar?.widget === 'datetime' ? localInput(String(w.value)) : String(w.value);
  const yesNo = scalar && (w.op === 'isNull' || scalar.widget === 'boolean');
  return (
    <>
      {steps.map((step, i) => {
        const what = humanize(i === 0 ? name : steps[i - 1].chosen!.name);
        return (
          <MuiTextField
            key={`${i}-${step.filterType}`}
            select
            size="small"
            sx={{ width: width.field }}
            label={`${what} field`}
            value={step.chosen?.name ?? ''}
            onChange={(e) => {
              const chosen = step.fields.find((f) => f.name === e.target.value);
              onChange({ path: choosePath(steps, i, chosen), op: (chosen && !chosen.relation && defaultOperator(chosen)) || null, value: null });
            }}
            slotProps={select}
          >
            <option value="">—</option>
            {step.fields.map((f) => (
              <option key={f.name} value={f.name}>
                {`${humanize(f.name)}${f.relation ? (f.through ? ' (any of them) ›' : ' ›') : ''}`}
              </option>
            ))}
          </MuiTextField>
        );
      })}
      {scalar ? (
        <>
          <MuiTextField
            select
            size="small"
            sx={{ width: width.operator }}
            label={`${humanize(scalar.name)} operator`}
            value={w.op ?? ''}
            onChange={(e) => onChange({ ...w, op: e.target.value, value: null })}
            slotProps={select}
          >
            {operatorChoices(scalar).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </MuiTextField>
          {yesNo || (scalar.widget === 'enum' && w.op !== 'isNull') ? (
            <MuiTextField
              select
              size="small"
              sx={{ width: width.value }}
              label={`${humanize(scalar.name)} value`}
              value={shown}
              onChange={(e) => onChange({ ...w, value: whereValue(scalar, w.op!, e.target.value) ?? null })}
              slotProps={select}
            >
              <option value="">—</option>
              {(yesNo ? ['true', 'false'] : (scalar.enumValues ?? [])).map((v) => (
                <option key={v} value={v}>
                  {yesNo ? (v === 'true' ? 'yes' : 'no') : v}
                </option>
              ))}
            </MuiTextField>
          ) : (
            <MuiTextField
              size="small"
              sx={{ width: width.value }}
              label={`${humanize(scalar.name)} value`}
              type={scalar.widget === 'number' ? 'number' : scalar.widget === 'datetime' ? 'datetime-local' : scalar.widget === 'date' ? 'date' : 'text'}
              value={shown}
              onChange={(e) => onChange({ ...w, value: whereValue(scalar, w.op!, e.target.value) ?? null })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          )}
        </>
      ) : null}
    </>
  );
}

const matchChoices: { id: Match; name: string }[] = [
  { id: 'all', name: 'All of these' },
  { id: 'any', name: 'Any of these' },
  { id: 'none', name: 'None of these' },
];

/**
 * A group of conditions (_group, see where.ts): conditions on the listed type's own fields or
 * through its relations, and groups within it to any depth, each group with its own All / Any /
 * None choice and a remove button, a group within another optionally through a relation. The
 * whole group is sent on every change: the list replaces a list within a filter's value rather
 * than merging it.
 */
function GroupInput({ source, label, r, model }: { source: string; label: string; r: ResourceModel; model: Model }) {
  const { field } = useInput({ source });
  const g: WhereGroup = isGroup(field.value) ? field.value : { match: 'all', items: [] };
  return <GroupFields group={g} onChange={field.onChange} label={label} number="" outer={{ filterType: r.filterType!, name: r.typeName }} model={model} />;
}

/** Where a group's conditions start: a filter input, and the name of its first step ("Host field"). */
interface Scope {
  filterType: string;
  name: string;
}

/**
 * One group's inputs; `number` places a nested one ("2.1": the first item of the top group's
 * second). A nested group may go through a relation of the group it is in (Nics (any of them)):
 * its conditions then start at that relation's filter input and hold for one related object.
 */
function GroupFields(props: { group: WhereGroup; onChange: (g: WhereGroup) => void; onRemove?: () => void; label: string; number: string; outer: Scope; model: Model }) {
  const { group, onChange, onRemove, label, number, outer, model } = props;
  const items = groupItems(group);
  const named = number ? `group ${number}` : '';
  const relations = number ? (model.filterTypes[outer.filterType] ?? []).filter((f) => f.relation) : [];
  const through = Array.isArray(group.through) && group.through.length ? whereSteps(model, outer.filterType, group.through)[0]?.chosen : undefined;
  const scope: Scope = through?.relation ? { filterType: through.relation, name: through.name } : outer;
  const at = (i: number) => (number ? `${number}.${i + 1}` : String(i + 1));
  const set = (i: number, x: WhereValue | WhereGroup) => onChange({ ...group, items: items.map((y, j) => (j === i ? x : y)) });
  const remove = (i: number) => onChange({ ...group, items: items.filter((_, j) => j !== i) });
  const row = { display: 'flex', gap: 1, alignItems: 'flex-end', flexWrap: 'wrap' } as const;
  return (
    <Box role="group" aria-label={number ? upperFirst(named) : label} className="filter-group" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={row}>
        {relations.length ? (
          <MuiTextField
            select
            size="small"
            sx={{ width: 150 }}
            label={`${upperFirst(named)} through`}
            value={through?.name ?? ''}
            // the conditions in it were chosen from the other relation's fields: they start anew
            onChange={(e) => {
              const f = relations.find((x) => x.name === e.target.value);
              onChange({ ...group, through: f ? (f.through ? [f.name, f.through] : [f.name]) : [], items: [] });
            }}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            <option value="">—</option>
            {relations.map((f) => (
              <option key={f.name} value={f.name}>
                {`${humanize(f.name)}${f.through ? ' (any of them)' : ''}`}
              </option>
            ))}
          </MuiTextField>
        ) : null}
        <MuiTextField
          select
          size="small"
          sx={{ width: 150 }}
          label={number ? `${upperFirst(named)} match` : 'Group match'}
          value={group.match}
          onChange={(e) => onChange({ ...group, match: e.target.value as Match })}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {matchChoices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </MuiTextField>
        <MuiButton size="small" aria-label={number ? `Add condition to ${named}` : undefined} onClick={() => onChange({ ...group, items: [...items, { path: [], op: null, value: null }] })}>
          Add condition
        </MuiButton>
        <MuiButton
          size="small"
          aria-label={number ? `Add group to ${named}` : undefined}
          // a group within another mostly says the other thing: any of these within all of them
          onClick={() => onChange({ ...group, items: [...items, { match: group.match === 'all' ? 'any' : 'all', items: [] }] })}
        >
          Add group
        </MuiButton>
        {onRemove ? (
          <MuiButton size="small" aria-label={`Remove ${named}`} onClick={onRemove}>
            Remove group
          </MuiButton>
        ) : null}
      </Box>
      {items.map((x, i) =>
        isGroup(x) ? (
          <GroupFields key={i} group={x} onChange={(y) => set(i, y)} onRemove={() => remove(i)} label={label} number={at(i)} outer={scope} model={model} />
        ) : (
          <Box key={i} role="group" aria-label={`Condition ${at(i)}`} sx={row}>
            <ConditionFields value={x && Array.isArray(x.path) ? x : { path: [] }} onChange={(y) => set(i, y)} name={scope.name} filterType={scope.filterType} model={model} narrow />
            <MuiButton size="small" aria-label={`Remove condition ${at(i)}`} onClick={() => remove(i)}>
              Remove
            </MuiButton>
          </Box>
        ),
      )}
    </Box>
  );
}

/** The opposite of a filter (not__status__eq), for the kinds where it reads naturally. */
function negatedFilterInput(f: FilterModel, model: Model): ReactElement | undefined {
  const name = humanize(f.name);
  const source = `${NOT}${f.name}`;
  switch (f.widget) {
    case 'reference':
      return (
        <ReferenceInput key={source} source={source} reference={f.reference!} label={`${name} is not`}>
          <AutocompleteInput label={`${name} is not`} optionText={displayField(model.byName[f.reference!])} filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
      );
    case 'enum':
      return <SelectInput key={source} source={`${source}__eq`} label={`${name} is not`} choices={(f.enumValues ?? []).map((e) => ({ id: e, name: e }))} />;
    case 'text':
    case 'longtext':
    case 'markdown':
      return f.operators.includes('iContains') ? <TextInput key={source} source={`${source}__iContains`} label={`${name} does not contain`} /> : undefined;
    default:
      return undefined;
  }
}

function filterInput(f: FilterModel, model: Model): ReactElement | undefined {
  const name = humanize(f.name);
  const has = (op: string) => f.operators.includes(op);
  switch (f.widget) {
    case 'reference':
      return (
        <ReferenceInput key={f.name} source={f.name} reference={f.reference!} label={name}>
          <AutocompleteInput label={name} optionText={displayField(model.byName[f.reference!])} filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
      );
    case 'enum':
      return <SelectInput key={f.name} source={`${f.name}__eq`} label={name} choices={(f.enumValues ?? []).map((e) => ({ id: e, name: e }))} />;
    case 'boolean':
      return <NullableBooleanInput key={f.name} source={`${f.name}__eq`} label={name} />;
    case 'number':
      return <NumberInput key={f.name} source={`${f.name}__eq`} label={name} />;
    case 'datetime':
    case 'date':
      return <DateTimeInput key={f.name} source={`${f.name}__gte`} label={`${name} from`} parse={toIso} />;
    case 'mac':
      return <TextInput key={f.name} source={`${f.name}__startsWith`} label={`${name} starts with`} />;
    case 'ip':
      return <TextInput key={f.name} source={has('inSubnet') ? `${f.name}__inSubnet` : `${f.name}__eq`} label={has('inSubnet') ? `${name} in subnet` : name} />;
    case 'cidr':
      return <TextInput key={f.name} source={has('containsIp') ? `${f.name}__containsIp` : `${f.name}__eq`} label={has('containsIp') ? `${name} contains ip` : name} />;
    case 'id':
      return undefined;
    default:
      return has('iContains') ? <TextInput key={f.name} source={`${f.name}__iContains`} label={`${name} contains`} /> : undefined;
  }
}

// --- the four views ---------------------------------------------------------------------------

export function makeList(r: ResourceModel, model: Model) {
  const sizes = pageSizes(r);
  const { fields: cols, shown } = listColumns(r);
  const omit = cols.map((f) => f.name).filter((n) => !shown.includes(n));
  const filters = filterInputs(r, model);
  const DomainActions = domainExtras[r.name]?.listActions;
  const ListActions = () => {
    const { canAccess: canCreate } = useCanAccess({ resource: r.name, action: 'create' });
    return (
      <TopToolbar>
        {DomainActions ? <DomainActions /> : null}
        <SelectColumnsButton />
        <FilterButton />
        {r.create && canCreate ? <CreateButton /> : null}
        <ExportButton meta={ALL_ROWS} />
      </TopToolbar>
    );
  };
  const BulkActions = () => {
    const { canAccess: canDelete } = useCanAccess({ resource: r.name, action: 'delete' });
    const { canAccess: canEdit } = useCanAccess({ resource: r.name, action: 'edit' });
    return (
      <>
        {r.bulkUpdate && canEdit ? <BulkEditButton r={r} model={model} /> : null}
        {(r.bulkDelete || r.delete) && canDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : null}
      </>
    );
  };
  const hasBulk = !!(r.bulkDelete || r.delete || r.bulkUpdate);
  return function GeneratedList() {
    return (
      <List
        resource={r.name}
        title={resourceLabel(r)}
        filters={filters}
        actions={<ListActions />}
        perPage={sizes[0]}
        sort={defaultSort(r)}
        pagination={<Pagination rowsPerPageOptions={sizes} />}
      >
        <DatagridConfigurable rowClick="show" omit={omit} bulkActionButtons={hasBulk ? <BulkActions /> : false}>
          {cols.map((f) => {
            const el = fieldView(f, model);
            return { ...el, props: { ...(el.props as object), sortable: !!r.orderFields[f.name], sortBy: f.name } } as ReactElement;
          })}
        </DatagridConfigurable>
      </List>
    );
  };
}

/** "Add booking" on a bookable's page: the child's create form with the parent filled in. */
function AddChild({ child, back }: { parent: ResourceModel; child: ResourceModel; back: string }) {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: child.name, action: 'create' });
  if (!child.create || !canAccess || !record || !child.create.fields.some((f) => f.name === back)) return null;
  const to = `/${child.name}/create?source=${encodeURIComponent(JSON.stringify({ [back]: record.id }))}`;
  return (
    <MuiButton component={Link} to={to} size="small" sx={{ ml: 1 }}>
      Add {humanize(child.typeName).toLowerCase()}
    </MuiButton>
  );
}

/** Bulk edit: one partial patch for the selected objects, all or nothing (bulkUpdateX). */
function BulkEditButton({ r, model }: { r: ResourceModel; model: Model }) {
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [updateMany, { isPending }] = useUpdateMany();
  const notify = useNotify();
  const refresh = useRefresh();
  const fields = editFields(r);
  const save = async (values: Record<string, unknown>) => {
    // only what was filled in: an untouched input changes nothing
    const patch = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    if (!Object.keys(patch).length) return setError('Fill in what to change.');
    setError(null);
    try {
      await updateMany(r.name, { ids: selectedIds, data: patch }, { returnPromise: true });
      notify(`${selectedIds.length} changed`, { type: 'info' });
      setOpen(false);
      onUnselectItems();
      refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <MuiButton size="small" onClick={() => setOpen(true)}>
        Bulk edit
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="bulk-edit-title" fullWidth maxWidth="sm">
        <DialogTitle id="bulk-edit-title">{`Change ${selectedIds.length} ${resourceLabel(r).toLowerCase()}`}</DialogTitle>
        <Form onSubmit={save} record={{}}>
          <DialogContent>
            {error ? (
              <Alert severity="error" role="alert" sx={{ mb: 2, whiteSpace: 'pre-line' }} className="form-error">
                {error}
              </Alert>
            ) : null}
            {fields.map((f) => inputView(f, model))}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>Cancel</MuiButton>
            <SaveButton label={`Change ${selectedIds.length}`} disabled={isPending} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}

function RecordTitle({ r }: { r: ResourceModel }) {
  const record = useRecordContext();
  const name = record?.[displayField(r)];
  return <span>{`${humanize(r.typeName)}${name ? ` ${name}` : ''}`}</span>;
}

export function makeShow(r: ResourceModel, model: Model) {
  const extra = domainExtras[r.name];
  const DomainActions = extra?.showActions;
  const Extra = extra?.show;
  const Actions = () => {
    const { canAccess: canEdit } = useCanAccess({ resource: r.name, action: 'edit' });
    return (
      <TopToolbar>
        {DomainActions ? <DomainActions /> : null}
        {r.update && canEdit ? <EditButton /> : null}
      </TopToolbar>
    );
  };
  const children = r.connections.filter((c) => c.backReference && model.byName[c.resource]);
  // every object with a change log shows it, with diffs and revert
  const history = r.connections.some((c) => c.name === 'changes' && c.resource === 'objectChanges');
  // and its journal, where it has one, with Add entry
  const journal = r.connections.some((c) => c.resource === 'journalEntries');
  return function GeneratedShow() {
    return (
      <Show resource={r.name} title={<RecordTitle r={r} />} actions={<Actions />}>
        <SimpleShowLayout>
          {showFields(r).map((f) => fieldView(f, model))}
          {children.map((c) => {
            const child = model.byName[c.resource];
            return (
              <ReferenceManyField
                key={c.name}
                label={<>{humanize(c.name)} <AddChild parent={r} child={child} back={c.backReference!} /></>}
                reference={c.resource}
                target={c.backReference!}
                perPage={10}
                pagination={<Pagination rowsPerPageOptions={[10]} />}
              >
                <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>None</span>}>
                  {listColumns(child)
                    .fields.filter((f) => listColumns(child).shown.includes(f.name))
                    .filter((f) => f.name !== c.backReference)
                    .slice(0, 5)
                    .map((f) => fieldView(f, model))}
                </Datagrid>
              </ReferenceManyField>
            );
          })}
        </SimpleShowLayout>
        {Extra ? <Extra r={r} /> : null}
        {journal ? <Journal r={r} /> : null}
        {history ? <ChangeHistory r={r} /> : null}
      </Show>
    );
  };
}

/** Form-level errors (a UserError naming no field) and the stale-version notice with its choice. */
function FormErrors({ onReload, onCompare }: { onReload?: () => void; onCompare?: () => void }) {
  const { errors } = useFormState();
  const root = errors.root as Record<string, { message?: string }> | undefined;
  const ref = useRef<HTMLDivElement>(null);
  const message = root?.serverError?.message;
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  if (root?.stale) {
    return (
      <Alert
        severity="warning"
        role="alert"
        ref={ref}
        tabIndex={-1}
        className="stale-notice"
        sx={{ mb: 2, width: '100%' }}
        action={
          onReload ? (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <MuiButton color="inherit" size="small" onClick={onReload}>
                Reload
              </MuiButton>
              {onCompare ? (
                <MuiButton color="inherit" size="small" onClick={onCompare}>
                  Show differences and overwrite
                </MuiButton>
              ) : null}
            </Box>
          ) : undefined
        }
      >
        Someone changed this object since you opened it, so nothing was saved. Reload to see the current version (your
        edits here are kept until you reload), or see how your edits differ from it and save them over it. {message}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert" ref={ref} tabIndex={-1} className="form-error" sx={{ mb: 2, width: '100%', whiteSpace: 'pre-line' }}>
      {message}
    </Alert>
  );
}

function EditToolbar({ r }: { r: ResourceModel }) {
  const { canAccess } = useCanAccess({ resource: r.name, action: 'delete' });
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      {r.delete && canAccess ? <DeleteButton mutationMode="pessimistic" /> : null}
    </Toolbar>
  );
}

/** The stale-version choice: reload the object, or compare with it and save the edits over it. */
function Reloadable({ r }: { r: ResourceModel }) {
  const { refetch, record } = useEditContext();
  const { reset, getValues } = useFormContext();
  const dataProvider = useDataProvider();
  const redirect = useRedirect();
  const notify = useNotify();
  const [, setN] = useState(0);
  const [current, setCurrent] = useState<RaRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = editFields(r).map((f) => f.name);
  const diffs = current ? overwriteDiffs(inputs, getValues(), current) : [];
  const compare = async () => {
    setError(null);
    try {
      setCurrent((await dataProvider.getOne(r.name, { id: record!.id })).data);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const overwrite = async () => {
    setBusy(true);
    setError(null);
    try {
      // the edits against the object as it is now, with its version: only what differs is sent
      const { data } = await dataProvider.update(r.name, { id: record!.id, data: getValues(), previousData: current! });
      reset(data);
      setCurrent(null);
      notify('Your edits were saved over the current version', { type: 'info' });
      redirect('show', r.name, data.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <FormErrors
        onReload={async () => {
          const res = await refetch();
          if (res.data) reset(res.data);
          setN((n) => n + 1);
        }}
        onCompare={record ? compare : undefined}
      />
      <Dialog open={!!current} onClose={() => setCurrent(null)} aria-labelledby="overwrite-title" fullWidth maxWidth="md">
        <DialogTitle id="overwrite-title">Your edits and the current version</DialogTitle>
        <DialogContent>
          {error ? (
            <Alert severity="error" role="alert" className="form-error" sx={{ mb: 2, whiteSpace: 'pre-line' }}>
              {error}
            </Alert>
          ) : null}
          {diffs.length ? (
            <Table size="small" aria-label="Differences" className="overwrite-diffs">
              <TableHead>
                <TableRow>
                  <TableCell>Field</TableCell>
                  <TableCell>Saved now (version {String(current?.version ?? '?')})</TableCell>
                  <TableCell>Your edit</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {diffs.map((d) => (
                  <TableRow key={d.field} className="overwrite-diff" data-field={d.field}>
                    <TableCell>{humanize(d.field)}</TableCell>
                    <TableCell>{formatValue(d.before)}</TableCell>
                    <TableCell>{formatValue(d.after)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <Typography variant="body2">Your edits match the current version: saving changes nothing.</Typography>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setCurrent(null)}>Cancel</MuiButton>
          <MuiButton variant="contained" onClick={overwrite} disabled={busy}>
            Overwrite with your edits
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

function ReadOnlyFields({ r, model }: { r: ResourceModel; model: Model }) {
  const derived = readOnlyFields(r);
  if (!derived.length) return null;
  return (
    <>
      {derived.map((f) => (
        <Labeled key={f.name} label={`${humanize(f.name)} (read-only)`}>
          {fieldView(f, model)}
        </Labeled>
      ))}
    </>
  );
}

export function makeEdit(r: ResourceModel, model: Model) {
  const fields = editFields(r);
  return function GeneratedEdit() {
    return (
      <Edit resource={r.name} mutationMode="pessimistic" redirect="show" title={<RecordTitle r={r} />} actions={<TopToolbar><ShowButton /></TopToolbar>}>
        <SimpleForm toolbar={<EditToolbar r={r} />} warnWhenUnsavedChanges>
          <Reloadable r={r} />
          {fields.map((f) => inputView(f, model))}
          <ReadOnlyFields r={r} model={model} />
        </SimpleForm>
      </Edit>
    );
  };
}

export function makeCreate(r: ResourceModel, model: Model) {
  const fields = createFields(r);
  const once = (r.create?.extras ?? []).some((x) => x !== r.payloadField);
  return function GeneratedCreate() {
    const redirect = useRedirect();
    const notify = useNotify();
    const [shown, setShown] = useState<{ id: unknown; values: Record<string, unknown> } | null>(null);
    // a payload with something shown only once (a token's key): shown before leaving the form
    const mutationOptions = once
      ? {
          onSuccess: (data: any) => {
            notify(`${humanize(r.typeName)} created`, { type: 'info' });
            if (data?.[SHOWN_ONCE]) setShown({ id: data.id, values: data[SHOWN_ONCE] });
            else redirect('show', r.name, data.id);
          },
        }
      : undefined;
    return (
      <>
        <Create resource={r.name} redirect="show" title={`New ${humanize(r.typeName).toLowerCase()}`} mutationOptions={mutationOptions}>
          <SimpleForm>
            <FormErrors />
            {fields.map((f) => inputView(f, model, { required: f.nonNull }))}
          </SimpleForm>
        </Create>
        <ShownOnceDialog
          values={shown?.values ?? null}
          onClose={() => {
            const id = shown?.id;
            setShown(null);
            redirect('show', r.name, id as string);
          }}
        />
      </>
    );
  };
}
