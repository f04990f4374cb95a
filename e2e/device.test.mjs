// The account on this device, from a kept copy: a copy downloaded from the demo back end opens in
// a fresh browser on a site with no service (E2E_DEVICE_URL: the demo back end's --on-device,
// whose config.json names none) and shows the same figures; what is not a copy is named.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { figuresShown } from './chromium.mjs';
import { axe, BASE, launch, newPage, openAs, screenshot, settled, SIZES, test } from './browser.mjs';

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
