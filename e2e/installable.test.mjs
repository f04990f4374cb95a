// The installed app: its manifest and icons; the service worker taking control; an offline reload
// that shows the app and says it is offline; nothing of a token, an API answer or a national
// register number in Cache Storage; the widget left alone; a new version announced and taken
// only on the person's reload. Against a demo back end of its own, serving a copy of dist/, which
// the tests stop (offline) and change (a new build). E2E_WORKER_PORT (8132) and the next port
// (its intranet page).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { figuresShown } from './chromium.mjs';
import { asPersona, keepOffline, launch, newPage, screenshot, settled, SIZES, storedOnDevice, test } from './browser.mjs';

const PORT = Number(process.env.E2E_WORKER_PORT ?? 8132);
const SITE = `http://127.0.0.1:${PORT}`;
const HOST = `http://127.0.0.1:${PORT + 1}`;
const ROOT = new URL('..', import.meta.url).pathname;
const SSIN = JSON.parse(readFileSync(join(ROOT, 'demo/fixtures/a/me.json'), 'utf8')).ssin;

let ctx, dist, server;

/** The demo back end on SITE, serving the copy; resolves once it answers. */
async function serve() {
  server = spawn(join(ROOT, 'target/release/demo-backend'),
    ['--addr', `127.0.0.1:${PORT}`, '--host-addr', `127.0.0.1:${PORT + 1}`, '--dist', dist], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${SITE}/config.json`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the demo back end did not start on ${SITE}`);
}

async function stop() {
  if (!server || server.exitCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  server.kill();
  await gone;
}

before(async () => {
  dist = mkdtempSync(join(tmpdir(), 'dist-'));
  cpSync(join(ROOT, 'dist'), dist, { recursive: true });
  await serve();
  ctx = await launch('en-US', { worker: true });
});
after(async () => {
  await ctx?.close();
  await stop();
  rmSync(dist, { recursive: true, force: true });
});

/** Persona a's dashboard, its problems collected. */
async function open(path = '/') {
  await asPersona(ctx, 'a', SITE);
  const page = await newPage(ctx, 'en');
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(SITE + path);
  return { page, problems };
}

/** Waits for the worker to be active, then reloads: from then on it controls the page. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every address in Cache Storage. */
const cachedAddresses = (page) => page.evaluate(async () => {
  const all = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) all.push(request.url);
  }
  return all;
});

test('the manifest and its icons load, as a browser installs them', async () => {
  const { page } = await open();
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const reply = await page.request.get(new URL(href, `${SITE}/`).href);
  assert.match(reply.headers()['content-type'], /^application\/manifest\+json/);
  const manifest = await reply.json();
  assert.equal(manifest.display, 'standalone');
  assert.deepEqual([manifest.start_url, manifest.scope], ['/', '/']);
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
  // Chromium's own installability check, the one Lighthouse reports
  const cdp = await ctx.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  for (const icon of manifest.icons) {
    const got = await page.request.get(new URL(icon.src, `${SITE}/`).href);
    assert.equal(got.status(), 200, icon.src);
    assert.equal(got.headers()['content-type'].split(';')[0], icon.type, icon.src);
    if (icon.type === 'image/png') {
      const png = await got.body();
      // the PNG's own width and height (its IHDR chunk) are the sizes the manifest says
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
  }
  await page.close();
});

test('the worker takes control, keeps no API answer, token or national register number, and leaves the widget alone', async () => {
  const { page, problems } = await open();
  await page.waitForFunction(figuresShown);
  await controlled(page);
  await page.waitForFunction(figuresShown);
  // the widget on its intranet page, in an iframe and by script, with the worker installed
  const host = await ctx.newPage();
  await host.goto(`${HOST}/`);
  await host.frameLocator('#frame').getByTestId('widget').getByText('Next training').waitFor();
  await host.locator('#card').getByTestId('widget').getByText('Next training').waitFor();
  await host.close();
  const cached = await cachedAddresses(page);
  assert.ok(cached.some((u) => u.endsWith('_bg.wasm')) && cached.some((u) => u.includes('index.html')), cached.join('\n'));
  assert.deepEqual(cached.filter((u) => /\/(api|auth|widget)\//.test(u)), [], 'no API answer, sign-in or widget file');
  const texts = await page.evaluate(async () => {
    const all = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (!request.url.endsWith('.wasm')) all.push(await (await cache.match(request)).text());
      }
    }
    return all.join('\n');
  });
  assert.ok(!texts.includes(SSIN), 'no national register number in Cache Storage');
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), [], 'nor any database');
  assert.deepEqual(problems, []);
  await page.close();
});

/** Offline: the demo back end stopped and the browser's network cut. */
async function goOffline() {
  await stop();
  await ctx.setOffline(true);
}

/** Online again: the back end up, then the network back (the app then asks again). */
async function goOnline() {
  await serve();
  await ctx.setOffline(false);
}

test('offline, a reload shows the app and says it is offline, in the language chosen', async () => {
  const { page } = await open('/profile');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await settled(page);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await goOffline();
  const started = Date.now();
  await page.reload();
  await page.getByText('Je bent offline.').waitFor();
  const took = Date.now() - started;
  await page.locator('.site-header').waitFor();
  await screenshot(page, 'offline-profile-1280');
  console.log(`offline reload: the app and its notice after ${took} ms`);
  assert.ok(took < 3000, `the offline notice after ${took} ms`);
  await goOnline();
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.locator('h1').first().waitFor();
  assert.equal(await page.getByText('Je bent offline.').count(), 0, 'back online, no notice');
  await page.close();
});

test('figures kept by choice open offline, marked with their date, without the national register number, and are forgotten on request', async () => {
  const { page, problems } = await open();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(figuresShown);
  assert.deepEqual(await storedOnDevice(page), {}, 'nothing kept before the person chooses');
  await keepOffline(page);
  const stored = await storedOnDevice(page);
  assert.deepEqual(Object.keys(stored), ['offline']);
  assert.ok(stored.offline.includes('"givenName":"An"') && !stored.offline.includes(SSIN), 'the figures, without the number');

  await goOffline();
  await page.setViewportSize(SIZES.phone);
  await page.reload();
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const mark = page.getByTestId('offline-mark');
  await mark.filter({ hasText: `as kept on this device on ${today}` }).waitFor();
  await page.waitForFunction(figuresShown);
  await settled(page);
  assert.equal(await page.locator('.panel-error').count(), 0, 'every part of the page from the copy');
  assert.doesNotMatch(await page.locator('main').innerText(), /\d{2}\.\d{2}\.\d{2}-/, 'no national register number');
  await screenshot(page, 'offline-figures-390');

  // the connection back: the figures come from the service again, and the mark goes
  await goOnline();
  await mark.waitFor({ state: 'detached' });
  await page.waitForFunction(figuresShown);

  await page.getByTestId('keep-offline').getByRole('button', { name: 'Forget them' }).click();
  await page.getByText('Nothing of your account is kept on this device any more.').waitFor();
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), [], 'no database left');

  // forgotten, offline shows no figures
  await goOffline();
  await page.reload();
  await page.locator('.panel-error').first().waitFor();
  assert.equal(await mark.count(), 0);
  await goOnline();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a new version is announced, and taken only when the person reloads', async () => {
  const { page } = await open();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(figuresShown);
  // a new build: another worker (served uncompressed, as written)
  for (const end of ['.br', '.gz']) rmSync(join(dist, `sw.js${end}`), { force: true });
  appendFileSync(join(dist, 'sw.js'), '\n// a new build\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = page.getByText('A new version of this app is ready.');
  await notice.waitFor();
  assert.ok(await page.evaluate(figuresShown), 'the page in use is left as it is');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await page.waitForFunction(figuresShown);
  assert.equal(await notice.count(), 0);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting), null, 'the new version runs');
  await page.close();
});

/** From the next load, Chromium's own install offer (which comes when it chooses) is not heard. */
const withoutBrowserOffers = (page) => page.addInitScript(() => {
  window.addEventListener('beforeinstallprompt', (e) => e.isTrusted && e.stopImmediatePropagation(), true);
});

test("the browser's install offer becomes a button, and 'Not now' is remembered", async () => {
  const { page } = await open();
  await withoutBrowserOffers(page);
  await page.reload();
  await settled(page);
  // the event as Chromium sends it once the app is installable (its real one may come too, at a
  // time of its choosing): the app holds the prompt back until asked
  const offer = () => page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    window.prompted = 0;
    event.prompt = () => { window.prompted += 1; return Promise.resolve(); };
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(await offer(), true, "the browser's own banner is held back");
  await page.getByRole('button', { name: 'Install' }).click();
  assert.equal(await page.evaluate(() => window.prompted), 1);
  assert.equal(await page.locator('.install-offer').count(), 0, 'a prompt is shown once');
  await offer();
  await page.getByRole('button', { name: 'Not now' }).click();
  await page.reload();
  await settled(page);
  assert.equal(await offer(), false, 'not held back any more');
  assert.equal(await page.locator('.install-offer').count(), 0, 'not offered again on this device');
  await page.close();
});

test('on iPhone and iPad, where Safari has no install event, the Share menu is explained', async () => {
  const { page } = await open();
  // Safari's navigator, which has no install event
  await withoutBrowserOffers(page);
  await page.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: false }));
  await page.evaluate(() => localStorage.removeItem('training-account.install'));
  await page.reload();
  await page.getByText('On iPhone or iPad: tap Share, then Add to Home Screen.').waitFor();
  await page.close();
});
