// End-to-end: the rest of the account beyond this year's figures (issue 4): the carry-over ledger,
// the check of its rules, the profile.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axe, launch, openAs, screenshot, SIZES, test } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

const rows = (table) => table.locator('tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));

test('carry-over: the ledger per employer as table and chart, its expiry and forfeiture', async () => {
  const { page, problems } = await openAs(ctx, 'b', '/', SIZES.desktop);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Carry-over' }).click();
  await page.getByRole('heading', { name: 'Carry-over and training credit', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/carry-over');
  const [first, second] = [page.getByTestId('ledger').nth(0), page.getByTestId('ledger').nth(1)];
  await first.waitFor();
  assert.match(await first.innerText(), /Logistiek Centrum BV[\s\S]*Training credit now\s+1.7 days[\s\S]*Usable until 31\sDecember 2028/);
  assert.deepEqual(await rows(first.locator('table')), [
    ['2024', '0', '2.4', '2', '0.4', '0.4', 'Final'],
    ['2025', '0.4', '2.4', '2.8', '0', '0', 'Final'],
    ['2026', '0', '4.2', '2.5', '1.7', '1.7', 'Running year'],
  ]);
  assert.equal(await first.locator('caption').innerText(), 'Year by year, in days');
  assert.match(await second.innerText(), /Brasserie De Hoek[\s\S]*0 days[\s\S]*Forfeited on 30\sJune 2025 \(resignation\)/);
  // the chart: one stack and one bar a year, labelled, its scale from 0 to a round top
  const chart = first.locator('svg');
  assert.match(await chart.getAttribute('aria-label'), /in days\. The table below has the same figures/);
  assert.deepEqual(await chart.locator('text.year').allTextContents(), ['2024', '2025', '2026']);
  assert.deepEqual(await chart.locator('text.tick').allTextContents(), ['0', '1', '2', '3', '4', '5']);
  const heights = await chart.locator('rect.bar-attended').evaluateAll((rs) => rs.map((r) => +r.getAttribute('height')));
  assert.deepEqual(heights, [72, 101, 90], '2, 2.8 and 2.5 days on a scale of 5 over 180 units');
  assert.match(await page.getByTestId('check').innerText(), /Check the details[\s\S]*Logistiek Centrum BV follow every rule/);
  await screenshot(page, 'carry-over-b-desktop');
  // in hours, with the back end's 7.6 hours a day
  await page.getByRole('button', { name: 'Hours' }).click();
  assert.equal(await first.locator('caption').innerText(), 'Year by year, in hours');
  assert.deepEqual((await rows(first.locator('table')))[2].slice(0, 5), ['2026', '0', '31.92', '19', '12.92']);
  await page.getByRole('button', { name: 'Days' }).click();
  await page.setViewportSize(SIZES.phone);
  await screenshot(page, 'carry-over-b-phone');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('check the details: every broken ledger rule in plain words, per employer', async () => {
  const { page } = await openAs(ctx, 'd', '/carry-over', SIZES.phone);
  const check = page.getByTestId('check');
  await check.waitFor();
  const text = await check.innerText();
  assert.match(text, /These figures do not add up/);
  assert.match(text, /2025 starts with 2 days carried in, but 2024 carried out 1 day\./);
  assert.match(text, /Your training credit is stated as 4 days, but the yearly figures leave 2.5 days\./);
  assert.doesNotMatch(await page.getByTestId('credit').innerText(), /do not add up/, 'listed once, in the check');
  await screenshot(page, 'carry-over-d-phone');
  await page.close();
});

test('profile: SSIN masked until asked, identifiers formatted and checked, every employment', async () => {
  const { page, problems } = await openAs(ctx, 'b', '/profile', SIZES.phone);
  const ssin = page.getByTestId('ssin');
  await ssin.waitFor();
  assert.equal(await ssin.innerText(), '85.07.30-***.**');
  const show = page.getByRole('button', { name: 'Show the full number' });
  assert.equal(await show.getAttribute('aria-pressed'), 'false');
  await show.click();
  assert.match(await ssin.innerText(), /^85\.07\.30-\d{3}\.\d{2}$/);
  assert.equal(await show.getAttribute('aria-pressed'), 'true');
  assert.doesNotMatch(page.url(), /\d{11}|\d{3}\.\d{2}/, 'never in the address');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.doesNotMatch(stored, /85073/, 'never in storage');
  const body = await page.locator('main').innerText();
  assert.match(body, /Sofie Dubois/);
  assert.match(body, /Enterprise number\s+0403\.170\.701\s+NSSO employer number\s+0512345-26/);
  assert.match(body, /Joint committee\s+200\s+Collective agreement\s+181682\/CO\/200/);
  assert.match(body, /Brasserie De Hoek[\s\S]*Employment ended\s+30\sJune 2025/);
  assert.match(body, /80% work regime \(30.4 h of 38 h a week\)/);
  await show.click();
  assert.equal(await ssin.innerText(), '85.07.30-***.**', 'hidden again');
  await screenshot(page, 'profile-b-phone');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
  // an invalid identifier is flagged, not hidden
  const d = await openAs(ctx, 'd', '/profile', SIZES.desktop);
  await d.page.getByTestId('ssin').waitFor();
  assert.match(await d.page.locator('main').innerText(), /0765\.432\.147 \(this number is not valid/);
  await screenshot(d.page, 'profile-d-desktop');
  await d.page.close();
});

test('notices: credit lapsing within six months, archive data to keep', async () => {
  const { page, problems } = await openAs(ctx, 'e', '/', SIZES.phone);
  const notices = page.getByTestId('notices');
  await page.getByText(/6 days of training credit/).waitFor();
  const text = await notices.innerText();
  assert.match(text, /6 days of training credit at Bouwbedrijf Maes NV lapses on 31\sMarch 2027\. Plan your training before then\./);
  assert.match(text, /Your figures for 2023, 2024, 2025 come from the Federal Learning Account archive, which is deleted after 31\sDecember 2026/);
  await screenshot(page, 'dashboard-e-notices-phone');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
  // nothing lapses within six months for persona b, and its data is not from the archive
  const b = await openAs(ctx, 'b', '/', SIZES.phone);
  await b.page.getByTestId('credit').first().waitFor();
  assert.equal(await b.page.getByTestId('notices').count(), 0);
  await b.page.close();
});

test('keep a copy: the whole account as JSON, the filtered history as CSV for Excel, a print statement', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/?history-year=2025', SIZES.desktop);
  await page.getByText('Showing 20 of').waitFor();
  const copy = page.getByTestId('keep-a-copy');
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), copy.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const json = await download('Download everything (JSON)');
  assert.match(json.name, /^training-account-\d{4}-\d\d-\d\d\.json$/);
  const all = JSON.parse(json.text);
  assert.equal(all.me.familyName, 'Peeters');
  assert.deepEqual(Object.keys(all.entitlements), ['2024', '2025', '2026']);
  assert.equal(all.attendance['2025'].items[0].attended, 5.5);
  assert.equal(all.carryOver.items[0].years.length, 3);
  assert.equal(all.trainingPages.flatMap((p) => p.items).length, 61, 'every page of the history');
  await copy.getByText(/Downloaded: training-account-/).waitFor();

  const csv = await download('Download the history (CSV for Excel)');
  assert.equal(csv.name, 'training-history-2025.csv', 'the history as filtered');
  assert.ok(csv.text.startsWith('\ufeff'), 'a byte order mark for Excel');
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  assert.match(lines[0], /^Start date;End date;Title;Employer;/);
  assert.ok(lines.slice(1).every((l) => l.startsWith('2025-')), 'only 2025');
  assert.ok(lines.length > 10);
  assert.match(lines[1], /;Voorbeeld NV;/);

  // the printed statement leaves out the controls
  await page.emulateMedia({ media: 'print' });
  assert.equal(await copy.isVisible(), false);
  assert.equal(await page.locator('.site-nav').isVisible(), false);
  assert.equal(await page.getByTestId('credit').first().isVisible(), true);
  const pdf = await page.pdf({ path: `${process.env.E2E_SCREENSHOTS ?? 'e2e/screenshots'}/statement-a.pdf`, format: 'A4' });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
  assert.ok(pages >= 1 && pages <= 2, `a statement of one or two A4 pages, not ${pages}`);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await page.close();
});
