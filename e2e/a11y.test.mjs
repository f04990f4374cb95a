// Accessibility end to end (WCAG 2.1 AA): axe-core on every route in every language, at phone and
// desktop width, light and dark; reflow at 320 px and at 200 % zoom; a walk with the keyboard only.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axe, BASE, focusedIn, launch, openAs, screenshot, settled, SIZES, tabUntil, test } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const ROUTES = [
  ['dashboard', 'a', '/'],
  ['dashboard-broken-data', 'd', '/'],
  ['dashboard-two-employers', 'g', '/'],
  ['carry-over', 'b', '/carry-over'],
  ['carry-over-broken-data', 'd', '/carry-over'],
  ['profile', 'b', '/profile'],
  ['training', 'a', '/trainings/t-2024-0004'],
  ['not-found', 'a', '/no/such/page'],
  ['config-error', 'a', '/', { status: 404, body: 'gone' }],
];
// the desktop at 200 % zoom lays out like a window half as wide
const WIDTHS = { 'phone-320': 320, phone: SIZES.phone.width, 'zoom-200': SIZES.desktop.width / 2, desktop: SIZES.desktop.width };
const AXE_AT = ['phone', 'desktop'];

for (const [name, persona, path, config] of ROUTES) {
  test(`${name}: WCAG 2.1 AA in 4 languages, 4 widths, light and dark`, async () => {
    for (const language of ['nl', 'fr', 'de', 'en']) {
      const { page, problems } = await openAs(ctx, persona, path, SIZES.desktop, language);
      if (config) {
        await page.route('**/config.json', (r) => r.fulfill(config));
        await page.reload();
      }
      await settled(page);
      assert.equal(await page.locator('h1').count(), 1, 'one h1 a page');
      assert.equal(await page.locator('main').count(), 1, 'one main landmark');
      for (const [size, width] of Object.entries(WIDTHS)) {
        await page.setViewportSize({ width, height: 800 });
        for (const colorScheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme });
          const where = `${name} ${language} ${size} ${colorScheme}`;
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${where}: ${overflow} px of horizontal scrolling`);
          if (AXE_AT.includes(size)) assert.deepEqual(await axe(page), [], where);
          if (language === 'nl' && size !== 'zoom-200') await screenshot(page, `a11y-${name}-${size}-${colorScheme}`);
        }
      }
      if (!config && persona !== 'd') assert.deepEqual(problems, []);
      await page.close();
    }
  });
}

test('touch targets on a phone: every link and button is at least 44 px high and wide', async () => {
  for (const [persona, path] of [['a', '/'], ['a', '/trainings/t-2024-0004'], ['a', '/no/such/page'], ['d', '/']]) {
    const { page } = await openAs(ctx, persona, path, SIZES.phone, 'nl');
    await settled(page);
    const small = await page.evaluate(() => [...document.querySelectorAll('a, button')]
      .filter((el) => el.getClientRects().length > 0 && !el.classList.contains('skip-link'))
      .map((el) => ({ text: el.textContent.trim().slice(0, 40), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ text, box }) => `${text} (${Math.round(box.width)}x${Math.round(box.height)})`));
    assert.deepEqual(small, [], `${persona} ${path}`);
    await page.close();
  }
});

test('keyboard only: skip link, another year, a training and back, history filtered and paged, another language', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/', SIZES.desktop, 'en');
  await page.evaluate(() => {
    window.pointerEvents = 0;
    for (const type of ['mousedown', 'pointerdown', 'touchstart']) {
      document.addEventListener(type, () => { window.pointerEvents += 1; }, true);
    }
  });
  await settled(page);
  const focused = () => focusedIn(page);
  const tabTo = (want, what, max, key) => tabUntil(page, want, what, max, key);

  // the first Tab reaches the skip link, and Enter moves focus into the main content
  await page.keyboard.press('Tab');
  assert.match((await focused()).text, /Skip to main content/);
  assert.ok(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().left >= 0), 'visible when focused');
  await page.keyboard.press('Enter');
  assert.equal((await focused()).id, 'main');

  // another year: its figures, and focus on the new content
  await tabTo((f) => f.text === '2025', 'year 2025');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?year=2025$/);
  await page.getByText('Attended in 2025').waitFor();
  assert.equal(await page.locator('h1').innerText(), 'Your training account in 2025');
  assert.equal((await focused()).id, 'main', 'focus moves to the new year');

  // through the figures to the first training, opened with Enter
  const training = await tabTo((f) => f.cls.includes('training-title'), 'training link');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/trainings\//);
  await page.locator('dl.details').waitFor();
  assert.equal(await page.locator('h1').innerText(), training.text);
  assert.equal((await focused()).id, 'main', 'focus moves to the new page');
  await page.keyboard.press('Tab');
  assert.match((await focused()).text, /Back to your training account/);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE}/`);
  await settled(page);
  assert.equal(await page.locator('h1').innerText(), 'Your training account in 2026');

  // the history filtered to one year, then paged, with the keyboard
  await tabTo((f) => f.text === '2025' && f.href.includes('history-year'), 'history filter 2025', 150);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?history-year=2025$/);
  await page.getByText('Showing 20 of 22').waitFor();
  assert.equal((await focused()).id, 'history-title', 'focus moves to the filtered list');
  await tabTo((f) => /^Show more trainings/.test(f.text), '"Show more" button', 150);
  await page.keyboard.press('Enter');
  await page.getByText('Showing 22 of 22').waitFor();
  // the button is gone with the list it was under: focus is on the first training it added
  await page.waitForFunction(() => document.activeElement?.closest('.training-item'));
  const hrefs = await page.locator('.training-item a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal((await focused()).href, hrefs[20], 'focus on the 21st training');

  // back up to the header, and switch the language there
  await tabTo((f) => f.text === 'Français', 'French button', 150, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.locator('h1').innerText(), 'Votre compte formation en 2026');
  assert.equal((await focused()).text, 'Français', 'focus stays on the switcher');
  const metas = await page.locator('.training-meta').allInnerTexts();
  assert.equal(metas.length, 22, 'the list as it was, in French');
  assert.ok(metas.every((m) => /\b(Suivie|Non suivie|Inscrit|Inadaptée)\b/.test(m) && !/Completed/.test(m)), metas.join(' | '));
  assert.equal(await page.evaluate(() => window.pointerEvents), 0, 'no mouse, pointer or touch event');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Windows high contrast (forced colours): the usage bar, the chart and their legend keys keep their colours', async () => {
  const seen = {};
  for (const [route, persona] of [['/', 'a'], ['/carry-over', 'b']]) {
    const { page, problems } = await openAs(ctx, persona, route);
    await page.emulateMedia({ forcedColors: 'active' });
    await settled(page);
    await page.locator('.key').first().waitFor();
    // each legend key against the part of the bar or the chart it stands for
    Object.assign(seen, await page.evaluate(() => {
      const parts = { 'key-used': ['.usage-used', 'fill'], 'key-left': ['.usage-bar', 'backgroundColor'],
        'key-in': ['.bar-in', 'fill'], 'key-right': ['.bar-right', 'fill'], 'key-attended': ['.bar-attended', 'fill'] };
      const out = {};
      for (const key of document.querySelectorAll('.key[class*="key-"]')) {
        const name = [...key.classList].find((c) => c.startsWith('key-'));
        const [selector, property] = parts[name];
        out[name] = { key: getComputedStyle(key, '::before').backgroundColor,
          part: getComputedStyle(document.querySelector(selector))[property] };
      }
      return out;
    }));
    await screenshot(page, `forced-colours${route.replace('/', '-')}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
  assert.deepEqual(Object.keys(seen).sort(), ['key-attended', 'key-in', 'key-left', 'key-right', 'key-used']);
  for (const [name, { key, part }] of Object.entries(seen)) assert.equal(key, part, `${name} has the colour of its part`);
  const colours = (names) => new Set(names.map((n) => seen[n].key)).size;
  assert.equal(colours(['key-used', 'key-left']), 2, 'used and left differ');
  assert.equal(colours(['key-in', 'key-right', 'key-attended']), 3, 'the chart\'s three bars differ');
});
