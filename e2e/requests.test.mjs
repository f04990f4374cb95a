// End-to-end: what the app asks of the API. Each resource is fetched once per key: filtering,
// ordering, paging, switching unit or language fetch nothing that is already loaded, and another
// year fetches that year's figures only.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openAs, settled, SIZES, test } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/** The API requests the page makes from now on, as `path?query` below `/api/v1/me`. */
function recorder(page) {
  const seen = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === BASE && url.pathname.startsWith('/api/')) seen.push(url.pathname.replace('/api/v1/me', '') + url.search);
  });
  return { take: () => seen.splice(0), seen: () => seen };
}

test('nothing already loaded is fetched again', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/', SIZES.desktop);
  const requests = recorder(page);
  await settled(page);
  await page.getByText('Showing 20 of 61').waitFor();
  // from a fresh start, with the recorder listening from the first request
  requests.take();
  await page.reload();
  await settled(page);
  await page.getByText('Showing 20 of 61').waitFor();
  const first = requests.take().sort();
  assert.deepEqual(first, ['', '/attendance?year=2026', '/carry-over', '/entitlements?year=2026', '/trainings?limit=500'],
    'each resource of the page once');

  // search and filter
  await page.getByLabel('Search in title or provider').fill('excel');
  await page.getByRole('button', { name: 'Show trainings' }).click();
  await page.waitForURL(/\?q=excel$/);
  await page.locator('.training-item').first().waitFor();
  // order
  await page.getByLabel('Order').selectOption('longest');
  await page.getByRole('button', { name: 'Show trainings' }).click();
  await page.waitForURL(/\?q=excel&sort=longest$/);
  // all of them again, and more of them
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.getByRole('button', { name: /Show more/ }).click();
  await page.getByText('Showing 40 of 61').waitFor();
  // the unit and the language
  await page.getByRole('button', { name: 'Hours' }).click();
  await page.getByRole('button', { name: 'Days' }).click();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByRole('heading', { name: 'Je opleidingsrekening in 2026', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Your training account in 2026', level: 1 }).waitFor();
  assert.deepEqual(requests.take(), [], 'filtering, ordering, paging, unit and language fetch nothing');

  // another year of the figures: its own two resources, nothing else
  await page.getByRole('navigation', { name: 'Year', exact: true }).getByRole('link', { name: '2025' }).click();
  await page.getByRole('heading', { name: 'Your training account in 2025', level: 1 }).waitFor();
  await settled(page);
  assert.deepEqual(requests.take().sort(), ['/attendance?year=2025', '/entitlements?year=2025']);
  // the history of one year: its list, nothing else
  await page.getByRole('navigation', { name: 'Trainings from' }).getByRole('link', { name: '2024' }).click();
  await page.waitForURL(/\?year=2025&history-year=2024$/);
  await settled(page);
  assert.deepEqual(requests.take(), ['/trainings?limit=500&year=2024']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the first requests go out while the wasm downloads, and the app takes their answers', async () => {
  // the address, and what the boot module asks for before the wasm is in (scripts/early.js)
  const cases = [
    ['/', ['', '/attendance?year=2026', '/carry-over', '/entitlements?year=2026', '/trainings?limit=500']],
    ['/?year=2025&history-year=2024',
      ['', '/attendance?year=2025', '/carry-over', '/entitlements?year=2025', '/trainings?limit=500&year=2024']],
    ['/profile', ['']],
  ];
  for (const [path, early] of cases) {
    const { page, problems } = await openAs(ctx, 'a', '/not-this-page');
    await settled(page);
    const requests = recorder(page);
    let beforeWasm = null;
    // the wasm is held back until the early requests are out (or 5 s have passed)
    await page.route(/_bg\.wasm$/, async (route) => {
      for (let waited = 0; waited < 5000 && requests.seen().length < early.length; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      beforeWasm = requests.seen().slice().sort();
      await route.continue();
    });
    await page.goto(BASE + path);
    await settled(page);
    assert.ok(beforeWasm, `${path}: the wasm was never requested`);
    // every API request the app makes must be one the boot module started (scripts/early.js must
    // build the paths and page size of src/client/resources.rs), taken once
    const all = requests.take();
    const unstarted = all.filter((r) => !beforeWasm.includes(r));
    assert.deepEqual(unstarted, [], `${path}: the app asked for ${unstarted.join(', ')}, which the boot module `
      + '(scripts/early.js) did not start: do its paths and page size still match src/client/resources.rs?');
    const again = all.filter((r, i) => all.indexOf(r) !== i);
    assert.deepEqual(again, [], `${path}: the app asked again for ${again.join(', ')}, which the boot module had started`);
    assert.deepEqual(beforeWasm, early, `${path}: asked for before the wasm was in`);
    // the figures are the service's, not a placeholder's
    if (path === '/') await page.getByText('Showing 20 of 61').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("an early answer that never comes still ends at the app's time limit, and a retry asks again", async () => {
  const { page, problems } = await openAs(ctx, 'a', '/not-this-page');
  await settled(page);
  // the ledger's first request (the boot module's) is never answered; the next one is
  let held = 0;
  await page.route('**/api/v1/me/carry-over', (route) => (held++ === 0 ? undefined : route.continue()));
  await page.goto(BASE + '/');
  const error = page.getByRole('alert').filter({ hasText: 'took too long to answer' });
  await error.waitFor({ timeout: 25000 });
  await error.getByRole('button', { name: 'Try again' }).click();
  await error.waitFor({ state: 'detached' });
  assert.equal(held, 2);
  assert.deepEqual(problems, []);
  await page.close();
});
