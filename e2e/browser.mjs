// Shared Playwright set-up: the browser of e2e/chromium.mjs with a fresh profile.
import assert from 'node:assert/strict';
import { test as nodeTest } from 'node:test';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, FLAGS, SIZES } from './chromium.mjs';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8097';
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? 'e2e/screenshots';
export { SIZES };

/** A test that, when it fails, shows what its pages were showing. */
export const test = (name, body) => nodeTest(name, async (t) => {
  try {
    await body(t);
  } catch (e) {
    await explainOpenPages(name);
    throw e;
  }
});

/**
 * A browser with a fresh profile; `locale` is the language the browser asks for. The app's service
 * worker is blocked unless `worker` is set: Playwright's routes do not see what a worker answers,
 * and each test should see the network as it is.
 */
export async function launch(locale = 'en-US', { worker = false } = {}) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'e2e-profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    viewport: SIZES.desktop,
    args: FLAGS,
    serviceWorkers: worker ? 'allow' : 'block',
  });
}

export const LANGUAGE_KEY = 'training-account.language';

/**
 * A fresh page for one persona, with console errors and page crashes collected. `language` is the
 * person's saved choice (as the switcher stores it); `null` leaves the app to choose.
 */
export async function openAs(context, persona, path = '/', size = SIZES.desktop, language = 'en') {
  await asPersona(context, persona);
  const page = await newPage(context, language);
  await page.setViewportSize(size);
  const problems = [];
  page.on('pageerror', (e) => {
    problems.push(`page error: ${e.message}`);
    console.error(`page error on ${page.url()}: ${e.message}`);
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => console.error(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  opened.add(page);
  page.on('close', () => opened.delete(page));
  await page.goto(BASE + path);
  return { page, problems };
}

const opened = new Set();

/** The demo back end at `site` answers as `persona` from now on (its demo cookie, alone). */
export async function asPersona(context, persona, site = BASE) {
  await context.clearCookies();
  await context.addCookies([{ name: 'demo_persona', value: persona, url: site }]);
}

/** A new tab whose saved language is `language` (`null`: none) when it first loads the app. */
export async function newPage(context, language = 'en') {
  const page = await context.newPage();
  await page.addInitScript(([key, lang]) => {
    if (sessionStorage.getItem('e2e-language-set')) return; // once: later reloads keep what the app stored
    sessionStorage.setItem('e2e-language-set', '1');
    if (lang) localStorage.setItem(key, lang); else localStorage.removeItem(key);
  }, [LANGUAGE_KEY, language]);
  return page;
}

/** For a failed test: what every page still open shows, in the log and as a screenshot. */
export async function explainOpenPages(name) {
  for (const page of opened) {
    const text = await page.locator('body').innerText().catch((e) => `(no text: ${e.message})`);
    console.error(`--- ${name}: ${page.url()}\n${text.slice(0, 1500)}`);
    await screenshot(page, `failed-${name.replace(/\W+/g, '-')}`).catch(() => {});
    await page.close();
  }
}

/** What has the keyboard's focus: its tag, id, text, class and link. */
export const focusedIn = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, id: el.id, text: (el.textContent ?? '').trim().slice(0, 80), cls: el.className, href: el.getAttribute('href') ?? '' };
});

/** Presses Tab (or `key`) until `want` holds for the focused element; fails after `max` presses. */
export async function tabUntil(page, want, what, max = 80, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focusedIn(page);
    if (want(f)) return f;
  }
  assert.fail(`no ${what} reached with Tab`);
}

/** Everything the app keeps in IndexedDB, by key, as stored; `{}` when it keeps nothing there
 * (read without making the database). */
export const storedOnDevice = (page) => page.evaluate(async () => {
  const name = 'training-account';
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return {};
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const read = (what) => new Promise((resolve, reject) => {
    const asked = db.transaction('account').objectStore('account')[what]();
    asked.onsuccess = () => resolve(asked.result);
    asked.onerror = () => reject(asked.error);
  });
  const [keys, values] = [await read('getAllKeys'), await read('getAll')];
  db.close();
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
});

/** On the dashboard: keeps the figures on this device for offline use, and waits until they are. */
export async function keepOffline(page) {
  const section = page.getByTestId('keep-offline');
  await section.getByRole('button', { name: 'Keep my figures on this device' }).click();
  await section.getByText(/^Your figures of .+ are kept on this device/).waitFor();
}

/** Waits until a page has nothing left loading. */
export async function settled(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.placeholder, .boot'));
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const require = createRequire(import.meta.url);
let axeText;
const axeSource = () => (axeText ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: every violation, of any impact. */
export async function axe(page) {
  // evaluated by the test driver, which the page's CSP does not govern (it refuses a script tag)
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
