// The domain screens (issue 12 item 5), built from the generated pieces: the model, the
// field views and inputs, the data provider's conventions. They name the API's domain
// (conflicts, loans, jobs), never a field list: what each shows comes from the schema.
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Grid,
  List as MuiList,
  ListItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Form, SaveButton, Title, useCanAccess, useGetIdentity, useNotify, usePermissions, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { Link } from 'react-router-dom';
import { useApi, useSubscription } from './api';
import { mayWrite } from './auth';
import { applyJobUpdate, byDay, calendarHolds, countsByQuery, errorsMessage, fieldDiffs, formatValue, holdsCounted, kindDetails, overlapping, prepend, todayWindow, type CalendarHold } from './domain';
import type { UserError } from './provider';
import { kindsSelection, namedSelection, type FieldModel, type InputModel, type Model, type ResourceModel } from './schema';
import { humanize, inputView, MarkdownText } from './views';

const ERRORS = 'errors { field message code }';
const isStaff = (role: unknown) => role === 'STAFF' || role === 'ADMIN';
const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
const showPath = (resource: string, id: string) => `/${resource}/${encodeURIComponent(id)}/show`;

/** Runs an action mutation and answers its payload, or its UserErrors as one message. */
async function act(execute: ReturnType<typeof useApi>['execute'], action: InputModel, input: unknown, selection: string) {
  const q = `mutation Act($input: ${action.inputType}!) { ${action.mutation}(input: $input) { ${selection} ${ERRORS} } }`;
  const payload = (await execute(q, { input }))[action.mutation];
  if (payload.errors?.length) throw new Error(errorsMessage(payload.errors as UserError[]));
  return payload;
}

function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert severity="error" role="alert" className="form-error" sx={{ my: 1, whiteSpace: 'pre-line' }}>
      {message}
    </Alert>
  );
}

/**
 * A section of a show page (history, journal, calendar): its title (with what `actions` puts
 * beside it), the error of reading it, "Loading…" until its items are read, `empty` when there
 * are none, else the items as `list` shows them; `children` follow in every state.
 */
function Section<T>({ name, title, actions, error, items, empty, list, children }: {
  name: string;
  title: string;
  actions?: ReactNode;
  error: string | null;
  items: T[] | null;
  empty: string;
  list: (items: T[]) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={`${name}-title`} sx={{ p: 2 }} className={name}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h6" component="h2" id={`${name}-title`}>
          {title}
        </Typography>
        {actions}
      </Box>
      <ErrorAlert message={error} />
      {items === null ? <Typography variant="body2">Loading…</Typography> : items.length === 0 ? <Typography variant="body2">{empty}</Typography> : list(items)}
      {children}
    </Box>
  );
}

// --- change history ---------------------------------------------------------------------------

/** An object's change log (its `changes` connection) as field diffs, each with Revert. */
export function ChangeHistory({ r }: { r: ResourceModel }) {
  const record = useRecordContext();
  const { execute } = useApi();
  const { permissions } = usePermissions();
  const refresh = useRefresh();
  const notify = useNotify();
  const [changes, setChanges] = useState<any[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [revertError, setRevertError] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const id = record?.id;
  const version = record?.version;
  useEffect(() => {
    if (!id) return;
    let live = true;
    execute(
      `query History($id: ID!) { node(id: $id) { ... on ${r.typeName} { changes(orderBy: [{ field: CREATED_AT, direction: DESC }], first: 25) {
        totalCount nodes { id createdAt action userName requestId changedFields dataBefore dataAfter } } } } }`,
      { id },
    )
      .then((d) => {
        if (!live) return;
        setChanges(d.node?.changes?.nodes ?? []);
        setTotal(d.node?.changes?.totalCount ?? 0);
      })
      .catch((e) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [id, version, execute, r.typeName]);
  if (!id) return null;
  // staff and admins, on a type they may write in some way (a token's revert is then refused by the API)
  const mayRevert = isStaff(permissions) && (['create', 'edit', 'delete'] as const).some((a) => mayWrite(permissions, r, a));
  const revert = async (change: any) => {
    setBusy(change.id);
    setRevertError((x) => ({ ...x, [change.id]: '' }));
    try {
      const q = `mutation Revert($input: RevertChangeInput!) { revertChange(input: $input) { node { id } ${ERRORS} } }`;
      const payload = (await execute(q, { input: { id: change.id } })).revertChange;
      if (payload.errors?.length) throw new Error(errorsMessage(payload.errors));
      notify('The change was reverted', { type: 'info' });
      refresh();
    } catch (e) {
      setRevertError((x) => ({ ...x, [change.id]: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section
      name="change-history"
      title="History"
      error={error}
      items={changes}
      empty="No changes recorded."
      list={(changes) => (
        <Table size="small" aria-label="Changes">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>Action</TableCell>
              <TableCell>Fields (before → after)</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {changes.map((c) => (
              <TableRow key={c.id} className="change-row" data-action={c.action}>
                <TableCell>{when(c.createdAt)}</TableCell>
                <TableCell>{c.userName ?? 'system'}</TableCell>
                <TableCell>
                  <Chip size="small" label={c.action} />
                </TableCell>
                <TableCell>
                  <Box component="ul" sx={{ m: 0, pl: 2 }}>
                    {fieldDiffs(c).map((d) => (
                      <li key={d.field} className="change-diff" data-field={d.field}>
                        <strong>{humanize(d.field)}</strong>: <del>{formatValue(d.before)}</del> → <ins>{formatValue(d.after)}</ins>
                      </li>
                    ))}
                  </Box>
                  <ErrorAlert message={revertError[c.id] || null} />
                </TableCell>
                <TableCell>
                  {mayRevert ? (
                    <MuiButton size="small" disabled={busy === c.id} onClick={() => revert(c)} aria-label={`Revert the ${c.action.toLowerCase()} of ${when(c.createdAt)}`}>
                      Revert
                    </MuiButton>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    >
      {total > 25 ? (
        <MuiButton component={Link} to={`/objectChanges?filter=${encodeURIComponent(JSON.stringify({ objectId: id }))}`} size="small">
          All {total} changes
        </MuiButton>
      ) : null}
    </Section>
  );
}

// --- journal -------------------------------------------------------------------------------------

/** An object's journal (its connection to journal entries), newest first, with Add entry. */
export function Journal({ r }: { r: ResourceModel }) {
  const record = useRecordContext();
  const { execute, model } = useApi();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const entries = model.byName.journalEntries;
  const connection = r.connections.find((c) => c.resource === 'journalEntries');
  const [items, setItems] = useState<any[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [reads, setReads] = useState(0);
  const id = record?.id;
  useEffect(() => {
    if (!id || !connection) return;
    let live = true;
    execute(
      `query Journal($id: ID!) { node(id: $id) { ... on ${r.typeName} { ${connection.name}(orderBy: [{ field: CREATED_AT, direction: DESC }], first: 25) {
        totalCount nodes { id createdAt kind comments author { id username displayName } } } } } }`,
      { id },
    )
      .then((d) => {
        if (!live) return;
        setItems(d.node?.[connection.name]?.nodes ?? []);
        setTotal(d.node?.[connection.name]?.totalCount ?? 0);
      })
      .catch((e) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [id, reads, execute, r.typeName, connection]);
  if (!id || !connection || !entries) return null;
  const mayAdd = !!entries.create && mayWrite(permissions, entries, 'create');
  return (
    <Section
      name="journal"
      title="Journal"
      actions={
        mayAdd ? (
          <MuiButton size="small" onClick={() => setAdding(true)}>
            Add entry
          </MuiButton>
        ) : null
      }
      error={error}
      items={items}
      empty="No entries."
      list={(items) => (
        <MuiList dense>
          {items.map((e) => (
            <ListItem key={e.id} className="journal-entry" data-id={e.id} sx={{ display: 'block', borderBottom: 1, borderColor: 'divider' }}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Chip size="small" label={e.kind} />
                <Typography variant="caption">
                  {when(e.createdAt)} · {e.author?.displayName ?? e.author?.username ?? 'a deleted user'}
                </Typography>
              </Box>
              <MarkdownText text={e.comments} />
            </ListItem>
          ))}
        </MuiList>
      )}
    >
      {total > 25 ? (
        <MuiButton component={Link} to={`/journalEntries?filter=${encodeURIComponent(JSON.stringify({ objectId: id }))}`} size="small">
          All {total} entries
        </MuiButton>
      ) : null}
      {adding && entries.create ? (
        <ActionDialog
          title="Add journal entry"
          action={entries.create}
          defaults={{}}
          fixed={{ object: id }}
          selection={`${entries.payloadField} { id }`}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            notify('Journal entry added', { type: 'info' });
            setReads((n) => n + 1);
          }}
        />
      ) : null}
    </Section>
  );
}

// --- a bookable's calendar ---------------------------------------------------------------------------

const timeOf = (iso?: string | null) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '…');
const localIso = (v: string) => (v ? new Date(v).toISOString() : '');

/**
 * A bookable's holds still to come by day: its bookings (its calendar connection) and its live
 * reservations (not cancelled, not ended; an open one runs until it is ended), told apart, and
 * Book this, showing what a new booking would overlap.
 */
export function BookableCalendar({ r }: { r: ResourceModel }) {
  const record = useRecordContext();
  const { execute, model } = useApi();
  const { permissions } = usePermissions();
  const redirect = useRedirect();
  const notify = useNotify();
  const bookings = model.byName.bookings;
  const withReservations = r.connections.some((c) => c.name === 'reservations');
  const [holds, setHolds] = useState<CalendarHold<any>[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bookError, setBookError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = record?.id;
  const version = record?.version;
  useEffect(() => {
    if (!id) return;
    let live = true;
    const hold = 'nodes { id start end comment owner { id username } }';
    const reservations = withReservations
      ? `reservations(filter: { cancelledAt: { isNull: true }, or: [{ end: { isNull: true } }, { end: { gt: $now } }] }, orderBy: [{ field: START, direction: ASC }], first: 100) { ${hold} }`
      : '';
    execute(
      `query Calendar($id: ID!${withReservations ? ', $now: DateTime!' : ''}) { node(id: $id) { ... on ${r.typeName} {
        calendar(orderBy: [{ field: START, direction: ASC }], first: 100) { ${hold} } ${reservations} } } }`,
      withReservations ? { id, now: new Date().toISOString() } : { id },
    )
      .then((d) => live && setHolds(calendarHolds(d.node?.calendar?.nodes ?? [], d.node?.reservations?.nodes ?? [])))
      .catch((e) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [id, version, execute, r.typeName, withReservations]);
  if (!id) return null;
  const chosen = from && to && Date.parse(from) < Date.parse(to);
  const clash = chosen ? overlapping(holds ?? [], localIso(from), localIso(to)) : [];
  const mayBook = !!bookings?.create && mayWrite(permissions, bookings, 'create');
  const book = async () => {
    setBusy(true);
    setBookError(null);
    try {
      const payload = await act(execute, bookings.create!, { bookable: id, start: localIso(from), end: localIso(to) }, `${bookings.payloadField} { id }`);
      notify('Booked', { type: 'info' });
      redirect('show', 'bookings', payload[bookings.payloadField].id);
    } catch (e) {
      setBookError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const period = (h: CalendarHold<any>) =>
    h.end == null
      ? `${timeOf(h.start)}–open, until ended`
      : `${timeOf(h.start)}–${timeOf(h.end)}${new Date(h.end).toDateString() !== new Date(h.start).toDateString() ? ` (${when(h.end)})` : ''}`;
  const hold = (h: CalendarHold<any>) => (
    <ListItem
      key={h.id}
      className={`calendar-hold calendar-${h.kind}`}
      data-id={h.id}
      data-kind={h.kind}
      sx={{ py: 0, gap: 1, borderLeft: 3, borderLeftStyle: h.kind === 'reservation' ? 'dashed' : 'solid', borderColor: h.kind === 'reservation' ? 'secondary.main' : 'primary.main' }}
    >
      <Chip size="small" variant={h.kind === 'reservation' ? 'outlined' : 'filled'} color={h.kind === 'reservation' ? 'secondary' : 'primary'} label={h.kind === 'reservation' ? 'Reservation' : 'Booking'} />
      <Link to={showPath(h.kind === 'reservation' ? 'reservations' : 'bookings', h.id)}>{period(h)}</Link>
      {h.owner?.username ?? ''}
      {h.comment ? `: ${h.comment}` : ''}
    </ListItem>
  );
  return (
    <Section
      name="bookable-calendar"
      title="Calendar"
      error={error}
      items={holds}
      empty={withReservations ? 'No bookings or reservations to come.' : 'No bookings to come.'}
      list={(holds) =>
        byDay(holds).map(([day, hs]) => (
          <Box key={day} sx={{ mb: 1 }}>
            <Typography variant="subtitle2" component="h3">
              {day}
            </Typography>
            <MuiList dense disablePadding>
              {hs.map(hold)}
            </MuiList>
          </Box>
        ))
      }
    >
      {mayBook ? (
        <Box component="form" aria-label="Book this" sx={{ mt: 2, display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }} onSubmit={(e) => { e.preventDefault(); book(); }}>
          <MuiTextField label="From" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <MuiTextField label="To" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <MuiButton type="submit" variant="contained" disabled={!chosen || busy}>
            Book this
          </MuiButton>
        </Box>
      ) : null}
      {clash.length ? (
        <Alert severity="warning" className="overlap-list" sx={{ mt: 1 }}>
          {`Overlaps ${holdsCounted(clash)}:`}
          <MuiList dense disablePadding>
            {clash.map(hold)}
          </MuiList>
        </Alert>
      ) : null}
      <ErrorAlert message={bookError} />
    </Section>
  );
}

// --- scan conflicts -----------------------------------------------------------------------------

/** Accept / Ignore of an open conflict (resolveScanConflict with the version read). */
export function ConflictActions({ r, conflict, onResolved }: { r: ResourceModel; conflict: any; onResolved: (c: any) => void }) {
  const { execute, model } = useApi();
  const { permissions } = usePermissions();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const action = r.actions.resolveScanConflict;
  if (!action || !isStaff(permissions) || !['NEW', 'IGNORED'].includes(conflict.status)) return null;
  const resolve = async (resolution: 'ACCEPT' | 'IGNORE') => {
    setBusy(true);
    setError(null);
    try {
      const payload = await act(execute, action, { id: conflict.id, version: conflict.version, resolution }, `scanConflict { ${kindsSelection(r, model)} }`);
      onResolved(payload.scanConflict);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box>
      <MuiButton size="small" variant="contained" disabled={busy} onClick={() => resolve('ACCEPT')} aria-label={`Accept the conflict at ${conflict.ip}`}>
        Accept
      </MuiButton>{' '}
      {conflict.status === 'NEW' ? (
        <MuiButton size="small" disabled={busy} onClick={() => resolve('IGNORE')} aria-label={`Ignore the conflict at ${conflict.ip}`}>
          Ignore
        </MuiButton>
      ) : null}
      <ErrorAlert message={error} />
    </Box>
  );
}

function Details({ r, model, node }: { r: ResourceModel; model: Model; node: any }) {
  const details = kindDetails(r, model, node);
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, m: 0 }}>
      {details.map((d) => (
        <Box key={d.field} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ fontWeight: 500 }}>
            {humanize(d.field)}
          </Box>
          <Box component="dd" sx={{ m: 0 }} className={`detail-${d.field}`}>
            {d.to ? <Link to={d.to}>{d.text}</Link> : d.text}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** The live conflict feed: open conflicts newest first, new ones as scanConflictCreated sends them. */
export function ConflictFeed() {
  const { execute, model } = useApi();
  const r = model.byName.scanConflicts;
  const [items, setItems] = useState<any[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'connecting' | 'live' | 'closed'>('connecting');
  const selection = r ? kindsSelection(r, model) : 'id';
  useEffect(() => {
    if (!r) return;
    execute(`query Open { scanConflicts(filter: { status: { in: [NEW, IGNORED] } }, orderBy: [{ field: CREATED_AT, direction: DESC }], first: 20) { nodes { ${selection} } } }`)
      .then((d) => setItems((now) => [...now, ...d.scanConflicts.nodes.filter((n: any) => !now.some((x) => x.id === n.id))]))
      .catch((e) => setError((e as Error).message));
  }, [execute, r, selection]);
  useSubscription(
    `subscription Feed { scanConflictCreated { cursor conflict { ${selection} } } }`,
    undefined,
    (data) => {
      setStatus('live');
      setItems((now) => prepend(now, data.scanConflictCreated.conflict));
    },
    (message) => {
      setStatus('closed');
      setError(message);
    },
    (s) => setStatus(s),
  );
  const replace = useCallback((c: any) => setItems((now) => now.map((x) => (x.id === c.id ? c : x))), []);
  if (!r) return <Alert severity="info">The API has no scan conflicts.</Alert>;
  return (
    <Box sx={{ p: 2 }} component="main" aria-labelledby="feed-title">
      <Title title="Conflict feed" />
      <Typography variant="h5" component="h1" id="feed-title">
        Conflict feed{' '}
        <Chip size="small" className="feed-status" color={status === 'live' ? 'success' : status === 'closed' ? 'error' : 'default'} label={status} />
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Open conflicts, newest first; a conflict a scan raises appears here as soon as its scan is saved.
      </Typography>
      <ErrorAlert message={error} />
      {items.length === 0 ? <Typography>No open conflicts.</Typography> : null}
      <MuiList aria-label="Conflicts" aria-live="polite">
        {items.map((c) => (
          <ListItem key={c.id} className="conflict-item" data-id={c.id} data-status={c.status} aria-label={`${c.kind} conflict at ${c.ip}`} sx={{ display: 'block', px: 0 }}>
            <Card variant="outlined">
              <CardContent>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Chip size="small" label={c.kind} color="primary" />
                  <Chip size="small" label={c.status} className="conflict-status" />
                  <Link to={showPath('scanConflicts', c.id)}>{c.ip}</Link>
                  <Typography variant="body2" component="span">
                    {when(c.createdAt)}
                  </Typography>
                </Box>
                <Details r={r} model={model} node={c} />
                <ConflictActions r={r} conflict={c} onResolved={replace} />
              </CardContent>
            </Card>
          </ListItem>
        ))}
      </MuiList>
    </Box>
  );
}

/** On a conflict's own page: its kind's fields and Accept / Ignore. */
export function ConflictShowExtra({ r }: { r: ResourceModel }) {
  const record = useRecordContext();
  const { execute, model } = useApi();
  const refresh = useRefresh();
  const [node, setNode] = useState<any>(null);
  useEffect(() => {
    if (!record?.id) return;
    execute(`query One($id: ID!) { node(id: $id) { ... on ${r.typeName} { ${kindsSelection(r, model)} } } }`, { id: record.id })
      .then((d) => setNode(d.node))
      .catch(() => setNode(null));
  }, [record?.id, record?.version, execute, r, model]);
  if (!node) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Details r={r} model={model} node={node} />
      <ConflictActions r={r} conflict={node} onResolved={() => refresh()} />
    </Box>
  );
}

// --- shown once: a token's key ----------------------------------------------------------------

/** What a create's payload answers only once (a token's key), with a copy button. */
export function ShownOnceDialog({ values, onClose }: { values: Record<string, unknown> | null; onClose: () => void }) {
  const notify = useNotify();
  if (!values) return null;
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify('Copied', { type: 'info' });
    } catch {
      notify('Copying was refused by the browser: select the text and copy it.', { type: 'warning' });
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="shown-once-title" fullWidth maxWidth="sm">
      <DialogTitle id="shown-once-title">Store it now: shown only now</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }} className="shown-once-note">
          This is the only time Cores shows it; it keeps only a hash. Copy it somewhere safe before closing.
        </DialogContentText>
        {Object.entries(values).map(([name, value]) => (
          <Box key={name} sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
            <MuiTextField
              label={humanize(name)}
              value={String(value ?? '')}
              fullWidth
              slotProps={{ input: { readOnly: true, className: `shown-once-${name}` } }}
              onFocus={(e) => e.target.select()}
            />
            <MuiButton onClick={() => copy(String(value ?? ''))} aria-label={`Copy the ${humanize(name).toLowerCase()}`}>
              Copy
            </MuiButton>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose} variant="contained">
          I have stored it
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

// --- loans ------------------------------------------------------------------------------------

/** A dialog with an action's inputs (startLoan's host, borrower, ...), from its input type. */
function ActionDialog({
  title,
  action,
  defaults,
  onDone,
  onClose,
  selection,
  fixed = {},
}: {
  title: string;
  action: InputModel;
  defaults: Record<string, unknown>;
  selection: string;
  /** Inputs given by the screen, not asked for (the object a journal entry is on). */
  fixed?: Record<string, unknown>;
  onDone: (payload: any) => void;
  onClose: () => void;
}) {
  const { execute, model } = useApi();
  const [error, setError] = useState<string | null>(null);
  const save = async (values: Record<string, unknown>) => {
    setError(null);
    const input: Record<string, unknown> = { ...fixed };
    for (const f of action.fields) {
      const v = values[f.name];
      if (v !== undefined && v !== null && v !== '' && !(f.name in fixed)) input[f.name] = v;
    }
    try {
      onDone(await act(execute, action, input, selection));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="action-title" fullWidth maxWidth="sm">
      <DialogTitle id="action-title">{title}</DialogTitle>
      <Form onSubmit={save} record={defaults}>
        <DialogContent>
          <ErrorAlert message={error} />
          {action.fields.filter((f) => !(f.name in fixed)).map((f: FieldModel) => inputView(f, model, { required: f.nonNull }))}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>Cancel</MuiButton>
          <SaveButton label={title} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

/** "Lend this host" / "Start a loan": startLoan, then the new loan's page. */
export function StartLoanButton({ host }: { host?: string }) {
  const { model } = useApi();
  const loans = model.byName.loans;
  const action = loans?.actions.startLoan;
  const { canAccess } = useCanAccess({ resource: 'loans', action: 'create' });
  const redirect = useRedirect();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  if (!action || !canAccess) return null;
  return (
    <>
      <MuiButton size="small" onClick={() => setOpen(true)}>
        {host ? 'Lend this host' : 'Start a loan'}
      </MuiButton>
      {open ? (
        <ActionDialog
          title="Start loan"
          action={action}
          defaults={host ? { host } : {}}
          selection="loan { id }"
          onClose={() => setOpen(false)}
          onDone={(p) => {
            setOpen(false);
            notify('The loan started', { type: 'info' });
            redirect('show', 'loans', p.loan.id);
          }}
        />
      ) : null}
    </>
  );
}

export function HostLendButton() {
  const record = useRecordContext();
  if (!record?.id) return null;
  return <StartLoanButton host={String(record.id)} />;
}

/** "Return": returnLoan with the version read, on an open loan's page. */
export function ReturnLoanButton() {
  const record = useRecordContext();
  const { execute, model } = useApi();
  const { canAccess } = useCanAccess({ resource: 'loans', action: 'edit' });
  const refresh = useRefresh();
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const action = model.byName.loans?.actions.returnLoan;
  if (!action || !canAccess || !record?.open) return error ? <ErrorAlert message={error} /> : null;
  const back = async () => {
    setError(null);
    try {
      await act(execute, action, { id: record.id, version: record.version }, 'loan { id }');
      notify('The host is back', { type: 'info' });
      refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <MuiButton size="small" onClick={back}>
        Return
      </MuiButton>
      <ErrorAlert message={error} />
    </>
  );
}

// --- jobs -------------------------------------------------------------------------------------

/** The jobs the server knows, each with Run now (runJob), and the latest runs. */
export function JobDefinitions() {
  const { execute, model } = useApi();
  const { permissions } = usePermissions();
  const redirect = useRedirect();
  const [defs, setDefs] = useState<any[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runJob = model.byName.jobs?.actions.runJob;
  useEffect(() => {
    execute('{ jobDefinitions { name description schedule nextRunAt } }')
      .then((d) => setDefs(d.jobDefinitions))
      .catch((e) => setError((e as Error).message));
  }, [execute]);
  const run = async (name: string) => {
    setError(null);
    try {
      const p = await act(execute, runJob!, { name }, 'job { id }');
      redirect('show', 'jobs', p.job.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Box sx={{ p: 2 }} component="main">
      <Title title="Job definitions" />
      <Typography variant="h5" component="h1">
        Jobs
      </Typography>
      <ErrorAlert message={error} />
      <Table size="small" aria-label="Job definitions">
        <TableHead>
          <TableRow>
            <TableCell>Job</TableCell>
            <TableCell>What it does</TableCell>
            <TableCell>Schedule</TableCell>
            <TableCell>Next run</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(defs ?? []).map((d) => (
            <TableRow key={d.name} className="job-definition" data-name={d.name}>
              <TableCell>
                <Link to={`/jobs?filter=${encodeURIComponent(JSON.stringify({ name__iContains: d.name }))}`}>{d.name}</Link>
              </TableCell>
              <TableCell>{d.description}</TableCell>
              <TableCell>{d.schedule ?? 'when asked'}</TableCell>
              <TableCell>{when(d.nextRunAt)}</TableCell>
              <TableCell>
                {runJob && permissions === 'ADMIN' ? (
                  <MuiButton size="small" variant="contained" onClick={() => run(d.name)} aria-label={`Run ${d.name} now`}>
                    Run now
                  </MuiButton>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <MuiButton component={Link} to="/jobs" sx={{ mt: 2 }}>
        All runs
      </MuiButton>
    </Box>
  );
}

const LINE = 'at level message';

/** A run's status and log, kept current by jobUpdated. */
export function JobLive() {
  const record = useRecordContext();
  const { execute } = useApi();
  const [run, setRun] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  const id = record?.id;
  const fields = `id version status startedAt completedAt error log { ${LINE} }`;
  useSubscription(
    `subscription Run($id: ID!) { jobUpdated(filter: { id: { eq: $id } }) { job { ${fields} } line { ${LINE} } } }`,
    id ? { id } : undefined,
    (data) => setRun((now: any) => applyJobUpdate(now, data.jobUpdated)),
    (message) => setError(message),
  );
  useEffect(() => {
    if (!id) return;
    execute(`query Run($id: ID!) { job(id: $id) { ${fields} } }`, { id })
      .then((d) => setRun((now: any) => (now && now.version > d.job.version ? now : d.job)))
      .catch((e) => setError((e as Error).message));
  }, [id, execute, fields]);
  if (!id) return null;
  return (
    <Box component="section" aria-labelledby="run-log-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="run-log-title">
        Live status: <Chip size="small" className="run-status" label={run?.status ?? '…'} />
      </Typography>
      <ErrorAlert message={error} />
      {run?.error ? <Alert severity="warning">{run.error}</Alert> : null}
      <Box component="ol" className="run-log" aria-label="Log" aria-live="polite" sx={{ fontFamily: 'monospace', fontSize: 13, pl: 3 }}>
        {(run?.log ?? []).map((l: any, i: number) => (
          <li key={i}>
            {when(l.at)} {l.level} {l.message}
          </li>
        ))}
      </Box>
    </Box>
  );
}

// --- dashboard ---------------------------------------------------------------------------------

function Panel({ title, to, children }: { title: string; to?: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title} sx={{ height: '100%' }}>
      <CardHeader
        disableTypography
        title={
          <Typography variant="h6" component="h2">
            {title}
          </Typography>
        }
        action={to ? <MuiButton component={Link} to={to} size="small">All</MuiButton> : undefined} />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
}

/** One query's answer for a panel, its error shown in the panel. */
function useRead(query: string, variables?: Record<string, unknown>) {
  const { execute } = useApi();
  const [data, setData] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([query, variables ?? null]);
  useEffect(() => {
    let live = true;
    execute(query, variables)
      .then((d) => live && setData(d))
      .catch((e) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, execute]);
  return { data, error };
}

function Rows({ items, render }: { items: any[] | undefined; render: (x: any) => ReactNode }) {
  if (!items) return <Typography variant="body2">Loading…</Typography>;
  if (!items.length) return <Typography variant="body2">None.</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {items.map((x) => (
        <li key={x.id ?? x.name}>{render(x)}</li>
      ))}
    </Box>
  );
}

/** The home page: my notices, today's bookings, open conflicts by kind, the last scans, the jobs. */
export function Dashboard() {
  const { model } = useApi();
  const { identity } = useGetIdentity();
  const { from, to } = todayWindow(new Date());
  const kinds = model.byName.scanConflicts?.fields.find((f) => f.name === 'kind')?.enumValues ?? [];
  const bookings = model.byName.bookings;
  const bookable = model.byName.bookables;
  const notices = useRead('{ activeNotices { id title style priority body } }');
  const today = useRead(
    `query Today($from: DateTime!, $to: DateTime!) { bookings(filter: { start: { lt: $to }, end: { gt: $from }, cancelledAt: { isNull: true } },
      orderBy: [{ field: START, direction: ASC }], first: 10) { totalCount nodes { id start end ${bookings ? namedSelection(bookings.fields.filter((f) => ['bookable', 'owner'].includes(f.name)), model) : ''} } } }`,
    { from, to },
  );
  const open = useRead(kinds.length ? countsByQuery('scanConflicts', 'kind', kinds, { status: { in: ['NEW', 'IGNORED'] } }) : '{ __typename }');
  const scans = useRead('{ scanSessions(orderBy: [{ field: SCANNED_AT, direction: DESC }], first: 5) { nodes { id agent scannedAt processed stats { entries conflictsCreated } } } }');
  const jobs = useRead('{ jobs(orderBy: [{ field: CREATED_AT, direction: DESC }], first: 5) { nodes { id name status completedAt } } }');
  const name = (b: any) => (bookable?.labelVia ? b.bookable?.[bookable.labelVia.field]?.[bookable.labelVia.targetField] : b.bookable?.id) ?? '—';
  return (
    <Box sx={{ p: 2 }} component="main" className="dashboard">
      <Title title="Dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {identity?.id ? `Welcome, ${identity.fullName}` : 'Cores'}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title="My notices" to="/notices">
            <ErrorAlert message={notices.error} />
            <Rows items={notices.data?.activeNotices} render={(n) => <Link to={showPath('notices', n.id)}>{`${n.style}: ${n.title}`}</Link>} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title={`Today's bookings${today.data ? ` (${today.data.bookings.totalCount})` : ''}`} to="/bookings">
            <ErrorAlert message={today.error} />
            <Rows
              items={today.data?.bookings.nodes}
              render={(b) => (
                <Link to={showPath('bookings', b.id)}>{`${name(b)}: ${new Date(b.start).toLocaleTimeString()} – ${new Date(b.end).toLocaleString()}${b.owner ? ` (${b.owner[model.byName.users?.labelField ?? 'id'] ?? b.owner.id})` : ''}`}</Link>
              )}
            />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Panel title="Open conflicts" to="/conflict-feed">
            <ErrorAlert message={open.error} />
            <Rows
              items={open.data ? kinds.map((k) => ({ id: k, count: open.data[k]?.totalCount ?? 0 })) : undefined}
              render={(k) => (
                <Link className={`open-${k.id}`} to={`/scanConflicts?filter=${encodeURIComponent(JSON.stringify({ kind__eq: k.id, status__eq: 'NEW' }))}`}>
                  {`${k.id}: ${k.count}`}
                </Link>
              )}
            />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Panel title="Last scans" to="/scanSessions">
            <ErrorAlert message={scans.error} />
            <Rows
              items={scans.data?.scanSessions.nodes}
              render={(s) => <Link to={showPath('scanSessions', s.id)}>{`${s.agent} ${when(s.scannedAt)}: ${s.stats.entries} entries, ${s.stats.conflictsCreated} conflicts`}</Link>}
            />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Panel title="Jobs" to="/job-definitions">
            <ErrorAlert message={jobs.error} />
            <Rows items={jobs.data?.jobs.nodes} render={(j) => <Link to={showPath('jobs', j.id)}>{`${j.name}: ${j.status}${j.completedAt ? ` ${when(j.completedAt)}` : ''}`}</Link>} />
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
}

/** What the domain adds to the generated views, by resource. */
export const domainExtras: Record<string, { show?: (props: { r: ResourceModel }) => ReactNode; showActions?: () => ReactNode; listActions?: () => ReactNode }> = {
  scanConflicts: { show: ConflictShowExtra },
  jobs: { show: JobLive },
  loans: { showActions: ReturnLoanButton, listActions: () => <StartLoanButton /> },
  hosts: { showActions: HostLendButton },
  bookables: { show: BookableCalendar },
};
