// The admin in a real browser (Debian's Chromium through playwright-core) against a started
// server with demo data. Run by AdminUiTest during `mvn verify`; by hand:
//   CORES_URL=http://localhost:8080 CORES_TOKEN=<admin key> node e2e/admin.e2e.mjs
// With CORES_IDP_USER and CORES_IDP_PASSWORD (and CORES_IDP_NAME, the display name its tokens
// carry), it also signs in at the identity provider the server names, as that person.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.env.CORES_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const token = process.env.CORES_TOKEN;
const shots = process.env.CORES_SCREENSHOTS ?? 'target/admin-screenshots';
const executablePath = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';
assert.ok(token, 'CORES_TOKEN: an admin API token');
const idp = process.env.CORES_IDP_USER ? { user: process.env.CORES_IDP_USER, password: process.env.CORES_IDP_PASSWORD, name: process.env.CORES_IDP_NAME } : null;
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

/** The API itself, to know what the screens should show. */
async function api(query, variables) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const profile = mkdtempSync(join(tmpdir(), 'cores-admin-chromium-'));
// a fresh profile each run (launchPersistentContext passes it as --user-data-dir)
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const problems = [];
context.setDefaultTimeout(15000);

function watch(page, name) {
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/the server responded with a status of 4\d\d/.test(m.text())) problems.push(`${name} console: ${m.text()}`);
  });
  return page;
}

let step = 0;
async function shot(page, name) {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, '0')}-${name}.png`) });
}

function log(message) {
  process.stdout.write(`admin e2e: ${message}\n`);
}

const rows = (page) => page.locator('table tbody tr');
const firstCell = (page, column) => page.locator(`table tbody tr:first-child td.column-${column}`);

try {
  const page = watch(await context.newPage(), 'main');

  // --- anonymous: the UI loads, read-only ---------------------------------------------------
  await page.goto(`${base}/admin/#/hosts`);
  await page.getByRole('menuitem', { name: 'Hosts' }).waitFor();
  await rows(page).first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Create' }).count(), 0, 'anonymous callers are offered no create');
  await shot(page, 'hosts-anonymous');
  log('anonymous browsing is read-only');

  // --- sign in with the token ------------------------------------------------------------------
  await signIn(page, true);
  log('signed in as an admin');

  // --- hosts: filter, sort, page forward and back ------------------------------------------------
  const search = 'lab';
  const expected = await api(
    `query($f: HostFilter) { asc: hosts(filter: $f, orderBy: [{ field: HOSTNAME, direction: ASC }], first: 26) { totalCount nodes { hostname } }
       desc: hosts(filter: $f, orderBy: [{ field: HOSTNAME, direction: DESC }], first: 26) { nodes { hostname } } }`,
    { f: { and: [{ hostname: { iContains: search } }] } },
  );
  const total = expected.asc.totalCount;
  assert.ok(total > 25, `the demo data has more than a page of hosts matching "${search}" (${total})`);
  await page.goto(`${base}/admin/#/hosts`);
  await page.getByRole('textbox', { name: 'Search hostname' }).fill(search);
  await page.getByText(`1-25 of ${total}`).waitFor();
  await assertFirst(page, 'hostname', expected.asc.nodes[0].hostname);
  await page.getByRole('button', { name: 'Hostname' }).click(); // ascending already: now descending
  await assertFirst(page, 'hostname', expected.desc.nodes[0].hostname);
  await page.getByRole('button', { name: 'Hostname' }).click();
  await assertFirst(page, 'hostname', expected.asc.nodes[0].hostname);
  await shot(page, 'hosts-filtered-sorted');
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await page.getByText(`26-${Math.min(50, total)} of ${total}`).waitFor();
  await assertFirst(page, 'hostname', expected.asc.nodes[25].hostname);
  await shot(page, 'hosts-page-2');
  await page.getByRole('button', { name: 'Go to previous page' }).click();
  await page.getByText(`1-25 of ${total}`).waitFor();
  await assertFirst(page, 'hostname', expected.asc.nodes[0].hostname);
  log(`hosts filtered by "${search}" (${total}), sorted both ways, paged forward and back`);

  // the export holds every row of the filter, not the page shown
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const csv = csvRecords(readFileSync(await download.path(), 'utf8'));
  assert.equal(csv.length, total + 1, `the CSV has a header and all ${total} hosts`);
  assert.ok(csv[0].split(',').includes('hostname'), `the CSV's header: ${csv[0]}`);
  log(`exported ${total} hosts as CSV`);

  // --- bulk edit: three hosts get one comment, in one all-or-nothing write ------------------------
  const three = expected.asc.nodes.slice(0, 3).map((n) => n.hostname);
  for (let i = 1; i <= 3; i++) await page.locator(`table tbody tr:nth-child(${i}) input[type="checkbox"]`).check();
  await page.getByRole('button', { name: 'Bulk edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change 3 hosts' });
  await dialog.getByLabel('Comment').fill('bulk edited in the browser test');
  await shot(page, 'hosts-bulk-edit');
  await dialog.getByRole('button', { name: 'Change 3' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const edited = await api(`query($h: [String!]) { hosts(filter: { hostname: { in: $h } }) { nodes { hostname comment version } } }`, { h: three });
  assert.deepEqual(edited.hosts.nodes.map((n) => n.comment), three.map(() => 'bulk edited in the browser test'));
  log(`bulk-edited ${three.join(', ')}`);

  // --- the opposite of a filter, and filters of which any may hold -----------------------------------
  const combined = await api(`{ notActive: hosts(filter: { not: { status: { eq: ACTIVE } } }) { totalCount }
      either: hosts(filter: { or: [{ status: { eq: NEW } }, { hostname: { iContains: "lab1-" } }] }) { totalCount } }`);
  const range = (n) => new RegExp(`^1-${Math.min(25, n)} of ${n}$`);
  await page.goto(`${base}/admin/#/hosts?filter=${encodeURIComponent('{}')}`);
  await rows(page).first().waitFor();
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('menu').getByText('Status is not', { exact: true }).click();
  await page.getByLabel('Status is not').click();
  await page.getByRole('option', { name: 'ACTIVE', exact: true }).click();
  if (combined.notActive.totalCount > 0) await page.getByText(range(combined.notActive.totalCount)).waitFor();
  else await rows(page).first().waitFor({ state: 'detached' });
  await shot(page, 'hosts-not-active');
  await page.goto(`${base}/admin/#/hosts?filter=${encodeURIComponent(JSON.stringify({ _match: 'any', status__eq: 'NEW', hostname__iContains: 'lab1-' }))}`);
  await page.getByText(range(combined.either.totalCount)).waitFor();
  log(`hosts that are not ACTIVE (${combined.notActive.totalCount}), and hosts NEW or named lab1-* (${combined.either.totalCount})`);

  // --- a filter through relations: hosts whose rack's lab is in a building, chosen step by step ------
  const building = (await api(`{ buildings(first: 1) { nodes { name } } }`)).buildings.nodes[0].name;
  const inBuilding = (await api(`query($n: String) { hosts(filter: { rack: { lab: { building: { name: { iContains: $n } } } } }) { totalCount } }`, { n: building }))
    .hosts.totalCount;
  assert.ok(inBuilding > 0, `the demo data has hosts in ${building}`);
  await page.goto(`${base}/admin/#/hosts?filter=${encodeURIComponent('{}')}`);
  await rows(page).first().waitFor();
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('menu').getByText('Rack where', { exact: true }).click();
  await page.getByLabel('Rack field', { exact: true }).selectOption('lab');
  await page.getByLabel('Lab field', { exact: true }).selectOption('building');
  await page.getByLabel('Building field', { exact: true }).selectOption('name');
  await page.getByLabel('Name value', { exact: true }).fill(building);
  await page.getByText(range(inBuilding)).waitFor();
  assert.match(decodeURIComponent(page.url()), /"rack__where":\{"path":\["lab","building","name"\],"op":"iContains"/);
  await shot(page, 'hosts-by-building');
  log(`hosts whose rack's lab is in ${building} (${inBuilding}), filtered through three relations`);

  // --- a nested group: hosts that are ACTIVE and named lab1-… or lab2-…, built condition by condition --
  const prefixes = ['lab1-', 'lab2-'];
  const grouped = (
    await api(`query($f: HostFilter) { hosts(filter: $f) { totalCount } }`, {
      f: { and: [{ status: { eq: 'ACTIVE' } }, { or: prefixes.map((p) => ({ hostname: { startsWith: p } })) }] },
    })
  ).hosts.totalCount;
  assert.ok(grouped > 0, `the demo data has ACTIVE hosts named ${prefixes.join(' or ')}`);
  await page.goto(`${base}/admin/#/hosts?filter=${encodeURIComponent('{}')}`);
  await rows(page).first().waitFor();
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('menu').getByText('Group of conditions', { exact: true }).click();
  const topGroup = page.getByRole('group', { name: 'Group of conditions', exact: true });
  await topGroup.getByRole('button', { name: 'Add condition', exact: true }).click();
  const statusCondition = page.getByRole('group', { name: 'Condition 1', exact: true });
  await statusCondition.getByLabel('Host field', { exact: true }).selectOption('status');
  await statusCondition.getByLabel('Status value', { exact: true }).selectOption('ACTIVE');
  await topGroup.getByRole('button', { name: 'Add group', exact: true }).click();
  const anyGroup = page.getByRole('group', { name: 'Group 2', exact: true });
  assert.equal(await anyGroup.getByLabel('Group 2 match', { exact: true }).inputValue(), 'any', 'a group within all of them starts as any of them');
  for (const [i, prefix] of prefixes.entries()) {
    await anyGroup.getByRole('button', { name: 'Add condition to group 2', exact: true }).click();
    const condition = page.getByRole('group', { name: `Condition 2.${i + 1}`, exact: true });
    await condition.getByLabel('Host field', { exact: true }).selectOption('hostname');
    await condition.getByLabel('Hostname operator', { exact: true }).selectOption('startsWith');
    await condition.getByLabel('Hostname value', { exact: true }).fill(prefix);
  }
  await page.waitForFunction(() => decodeURIComponent(location.href).includes('"value":"lab2-"'));
  await page.getByText(range(grouped)).waitFor();
  await shot(page, 'hosts-nested-group');
  log(`hosts that are ACTIVE and named ${prefixes.join(' or ')} (${grouped}), as a group of any within all`);

  // --- create a host; a NIC with an invalid MAC shows the field error ----------------------------
  const hostname = `e2e-${Date.now()}`;
  await page.goto(`${base}/admin/#/hosts/create`);
  await page.getByLabel(/^Hostname/).fill(hostname);
  await page.getByLabel('Comment').fill('made by the browser test');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`Host ${hostname}`).first().waitFor();
  const hostId = (await api(`query($h: String) { hosts(filter: { hostname: { eq: $h } }) { nodes { id } } }`, { h: hostname })).hosts.nodes[0].id;
  log(`host ${hostname} created`);

  // the same hostname again: the server's NOT_UNIQUE next to the field
  await page.goto(`${base}/admin/#/hosts/create`);
  await page.getByLabel(/^Hostname/).fill(hostname);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.MuiFormHelperText-root.Mui-error').filter({ hasText: /./ }).first().waitFor();
  const hostnameError = await page.locator('.ra-input-hostname .MuiFormHelperText-root.Mui-error').innerText();
  assert.match(hostnameError, /hostname|taken|exists|unique/i, `the server's error is next to the hostname: ${hostnameError}`);
  await shot(page, 'host-create-not-unique');
  log(`a second ${hostname} is refused next to its field: ${hostnameError}`);

  await page.goto(`${base}/admin/#/nics/create?source=${encodeURIComponent(JSON.stringify({ host: hostId }))}`);
  await page.getByLabel(/^Mac/).fill('00:1b:21:zz:00:01');
  await page.getByRole('button', { name: 'Save' }).click();
  const macError = page.locator('.ra-input-mac .MuiFormHelperText-root.Mui-error');
  await macError.waitFor();
  assert.match(await macError.innerText(), /Not a MAC address/);
  await shot(page, 'nic-invalid-mac');
  const mac = `02:e2:e2:${hex()}:${hex()}:${hex()}`;
  await page.getByLabel(/^Mac/).fill(mac);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`Nic ${mac}`).first().waitFor();
  log(`an invalid MAC is shown at its field; ${mac} saved`);

  // --- the same host edited in two tabs: the second save meets the stale-version notice ----------
  // the token is kept per tab: the second tab signs in too
  const second = watch(await context.newPage(), 'second');
  await second.goto(`${base}/admin/#/hosts`);
  await signIn(second, false);
  const editUrl = `${base}/admin/#/hosts/${encodeURIComponent(hostId)}`;
  for (const [tab, comment] of [[page, 'changed in the first tab'], [second, 'changed in the second tab']]) {
    await tab.goto(editUrl);
    // the form holds the record once the hostname is in it
    await tab.waitForFunction((h) => document.querySelector('input[name="hostname"]')?.value === h, hostname);
    await fillStable(tab, tab.getByLabel('Comment'), comment);
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/show$/);
  await second.getByRole('button', { name: 'Save' }).click();
  const notice = second.locator('.stale-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Someone changed this object/);
  await shot(second, 'host-stale-version');
  await second.getByRole('button', { name: 'Reload' }).click();
  await second.waitForFunction(() => document.querySelector('textarea[name="comment"]')?.value === 'changed in the first tab');
  // the other way out: see how the edits differ from the current version, and save them over it
  const between = (await api(`query($id: ID!) { host(id: $id) { version } }`, { id: hostId })).host;
  await api(`mutation($input: UpdateHostInput!) { updateHost(input: $input) { errors { message } } }`, {
    input: { id: hostId, version: between.version, comment: 'changed through the API' },
  });
  await fillStable(second, second.getByLabel('Comment'), 'overwritten from the second tab');
  await second.getByRole('button', { name: 'Save' }).click();
  await notice.waitFor();
  await second.getByRole('button', { name: 'Show differences and overwrite' }).click();
  const diffDialog = second.getByRole('dialog', { name: 'Your edits and the current version' });
  const commentDiff = diffDialog.locator('.overwrite-diff[data-field="comment"]');
  await commentDiff.waitFor();
  assert.match(await commentDiff.innerText(), /changed through the API\s+overwritten from the second tab/);
  assert.equal(await diffDialog.locator('.overwrite-diff').count(), 1, 'only the comment differs');
  await shot(second, 'host-stale-overwrite');
  await diffDialog.getByRole('button', { name: 'Overwrite with your edits' }).click();
  await second.waitForURL(/\/show$/);
  await second.close();
  const saved = (await api(`query($id: ID!) { host(id: $id) { comment version } }`, { id: hostId })).host;
  assert.equal(saved.comment, 'overwritten from the second tab');
  log(`the second tab's save was refused as stale and reloaded; refused again, its edit was saved over the current version after its differences were shown (version ${saved.version})`);

  // --- book a host, then a second booking over it is refused as an overlap -----------------------
  const bookable = (await api(`{ bookables(filter: { status: { eq: ACTIVE } }, first: 1) { nodes { id host { hostname } } } }`)).bookables.nodes[0];
  await page.goto(`${base}/admin/#/bookables/${encodeURIComponent(bookable.id)}/show`);
  await page.getByRole('link', { name: 'Add booking' }).first().click();
  // a day years ahead, another on each run, so a rerun against the same database finds it free
  const day = new Date(Date.UTC(2031, 0, 1) + (Date.now() % 3000) * 86400000).toISOString().slice(0, 10);
  const start = `${day}T09:00`;
  const end = `${day}T17:00`;
  await page.getByLabel(/^Start/).fill(start);
  await page.getByLabel(/^End/).fill(end);
  await page.getByLabel('Comment').fill('first booking');
  await shot(page, 'booking-create');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Booking').first().waitFor();
  await page.waitForURL(/bookings\/.+\/show/);
  log(`booked ${bookable.host.hostname}`);
  await page.goto(`${base}/admin/#/bookables/${encodeURIComponent(bookable.id)}/show`);
  await page.getByRole('link', { name: 'Add booking' }).first().click();
  await page.getByLabel(/^Start/).fill(`${day}T12:00`);
  await page.getByLabel(/^End/).fill(`${day}T20:00`);
  await page.getByRole('button', { name: 'Save' }).click();
  const overlap = page.locator('.Mui-error, .form-error').filter({ hasText: /held|overlap/i }).first();
  await overlap.waitFor();
  log(`the second booking is refused: ${await overlap.innerText()}`);
  await shot(page, 'booking-overlap');

  // --- the bookable's calendar: Book this shows what the new booking would overlap ------------------
  await page.goto(`${base}/admin/#/bookables/${encodeURIComponent(bookable.id)}/show`);
  const calendar = page.locator('.bookable-calendar');
  await calendar.locator('.calendar-hold', { hasText: 'first booking' }).first().waitFor();
  await calendar.getByLabel('From').fill(`${day}T16:00`);
  await calendar.getByLabel('To').fill(`${day}T18:00`);
  await calendar.locator('.overlap-list .calendar-hold', { hasText: 'first booking' }).waitFor();
  await calendar.getByRole('button', { name: 'Book this' }).click();
  const calendarRefusal = calendar.locator('.form-error').filter({ hasText: /OVERLAP/ });
  await calendarRefusal.waitFor();
  await calendar.scrollIntoViewIfNeeded();
  await shot(page, 'bookable-calendar');
  log(`the calendar shows the booking a new one over ${day} 16:00-18:00 would overlap, and the API refuses it`);

  // --- a reservation in the calendar: marked, open until ended, and in what Book this would overlap --
  const dayAfter = (n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
  const reserved = (await api(`mutation($input: CreateReservationInput!) { createReservation(input: $input) { reservation { id version } errors { message } } }`, {
    input: { bookable: bookable.id, start: `${dayAfter(2)}T00:00:00Z`, comment: 'open reservation' },
  })).createReservation;
  assert.deepEqual(reserved.errors, []);
  await page.reload();
  const reservation = calendar.locator('.calendar-reservation', { hasText: 'open reservation' });
  await reservation.waitFor();
  assert.match(await reservation.innerText(), /Reservation[\s\S]*open, until ended/);
  await calendar.getByLabel('From').fill(`${dayAfter(3)}T10:00`);
  await calendar.getByLabel('To').fill(`${dayAfter(3)}T11:00`);
  await calendar.locator('.overlap-list .calendar-reservation', { hasText: 'open reservation' }).waitFor();
  assert.match(await calendar.locator('.overlap-list').innerText(), /Overlaps 1 reservation/);
  await calendar.scrollIntoViewIfNeeded();
  await shot(page, 'bookable-calendar-reservation');
  await api(`mutation($input: CancelReservationInput!) { cancelReservation(input: $input) { errors { message } } }`, {
    input: { id: reserved.reservation.id, version: reserved.reservation.version },
  });
  log(`an open reservation from ${dayAfter(2)} is in the calendar, and in what a booking on ${dayAfter(3)} would overlap`);

  // --- change history: edit a host's comment, see the diff, revert it -----------------------------
  const commentBefore = (await api(`query($id: ID!) { host(id: $id) { comment } }`, { id: hostId })).host.comment;
  await page.goto(editUrl);
  await page.waitForFunction((h) => document.querySelector('input[name="hostname"]')?.value === h, hostname);
  await fillStable(page, page.getByLabel('Comment'), 'changed for the history');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/show$/);
  const history = page.locator('.change-history');
  const diff = history.locator('.change-row').first().locator('.change-diff[data-field="comment"]');
  await diff.filter({ hasText: 'changed for the history' }).waitFor();
  assert.equal((await diff.innerText()).trim(), `Comment: ${commentBefore} → changed for the history`);
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'host-history');
  await history.locator('.change-row').first().getByRole('button', { name: /^Revert/ }).click();
  await page.waitForFunction((c) => document.querySelector('.ra-field-comment')?.textContent?.includes(c), commentBefore);
  // the revert is a change of its own, newest first
  await diff.filter({ hasText: `→ ${commentBefore}` }).waitFor();
  assert.equal((await api(`query($id: ID!) { host(id: $id) { comment } }`, { id: hostId })).host.comment, commentBefore);
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'host-history-reverted');
  log(`the comment change was reverted from the history: back to "${commentBefore}"`);

  // --- the live conflict feed: an ingest's conflict appears, then is accepted ---------------------
  await page.goto(`${base}/admin/#/conflict-feed`);
  await page.locator('.feed-status', { hasText: 'live' }).waitFor();
  await page.waitForTimeout(1500); // the subscription is registered once the connection is up
  const unknownMac = `00:1b:21:${hex()}:${hex()}:${hex()}`;
  const scannedIp = `192.0.2.${1 + Math.floor(Math.random() * 250)}`;
  const ingested = (
    await api(
      `mutation($input: IngestScanInput!) { ingestScan(input: $input) { conflictsCreated { kind conflict { id } } errors { field message code } } }`,
      { input: { agent: 'e2e-agent', timestamp: new Date().toISOString(), results: [{ mac: unknownMac, ip: scannedIp }] } },
    )
  ).ingestScan;
  assert.deepEqual(ingested.errors, []);
  assert.equal(ingested.conflictsCreated[0].kind, 'UNKNOWN');
  const conflictId = ingested.conflictsCreated[0].conflict.id;
  const item = page.locator(`.conflict-item[data-id="${conflictId}"]`);
  await item.waitFor();
  assert.equal(await page.locator('.conflict-item').first().getAttribute('data-id'), conflictId, 'the newest conflict is first');
  assert.match(await item.innerText(), new RegExp(unknownMac, 'i'));
  await shot(page, 'conflict-feed');
  await item.getByRole('button', { name: /^Accept/ }).click();
  await page.locator(`.conflict-item[data-id="${conflictId}"][data-status="RESOLVED"]`).waitFor();
  assert.equal((await api(`query($id: ID!) { scanConflict(id: $id) { status } }`, { id: conflictId })).scanConflict.status, 'RESOLVED');
  log(`the conflict of ${unknownMac} appeared in the feed and was accepted`);

  // --- a new token: its key is shown once ---------------------------------------------------------
  await page.goto(`${base}/admin/#/tokens/create`);
  await page.getByLabel('Comment').fill('made by the browser test');
  await page.getByRole('button', { name: 'Save' }).click();
  const onceDialog = page.getByRole('dialog', { name: /shown only now/ });
  await onceDialog.waitFor();
  const newKey = await onceDialog.getByLabel('Key', { exact: true }).inputValue();
  assert.ok(newKey.length > 16, `a key is shown: ${newKey}`);
  await page.waitForTimeout(500); // the dialog's fade-in
  // the key itself is masked in the picture
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, '0')}-token-key-once.png`), mask: [onceDialog.getByLabel('Key', { exact: true })] });
  const me = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${newKey}` },
    body: JSON.stringify({ query: '{ me { id } }' }),
  }).then((r) => r.json());
  assert.ok(me.data?.me?.id, `the key shown signs in: ${JSON.stringify(me)}`);
  await onceDialog.getByRole('button', { name: 'I have stored it' }).click();
  await page.waitForURL(/tokens\/.+\/show/);
  log('a new token showed its key once, and the key works');
  // a token's change cannot be reverted: the API's INVALID is shown at the change
  const tokenChange = page.locator('.change-history .change-row').first();
  await tokenChange.getByRole('button', { name: /^Revert/ }).click();
  const refused = tokenChange.locator('.form-error');
  await refused.waitFor();
  assert.match(await refused.innerText(), /^INVALID/);
  await page.locator('.change-history').scrollIntoViewIfNeeded();
  await shot(page, 'revert-refused');
  log(`reverting the token's creation is refused: ${await refused.innerText()}`);

  // --- jobs: run one now and watch the run to its end ------------------------------------------------
  await page.goto(`${base}/admin/#/job-definitions`);
  await page.getByRole('button', { name: 'Run send-mails now' }).click();
  await page.waitForURL(/jobs\/.+\/show/);
  await page.locator('.run-status').filter({ hasText: /COMPLETED|FAILED|ERRORED/ }).waitFor({ timeout: 30000 });
  await page.locator('.run-log li').first().waitFor();
  await page.locator('.run-log').scrollIntoViewIfNeeded();
  await shot(page, 'job-run');
  log(`a send-mails run ended ${await page.locator('.run-status').innerText()}, its log shown`);

  // --- loans: lend the new host, then take it back -----------------------------------------------
  await page.goto(`${base}/admin/#/hosts/${encodeURIComponent(hostId)}/show`);
  await page.getByRole('button', { name: 'Lend this host' }).click();
  const loanDialog = page.getByRole('dialog', { name: 'Start loan' });
  await loanDialog.getByLabel(/^Borrower/).fill('A. Borrower');
  await shot(page, 'loan-start');
  await loanDialog.getByRole('button', { name: 'Start loan' }).click();
  await page.waitForURL(/loans\/.+\/show/);
  const loanId = decodeURIComponent(page.url().match(/loans\/([^/]+)\/show/)[1]);
  assert.equal((await api(`query($id: ID!) { loan(id: $id) { open host { status } } }`, { id: loanId })).loan.host.status, 'ON_LOAN');
  await page.getByRole('button', { name: 'Return' }).click();
  await page.getByText('The host is back').waitFor();
  const returned = (await api(`query($id: ID!) { loan(id: $id) { open returnedAt } }`, { id: loanId })).loan;
  assert.equal(returned.open, false);
  log('the host was lent and returned');

  // --- the host's journal: an entry added on its page, its Markdown rendered ----------------------
  await page.goto(`${base}/admin/#/hosts/${encodeURIComponent(hostId)}/show`);
  const journal = page.locator('.journal');
  await journal.getByRole('button', { name: 'Add entry' }).click();
  const entryDialog = page.getByRole('dialog', { name: 'Add journal entry' });
  await entryDialog.getByLabel(/^Comments/).fill('Swapped the **power supply**');
  await entryDialog.getByRole('button', { name: 'Add journal entry' }).click();
  await entryDialog.waitFor({ state: 'hidden' });
  await journal.locator('.journal-entry strong', { hasText: 'power supply' }).waitFor();
  const journalled = (await api(`query($id: ID!) { host(id: $id) { journal(first: 1) { totalCount nodes { kind comments } } } }`, { id: hostId })).host.journal;
  assert.deepEqual(journalled.nodes[0], { kind: 'INFO', comments: 'Swapped the **power supply**' });
  await journal.scrollIntoViewIfNeeded();
  await shot(page, 'host-journal');
  log(`a journal entry was added on the host's page (${journalled.totalCount} in all)`);

  // --- a notice's body is Markdown: previewed while written, rendered on its page; every input has a label
  await page.goto(`${base}/admin/#/notices/create`);
  await page.getByLabel(/^Title/).waitFor();
  const { inputs, unlabelled } = await page.evaluate(() => {
    const all = [...document.querySelectorAll('main input, main textarea, main select, main [role="combobox"]')]
      .filter((el) => el.type !== 'hidden' && el.getAttribute('aria-hidden') !== 'true' && el.offsetParent !== null);
    const unnamed = all.filter((el) => {
        const byIds = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '');
        const names = [el.getAttribute('aria-label') ?? '', ...[...(el.labels ?? [])].map((l) => l.textContent ?? ''), ...byIds, el.getAttribute('title') ?? ''];
        return !names.some((n) => n.trim());
      });
    return { inputs: all.length, unlabelled: unnamed.map((el) => el.outerHTML.slice(0, 160)) };
  });
  assert.ok(inputs >= 5, `the notice form has its inputs (${inputs})`);
  assert.deepEqual(unlabelled, [], 'every input of the create form has an accessible name');
  const noticeTitle = `e2e notice ${Date.now()}`;
  await page.getByLabel(/^Title/).fill(noticeTitle);
  await page.getByLabel(/^Body/).fill('The **lab** is closed\n\n- from 9\n- <b>until</b> 5');
  const preview = page.locator('.markdown-input-body .markdown-preview');
  await preview.locator('strong', { hasText: 'lab' }).waitFor();
  assert.equal(await preview.locator('li').count(), 2);
  assert.equal(await preview.locator('b').count(), 0, 'raw HTML is shown as text');
  assert.match(await preview.innerText(), /<b>until<\/b> 5/);
  await page.getByLabel(/^Priority/).fill('1');
  await page.getByLabel(/^Style/).click();
  await page.getByRole('option', { name: 'INFO' }).click();
  await shot(page, 'notice-markdown');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/notices\/.+\/show/);
  await page.locator('.ra-field-body .markdown strong', { hasText: 'lab' }).waitFor();
  log(`the notice's Markdown body was previewed and rendered; no input of the form lacks a label (${noticeTitle})`);

  // --- light and dark themes, switched in the app bar --------------------------------------------
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto(`${base}/admin/#/hosts`);
  await rows(page).first().waitFor();
  const light = await background();
  await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
  await page.waitForFunction((before) => getComputedStyle(document.body).backgroundColor !== before, light);
  const dark = await background();
  const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  assert.ok(lum(dark) < lum(light), `the dark theme is darker: ${dark} after ${light}`);
  await shot(page, 'hosts-dark');
  await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
  await page.waitForFunction((before) => getComputedStyle(document.body).backgroundColor === before, light);
  log(`the theme switches to dark (${dark}) and back`);

  // --- the keyboard: tab to Create, see its focus outline, open it with Enter ----------------------
  await page.goto(`${base}/admin/#/hosts`);
  await rows(page).first().waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  let focused = '';
  for (let i = 0; i < 100 && focused !== 'Create'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => (document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').trim());
  }
  assert.equal(focused, 'Create', 'Tab reaches the Create button');
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.ok(outline.style !== 'none' && outline.width >= 1, `the focused control has a visible outline: ${JSON.stringify(outline)}`);
  await shot(page, 'keyboard-focus');
  await page.keyboard.press('Enter');
  await page.waitForURL(/hosts\/create/);
  log(`Tab reaches Create with a ${outline.width}px ${outline.style} outline, and Enter opens it`);

  // --- a narrow window: the menu opens from the bar and leads to a list -------------------------------
  // a tab opened at 400 px, so the application starts narrow (its menu starts folded away)
  const narrow = watch(await context.newPage(), 'narrow');
  await narrow.setViewportSize({ width: 400, height: 800 });
  await narrow.goto(`${base}/admin/#/`);
  await narrow.getByRole('heading', { name: 'Cores', exact: true }).waitFor();
  const racksItem = narrow.getByRole('menuitem', { name: 'Racks', exact: true });
  assert.equal(await racksItem.isVisible(), false, 'the menu starts folded away');
  await narrow.getByRole('button', { name: 'Open menu' }).click();
  await racksItem.waitFor();
  await narrow.waitForTimeout(500); // the drawer's slide-in
  await shot(narrow, 'narrow-menu');
  await racksItem.click();
  await narrow.waitForURL(/#\/racks/);
  await rows(narrow).first().waitFor();
  await shot(narrow, 'narrow-racks');
  await narrow.close();
  log('at 400 px wide the menu opens from the bar and leads to the racks');

  // --- a USER: no create or edit on the inventory, but booking is offered -------------------------
  const username = `e2e-user-${Date.now()}`;
  const madeUser = (await api(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } errors { message } } }`, {
    input: { username, active: true, role: 'USER' },
  })).createUser;
  assert.deepEqual(madeUser.errors, []);
  const userKey = (await api(`mutation($input: CreateTokenInput!) { createToken(input: $input) { key errors { message } } }`, {
    input: { owner: madeUser.user.id, comment: 'the browser test user' },
  })).createToken.key;
  const userTab = watch(await context.newPage(), 'user');
  await userTab.goto(`${base}/admin/#/hosts`);
  await signIn(userTab, false, userKey, 'USER');
  await userTab.goto(`${base}/admin/#/hosts`);
  await rows(userTab).first().waitFor();
  assert.equal(await userTab.getByRole('link', { name: 'Create' }).count(), 0, 'a USER is offered no host create');
  assert.equal(await userTab.getByRole('button', { name: 'Bulk edit' }).count(), 0);
  await userTab.goto(`${base}/admin/#/hosts/${encodeURIComponent(hostId)}/show`);
  await userTab.getByText(`Host ${hostname}`).first().waitFor();
  assert.equal(await userTab.getByRole('link', { name: 'Edit' }).count(), 0, 'a USER is offered no host edit');
  await shot(userTab, 'user-host-read-only');
  await userTab.goto(`${base}/admin/#/bookables/${encodeURIComponent(bookable.id)}/show`);
  await userTab.getByRole('link', { name: 'Add booking' }).first().click();
  const userDay = new Date(Date.parse(day) + 86400000).toISOString().slice(0, 10);
  await userTab.getByLabel(/^Start/).fill(`${userDay}T09:00`);
  await userTab.getByLabel(/^End/).fill(`${userDay}T10:00`);
  await userTab.getByRole('button', { name: 'Save' }).click();
  await userTab.waitForURL(/bookings\/.+\/show/);
  await shot(userTab, 'user-booked');
  await userTab.close();
  log(`${username} (USER) sees hosts read-only and books ${bookable.host.hostname}`);

  // --- the dashboard is the home page ----------------------------------------------------------------
  await page.goto(`${base}/admin/#/`);
  await page.getByRole('region', { name: 'Open conflicts' }).getByRole('link', { name: /^UNKNOWN: \d+/ }).waitFor();
  await page.getByRole('region', { name: 'Last scans' }).getByText(/e2e-agent/).first().waitFor();
  await shot(page, 'dashboard');
  log('the dashboard shows notices, bookings, open conflicts, scans and jobs');

  // --- the main screens, for the docs -----------------------------------------------------------
  await page.goto(`${base}/admin/#/hosts/${encodeURIComponent(hostId)}/show`);
  await page.getByText(`Host ${hostname}`).first().waitFor();
  await shot(page, 'host-show');
  await page.goto(`${base}/admin/#/labs`);
  await rows(page).first().waitFor();
  await shot(page, 'labs');
  // the conflicts of every kind in one list (an interface of the schema)
  await page.goto(`${base}/admin/#/scanConflicts`);
  await rows(page).first().waitFor();
  const kinds = new Set(await page.locator('table tbody td.column-kind').allInnerTexts());
  assert.ok(kinds.size >= 2, `the conflicts list shows several kinds: ${[...kinds]}`);
  await shot(page, 'scan-conflicts');

  // --- a server with introspection switched off: the admin starts from the build's snapshot ------
  const snapshot = await fetch(`${base}/admin/schema.json`);
  if ((snapshot.headers.get('content-type') ?? '').includes('json')) {
    const blind = watch(await context.newPage(), 'no-introspection');
    await blind.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('__schema')) {
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'Introspection is switched off' }] }) });
      } else await route.continue();
    });
    await blind.goto(`${base}/admin/#/hosts`);
    await blind.getByRole('menuitem', { name: 'Hosts', exact: true }).waitFor();
    await rows(blind).first().waitFor();
    await blind.close();
    log("with introspection refused, the admin started from the build's schema snapshot");
  } else {
    log('no schema snapshot in this bundle: its fallback is not tried');
  }

  // every entity is in the menu
  for (const name of ['Dashboard', 'Conflict feed', 'Job definitions', 'Hosts', 'Nics', 'Racks', 'Labs', 'Buildings', 'Bookables', 'Bookings', 'Reservations', 'Scan conflicts',
    'Scan sessions', 'Loans', 'Notices', 'Jobs', 'Users', 'Groups', 'Tokens', 'Agents', 'Tags', 'Journal', 'Changes']) {
    assert.equal(await page.getByRole('menuitem', { name, exact: true }).count(), 1, `${name} in the menu`);
  }

  // --- signing in at the identity provider: its token is used as an API token is ---------------------
  if (idp) {
    await page.goto(`${base}/admin/#/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const viaProvider = page.getByRole('button', { name: /^Sign in with / });
    await viaProvider.waitFor();
    await page.getByLabel('API token').waitFor();
    await shot(page, 'sign-in-choices');
    await viaProvider.click();
    await page.locator('input[name="username"]').fill(idp.user);
    await page.locator('input[name="password"]').fill(idp.password);
    await shot(page, 'provider-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.identity', { hasText: `${idp.name} (ADMIN)` }).waitFor();
    assert.equal(page.url(), `${base}/admin/#/`, 'back on the dashboard, without the code in the address');
    const tagName = `e2e-oidc-${Date.now()}`;
    await page.goto(`${base}/admin/#/tags/create`);
    await page.getByLabel(/^Name/).fill(tagName);
    await page.getByLabel(/^Slug/).fill(tagName);
    await page.getByLabel(/^Color/).fill('3366cc');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/tags\/.+\/show/);
    const tagged = (await api(`query($n: String) { tags(filter: { name: { eq: $n } }) { nodes { changes(first: 1) { nodes { userName } } } } }`, { n: tagName })).tags.nodes;
    assert.deepEqual(tagged.map((t) => t.changes.nodes[0].userName), [idp.user], 'the tag was created as the provider’s user');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await viaProvider.waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('cores.token')), null, 'signing out drops the token');
    log(`signed in at the identity provider as ${idp.user} (ADMIN), created the tag ${tagName}, signed out`);
    // an answer to no sign-in started in this tab is refused, and said so on the sign-in page
    await page.goto(`${base}/admin/?code=forged&state=forged`);
    await page.getByRole('alert').filter({ hasText: 'belongs to no sign-in started in this tab' }).waitFor();
    assert.equal(page.url(), `${base}/admin/#/login`, 'the forged answer is gone from the address');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('cores.token')), null);
    log('an answer with a state of no sign-in of this tab is refused on the sign-in page');
  }

  assert.deepEqual(problems, [], 'no errors in the page');
  log('passed');
} catch (e) {
  for (const [i, p] of context.pages().entries()) await p.screenshot({ path: join(shots, `failure-${i}.png`) }).catch(() => {});
  console.error(problems.join('\n'));
  throw e;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

async function signIn(page, screenshot, key = token, role = 'ADMIN') {
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('API token').fill(key);
  if (screenshot) await shot(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('.identity', { hasText: `(${role})` }).waitFor();
}

/** Fills an input and checks it kept the value: a record arriving late resets a form once. */
async function fillStable(page, input, value) {
  for (let i = 0; i < 10; i++) {
    await input.fill(value);
    await page.waitForTimeout(400);
    if ((await input.inputValue()) === value) return;
  }
  assert.fail(`the input did not keep ${value}`);
}

/** A CSV's records (a quoted field may hold line breaks). */
function csvRecords(text) {
  const records = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) {
      records.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records.filter((r) => r !== '');
}

function hex() {
  return Math.floor(Math.random() * 256).toString(16).padStart(2, '0');
}

async function assertFirst(page, column, value) {
  await page.waitForFunction(
    ([c, v]) => document.querySelector(`table tbody tr:first-child td.column-${c}`)?.textContent?.trim() === v,
    [column, value],
  );
  assert.equal((await firstCell(page, column).innerText()).trim(), value);
}
