// The account on this device, from a kept copy: a copy downloaded from the demo back end opens in
// a fresh browser on a site with no service (E2E_DEVICE_URL: the demo back end's --on-device,
// whose config.json names none) and shows the same figures; what is not a copy is named.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { figuresShown } from './chromium.mjs';
import { axe, BASE, focusedIn, launch, newPage, openAs, screenshot, settled, SIZES, storedOnDevice, tabUntil, test } from './browser.mjs';

const DEVICE = process.env.E2E_DEVICE_URL;
const FIGURES = '.card .figure-value';

let context, fresh, kept;
before(async () => {
  assert.ok(DEVICE, 'E2E_DEVICE_URL is not set: run through scripts/test.sh, which starts the site without a service');
  context = await launch();
  fresh = await launch();
});
after(async () => {
  await context?.close();
  await fresh?.close();
});

/** The site without a service, in the fresh browser, its problems collected. */
async function startScreen(language = 'en', size = SIZES.desktop) {
  const page = await newPage(fresh, language);
  await page.setViewportSize(size);
  const seen = { problems: [], api: [] };
  page.on('console', (m) => m.type() === 'error' && seen.problems.push(m.text()));
  page.on('pageerror', (e) => seen.problems.push(e.message));
  page.on('request', (r) => r.url().includes('/api/') && seen.api.push(r.url()));
  await page.goto(`${DEVICE}/`);
  await page.locator('#copy-file').waitFor();
  return { page, seen };
}

test('a copy downloaded from the service opens on a site without one, with the same figures', async () => {
  const { page, problems } = await openAs(context, 'a', '/');
  await page.waitForFunction(figuresShown);
  await settled(page);
  const figures = await page.locator(FIGURES).allInnerTexts();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download everything (JSON)' }).click(),
  ]);
  kept = join(mkdtempSync(join(tmpdir(), 'copy-')), download.suggestedFilename());
  await download.saveAs(kept);
  assert.deepEqual(problems, []);

  const { page: device, seen } = await startScreen('en', SIZES.phone);
  await screenshot(device, 'device-start-390');
  await device.setInputFiles('#copy-file', kept);
  await device.waitForFunction(figuresShown);
  await settled(device);
  const banner = await device.locator('.copy-banner').innerText();
  assert.match(banner, new RegExp(`Your copy of \\d+\\s\\w+\\s\\d{4}, from ${BASE}/api`), banner);
  assert.deepEqual(await device.locator(FIGURES).allInnerTexts(), figures, 'the same figures as the service showed');
  await screenshot(device, 'device-dashboard-390');
  // every page reads the copy: the ledger, a training
  await device.getByRole('link', { name: 'Carry-over' }).first().click();
  await device.locator('.ledger-table, table').first().waitFor();
  await device.getByRole('link', { name: 'Overview' }).first().click();
  await device.locator('a[href^="/trainings/"]').first().click();
  await device.waitForURL(/\/trainings\//);
  await settled(device);
  assert.equal(await device.locator('.panel-error').count(), 0, 'nothing failed');
  assert.deepEqual(seen.api, [], 'nothing was asked of any service');
  assert.deepEqual(seen.problems, []);
});

test('a copy of an account whose service failed in part: the rest kept, what is missing named with why, and it opens', async () => {
  // persona d: its attendance answers 503, its history 500
  const { page, problems } = await openAs(context, 'd', '/');
  const copy = page.getByTestId('keep-a-copy');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    copy.getByRole('button', { name: 'Download everything (JSON)' }).click(),
  ]);
  const status = await copy.getByText(/^Downloaded: /).innerText();
  assert.match(status, /Not in the copy: Your attended training \(2026\) \(.*503.*\); Your training history \(.*500.*\)$/, status);
  const file = join(mkdtempSync(join(tmpdir(), 'copy-')), download.suggestedFilename());
  await download.saveAs(file);
  const all = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(all.missing, [
    { resource: 'attendance.2026', why: 'the service answered 503' },
    { resource: 'trainingPages', why: 'the service answered 500' },
  ]);
  assert.deepEqual(Object.keys(all.attendance), [], 'no broken body');
  assert.deepEqual(all.trainingPages, []);
  assert.equal(all.me.familyName, 'Data', 'what the service gave is all there');
  assert.equal(all.entitlements['2026'].items.length, 1);
  assert.equal(all.carryOver.items.length, 1);
  await page.close();
  // problems the page met are the service's answers, logged by the browser, not the app's
  assert.ok(problems.every((p) => /status of 50[03]/.test(p)), problems.join('\n'));

  const { page: device, seen } = await startScreen();
  await device.setInputFiles('#copy-file', file);
  await device.locator('.copy-banner').getByText(/^Not in the copy: /).waitFor();
  const banner = await device.locator('.copy-banner').innerText();
  assert.match(banner, /Not in the copy: Your attended training \(2026\); Your training history/);
  await device.locator('.card').first().waitFor();
  await settled(device);
  assert.equal(await device.getByText('No training on record yet.').count(), 0, 'a history the copy lacks is not an empty one');
  await screenshot(device, 'device-copy-in-part-1280');
  assert.deepEqual(seen.api, []);
  assert.deepEqual(seen.problems, []);
});

test('what is not a copy is named, and the start screen stays', async () => {
  assert.ok(kept, 'the first test kept a copy');
  const { page, seen } = await startScreen();
  const alert = page.locator('.open-copy [role=alert]');
  const open = async (name, text) => {
    await page.setInputFiles('#copy-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await alert.waitFor();
    return alert.innerText();
  };
  assert.match(await open('notes.txt', 'shopping: bread, milk'), /not a copy of a training account/);
  assert.match(await open('contact.json', '{"name":"a vCard"}'), /not a copy of a training account.*me/s);
  const copy = JSON.parse(readFileSync(kept, 'utf8'));
  copy.me.employers[0].name = 42;
  assert.match(await open('broken.json', JSON.stringify(copy)), /cannot be read at me\.employers\[0\]\.name/);
  assert.match(await open('later.json', JSON.stringify({ ...copy, format: 'training-account-export/9' })), /newer version/);
  assert.equal(await page.locator('#copy-file').count(), 1);
  assert.deepEqual(seen.problems, []);
});

test('a copy dropped on the start screen opens too', async () => {
  assert.ok(kept, 'the first test kept a copy');
  const { page, seen } = await startScreen();
  const text = readFileSync(kept, 'utf8');
  // a drop as the browser makes it: a DataTransfer holding the file
  const transfer = await page.evaluateHandle((json) => {
    const t = new DataTransfer();
    t.items.add(new File([json], 'training-account.json', { type: 'application/json' }));
    return t;
  }, text);
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
  await page.waitForFunction(figuresShown);
  assert.match(await page.locator('.copy-banner').innerText(), /Your copy of/);
  assert.deepEqual(seen.problems, []);
});

test('the start screen in four languages has no accessibility problem', async () => {
  for (const language of ['nl', 'fr', 'de', 'en']) {
    const { page } = await startScreen(language);
    assert.equal(await page.locator('html').getAttribute('lang'), language);
    assert.deepEqual(await axe(page), [], language);
    await page.close();
  }
});

// ---- an account kept by hand: the person's own record, its figures computed on the device ----

/** Fills the employment form that is open and saves it. */
async function addEmployment(page, e) {
  await page.getByRole('button', { name: 'Add an employment' }).click();
  await page.fill('#employer-name', e.name);
  await page.fill('#employment-start', e.start);
  if (e.end) {
    await page.fill('#employment-end', e.end);
    await page.selectOption('#end-reason', e.reason);
  }
  await page.fill('#regime', e.regime);
  await page.selectOption('#size-band', e.band);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-testid=employments] li', { hasText: e.name }).waitFor();
}

/** Adds a training at the employer named `at`. */
async function addTraining(page, t) {
  await page.getByRole('button', { name: 'Add a training' }).click();
  await page.fill('#training-title', t.title);
  await page.selectOption('#training-employment', { label: t.at });
  await page.fill('#training-start', t.start);
  await page.fill('#training-hours', t.hours);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-testid=trainings] li', { hasText: t.title }).waitFor();
}

/** The year's table of every employer: each row's cells, as shown. */
async function together(page) {
  const table = page.locator('table', { hasText: 'Training credit now' }).first();
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.innerText.trim())));
}

const storedDatabases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('an account kept by hand: two employers, one part-time and left, figures as the rules give them', async () => {
  const { page, seen } = await startScreen('en', SIZES.phone);
  await page.getByRole('button', { name: 'Start your own record' }).click();
  await page.waitForURL(/\/record$/);
  await axe(page).then((found) => assert.deepEqual(found, [], 'the empty record'));

  // a form sent empty names every missing field at the top, and its links reach the fields
  await page.getByRole('button', { name: 'Add an employment' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'employment-errors');
  assert.deepEqual(await summary.locator('li').allInnerTexts(), [
    "Employer's name: fill it in.", 'Start date: fill it in.', 'Number of workers at the employer: fill it in.',
  ]);
  assert.equal(await page.locator('#employer-name').getAttribute('aria-invalid'), 'true');
  await summary.locator('a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'employer-name');
  await page.fill('#regime', '180');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#regime-error', { hasText: /Work regime/ }).waitFor();
  await screenshot(page, 'record-form-errors-390');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Brico, full time, 20 or more workers, since 2022: 5 days a year from 2024 (2023's lapsed)
  await addEmployment(page, { name: 'Brico', start: '2022-03-01', regime: '100', band: '20_OR_MORE' });
  // a bakery at 60%, left by resignation on 30 April 2026: 5 x 0.6 = 3 days in 2025, 4/12 of it in 2026
  await addEmployment(page, {
    name: 'Bakkerij Peeters', start: '2025-01-01', end: '2026-04-30', reason: 'RESIGNATION', regime: '60', band: '20_OR_MORE',
  });
  // two days of 7.6 h at Brico in 2026; one at the bakery in 2025
  await addTraining(page, { title: 'First aid', at: 'Brico', start: '2026-03-10', hours: '15.2' });
  await addTraining(page, { title: 'Sourdough', at: 'Bakkerij Peeters', start: '2025-05-12', hours: '7.6' });
  await settled(page);
  await screenshot(page, 'record-filled-390');
  assert.deepEqual(await axe(page), [], 'the filled record');

  await page.getByRole('link', { name: 'Overview' }).first().click();
  await page.waitForFunction(figuresShown);
  await settled(page);
  // Brico: 5 + 5 carried from 2024-2025, + 5 in 2026 - 2 attended = 13 left and usable.
  // The bakery: 1 day in 2026 (3 x 4/12), 2 carried from 2025 (3 - 1); the resignation loses it all.
  assert.deepEqual(await together(page), [
    ['Brico', '5 days', '2 days', '13 days', '13 days'],
    ['Bakkerij Peeters', '1 day', '0 days', '3 days', '0 days'],
    ['Together', '6 days', '2 days', '16 days', '13 days'],
  ]);
  assert.match(await page.locator('body').innerText(), /Forfeited on 30\sApril 2026 \(resignation\)/);
  await screenshot(page, 'record-dashboard-390');
  await page.setViewportSize(SIZES.desktop);
  await screenshot(page, 'record-dashboard-1280');
  assert.deepEqual(seen.api, [], 'nothing was asked of any service');
  assert.deepEqual(seen.problems, []);
  await page.close();
});

test('keyboard only, at 320 px: a record started, an employment added with its errors, nothing wider than the screen', async () => {
  const { page, seen } = await startScreen('en', { width: 320, height: 700 });
  const tabTo = (text, max) => tabUntil(page, (f) => f.text === text, `"${text}"`, max);
  await tabTo('Start your own record');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/record$/);
  await tabTo('Add an employment');
  await page.keyboard.press('Enter');
  await tabUntil(page, (f) => f.id === 'employer-name', 'the name field');
  await page.keyboard.type('Brico');
  // Enter in a field sends the form: the summary takes the focus and names what is missing
  await page.keyboard.press('Enter');
  await page.locator('.error-summary').waitFor();
  assert.equal((await focusedIn(page)).id, 'employment-errors');
  await page.keyboard.press('Tab');
  assert.match((await focusedIn(page)).text, /^Start date/);
  await page.keyboard.press('Enter');
  assert.equal((await focusedIn(page)).id, 'employment-start', 'the link moves to its field');
  await page.keyboard.type('03012022'); // the browser's en-US date field: month, day, year
  await tabUntil(page, (f) => f.id === 'size-band', 'the size band');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo('Save');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=employments] li', { hasText: 'Brico' }).waitFor();
  assert.match(await page.locator('[data-testid=employments] li').innerText(), /1\sMarch 2022 · 100% · 20 or more workers/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 320 px');
  await screenshot(page, 'record-keyboard-320');
  // every page reads the record: the carry-over and its chart
  await page.getByRole('link', { name: 'Carry-over' }).first().click();
  await page.locator('.ledger-table, table').first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nor on the carry-over');
  assert.deepEqual(seen.problems, []);
  await page.close();
});

test('kept on this device: it stays after a reload, two tabs both add to it, and forgetting deletes it', async () => {
  const { page, seen } = await startScreen();
  await page.getByRole('button', { name: 'Start your own record' }).click();
  await page.waitForURL(/\/record$/);
  await addEmployment(page, { name: 'Brico', start: '2022-03-01', regime: '100', band: '20_OR_MORE' });
  const state = page.getByTestId('storage-state');
  assert.match(await state.innerText(), /Not stored yet/);
  assert.deepEqual(await storedDatabases(page), [], 'nothing is stored before the person asks');
  await page.getByRole('button', { name: 'Keep it on this device' }).click();
  await state.filter({ hasText: /^Kept in this browser/ }).waitFor();
  assert.deepEqual(await storedDatabases(page), ['training-account']);

  await page.reload();
  await page.locator('[data-testid=employments] li', { hasText: 'Brico' }).waitFor();
  assert.match(await state.innerText(), /^Kept in this browser/);

  // a second tab: each tab adds a training while the other is open; both stay
  const other = await newPage(fresh, 'en');
  await other.goto(`${DEVICE}/record`);
  await other.locator('[data-testid=employments] li', { hasText: 'Brico' }).waitFor();
  await other.getByRole('button', { name: 'Add a training' }).click();
  await addTraining(page, { title: 'Written in the first tab', at: 'Brico', start: '2026-02-02', hours: '7.6' });
  // the second tab hears of it, its form still open
  await other.getByText('Your record was changed in another tab').waitFor();
  await other.locator('[data-testid=trainings] li', { hasText: 'Written in the first tab' }).waitFor();
  await other.fill('#training-title', 'Written in the second tab');
  await other.fill('#training-start', '2026-02-03');
  await other.fill('#training-hours', '3.8');
  await other.getByRole('button', { name: 'Save' }).click();
  for (const tab of [page, other]) {
    await tab.locator('[data-testid=trainings] li', { hasText: 'Written in the second tab' }).waitFor();
    assert.equal(await tab.locator('[data-testid=trainings] li').count(), 2);
  }
  await page.reload();
  await page.locator('[data-testid=trainings] li').nth(1).waitFor();
  assert.deepEqual(
    await page.locator('[data-testid=trainings] li strong').allInnerTexts(),
    ['Written in the second tab', 'Written in the first tab'],
    'both kept, newest first',
  );

  // forgetting: asked once more, then the database is gone and both tabs are back at the start
  await page.getByRole('button', { name: 'Forget everything on this device' }).click();
  await page.getByRole('button', { name: 'Yes, forget everything' }).click();
  await page.getByText('Everything kept on this device is forgotten.').waitFor();
  await page.locator('#copy-file').waitFor();
  assert.deepEqual(await storedDatabases(page), []);
  await other.locator('#copy-file').waitFor();
  await page.reload();
  await page.locator('#copy-file').waitFor();
  assert.deepEqual(seen.problems, []);
  await other.close();
  await page.close();
});

test('a copy kept and added to: the national register number stays out of it', async () => {
  assert.ok(kept, 'the first test kept a copy');
  const { page, seen } = await startScreen();
  await page.setInputFiles('#copy-file', kept);
  await page.waitForFunction(figuresShown);
  const figures = await page.locator(FIGURES).allInnerTexts();
  await page.getByRole('button', { name: 'Keep this copy and add to it' }).click();
  await page.locator('.kept-banner').waitFor();
  await page.waitForFunction(figuresShown);
  await settled(page);
  assert.deepEqual(await page.locator(FIGURES).allInnerTexts(), figures, "the rules give the copy's own figures");
  await page.getByRole('link', { name: 'Profile' }).first().click();
  await page.getByText('not kept on this device').waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /\d{2}\.\d{2}\.\d{2}-/, 'no national register number');
  await page.getByRole('link', { name: 'Your record' }).first().click();
  assert.ok(await page.locator('[data-testid=employments] li').count() > 0);
  await page.getByRole('button', { name: 'Keep it on this device' }).click();
  await page.getByTestId('storage-state').filter({ hasText: /^Kept in this browser/ }).waitFor();
  const stored = (await storedOnDevice(page)).record;
  const ssin = JSON.parse(readFileSync(kept, 'utf8')).me.ssin;
  assert.ok(ssin && !stored.includes(ssin), 'the stored record holds no national register number');
  assert.equal(JSON.parse(stored).schema, 1);
  assert.deepEqual(seen.problems, []);
  await page.close();
});

test('the record page in four languages has no accessibility problem', async () => {
  for (const language of ['nl', 'fr', 'de', 'en']) {
    // the record kept by the test before: the page with its lists, and a form open with errors
    const page = await newPage(fresh, language);
    await page.goto(`${DEVICE}/record`);
    await page.locator('[data-testid=employments] li').first().waitFor();
    await page.locator('.record-employments .button').last().click();
    await page.locator('.record-form button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    assert.deepEqual(await axe(page), [], language);
    if (language === 'nl') await screenshot(page, 'record-errors-nl-1280');
    await page.close();
  }
});
