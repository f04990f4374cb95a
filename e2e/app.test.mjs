// End-to-end: the built app served by the demo back end, driven in Debian's Chromium.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { asPersona, axe, BASE, launch, newPage, openAs, screenshot, SIZES, test } from './browser.mjs';
import { CPU_SLOWDOWN, figuresShown, slowCpu } from './chromium.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const card = (page, id) => page.getByTestId(id).first();
const EXPECTED_FAILURES = /status of (500|503)|ERR_FAILED|net::/;

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`persona a: this year's five figures (${size})`, async () => {
    const { page, problems } = await openAs(ctx, 'a', '/', viewport);
    await card(page, 'credit').waitFor();
    assert.match(await card(page, 'entitled').innerText(), /Entitled in 2026\s+5 days\s+= 38 hours/);
    assert.match(await card(page, 'entitled').innerText(), /5 days full-time \(by law\) × 100% work regime × 12\/12 months = 5 days/);
    assert.match(await card(page, 'attended').innerText(), /3 days[\s\S]*Formal training\s+2 days[\s\S]*Informal training\s+1 day/);
    assert.match(await card(page, 'left').innerText(), /Left for 2026\s+2.5 days/);
    assert.match(await card(page, 'carried-in').innerText(), /Carried into 2026\s+0.5 days/);
    assert.match(await card(page, 'credit').innerText(), /2.5 days[\s\S]*Usable until 31\sDecember 2028/);
    const body = await page.locator('body').innerText();
    assert.match(body, /An Peeters · National register number 90\.05\.14-\*\*\*\.\*\*/);
    assert.doesNotMatch(body, /90051412324|123\.24/, 'the SSIN is shown masked only');
    assert.doesNotMatch(body, /do not add up/);
    await page.getByText('Showing 20 of 61').waitFor();
    await screenshot(page, `dashboard-a-${size}`);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    const noSideScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(noSideScroll, 'no horizontal scrolling');
    await page.close();
  });
}

test('persona b: part-time on a sector agreement, two employers, one forfeited', async () => {
  const { page, problems } = await openAs(ctx, 'b', '/', SIZES.phone);
  await page.getByRole('heading', { name: 'Brasserie De Hoek' }).waitFor();
  await card(page, 'credit').waitFor();
  const first = page.locator('section.employer').nth(0);
  const second = page.locator('section.employer').nth(1);
  assert.match(await first.innerText(), /Entitled in 2026\s+4.2 days/);
  assert.match(await first.innerText(), /4 days full-time \(sector agreement\) × 80% work regime × 12\/12 months = 3.2 days/);
  assert.match(await first.innerText(), /Sectoral training credit\s+\+ 1 day/);
  assert.match(await first.innerText(), /Attended in 2026\s+2.5 days/);
  assert.match(await first.innerText(), /Left for 2026\s+1.7 days/);
  assert.match(await first.innerText(), /Carried into 2026\s+0 days/);
  assert.match(await second.innerText(), /Employed 1\sJanuary 2022 – 30\sJune 2025/);
  assert.match(await second.innerText(), /Training credit now\s+0 days[\s\S]*Forfeited on 30\sJune 2025 \(resignation\)/);
  assert.match(await second.innerText(), /This employment ended on 30\sJune 2025, before 2026: only the balance it left is shown\./);
  assert.equal(await second.getByTestId('entitled').count(), 0, 'no empty cards for a past employment');
  assert.doesNotMatch(await page.locator('body').innerText(), /do not add up/);
  await screenshot(page, 'dashboard-b-phone');
  assert.deepEqual(problems, []);
  await page.close();
});

test('persona c: new hire counted in hours, unknown status shown as other', async () => {
  const { page, problems } = await openAs(ctx, 'c', '/', SIZES.desktop);
  await card(page, 'credit').waitFor();
  assert.match(await card(page, 'entitled').innerText(), /31.67 hours\s+= 4.17 days/);
  assert.match(await card(page, 'entitled').innerText(), /38 hours full-time \(by law\) × 100% work regime × 10\/12 months = 31.67 hours/);
  assert.match(await card(page, 'attended').innerText(), /4 hours/);
  assert.match(await card(page, 'credit').innerText(), /27.67 hours/);
  await page.getByText('Showing 2 of 2').waitFor();
  assert.match(await page.locator('.history').innerText(), /Other \(POSTPONED\)/);
  assert.equal(await page.getByRole('button', { name: /^Show more trainings/ }).count(), 0);
  await screenshot(page, 'dashboard-c-desktop');
  assert.deepEqual(problems, []);
  await page.close();
});

test('persona d: broken figures are explained, failing resources fail alone', async () => {
  const { page, problems } = await openAs(ctx, 'd', '/', SIZES.desktop);
  await card(page, 'credit').waitFor();
  const body = () => page.locator('body').innerText();
  await page.getByText('Your attended training: not available right now').waitFor();
  assert.match(await body(), /problem \(error 503\)/);
  assert.match(await body(), /Your total right is stated as 6 days, but your individual and sectoral rights add up to 4.5 days\./);
  assert.match(await body(), /2025 starts with 2 days carried in, but 2024 carried out 1 day\./);
  assert.match(await body(), /Your training credit is stated as 4 days, but the yearly figures leave 2.5 days\./);
  assert.match(await body(), /0765\.432\.147 \(this number is not valid/);
  await page.getByText('Your training history: not available right now').waitFor();
  await screenshot(page, 'dashboard-d-desktop');
  assert.deepEqual(problems.filter((p) => !EXPECTED_FAILURES.test(p)), []);
  await page.close();
});

test('the year switcher shows another year, in the address, and back', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/', SIZES.phone);
  await card(page, 'credit').waitFor();
  const years = page.getByRole('navigation', { name: 'Year' });
  assert.deepEqual(await years.getByRole('link').allInnerTexts(), ['2024', '2025', '2026']);
  assert.equal(await years.getByRole('link', { name: '2026' }).getAttribute('aria-current'), 'page');
  await years.getByRole('link', { name: '2025' }).click();
  await page.waitForURL(/\?year=2025$/);
  await page.getByRole('heading', { name: 'Your training account in 2025' }).waitFor();
  await page.getByText('Entitled in 2025').waitFor();
  assert.match(await card(page, 'entitled').innerText(), /Entitled in 2025\s+5 days/);
  assert.match(await card(page, 'attended').innerText(), /Attended in 2025\s+5.5 days/);
  assert.match(await card(page, 'left').innerText(), /Left for 2025\s+0.5 days/);
  assert.match(await card(page, 'carried-in').innerText(), /Carried into 2025\s+1 day/);
  assert.equal(await years.getByRole('link', { name: '2025' }).getAttribute('aria-current'), 'page');
  await screenshot(page, 'dashboard-a-2025-phone');
  await page.goBack();
  await page.getByRole('heading', { name: 'Your training account in 2026' }).waitFor();
  await page.getByText('Entitled in 2026').waitFor();
  // a shared link opens on its year; a year that is no year is ignored
  await page.goto(`${BASE}/?year=2024`);
  await page.getByText('Attended in 2024').waitFor();
  await page.goto(`${BASE}/?year=abc`);
  await page.getByRole('heading', { name: 'Your training account in 2026' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('the history filtered to one year, in the address, keeping the year of the figures', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/?year=2025', SIZES.desktop);
  await page.getByText('Showing 20 of 61').waitFor();
  const filter = page.getByRole('navigation', { name: 'Trainings from' });
  assert.deepEqual(await filter.getByRole('link').allInnerTexts(), ['All years', '2024', '2025', '2026']);
  assert.equal(await filter.getByRole('link', { name: 'All years' }).getAttribute('aria-current'), 'page');
  await filter.getByRole('link', { name: '2024' }).click();
  await page.waitForURL(/\?year=2025&history-year=2024$/);
  await page.getByText('Showing 20 of 21').waitFor();
  const starts = await page.locator('.training-meta span:first-child').allInnerTexts();
  assert.ok(starts.every((d) => d.includes('2024')), `only 2024: ${starts.join(', ')}`);
  assert.equal(await page.locator('h1').innerText(), 'Your training account in 2025', 'the figures keep their year');
  await page.getByRole('button', { name: /^Show more trainings \(1 more\)/ }).click();
  await page.getByText('Showing 21 of 21').waitFor();
  assert.equal(await filter.getByRole('link', { name: '2024' }).getAttribute('aria-current'), 'page');
  await screenshot(page, 'history-2024-desktop');
  await page.goBack();
  await page.getByText('Showing 20 of 61').waitFor();
  await page.goto(`${BASE}/?history-year=2027`);
  await page.getByText('No training on record in 2027.').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('days or hours: the headline figures in the chosen unit, remembered', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/', SIZES.phone);
  await card(page, 'credit').waitFor();
  const units = page.getByRole('group', { name: 'Show amounts in' });
  assert.equal(await units.getByRole('button', { name: 'Hours' }).getAttribute('aria-pressed'), 'false');
  await units.getByRole('button', { name: 'Hours' }).click();
  assert.match(await card(page, 'entitled').innerText(), /Entitled in 2026\s+38 hours\s+= 5 days/);
  assert.match(await card(page, 'credit').innerText(), /19 hours\s+= 2.5 days/);
  await page.reload();
  await card(page, 'credit').waitFor();
  assert.match(await card(page, 'entitled').innerText(), /38 hours\s+= 5 days/, 'remembered after a reload');
  assert.equal(await page.getByRole('button', { name: 'Hours' }).getAttribute('aria-pressed'), 'true');
  const stored = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(stored, ['training-account.language', 'training-account.unit'], 'preferences only');
  await page.getByRole('button', { name: 'Days' }).click();
  assert.match(await card(page, 'entitled').innerText(), /Entitled in 2026\s+5 days\s+= 38 hours/);
  await page.evaluate(() => localStorage.removeItem('training-account.unit'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('history pages through every training with "Show more"', async () => {
  const { page, problems } = await openAs(ctx, 'a');
  await page.getByText('Showing 20 of 61').waitFor();
  const more = page.getByRole('button', { name: /^Show more trainings/ });
  assert.equal(await more.innerText(), 'Show more trainings (41 more)');
  await more.click();
  await page.getByText('Showing 40 of 61').waitFor();
  await more.click();
  await page.getByText('Showing 60 of 61').waitFor();
  await more.click();
  await page.getByText('Showing 61 of 61').waitFor();
  assert.equal(await more.count(), 0, 'no button after the last page');
  const dates = await page.locator('.training-item').count();
  assert.equal(dates, 61);
  const ids = await page.locator('.training-item a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(new Set(ids).size, 61, 'no training twice');
  const first = await page.locator('.training-item').first().innerText();
  assert.match(first, /Presentatietechnieken[\s\S]*8\sDecember 2026[\s\S]*Reserved/, 'newest first');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a training opens on its own page, and back', async () => {
  const { page, problems } = await openAs(ctx, 'a');
  await page.getByRole('link', { name: 'Presentatietechnieken' }).click();
  await page.waitForURL('**/trainings/t-2026-next');
  await page.getByRole('heading', { level: 1, name: 'Presentatietechnieken' }).waitFor();
  const details = await page.locator('dl.details').innerText();
  assert.match(details, /Employer\s+Voorbeeld NV/);
  assert.match(details, /Dates\s+8\sDecember 2026/);
  assert.match(details, /Duration\s+7 h/);
  assert.match(details, /Status\s+Reserved/);
  assert.match(details, /Provider\s+Cevora, enterprise number 0439\.114\.050/);
  assert.match(details, /Paid by\s+Sector fund/);
  assert.match(details, /Registered by\s+Training provider/);
  await screenshot(page, 'training-a-desktop');
  await page.goBack();
  await card(page, 'entitled').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('deep links: a training, an unknown training, an unknown page', async () => {
  let { page, problems } = await openAs(ctx, 'c', '/trainings/c-1', SIZES.phone);
  await page.getByRole('heading', { level: 1, name: 'Arbeitssicherheit Grundkurs' }).waitFor();
  assert.match(await page.locator('dl.details').innerText(), /Certificate, valid until 14\sApril 2029/);
  await screenshot(page, 'training-c-phone');
  assert.deepEqual(problems, []);
  await page.close();

  ({ page } = await openAs(ctx, 'c', '/trainings/nope'));
  await page.getByText('This training: not available right now').waitFor();
  await page.close();

  ({ page, problems } = await openAs(ctx, 'a', '/no/such/page'));
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to your training account' }).click();
  await card(page, 'entitled').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a broken or missing config.json gets an error screen that names it', async () => {
  const cases = [
    [{ status: 200, body: '{ "apiBaseUrl": ' }, /config\.json is not valid JSON/],
    [{ status: 200, body: '{"apiBaseUrl": 42, "auth": {"mode": "none"}}' }, /apiBaseUrl: invalid type: integer `42`/],
    [{ status: 404, body: 'no' }, /The configuration file was not found at http:\/\/127\.0\.0\.1:\d+\/config\.json/],
  ];
  for (const [reply, message] of cases) {
    const page = await newPage(ctx);
    await page.route('**/config.json', (r) => r.fulfill(reply));
    await page.goto(`${process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8097'}/trainings/x`);
    await page.getByRole('heading', { name: 'This app is not set up correctly' }).waitFor();
    assert.match(await page.locator('.config-error').innerText(), message);
    if (reply.status === 200 && reply.body.startsWith('{ "api')) await screenshot(page, 'config-broken-desktop');
    await page.close();
  }
});

test('the back end down: every part says so, and recovers on retry', async () => {
  const page = await newPage(ctx);
  await page.route('**/api/**', (r) => r.abort('connectionrefused'));
  await page.goto(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8097');
  await page.getByText('Your profile and employers: not available right now').waitFor();
  await page.getByText('Your training history: not available right now').waitFor();
  assert.match(await page.locator('body').innerText(), /cannot be reached\. Check your connection/);
  await screenshot(page, 'backend-down-desktop');
  await page.unroute('**/api/**');
  // each part failed on its own and is retried on its own, until none is left failing
  const retry = page.getByRole('button', { name: 'Try again' });
  for (let i = 0; i < 10 && (await retry.count()) > 0; i++) {
    await retry.first().click();
    await page.waitForTimeout(200);
  }
  assert.equal(await retry.count(), 0);
  await card(page, 'credit').waitFor();
  assert.match(await card(page, 'entitled').innerText(), /5 days/);
  await page.getByText('Showing 20 of 61').waitFor();
  await page.close();
});

test('malformed data ends in a message, not a crash', async () => {
  const { page: p0 } = await openAs(ctx, 'a');
  await p0.close();
  const page = await newPage(ctx);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/api/v1/me/attendance*', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"year":"2026","items":7}' }));
  await page.route('**/api/v1/me/entitlements*', (r) => r.fulfill({ status: 429, headers: { 'Retry-After': '30' }, body: '' }));
  await page.goto(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8097');
  await page.getByText('Your attended training: not available right now').waitFor();
  assert.match(await page.locator('body').innerText(), /sent data this app cannot read/);
  assert.match(await page.locator('body').innerText(), /Too many requests\. Try again in 30 seconds\./);
  await card(page, 'credit').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the demo's persona page switches who is shown", async () => {
  const { page, problems } = await openAs(ctx, 'a', '/demo');
  await page.getByRole('link', { name: 'Persona c' }).click();
  await page.waitForURL(/\/$/);
  await page.getByText('Lukas Schmidt').waitFor();
  await card(page, 'entitled').waitFor();
  assert.match(await card(page, 'entitled').innerText(), /31.67 hours/);
  assert.deepEqual(problems, []);
  await page.close();
});

test(`nothing jumps: a layout shift of at most 0.02 on every route, on a phone and a desktop, at ${CPU_SLOWDOWN}x CPU`, async () => {
  const shifts = await launch();
  // every shift no input caused, from the page's first byte
  await shifts.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const seen = {};
  for (const path of ['/', '/?year=2025', '/carry-over', '/profile', '/trainings/t-2026-next']) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const page = await newPage(shifts);
      await page.setViewportSize(viewport);
      const cdp = await shifts.newCDPSession(page);
      await slowCpu(cdp);
      await page.goto(BASE + path);
      await page.waitForFunction(() => !document.querySelector('.placeholder, .boot'));
      await page.waitForTimeout(500);
      seen[`${path} ${size}`] = Number((await page.evaluate(() => window.__cls)).toFixed(3));
      await page.close();
    }
  }
  await shifts.close();
  assert.deepEqual(Object.entries(seen).filter(([, cls]) => cls > 0.02), [], JSON.stringify(seen));
});

test(`the history does not hold the figures back: they are drawn a frame before its list, at ${CPU_SLOWDOWN}x CPU`, async () => {
  const frames = await launch();
  // the animation frame in which each first shows
  const firstFrames = (figuresShown) => {
    window.__frame = {};
    let frame = 0;
    const look = () => {
      frame += 1;
      if (!window.__frame.figures && figuresShown()) window.__frame.figures = frame;
      if (!window.__frame.history && document.querySelector('.training-item')) window.__frame.history = frame;
      if (!window.__frame.figures || !window.__frame.history) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  };
  await frames.addInitScript(`(${firstFrames})(${figuresShown})`);
  await asPersona(frames, 'a');
  const seen = [];
  for (let i = 0; i < 3; i++) {
    const page = await newPage(frames);
    const cdp = await frames.newCDPSession(page);
    await slowCpu(cdp);
    await page.goto(`${BASE}/`);
    await page.waitForFunction(() => window.__frame.figures && window.__frame.history);
    seen.push(await page.evaluate(() => window.__frame));
    await page.close();
  }
  await frames.close();
  assert.ok(seen.every((s) => s.figures < s.history), JSON.stringify(seen));
});

test("the page's frame paints before the wasm, in the person's language, and the app takes it over without a move", async () => {
  for (const size of [SIZES.phone, SIZES.desktop]) {
    await asPersona(ctx, 'a');
    const page = await newPage(ctx, 'nl');
    await page.setViewportSize(size);
    // the wasm held back: what shows until then is the frame alone
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${BASE}/carry-over`);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const brand = page.locator('#frame .brand');
    assert.ok(await brand.isVisible());
    assert.equal(await brand.innerText(), 'Opleidingsrekening');
    assert.equal(await page.locator('#frame [aria-current=page]').innerText(), 'Overdracht');
    assert.equal(await page.locator('#frame .languages [aria-pressed=true]').innerText(), 'Nederlands');
    const boxes = (scope) => page.evaluate((s) => ['.site-header', '.site-nav', '.boot']
      .map((c) => document.querySelector(`${s} ${c}`)?.getBoundingClientRect())
      .map((r) => r && [r.x, r.y, r.width, r.height].map(Math.round)), scope);
    const hrefs = (scope) => page.locator(`${scope} .site-nav a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const frame = { boxes: await boxes('#frame'), hrefs: await hrefs('#frame') };
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift' });
    });
    release();
    await page.locator('#main').waitFor();
    assert.equal(await page.locator('#frame').count(), 0, 'the app took the frame away');
    // its first screen where the frame was: the same boxes (its loading line, while it lasts)
    const app = { boxes: await boxes('body'), hrefs: await hrefs('body') };
    assert.deepEqual(app.hrefs, frame.hrefs, "the frame's navigation is the app's");
    assert.deepEqual(app.boxes.slice(0, 2), frame.boxes.slice(0, 2), `header and navigation at ${size.width} px`);
    assert.equal(await page.evaluate(() => window.__shift), 0, 'nothing moved');
    await page.close();
  }
  // a language the app cannot know yet: the frame's words stay hidden, never in the wrong one
  const spanish = await launch('es-ES');
  const page = await newPage(spanish, null);
  await page.route(/_bg\.wasm$/, () => {}); // never: the frame alone
  // the boot module asks for config.json right after it has set the frame's words
  const booted = page.waitForRequest(/\/config\.json$/);
  await page.goto(`${BASE}/`);
  await booted;
  assert.equal(await page.locator('#frame .brand').isVisible(), false);
  assert.ok(await page.locator('#frame .languages').isVisible(), 'the languages, the same in all, show');
  await spanish.close();
});
