// End-to-end: the intranet widget (issue 5) on the demo intranet page, served on a second origin
// ($E2E_HOST_URL), in an iframe and mounted by a script, against the demo back end (persona a).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axe, BASE, launch, screenshot, SIZES, test } from './browser.mjs';

const HOST = process.env.E2E_HOST_URL ?? 'http://127.0.0.1:8098';
// the same demo intranet page on an origin the widget's config does not allow
const OTHER = HOST.replace('127.0.0.1', 'localhost');

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/** The demo intranet page; `config` replaces the widget's config.json. */
async function openHost(url = `${HOST}/`, size = SIZES.desktop, config = null) {
  await ctx.clearCookies();
  const page = await ctx.newPage();
  await page.setViewportSize(size);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  const authorizations = [];
  page.on('request', (r) => r.url().startsWith(`${BASE}/api/`) && authorizations.push(r.headers().authorization ?? null));
  if (config) await page.route(`${BASE}/config.json`, (route) => route.fulfill({ json: config }));
  await page.goto(url);
  return { page, problems, authorizations };
}

const framed = (page) => page.frameLocator('#frame').getByTestId('widget');
// Playwright's CSS locators go into open shadow roots
const scripted = (page) => page.locator('#card').getByTestId('widget');
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(`${BASE}/widget/`));
const bearer = (allowed) => ({ apiBaseUrl: '/api', auth: { mode: 'bearer' }, embed: { allowedParentOrigins: [allowed] } });

test('both embeddings show the training credit, its expiry, this year and the next training', async () => {
  const { page, problems } = await openHost();
  for (const card of [framed(page), scripted(page)]) {
    await card.getByText('Next training').waitFor();
    const text = await card.innerText();
    assert.match(text, /Training credit now\s+2.5 days\s*= 19 hours/);
    assert.match(text, /Usable until 31\sDecember 2028/);
    assert.match(text, /Attended in 2026\s+3 days/);
    assert.match(text, /Next training\s+Presentatietechnieken, 8\sDecember 2026/);
    const link = card.getByRole('link', { name: 'Open your training account' });
    assert.equal(await link.getAttribute('href'), `${BASE}/`);
    assert.equal(await link.getAttribute('target'), '_blank');
  }
  // the page's accent, validated, on both
  // (set through CSSOM: the widget's CSP refuses style attributes)
  const brand = (el) => getComputedStyle(el).getPropertyValue('--brand').trim();
  assert.equal(await widgetFrame(page).locator('.widget').evaluate(brand), '#5a2d82');
  assert.equal(await page.locator('#card .widget').evaluate(brand), '#5a2d82');
  await screenshot(page, 'widget-host-desktop');
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize(SIZES.phone);
  await screenshot(page, 'widget-host-phone');
  assert.deepEqual(problems, []);
  await page.close();
  // a value that is not allowed is dropped, never put into the card's style
  const direct = await ctx.newPage();
  await direct.goto(`${BASE}/widget/?accent=red;background:url(x)&theme=dark&lang=fr&size=compact`);
  await direct.getByTestId('widget').getByText('Prochaine formation').waitFor();
  assert.equal(await direct.evaluate(() => document.documentElement.style.cssText), 'color-scheme: dark;');
  assert.equal(await direct.locator('.widget').getAttribute('class'), 'widget compact');
  assert.equal(await direct.evaluate(() => document.documentElement.lang), 'fr', "the iframe's page speaks the card's language");
  await direct.close();
});

test('the iframe tells its height, matching its content at 320 and 1280 px', async () => {
  for (const width of [320, 1280]) {
    const { page } = await openHost(`${HOST}/`, { width, height: 800 });
    await framed(page).getByText('Next training').waitFor();
    const frame = widgetFrame(page);
    // the last height the card sent is the height of what it shows, and the iframe has it
    await page.waitForFunction(async () => {
      const last = window.received.filter((m) => m.type === 'training-account:height').at(-1);
      return last && document.querySelector('#frame').style.height === `${last.height}px`;
    });
    const content = await frame.evaluate(() => document.body.offsetHeight);
    const reported = await page.evaluate(() => window.received.filter((m) => m.type === 'training-account:height').at(-1).height);
    assert.equal(reported, content, `${width} px`);
    assert.equal(await page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height), content);
    assert.ok(content > 200, `${width} px: the whole card, not the iframe's default 160 px`);
    await page.close();
  }
});

test('a bearer token is taken from an allowed parent only, and heights go to it only', async () => {
  // allowed: the page hands over its token when the card asks, and the card uses it
  const allowed = await openHost(`${HOST}/?token=demo-token`, SIZES.desktop, bearer(HOST));
  await framed(allowed.page).getByText('2.5 days').waitFor();
  assert.ok(allowed.authorizations.length > 0);
  assert.ok(allowed.authorizations.every((a) => a === 'Bearer demo-token'), allowed.authorizations.join());
  // in memory only: not in the card's address or storage
  const kept = await widgetFrame(allowed.page).evaluate(() => location.href + JSON.stringify({ ...localStorage, ...sessionStorage }));
  assert.doesNotMatch(kept, /demo-token/);
  await allowed.page.close();
  // another origin: the widget's page refuses to be framed there (frame-ancestors), so nothing
  // is sent to it and no token is taken from it
  const other = await openHost(`${OTHER}/`, SIZES.desktop, bearer(HOST));
  await other.page.waitForTimeout(1000);
  assert.equal(await other.page.frameLocator('#frame').getByText('Waiting for sign-in').count(), 0);
  assert.deepEqual(other.authorizations, [], 'no API request at all');
  assert.deepEqual(await other.page.evaluate(() => window.received), [], 'no height, no ready sent to it');
  await other.page.close();
  // the allowed origin, but not the card's parent (a frame beside it), or a token that could
  // forge a header: neither is taken; the parent's real token then is
  const host = await openHost(`${HOST}/`, SIZES.desktop, bearer(HOST));
  const frame = host.page.frameLocator('#frame');
  await frame.getByText('Waiting for sign-in').waitFor();
  await host.page.evaluate(() => {
    const sibling = document.body.appendChild(document.createElement('iframe'));
    const token = { type: 'training-account:token', token: 'from-a-sibling' };
    sibling.contentWindow.eval(`parent.document.getElementById("frame").contentWindow.postMessage(${JSON.stringify(token)}, '*')`);
    frame.contentWindow.postMessage({ type: 'training-account:token', token: 'forged\r\nX-Evil: 1' }, '*');
  });
  await host.page.waitForTimeout(1000);
  await frame.getByText('Waiting for sign-in').waitFor();
  assert.deepEqual(host.authorizations, [], 'neither was used');
  await host.page.evaluate(() => frame.contentWindow.postMessage({ type: 'training-account:token', token: 'good-token' }, '*'));
  await framed(host.page).getByText('2.5 days').waitFor();
  assert.ok(host.authorizations.length > 0 && host.authorizations.every((a) => a === 'Bearer good-token'));
  await host.page.close();
});

test('allowed parents must be exact origins: "*" or a trailing slash is a configuration error', async () => {
  for (const bad of ['*', `${HOST}/`]) {
    const { page } = await openHost(`${HOST}/`, SIZES.desktop, { apiBaseUrl: '/api', embed: { allowedParentOrigins: [bad] } });
    const card = page.frameLocator('#frame').getByRole('status');
    await card.getByText('This app is not set up correctly').waitFor();
    assert.match(await card.innerText(), /allowedParentOrigins\[0\] "[^"]+" is not an origin such as https:\/\/intranet\.example\.be/);
    assert.deepEqual(await page.evaluate(() => window.received), [], `${bad}: nothing sent to the page`);
    await page.close();
  }
});

test("the site's CSS does not reach the script-mounted card, nor the card's CSS the site", async () => {
  const { page } = await openHost();
  const card = scripted(page);
  await card.getByText('Next training').waitFor();
  const looks = () => card.locator('.figure-value, .card-title, dd').evaluateAll((els) =>
    els.map((e) => { const s = getComputedStyle(e); return [s.color, s.fontSize, s.fontFamily]; }));
  const before = await looks();
  await page.addStyleTag({ content: '* { color: red !important; font-size: 40px } html { font-size: 10px }' });
  assert.deepEqual(await looks(), before);
  assert.ok(before.every(([color]) => color !== 'rgb(255, 0, 0)'));
  // the site's own .card stays as the site made it: no background, padding or border of the card's
  const own = await page.locator('p.card').evaluate((e) => {
    const s = getComputedStyle(e);
    return [s.backgroundColor, s.paddingTop, s.borderTopWidth, s.fontStyle];
  });
  assert.deepEqual(own, ['rgba(0, 0, 0, 0)', '0px', '0px', 'italic']);
  await page.close();
});

test("using the cards leaves the site's address and history as they were", async () => {
  const { page } = await openHost();
  await scripted(page).getByText('Next training').waitFor();
  await framed(page).getByText('Next training').waitFor();
  const where = () => page.evaluate(() => [location.href, history.length]);
  const start = await where();
  for (const card of [scripted(page), framed(page)]) {
    const [tab] = await Promise.all([ctx.waitForEvent('page'), card.getByRole('link').click()]);
    assert.equal(new URL(tab.url()).origin, BASE, 'the whole account opens apart');
    await tab.close();
    await card.getByText('2.5 days').click();
  }
  assert.deepEqual(await where(), start);
  await page.close();
});
