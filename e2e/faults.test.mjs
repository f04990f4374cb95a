// The fault matrix (issue 30): every fault of the demo back end's fault layer (demo/src/faults.rs,
// on E2E_FAULTS_URL, started with --faults), and the browser's own (offline, the OpenID provider
// down or failing), crossed with every route: each cell must end in its named state within its
// time limit, with no blank screen and no page error, the other parts of the page still shown.
// The test asks for a fault by a header on the API requests of its page alone, never by a cookie.
// The matrix prints as a table: a row per fault, a column per route.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS, figuresShown } from './chromium.mjs';
import { LANGUAGE_KEY, test } from './browser.mjs';
import { throughProvider } from './provider.mjs';

const need = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run the fault matrix through scripts/test.sh, which starts the servers with --faults`);
  return value;
};
const APP = need('E2E_FAULTS_URL');
const HOST = need('E2E_FAULTS_HOST_URL');
const SIGNED_IN = need('E2E_FAULTS_OIDC_URL');
const ISSUER = need('E2E_ISSUER');
/** Cells at once: most of them wait on a timer, not on the machine. */
const AT_ONCE = 4;

// what the person reads in each state (src/i18n/en.rs)
const SAID = {
  timeout: /took too long to answer/,
  unreached: /service cannot be reached/,
  unauthorized: /not signed in, or your session has expired/,
  forbidden: /not allowed to see this information/,
  notFound: /No training account was found/,
  wait: /Too many requests\. Try again in 120 seconds/,
  server: (status) => new RegExp(`has a problem \\(error ${status}\\)`),
  unreadable: /sent data this app cannot read \(.+\)/,
  sessionEnded: /Your session has ended/,
  offline: /You are offline/,
};

// The routes: where a cell opens, the resource its fault is on, the route's own figure, and what
// else must still show when that resource fails.
const app = (path, on, figure, other) => ({
  base: APP, path, on, figure, other,
  failed: (page) => page.locator('.panel-error'),
});
// both embeddings are on the intranet page: the fault is on the requests of the one under test
const widget = (scope, framed) => ({
  base: HOST, path: '/?lang=en', on: '/api/v1/me/carry-over', widget: true,
  mine: (request) => (request.frame().parentFrame() !== null) === framed,
  figure: (page) => scope(page).getByTestId('widget').locator('.figure-value').first(),
  failed: (page) => scope(page).getByRole('alert'),
  // the intranet's own page is untouched
  other: (page) => page.getByText('The canteen is closed on Friday.'),
});
const ROUTES = {
  dashboard: app('/', '/api/v1/me/entitlements', (p) => p.locator('.card .figure-value').nth(4), (p) => p.locator('.card .figure-value').first()),
  'carry-over': app('/carry-over', '/api/v1/me/carry-over', (p) => p.getByTestId('ledger').first(), (p) => p.locator('.site-nav')),
  profile: app('/profile', '/api/v1/me', (p) => p.locator('.profile-more .details').first(), (p) => p.locator('.site-nav')),
  training: app('/trainings/t-2026-next', '/api/v1/me/trainings/', (p) => p.locator('dl.details'), (p) => p.locator('.back-link')),
  'widget, iframe': widget((page) => page.frameLocator('#frame'), true),
  'widget, script': widget((page) => page.locator('#card'), false),
  'signed in': { ...app('/', '/api/v1/me/entitlements'), base: SIGNED_IN, signIn: true,
    figure: (p) => p.locator('.card .figure-value').nth(4), other: (p) => p.locator('.card .figure-value').first() },
};

// The faults: the plan sent to the fault layer, or the browser's own doing, and the state each
// ends in, with its time limit (the app waits 15 s for an answer).
const ERROR = 'error, with a retry';
const FIGURE = 'the figure';
const FAULTS = [
  { name: 'no answer for 20 s', plan: { fault: 'hang' }, ends: ERROR, said: SAID.timeout, limit: 19_000 },
  { name: 'connection refused', plan: { fault: 'refused' }, ends: ERROR, said: SAID.unreached },
  { name: 'reset in mid-body', plan: { fault: 'reset' }, ends: ERROR, said: SAID.unreached },
  { name: '401', plan: { fault: 'status', status: 401 }, ends: `${ERROR}; signed in, session ended`, said: SAID.unauthorized, signedIn: true },
  { name: '403', plan: { fault: 'status', status: 403 }, ends: ERROR, said: SAID.forbidden },
  { name: '404', plan: { fault: 'status', status: 404 }, ends: ERROR, said: SAID.notFound },
  { name: '429, Retry-After: 1', plan: { fault: 'too-many', retry_after: 1, times: 1 }, ends: 'the figure, asked again after 1 s', waited: 1000 },
  { name: '429, Retry-After: 120', plan: { fault: 'too-many', retry_after: 120 }, ends: ERROR, said: SAID.wait },
  ...[500, 502, 503].map((status) => ({ name: `${status} (HTML)`, plan: { fault: 'status', status }, ends: ERROR, said: SAID.server(status) })),
  { name: 'truncated JSON', plan: { fault: 'truncated' }, ends: ERROR, said: SAID.unreadable },
  { name: 'wrong content type', plan: { fault: 'wrong-type' }, ends: FIGURE },
  { name: 'slow trickle (5 s)', plan: { fault: 'trickle' }, ends: FIGURE, limit: 12_000 },
  { name: 'offline, then online', offline: true, ends: 'offline, then the figure by itself' },
  { name: 'OpenID provider down', provider: 'down', ends: 'session ended', only: 'signed in' },
  { name: 'token endpoint failing', provider: 'failing', ends: 'session ended', only: 'signed in' },
];
const LIMIT = 8_000;

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
});
after(() => browser.close());

/** One cell: a fresh browser profile on the route, the fault on its resource. */
async function cell(route, fault, id) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(([key]) => localStorage.setItem(key, 'en'), [LANGUAGE_KEY]);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const statuses = [];
  page.on('response', (r) => r.url().includes('/api/v1/') && statuses.push(r.status()));
  // the fault on this page's API requests only
  let plan = fault.plan && { on: route.on, id, ...fault.plan };
  if (fault.offline) plan = { on: route.on, id, fault: 'status', status: 503, times: 1 };
  await page.route('**/api/v1/**', (r) => r.continue({
    headers: plan && (route.mine?.(r.request()) ?? true)
      ? { ...r.request().headers(), 'demo-fault': JSON.stringify(plan) }
      : r.request().headers(),
  }));
  const limit = fault.limit ?? LIMIT;
  let started = Date.now();
  try {
    if (fault.provider) {
      // signed in first; then the provider goes, and the API refuses the token once: the
      // renewal has nowhere to go
      started = await open(page, route);
      await route.figure(page).waitFor({ timeout: LIMIT });
      if (fault.provider === 'down') await page.route(`${ISSUER}/**`, (r) => r.abort('connectionrefused'));
      else await page.route(`${ISSUER}/token`, (r) => r.fulfill({ status: 500, contentType: 'text/html', body: '<h1>500</h1>' }));
      plan = { on: route.on, id, fault: 'status', status: 401, times: 1 };
      await page.locator('.site-nav a[href="/carry-over"]').click();
      await page.locator('.site-nav a[href="/"]').click();
      await page.getByText(SAID.sessionEnded).first().waitFor({ timeout: limit });
    } else if (fault.offline) {
      started = await open(page, route);
      const failed = route.failed(page);
      await failed.getByText(SAID.server(503)).first().waitFor({ timeout: LIMIT });
      await context.setOffline(true);
      await failed.getByRole('button', { name: 'Try again' }).first().click();
      await failed.getByText(SAID.unreached).first().waitFor({ timeout: LIMIT });
      if (!route.widget) await page.getByText(SAID.offline).waitFor({ timeout: LIMIT });
      await context.setOffline(false);
      await route.figure(page).waitFor({ timeout: limit });
      await assertShownWhole(page, route);
    } else if (fault.said) {
      started = await open(page, route);
      if (route.signIn && fault.signedIn) {
        await page.getByText(SAID.sessionEnded).first().waitFor({ timeout: limit });
      } else {
        const failed = route.failed(page);
        await failed.getByText(fault.said).first().waitFor({ timeout: limit });
        await failed.getByRole('button', { name: 'Try again' }).first().waitFor({ timeout: 1000 });
        await route.other(page).waitFor({ timeout: LIMIT });
      }
    } else {
      started = await open(page, route);
      await route.figure(page).waitFor({ timeout: limit });
      await assertShownWhole(page, route);
      if (fault.waited) {
        assert.ok(Date.now() - started >= fault.waited, 'the figure came before the wait asked for');
        assert.equal(statuses.filter((s) => s === 429).length, 1, 'asked again once');
      }
    }
    const took = Date.now() - started;
    assert.ok(took <= limit + (fault.offline || fault.provider ? 2 * LIMIT : LIMIT), `took ${took} ms`);
    const text = await page.locator('body').innerText();
    assert.ok(text.trim().length > 0, 'a blank screen');
    assert.deepEqual(problems, []);
    return { ok: true, took };
  } catch (e) {
    const text = await page.locator('body').innerText().catch(() => '');
    return { ok: false, took: Date.now() - started, why: `${e.message.split('\n')[0]} | shown: ${text.replace(/\s+/g, ' ').slice(0, 300)}` };
  } finally {
    await context.close();
  }
}

/** Opens the route (signed in, for a signed-in session); when the cell's time starts: as the page
 * is asked for, or once the sign-in, which is not what the cell tests, is done. */
async function open(page, route) {
  const asked = Date.now();
  await page.goto(route.base + route.path);
  if (!route.signIn) return asked;
  await page.locator('.sign-in button').click();
  await throughProvider(page, ISSUER);
  return Date.now();
}

/** The route's figure and no error anywhere on it. */
async function assertShownWhole(page, route) {
  assert.equal(await route.failed(page).count(), 0, 'an error still shown');
}

test('every fault on every route ends in its named state, in time, with no blank screen or page error', async () => {
  const cells = [];
  for (const fault of FAULTS) {
    for (const name of Object.keys(ROUTES)) {
      if (!fault.only || fault.only === name) cells.push({ fault, name, id: `${cells.length}` });
    }
  }
  // the slowest first, so that they overlap the rest
  const order = [...cells].sort((a, b) => (b.fault.limit ?? LIMIT) - (a.fault.limit ?? LIMIT));
  const results = new Map();
  const next = async () => {
    for (let c = order.shift(); c; c = order.shift()) results.set(c, await cell(ROUTES[c.name], c.fault, c.id));
  };
  await Promise.all(Array.from({ length: AT_ONCE }, next));
  // a cell that failed beside others is tried once more alone, and says so in the table
  for (const c of cells.filter((x) => !results.get(x).ok)) {
    results.set(c, { ...(await cell(ROUTES[c.name], c.fault, `${c.id}-again`)), again: results.get(c).why });
  }

  const names = Object.keys(ROUTES);
  const rows = FAULTS.map((fault) => {
    const ends = fault.ends;
    const marks = names.map((name) => {
      const c = cells.find((x) => x.fault === fault && x.name === name);
      if (!c) return '—';
      const r = results.get(c);
      return `${r.ok ? 'ok' : 'FAILED'} ${(r.took / 1000).toFixed(1)} s${r.again ? ' (alone, 2nd try)' : ''}`;
    });
    return `| ${fault.name} | ${ends} | ${marks.join(' | ')} |`;
  });
  console.log([
    `| fault | ends in | ${names.join(' | ')} |`,
    `|---|---|${names.map(() => '---').join('|')}|`,
    ...rows,
  ].join('\n'));
  const failed = cells.filter((c) => !results.get(c).ok).map((c) => `${c.fault.name} × ${c.name}: ${results.get(c).why}`);
  console.log(`${cells.length} cells, ${cells.length - failed.length} in their named state`);
  for (const c of cells.filter((x) => results.get(x).again)) console.log(`tried again alone: ${c.fault.name} × ${c.name}, first: ${results.get(c).again}`);
  assert.deepEqual(failed, []);
});
