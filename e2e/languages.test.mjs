// Languages end to end: how the app chooses one, the switcher, and every page in each of the four
// with no English left over and no raw contract code on screen.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { BASE, LANGUAGE_KEY, launch, openAs, screenshot, settled, SIZES, test } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const LANGUAGES = ['nl', 'fr', 'de', 'en'];
const TITLES = {
  nl: 'Je opleidingsrekening in 2026',
  fr: 'Votre compte formation en 2026',
  de: 'Ihr Weiterbildungskonto für 2026',
  en: 'Your training account in 2026',
};

const lang = (page) => page.evaluate(() => document.documentElement.lang);
const h1 = (page) => page.locator('h1').innerText();

test('the profile language applies when the person has chosen none', async () => {
  for (const [persona, expected] of [['a', 'nl'], ['b', 'fr'], ['c', 'de']]) {
    const { page, problems } = await openAs(ctx, persona, '/', SIZES.desktop, null);
    await page.waitForFunction((l) => document.documentElement.lang === l, expected);
    assert.equal(await h1(page), TITLES[expected]);
    assert.equal(await page.title(), { nl: 'Opleidingsrekening', fr: 'Compte formation', de: 'Weiterbildungskonto' }[expected]);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a shared link, the browser and the configured default, in that order', async () => {
  // persona d has no preferred language in its profile
  let { page } = await openAs(ctx, 'd', '/?lang=de', SIZES.desktop, null);
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await page.close();
  ({ page } = await openAs(ctx, 'a', '/?lang=de', SIZES.desktop, null));
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.equal(await h1(page), TITLES.nl, "the link does not override the profile's language");
  await page.close();
  for (const [locale, expected] of [['fr-BE', 'fr'], ['es-ES', 'nl']]) {
    const browser = await launch(locale);
    try {
      ({ page } = await openAs(browser, 'd', '/', SIZES.desktop, null));
      await page.waitForFunction((l) => document.documentElement.lang === l, expected);
      assert.equal(await h1(page), TITLES[expected], `${locale}: ${expected}`);
    } finally {
      await browser.close();
    }
  }
});

test('the switcher: every word changes, the choice is remembered, a link cannot undo it', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/', SIZES.phone, null);
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  await settled(page);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  assert.equal(await lang(page), 'de');
  assert.equal(await h1(page), TITLES.de);
  assert.equal(await page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed'), 'true');
  assert.match(await page.getByTestId('left').first().innerText(), /Übrig für 2026\s+2,5 Tage/);
  await page.getByText(/20 von 61 angezeigt/).waitFor();
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  assert.deepEqual(stored, { [LANGUAGE_KEY]: 'de' }, 'storage holds the language and nothing else');
  await page.goto(`${BASE}/?lang=fr`);
  await settled(page);
  assert.equal(await lang(page), 'de', 'a shared link does not force its language on a chosen one');
  assert.equal(await h1(page), TITLES.de);
  assert.doesNotMatch(page.url(), /lang=de/, 'the choice is not written into the address');
  assert.deepEqual(problems, []);
  await page.close();
});

/** Every string the demo's data holds: names, titles, providers are shown as they are. */
function dataStrings() {
  const found = new Set();
  const walk = (v) => {
    if (typeof v === 'string') found.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const persona of ['a', 'b', 'c', 'd', 'e', 'g', 'h']) {
    const dir = `demo/fixtures/${persona}`;
    for (const f of readdirSync(dir)) walk(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
  }
  return found;
}

/** The texts on screen: each text node, and the names screen readers read from attributes. */
const screenTexts = (page) => page.evaluate(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    if (text && !walker.currentNode.parentElement.closest('[lang]:not(html), noscript')) out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label]')) out.push(el.getAttribute('aria-label'));
  return out;
});

// Words that are rightly the same in English and that language (see SAME_AS_ENGLISH in src/i18n).
const SAME = { nl: /^(Status|\d+ min)$/, fr: /^(Dates|Type)$/, de: /^(Status|Formal|Name)$/ };
const RAW_CODE = /\b(?:[A-Z]{2,}_)+[A-Z]{2,}\b|\b(?:COMPLETED|RESERVED|UNSUITABLE|FORMAL|INFORMAL|DAYS|HOURS|STATUTORY|COMPANY|EMPLOYER|PROVIDER|GOVERNMENT|PUBLIC|SELF|OTHER|RESIGNATION)\b/;
const PAGES = [['a', '/'], ['b', '/'], ['c', '/'], ['e', '/'], ['g', '/'], ['h', '/carry-over'], ['b', '/carry-over'], ['b', '/profile'], ['d', '/profile'], ['a', '/trainings/t-2024-0004'], ['c', '/trainings/c-1'], ['a', '/no/such/page']];

test('every page in every language: no English left over, no raw code, no placeholder', async () => {
  const data = dataStrings();
  const words = new Set([...data].flatMap((s) => s.split(/\s+/)));
  // data, a combination of it (a full name), or numbers and signs only
  const isData = (s) => data.has(s) || s.split(/\s+/).every((w) => words.has(w)) || /^[\d\s.,:;·*+=%()\/–-]*$/.test(s);
  for (const [persona, path] of PAGES) {
    const english = new Set();
    for (const language of ['en', 'nl', 'fr', 'de']) {
      const { page, problems } = await openAs(ctx, persona, path, SIZES.desktop, language);
      await settled(page);
      assert.equal(await lang(page), language);
      const texts = await screenTexts(page);
      const where = `${language} ${persona} ${path}`;
      for (const text of texts) {
        assert.doesNotMatch(text, RAW_CODE, `${where}: a contract code on screen: ${text}`);
        assert.doesNotMatch(text, /\{\d\}/, `${where}: a placeholder left: ${text}`);
        if (language === 'en') english.add(text);
        else if (english.has(text) && !isData(text) && !SAME[language].test(text)) {
          assert.fail(`${where}: still in English: "${text}"`);
        }
      }
      if (path === '/' && persona === 'a') await screenshot(page, `dashboard-a-${language}-desktop`);
      assert.deepEqual(problems, [], where);
      await page.close();
    }
  }
});
