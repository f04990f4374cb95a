// The smoke suite in the engines beside Chromium (e2e/engines.mjs): Firefox ESR and WebKit, each
// running the same scenarios once: the dashboard's figures, the history search, the carry-over chart
// and table, the language switch, a training's page, the widget in an iframe, a sign-in with the
// real OpenID provider, and the account on this device (a copy opened, a training added, kept in
// the browser's storage across a reload: storage differs most between engines).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE, LANGUAGE_KEY } from './browser.mjs';
import { figuresShown } from './chromium.mjs';
import { ENGINES } from './engines.mjs';
import { LOGIN, PASSWORD, SUBMIT } from './provider.mjs';

const need = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run the engines' smoke suite through scripts/test.sh, which starts every server it needs`);
  return value;
};
const HOST = process.env.E2E_HOST_URL ?? 'http://127.0.0.1:8098';
const DEVICE = need('E2E_DEVICE_URL');
const OIDC = need('E2E_OIDC_URL');
const ISSUER = need('E2E_ISSUER');

/** The five figures' cards on the dashboard, by test id. */
const card = (id) => `[data-testid=${id}]`;

/**
 * Before a scenario on `origin` (any demo back end): the demo back end answers as `persona` (its
 * cookie), and the app speaks `language` (the switcher's saved choice). Set on the demo's persona
 * page, which is on every demo back end's origin.
 */
async function as(b, origin, persona = 'a', language = 'en') {
  await b.goto(`${origin}/demo`);
  await b.evaluate((p, key, l) => {
    document.cookie = `demo_persona=${p}; path=/; SameSite=Lax`;
    localStorage.setItem(key, l);
  }, persona, LANGUAGE_KEY, language);
}

/** The page shows something, no part of it failed, and no error reached the engine. */
async function healthy(b) {
  const [text, failed] = await b.evaluate(() => [document.body.innerText.trim().length, document.querySelectorAll('.panel-error').length]);
  assert.ok(text > 0, 'the page is blank');
  assert.equal(failed, 0, 'a part of the page failed');
  assert.deepEqual(await b.problems(), []);
}

/** Waits until nothing on the page is still loading. */
const settled = (b) => b.waitFor(() => !!document.querySelector('h1') && !document.querySelector('.placeholder, .boot'),
  { message: 'a page with nothing left loading' });

/** Persona c's whole account as a copy the app writes (src/contract/copy.rs), made from the demo back end's API. */
async function copyOf(persona) {
  const get = async (path) => {
    const reply = await fetch(`${BASE}/api/v1/me${path}`, { headers: { cookie: `demo_persona=${persona}` } });
    assert.ok(reply.ok, `${path}: ${reply.status}`);
    return reply.json();
  };
  const trainingPages = [];
  for (let next = '/trainings'; next;) {
    const page = await get(next);
    trainingPages.push(page);
    next = page.next && `/${page.next}`;
  }
  return {
    format: 'training-account-export/1',
    exportedOn: '2026-11-27',
    source: `${BASE}/api`,
    me: await get(''),
    carryOver: await get('/carry-over'),
    entitlements: { 2026: await get('/entitlements?year=2026') },
    attendance: { 2026: await get('/attendance?year=2026') },
    trainingPages,
  };
}

const TITLES = {
  nl: 'Je opleidingsrekening in 2026',
  fr: 'Votre compte formation en 2026',
  de: 'Ihr Weiterbildungskonto für 2026',
  en: 'Your training account in 2026',
};

const SCENARIOS = {
  async "the dashboard's figures"(b) {
    await as(b, BASE, 'a');
    await b.goto(`${BASE}/`);
    await b.waitFor(figuresShown, { message: "the dashboard's five figures" });
    assert.match(await b.text(card('entitled')), /Entitled in 2026\s+5 days\s+= 38 hours/);
    assert.match(await b.text(card('attended')), /3 days[\s\S]*Formal training\s+2 days[\s\S]*Informal training\s+1 day/);
    assert.match(await b.text(card('left')), /Left for 2026\s+2.5 days/);
    assert.match(await b.text(card('carried-in')), /Carried into 2026\s+0.5 days/);
    assert.match(await b.text(card('credit')), /2.5 days[\s\S]*Usable until 31\sDecember 2028/);
    assert.match(await b.text('body'), /An Peeters · National register number 90\.05\.14-\*\*\*\.\*\*/);
    await b.waitFor('Showing 20 of 61', { message: 'the history, 20 of 61 trainings' });
    await b.screenshot(`engine-${b.name}-dashboard-a`);
    await healthy(b);
  },

  async 'the history search'(b) {
    await as(b, BASE, 'a');
    await b.goto(`${BASE}/`);
    await b.waitFor('Showing 20 of 61', { message: 'the history, 20 of 61 trainings' });
    await b.fill('#filter-q', 'excel');
    await b.waitFor(() => location.search === '?q=excel', { message: 'the search in the address' });
    await b.waitFor(/Showing 3 of 3/, { message: 'the history narrowed to 3 trainings' });
    const titles = await b.evaluate(() => [...document.querySelectorAll('.training-title')].map((t) => t.innerText));
    assert.deepEqual(titles, ['Excel voor gevorderden', 'Excel voor gevorderden', 'Excel voor gevorderden']);
    await healthy(b);
  },

  async 'the carry-over chart and table'(b) {
    await as(b, BASE, 'b');
    await b.goto(`${BASE}/`);
    await b.click({ text: 'Carry-over', in: 'nav a' });
    await b.waitFor(() => location.pathname === '/carry-over', { message: 'the carry-over page' });
    await b.waitFor(() => !!document.querySelector('[data-testid=ledger] table tbody tr'), { message: 'the ledger table' });
    const ledger = await b.evaluate(() => {
      const first = document.querySelector('[data-testid=ledger]');
      const svg = first.querySelector('svg');
      return {
        rows: [...first.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())),
        years: [...svg.querySelectorAll('text.year')].map((t) => t.textContent),
        bars: [...svg.querySelectorAll('rect.bar-attended')].map((r) => +r.getAttribute('height')),
        drawn: svg.getBoundingClientRect().height,
      };
    });
    assert.deepEqual(ledger.rows, [
      ['2024', '0', '2.4', '2', '0.4', '0.4', 'Final'],
      ['2025', '0.4', '2.4', '2.8', '0', '0', 'Final'],
      ['2026', '0', '4.2', '2.5', '1.7', '1.7', 'Running year'],
    ]);
    assert.deepEqual(ledger.years, ['2024', '2025', '2026']);
    assert.deepEqual(ledger.bars, [72, 101, 90], '2, 2.8 and 2.5 days on a scale of 5 over 180 units');
    assert.ok(ledger.drawn > 100, `the chart is drawn (${ledger.drawn} px high)`);
    assert.match(await b.text('body'), /Logistiek Centrum BV[\s\S]*Training credit now\s+1.7 days/);
    await b.screenshot(`engine-${b.name}-carry-over-b`);
    await healthy(b);
  },

  async 'the language switch'(b) {
    await as(b, BASE, 'a');
    await b.goto(`${BASE}/`);
    await settled(b);
    for (const [button, language] of [['Deutsch', 'de'], ['Français', 'fr'], ['Nederlands', 'nl'], ['English', 'en']]) {
      await b.click({ text: button, in: 'button' });
      await b.waitFor((l, title) => document.documentElement.lang === l && document.querySelector('h1')?.innerText === title,
        { args: [language, TITLES[language]], message: `the heading in ${button} ("${TITLES[language]}")` });
    }
    assert.equal(await b.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY), 'en', 'the choice is kept');
    await b.click({ text: 'Deutsch', in: 'button' });
    await b.waitFor(/Übrig für 2026\s+2,5 Tage/, { message: 'the figures in German' });
    await b.screenshot(`engine-${b.name}-dashboard-de`);
    await b.click({ text: 'English', in: 'button' });
    await healthy(b);
  },

  async "a training's page"(b) {
    await as(b, BASE, 'a');
    await b.goto(`${BASE}/`);
    await b.click({ text: 'Presentatietechnieken', in: '.training-item a' });
    await b.waitFor(() => location.pathname === '/trainings/t-2026-next', { message: "the training's address" });
    await b.waitFor(() => document.querySelector('h1')?.innerText === 'Presentatietechnieken' && !!document.querySelector('dl.details'),
      { message: "the training's heading and details" });
    const details = await b.text('dl.details');
    assert.match(details, /Employer\s+Voorbeeld NV/);
    assert.match(details, /Dates\s+8\sDecember 2026/);
    assert.match(details, /Duration\s+7 h/);
    assert.match(details, /Provider\s+Cevora, enterprise number 0439\.114\.050/);
    await b.screenshot(`engine-${b.name}-training-a`);
    await healthy(b);
    await b.evaluate(() => history.back());
    await b.waitFor(figuresShown, { message: 'the dashboard again, after going back' });
  },

  async 'the widget in an iframe'(b) {
    await as(b, BASE, 'a');
    await b.goto(`${HOST}/`);
    await b.waitFor(() => !!document.querySelector('#frame'), { message: 'the iframe on the demo intranet page' });
    const shown = async () => b.inFrame('#frame', () => document.querySelector('[data-testid=widget]')?.innerText ?? '');
    await b.until(async () => /Next training/.test(await shown()), { message: "the widget's card in its iframe" })
      .catch(async (e) => { throw new Error(`${e.message}; the iframe shows: ${await shown().catch((f) => f.message)}`); });
    const text = await shown();
    assert.match(text, /Training credit now\s+2.5 days\s*= 19 hours/);
    assert.match(text, /Usable until 31\sDecember 2028/);
    assert.match(text, /Next training\s+Presentatietechnieken, 8\sDecember 2026/);
    // the card tells the page its height, and the page gives it to the iframe
    await b.waitFor(() => document.querySelector('#frame').getBoundingClientRect().height > 200,
      { message: "the iframe at its card's height (over 200 px)" });
    await b.screenshot(`engine-${b.name}-widget-host`);
    assert.deepEqual(await b.problems(), []);
  },

  async 'a sign-in with the OpenID provider'(b) {
    await as(b, OIDC);
    await b.goto(`${OIDC}/`);
    await b.click('.sign-in button');
    await b.waitFor((issuer) => location.href.startsWith(`${issuer}/`), { args: [ISSUER], message: 'the way to the provider' });
    // through the provider's login and consent pages (each only when it asks), back to the app
    for (let step = 0; ; step++) {
      const at = await b.waitFor(async (issuer) => (location.href.startsWith(`${issuer}/interaction/`)
        && document.readyState === 'complete') || !location.href.startsWith(`${issuer}/`) ? location.href : '',
      { args: [ISSUER], timeout: 15_000, message: "the provider's login page or the way back to the app" });
      if (!at.startsWith(`${ISSUER}/`)) break;
      assert.ok(step < 3, `still at the provider after ${step} pages: ${at}`);
      if (await b.evaluate((login) => !!document.querySelector(login), LOGIN)) {
        await b.fill(LOGIN, 'a');
        await b.fill(PASSWORD, 'any password');
      }
      await b.click(SUBMIT);
      await b.waitFor((here) => location.href !== here, { args: [at], message: `a page after ${at}` });
    }
    await b.waitFor(figuresShown, { timeout: 15_000, message: 'the figures, signed in' });
    await settled(b);
    assert.equal(new URL(await b.url()).origin, OIDC);
    assert.match(await b.text(card('entitled')), /Entitled in 2026\s+5 days/);
    assert.match(await b.text('body'), /An Peeters/);
    await b.screenshot(`engine-${b.name}-signed-in`);
    await healthy(b);
  },

  async 'the account on this device: a copy opened, a training added, kept across a reload'(b) {
    const copy = JSON.stringify(await copyOf('c'));
    await as(b, DEVICE);
    // what an earlier run kept in this browser is gone (the app is not open, so nothing blocks it)
    await b.evaluate(() => new Promise((resolve, reject) => {
      const gone = indexedDB.deleteDatabase('training-account');
      gone.onsuccess = () => resolve(true);
      gone.onerror = () => reject(gone.error);
    }));
    await b.goto(`${DEVICE}/`);
    await b.waitForElement('#copy-file');
    // a file chosen, as the browser hands it over
    await b.evaluate((json) => {
      const input = document.querySelector('#copy-file');
      const files = new DataTransfer();
      files.items.add(new File([json], 'training-account.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, copy);
    await b.waitFor(figuresShown, { message: "the copy's figures" });
    assert.match(await b.text('.copy-banner'), /Your copy of/);
    assert.match(await b.text(card('entitled')), /31.67 hours/);
    await b.click({ text: 'Keep this copy and add to it', in: 'button' });
    await b.waitForElement('.kept-banner');
    await b.click({ text: 'Your record', in: 'a' });
    await b.waitForElement('[data-testid=employments] li');
    await b.click({ text: 'Keep it on this device', in: 'button' });
    await b.waitFor(() => /^Kept in this browser/.test(document.querySelector('[data-testid=storage-state]')?.innerText ?? ''),
      { message: 'the record kept in this browser' });
    await b.click({ text: 'Add a training', in: 'button' });
    await b.fill('#training-title', 'Tried in another engine');
    await b.fill('#training-start', '2026-05-04');
    await b.fill('#training-hours', '3.8');
    await b.click({ text: 'Save', in: 'button' });
    const listed = () => [...document.querySelectorAll('[data-testid=trainings] li')].some((li) => li.innerText.includes('Tried in another engine'));
    await b.waitFor(listed, { message: 'the training added, in the list' });
    await b.screenshot(`engine-${b.name}-record`);
    await b.reload();
    await b.waitFor(listed, { message: 'the training added, in the list after a reload' });
    await healthy(b);
    // forgotten again: the database is deleted and the start screen is back
    await b.click({ text: 'Forget everything on this device', in: 'button' });
    await b.click({ text: 'Yes, forget everything', in: 'button' });
    await b.waitForElement('#copy-file');
    assert.deepEqual(await b.problems(), []);
  },
};

for (const engine of ENGINES) {
  describe(engine.name, () => {
    let b;
    before(async () => { b = await engine.start(); });
    after(async () => { await b?.close(); });
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      const named = `${engine.name}: ${name}`;
      test(named, async () => {
        try {
          await scenario(b);
        } catch (e) {
          const shows = await b.evaluate(() => document.body?.innerText ?? '').catch((f) => `(no text: ${f.message})`);
          console.error(`--- ${named}: ${await b.url().catch(() => '?')}\n${String(shows).slice(0, 1500)}`);
          await b.screenshot(`failed-engine-${engine.name}-${name.replace(/\W+/g, '-')}`).catch(() => {});
          throw e;
        } finally {
          b.seen.length = 0; // each scenario answers for its own errors
        }
      });
    }
  });
}
