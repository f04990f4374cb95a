// Deploy test: the built app behind deploy/nginx.conf ($DEPLOY_URL), the demo back end as its API,
// and an intranet page on another origin ($DEPLOY_HOST_URL). Run by scripts/deploy-test.sh, which
// also points e2e/browser.mjs's helpers (E2E_BASE_URL) at nginx.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { launch, newPage, openAs, screenshot, settled, test } from '../e2e/browser.mjs';
import { serveIntranet } from './intranet.mjs';

const APP = process.env.DEPLOY_URL ?? 'http://127.0.0.1:8093';
const HOST = process.env.DEPLOY_HOST_URL ?? 'http://127.0.0.1:8095';
// the same intranet page on an origin nginx does not allow
const OTHER = HOST.replace('127.0.0.1', 'localhost');
// persona a's next training (demo/fixtures/a/trainings.json)
const TRAINING = '/trainings/t-2026-next';

const CSP_BASE = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "worker-src 'self'; manifest-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; ";
const APP_CSP = `${CSP_BASE}frame-ancestors 'none'`;
const WIDGET_CSP = `${CSP_BASE}frame-ancestors ${HOST}`;
const PERMISSIONS = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Trunk's 64-bit hash in hex, without leading zeros
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;

// the browser as a visitor's, enforcing the CSP in every test
let strict, intranet;
before(async () => {
  intranet = await serveIntranet(HOST, APP);
  strict = await launch();
});
after(async () => {
  await strict?.close();
  await new Promise((resolve) => (intranet ? intranet.close(resolve) : resolve()));
});

/** A plain request (no decompression, as `curl -D -`): status, headers (lower case) and body. */
function fetchRaw(path, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, APP), { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd'; // what Chromium sends, also over http to 127.0.0.1

/** The hashed files the two pages and embed.js load: from what nginx serves, not from dist/. */
async function hashedFiles() {
  const files = new Set();
  for (const page of ['/', '/widget/', '/widget/embed.js']) {
    const text = (await fetchRaw(page)).body.toString();
    for (const [name] of text.matchAll(/[\w./-]+-[0-9a-f]{12,16}(?:_bg)?\.(?:js|wasm|css|svg)/g)) {
      // embed.js names them relative to /widget/
      files.add(name.startsWith('/') ? name : `/widget/${name}`);
    }
  }
  return [...files].sort();
}

test('the security headers on the app and on the widget page', async () => {
  for (const [path, csp] of [['/', APP_CSP], [TRAINING, APP_CSP], ['/widget/', WIDGET_CSP], ['/widget/?lang=en', WIDGET_CSP]]) {
    const { status, headers } = await fetchRaw(path);
    assert.equal(status, 200, path);
    assert.equal(headers['content-security-policy'], csp, path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.equal(headers['referrer-policy'], 'no-referrer', path);
    assert.equal(headers['permissions-policy'], PERMISSIONS, path);
  }
  // on error answers too
  const missing = await fetchRaw('/training-account-0000000000000000_bg.wasm');
  assert.equal(missing.status, 404, 'a missing hashed file is a 404, not index.html');
  assert.equal(missing.headers['content-security-policy'], APP_CSP);
  assert.equal(missing.headers['x-content-type-options'], 'nosniff');
  assert.equal(missing.headers['cache-control'], undefined, 'a 404 is not cached for a year');
});

test('hashed files are immutable; index.html, config.json and the widget entry points are no-cache', async () => {
  const hashed = await hashedFiles();
  for (const kind of [/\/training-account-\w+\.js$/, /\/training-account-\w+_bg\.wasm$/, /\/widget\/widget-\w+\.js$/,
    /\/widget\/widget-\w+_bg\.wasm$/, /\.css$/]) {
    assert.ok(hashed.some((f) => kind.test(f)), `${kind} among ${hashed.join(', ')}`);
  }
  const types = { js: /^application\/javascript|^text\/javascript/, wasm: /^application\/wasm$/, css: /^text\/css/, svg: /^image\/svg\+xml/ };
  for (const file of hashed) {
    const { status, headers } = await fetchRaw(file, { 'accept-encoding': BROWSER_ENCODINGS });
    assert.equal(status, 200, file);
    assert.equal(headers['cache-control'], IMMUTABLE, file);
    assert.match(headers['content-type'], types[file.split('.').at(-1)], file);
  }
  for (const path of ['/', '/index.html', '/config.json', '/widget/', '/widget/?lang=en', '/widget/index.html',
    '/widget/embed.js', TRAINING, '/carry-over']) {
    const { status, headers } = await fetchRaw(path, { 'accept-encoding': BROWSER_ENCODINGS });
    assert.equal(status, 200, path);
    assert.equal(headers['cache-control'], 'no-cache', path);
  }
  assert.equal((await fetchRaw('/api/v1/me')).headers['cache-control'], 'no-store', "the API's own, not nginx's");
});

test('config.json is the deployed file, never a precompressed copy, allowing the intranet', async () => {
  const { headers, body } = await fetchRaw('/config.json', { 'accept-encoding': 'br' });
  assert.equal(headers['content-encoding'], undefined);
  assert.match(headers['content-type'], /^application\/json/);
  assert.deepEqual(JSON.parse(body).embed.allowedParentOrigins, [HOST]);
});

test('the wasm and the text assets arrive brotli-compressed', async () => {
  // as a plain request asking for br, like `curl -H 'Accept-Encoding: br'`
  const wanted = [...(await hashedFiles()).filter((f) => /\.(wasm|js|css)$/.test(f)), '/', '/widget/', '/widget/embed.js'];
  const plain = [];
  for (const file of wanted) {
    const { headers } = await fetchRaw(file, { 'accept-encoding': BROWSER_ENCODINGS });
    if (headers['content-encoding'] !== 'br') plain.push(`${file}: ${headers['content-encoding'] ?? 'uncompressed'}`);
    else assert.match(headers.vary ?? '', /Accept-Encoding/i, `${file}: caches must keep encodings apart`);
  }
  // as the browser fetches the app's wasm
  const page = await strict.newPage();
  const wasm = page.waitForResponse((r) => r.url().endsWith('_bg.wasm'));
  await page.goto(`${APP}/`);
  const encoding = (await (await wasm).allHeaders())['content-encoding'];
  await page.close();
  assert.deepEqual(plain, [], 'served without brotli (no NAME.br beside them?)');
  assert.equal(encoding, 'br', "the browser's wasm request");
});

test("the app starts behind nginx and shows persona a's figures", async () => {
  const { page, problems } = await openAs(strict, 'a', '/');
  await page.getByTestId('credit').first().waitFor();
  const card = (id) => page.getByTestId(id).first().innerText();
  assert.match(await card('entitled'), /Entitled in 2026\s+5 days\s+= 38 hours/);
  assert.match(await card('attended'), /3 days[\s\S]*Formal training\s+2 days[\s\S]*Informal training\s+1 day/);
  assert.match(await card('left'), /Left for 2026\s+2.5 days/);
  assert.match(await card('carried-in'), /Carried into 2026\s+0.5 days/);
  assert.match(await card('credit'), /2.5 days[\s\S]*Usable until 31\sDecember 2028/);
  assert.match(await page.locator('body').innerText(), /An Peeters · National register number 90\.05\.14-\*\*\*\.\*\*/);
  await page.getByText('Showing 20 of 61').waitFor();
  await screenshot(page, 'deploy-dashboard-a');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a deep link to a training works, on reload too', async () => {
  const { page, problems } = await openAs(strict, 'a', TRAINING);
  for (const load of ['first load', 'reload']) {
    if (load === 'reload') await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Presentatietechnieken' }).waitFor();
    assert.match(await page.locator('dl.details').innerText(), /Dates\s+8\sDecember 2026[\s\S]*Status\s+Reserved/, load);
  }
  assert.equal(page.url(), `${APP}${TRAINING}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the widget shows its card on the intranet page, in an iframe and by script', async () => {
  const page = await strict.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(`${HOST}/`);
  const framed = page.frameLocator('#frame').getByTestId('widget');
  const scripted = page.locator('#card').getByTestId('widget');
  for (const [how, card] of [['iframe', framed], ['script', scripted]]) {
    await card.getByText('Next training').waitFor();
    const text = await card.innerText();
    assert.match(text, /Training credit now\s+2.5 days\s*= 19 hours/, how);
    assert.match(text, /Usable until 31\sDecember 2028/, how);
    assert.match(text, /Attended in 2026\s+3 days/, how);
    assert.match(text, /Next training\s+Presentatietechnieken, 8\sDecember 2026/, how);
    assert.equal(await card.getByRole('link', { name: 'Open your training account' }).getAttribute('href'), `${APP}/`, how);
  }
  // the iframe talks to its allowed parent: it sent its height
  await page.waitForFunction(() => window.received.some((m) => m.type === 'training-account:height'));
  await screenshot(page, 'deploy-widget-host');
  assert.deepEqual(problems, []);
  await page.close();
});

test('another origin can neither frame the widget nor load it by script', async () => {
  const page = await strict.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.goto(`${OTHER}/`);
  await page.waitForTimeout(3000);
  assert.equal(await page.frameLocator('#frame').getByTestId('widget').count(), 0);
  assert.equal(await page.locator('#card').getByTestId('widget').count(), 0);
  const said = messages.join('\n');
  assert.match(said, /frame-ancestors/, 'the iframe refused by frame-ancestors');
  assert.match(said, /blocked by CORS policy/, 'the module script refused without Access-Control-Allow-Origin');
  await page.close();
});

// Every route under the enforced CSP: no violation reported, and the page shows.
const CSP_ROUTES = [
  ['/', 'app'], ['/?year=2025', 'app'], ['/?history-year=2024', 'app'], ['/carry-over', 'app'], ['/profile', 'app'],
  [TRAINING, 'app'], ['/widget/?lang=en', 'widget'], ['intranet page', 'intranet'],
];
for (const [route, kind] of CSP_ROUTES) {
  test(`no CSP violation: ${route}`, async () => {
    const page = await newPage(strict);
    // in every frame, before any of its scripts
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '?'} (${e.sourceFile || e.documentURI}:${e.lineNumber}:${e.columnNumber})`));
    });
    const consoled = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && consoled.push(m.text().slice(0, 300)));
    await page.goto(kind === 'intranet' ? `${HOST}/` : `${APP}${route}`);
    const ready = {
      app: async () => page.evaluate(() => !!document.querySelector('h1') && !document.querySelector('.placeholder, .boot')),
      widget: async () => (await page.getByTestId('widget').getByText('Next training').count()) > 0,
      intranet: async () => (await page.frameLocator('#frame').getByTestId('widget').getByText('Next training').count()) > 0,
    }[kind];
    const violations = async () => (await Promise.all(page.frames().map((f) => f.evaluate(() => window.cspViolations ?? []).catch(() => [])))).flat();
    // until it shows, or a little after the first violation (a blocked app never shows)
    let shown = false, firstSeen = null;
    for (const deadline = Date.now() + 15000; Date.now() < deadline;) {
      if ((shown = await ready())) break;
      if (!firstSeen && ((await violations()).length || consoled.length)) firstSeen = Date.now();
      if (firstSeen && Date.now() - firstSeen > 2000) break;
      await page.waitForTimeout(200);
    }
    if (shown && kind === 'app') await settled(page);
    const found = await violations();
    await page.close();
    assert.deepEqual({ violations: [...new Set(found)], console: [...new Set(consoled)] }, { violations: [], console: [] });
    assert.ok(shown, `${route} shows under the CSP`);
  });
}

test('installable behind nginx: the manifest as its type, the worker revalidated, in control under the CSP', async () => {
  const manifest = await fetchRaw('/manifest.webmanifest', { 'accept-encoding': BROWSER_ENCODINGS });
  assert.equal(manifest.status, 200);
  assert.match(manifest.headers['content-type'], /^application\/manifest\+json/);
  for (const path of ['/sw.js', '/manifest.webmanifest', '/icon-192.png']) {
    const { status, headers } = await fetchRaw(path, { 'accept-encoding': BROWSER_ENCODINGS });
    assert.equal(status, 200, path);
    assert.equal(headers['cache-control'], 'no-cache', `${path}: a new version is seen at once`);
  }
  const installing = await launch('en-US', { worker: true });
  try {
    const page = await installing.newPage();
    const blocked = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && blocked.push(m.text().slice(0, 300)));
    await page.goto(`${APP}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await settled(page);
    assert.deepEqual(blocked, []);
  } finally {
    await installing.close();
  }
});
