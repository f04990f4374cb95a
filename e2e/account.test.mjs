// End-to-end: the rest of the account beyond this year's figures (issue 4): the carry-over ledger,
// the check of its rules, the profile.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { axe, BASE, launch, openAs, screenshot, settled, SIZES, test } from './browser.mjs';

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/** Reads CSV on stdin as Excel in Belgium writes it (`;`, a byte order mark), printing its rows as JSON. */
const READ_CSV = "import csv, json, sys; print(json.dumps(list(csv.reader(open(0, encoding='utf-8-sig', newline=''), delimiter=';'))))";

/** A figure with its unit, as the pages write them in English. */
const FIGURE = /\d+(?:\.\d+)?\s(?:days?|hours?)\b/g;

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
  // its history fails, so the trainings cannot be compared with the totals: said, not hidden
  await check.getByText('The trainings could not be loaded, so they were not compared with the attended totals.').waitFor();
  await page.close();
});

test('check the details: the trainings listed against the attended total of each year', async () => {
  const { page, problems } = await openAs(ctx, 'h', '/carry-over', SIZES.desktop);
  const check = page.getByTestId('check');
  await check.getByText('Comparing the trainings listed').or(check.getByText(/trainings listed add up/)).first().waitFor();
  // one 2025 training of 9 h 15 min is missing from the list of Net & Proper BV (counted in hours)
  const finding = check.getByText('In 2025 the trainings listed add up to 6.75 hours, but your attended total says 16 hours.');
  await finding.waitFor();
  assert.equal(await check.locator('li').count(), 1, 'days without hours per day are not compared, not guessed');
  assert.match(await check.innerText(), /Woonzorgcentrum Hof ter Linde vzw follow every rule/);
  await screenshot(page, 'carry-over-h-check-desktop');
  assert.deepEqual(problems, []);
  await page.close();
  // persona b's trainings add up, year by year, for both employers
  const b = await openAs(ctx, 'b', '/carry-over', SIZES.phone);
  await b.page.getByTestId('check').getByText(/Brasserie De Hoek follow every rule/).waitFor();
  await b.page.waitForFunction(() => !document.querySelector('[data-testid=check] [role=status]'));
  assert.equal(await b.page.getByTestId('check').locator('li').count(), 0);
  await b.page.close();
});

test('all employers: combined where hours per day allow, side by side where not, one employer on its own', async () => {
  const { page, problems } = await openAs(ctx, 'g', '/', SIZES.desktop);
  const combined = page.getByTestId('combined');
  await combined.locator('table').waitFor();
  assert.equal(await combined.locator('caption').innerText(), 'All employers in 2026');
  // 20 hours at Net & Proper BV's 8 hours a day are 2.5 days; the care home counts in days
  assert.deepEqual(await rows(combined.locator('table')), [
    ['Woonzorgcentrum Hof ter Linde vzw', '2.5 days', '1.5 days', '1.5 days', '1.5 days'],
    ['Net & Proper BV', '2.5 days', '1.5 days', '1.5 days', '1.5 days'],
    ['Together', '5 days', '3 days', '3 days', '3 days'],
  ]);
  await screenshot(page, 'dashboard-g-all-employers-desktop');
  // in hours: 1.5 days at the care home's 7.6 hours a day are 11.4 hours
  await page.getByRole('button', { name: 'Hours' }).click();
  assert.deepEqual((await rows(combined.locator('table')))[2], ['Together', '39 hours', '23.4 hours', '23.4 hours', '23.4 hours']);
  await page.getByRole('button', { name: 'Days' }).click();
  // one employer: its own figures and its own trainings, and the link can be shared
  await page.getByRole('navigation', { name: 'Employers' }).getByRole('link', { name: 'Net & Proper BV' }).click();
  await page.waitForURL(/employer=e2/);
  assert.equal(await page.locator('section.employer').count(), 1);
  assert.equal(await page.locator('section.employer h2').innerText(), 'Net & Proper BV');
  assert.equal(await combined.count(), 0);
  const own = JSON.parse(readFileSync('demo/fixtures/g/trainings.json', 'utf8')).filter((t) => t.employerId === 'e2').length;
  await page.getByText(`Showing ${own} of ${own}`).waitFor();
  assert.equal(await page.getByLabel('Employer', { exact: true }).inputValue(), 'e2', 'the history is filtered to that employer too');
  await page.goBack();
  await combined.locator('table').waitFor();
  assert.equal(await page.locator('section.employer').count(), 2);
  assert.deepEqual(problems, []);
  await page.close();
  // without hours per day, days and hours cannot be added up: side by side, and said why
  const h = await openAs(ctx, 'h', '/', SIZES.phone);
  const apart = h.page.getByTestId('combined');
  await apart.locator('table').waitFor();
  assert.deepEqual((await rows(apart.locator('table'))).map((r) => r[0]), ['Woonzorgcentrum Hof ter Linde vzw', 'Net & Proper BV']);
  assert.match(await apart.innerText(), /Not added up: your employers count in different units/);
  assert.match(await apart.innerText(), /20 hours/);
  await screenshot(h.page, 'dashboard-h-side-by-side-phone');
  assert.deepEqual(await axe(h.page), []);
  await h.page.close();
  // one employer, nothing to combine
  const a = await openAs(ctx, 'a', '/', SIZES.phone);
  await a.page.getByTestId('credit').waitFor();
  assert.equal(await a.page.getByTestId('combined').count(), 0);
  assert.equal(await a.page.getByRole('navigation', { name: 'Employers' }).count(), 0);
  await a.page.close();
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
  const download = async (where, name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), where.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const copy = page.getByTestId('keep-a-copy');
  const json = await download(copy, 'Download everything (JSON)');
  assert.match(json.name, /^training-account-\d{4}-\d\d-\d\d\.json$/);
  const all = JSON.parse(json.text);
  assert.equal(all.me.familyName, 'Peeters');
  assert.deepEqual(Object.keys(all.entitlements), ['2024', '2025', '2026']);
  assert.equal(all.attendance['2025'].items[0].attended, 5.5);
  assert.equal(all.carryOver.items[0].years.length, 3);
  assert.equal(all.trainingPages.flatMap((p) => p.items).length, 61, 'every page of the history');
  await copy.getByText(/Downloaded: training-account-/).waitFor();

  // the history as shown: the year asked for, and the filters on top
  await page.goto(`${BASE}/?history-year=2025&type=FORMAL`);
  await page.getByText(/^Showing \d+ of \d+/).waitFor();
  const shown = +(await page.getByText(/^Showing \d+ of \d+/).innerText()).match(/of (\d+)/)[1];
  const csv = await download(page.locator('.history'), 'Download these trainings (CSV for Excel)');
  assert.equal(csv.name, 'training-history-2025.csv');
  assert.ok(csv.text.startsWith('\ufeff'), 'a byte order mark for Excel');
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  assert.match(lines[0], /^Start date;End date;Title;Employer;/);
  assert.equal(lines.length - 1, shown, 'every training that matches, not only those on screen');
  assert.ok(lines.slice(1).every((l) => l.startsWith('2025-') && l.includes(';Formal;')), 'only formal ones of 2025');
  assert.match(lines[1], /;Voorbeeld NV;/);
  // read back by Python's csv module: exactly the trainings that match, each with the service's values
  const rows = JSON.parse(execFileSync('python3', ['-c', READ_CSV], { input: csv.text }));
  const sent = await page.evaluate(async () => (await (await fetch('/api/v1/me/trainings?limit=500&year=2025')).json()).items);
  const formal = sent.filter((t) => t.type === 'FORMAL');
  const hours = (t) => (Math.round((t.durationMinutes * 100) / 60) / 100).toString();
  const expected = formal.map((t) => [t.id, t.startDate, t.endDate, t.title, t.provider?.name ?? '', hours(t)]);
  const [head, ...body] = rows;
  const at = (name) => head.indexOf(name);
  const read = body.map((r) => [r[at('Reference')], r[at('Start date')], r[at('End date')], r[at('Title')], r[at('Provider')], r[at('Duration (hours)')]]);
  const byId = (a, b) => a[0].localeCompare(b[0]);
  assert.deepEqual(read.sort(byId), expected.sort(byId));

  // the printed statement leaves out the controls, and holds every figure on screen
  await page.goto(`${BASE}/`);
  await page.getByTestId('credit').first().waitFor();
  await settled(page);
  const figures = async () => (await page.locator('main').innerText()).match(FIGURE) ?? [];
  const onScreen = await figures();
  assert.ok(onScreen.length >= 6, onScreen.join(' | '));
  await page.emulateMedia({ media: 'print' });
  const printed = await figures();
  const count = (list, x) => list.filter((y) => y === x).length;
  const lost = onScreen.filter((x) => count(printed, x) < count(onScreen, x));
  assert.deepEqual(lost, [], `figures on screen missing from the statement: ${printed.join(' | ')}`);
  assert.equal(await copy.isVisible(), false);
  assert.equal(await page.locator('.site-nav').isVisible(), false);
  assert.equal(await page.locator('form.filters').isVisible(), false);
  assert.equal(await page.getByTestId('credit').first().isVisible(), true);
  const pdf = await page.pdf({ path: `${process.env.E2E_SCREENSHOTS ?? 'e2e/screenshots'}/statement-a.pdf`, format: 'A4' });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
  assert.ok(pages >= 1 && pages <= 2, `a statement of one or two A4 pages, not ${pages}`);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('history: search as you type, filters and order in the address, with the total duration, and back', async () => {
  const { page, problems } = await openAs(ctx, 'a', '/', SIZES.desktop);
  await page.getByText('Showing 20 of 61').waitFor();
  const status = () => page.locator('.history [role=status]').innerText();
  assert.match(await status(), /^Showing 20 of 61 · \d+ h( \d+ min)? in all$/);
  const form = page.getByRole('search', { name: 'Find trainings' });
  const search = form.getByLabel('Search in title or provider');
  // typed, not submitted: the list, the address and the announced count follow a pause in typing
  await search.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 0, 'the search is below the top of the page');
  await search.pressSequentially('excel', { delay: 30 });
  await page.waitForURL(/\?q=excel$/);
  await page.waitForFunction(() => !/of 61/.test(document.querySelector('.history [role=status]')?.textContent ?? ''));
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page stays where it was, the field in sight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'filter-q', 'focus stays in the search while typing');
  assert.equal(await search.inputValue(), 'excel', 'nothing typed is lost');
  const titles = await page.locator('.training-title').allInnerTexts();
  assert.ok(titles.length > 0 && titles.every((t) => /excel/i.test(t)), titles.join(', '));
  assert.match(await status(), new RegExp(`^Showing ${titles.length} of ${titles.length} · `));
  assert.equal(await page.evaluate(() => history.length), 2, 'typing replaced the address, it added no entry per pause');
  // the button applies the form and takes focus to the list
  await form.getByRole('button', { name: 'Show trainings' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'history-title', 'focus on the list');

  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await page.waitForURL(`${BASE}/`);
  assert.equal(await search.inputValue(), '', 'the fields follow the address');
  await form.getByLabel('Type').selectOption('INFORMAL');
  await form.getByLabel('Status').selectOption('COMPLETED');
  await form.getByLabel('Counts towards your training right').selectOption('yes');
  await form.getByLabel('Order').selectOption('longest');
  await form.getByRole('button', { name: 'Show trainings' }).click();
  await page.waitForURL(/\?type=INFORMAL&status=COMPLETED&counts=yes&sort=longest$/);
  await page.waitForFunction(() => document.querySelector('.training-title') && !document.body.innerText.includes('Excel voor'));
  const metas = await page.locator('.training-meta').allInnerTexts();
  assert.ok(metas.every((m) => /Informal/.test(m) && /Completed/.test(m) && !/Does not count/.test(m)), metas.join(' | '));
  const minutes = (m) => { const h = m.match(/(\d+) h/); const min = m.match(/(\d+) min/); return (h ? +h[1] * 60 : 0) + (min ? +min[1] : 0); };
  const durations = metas.map((m) => minutes(m.split('\n').find((l) => /\d+ (h|min)/.test(l)) ?? m.match(/\d+ h( \d+ min)?|\d+ min/)[0]));
  assert.deepEqual(durations, [...durations].sort((a, b) => b - a), 'longest first');
  assert.equal(await form.getByLabel('Order').inputValue(), 'longest', 'the form shows the filter in the address');
  await screenshot(page, 'history-filtered-desktop');

  await page.goBack();
  await page.waitForURL(`${BASE}/`);
  assert.equal(await form.getByLabel('Order').inputValue(), 'newest', 'back: the fields of that address');
  await page.goBack();
  await page.waitForURL(/\?q=excel$/);
  assert.equal(await search.inputValue(), 'excel');
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.getByText('Showing 20 of 61').waitFor();
  // typed and applied at once, then cleared before the pause is over: the search typed earlier is
  // not applied over the cleared address
  await search.fill('gdpr');
  await form.getByRole('button', { name: 'Show trainings' }).click();
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.waitForTimeout(500);
  assert.equal(page.url(), `${BASE}/`);
  assert.equal(await search.inputValue(), '');
  await page.setViewportSize(SIZES.phone);
  await screenshot(page, 'history-form-phone');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a long history: 5,000 trainings load in the background with progress, twenty on screen at a time', async () => {
  const { page, problems } = await openAs(ctx, 'f', '/', SIZES.desktop);
  // slow the service down a little, so the loading can be seen
  await page.route('**/v1/me/trainings?**', async (route) => { await new Promise((r) => setTimeout(r, 60)); await route.continue(); });
  const started = Date.now();
  await page.reload();
  await page.locator('.history progress').waitFor();
  assert.equal(await page.locator('.history progress').getAttribute('max'), '5000');
  assert.match(await page.locator('.history').innerText(), /Loading your history: [\d,]+ of 5,000/);
  await page.getByText('Showing 20 of 5,000').waitFor();
  await page.locator('.history progress').waitFor({ state: 'detached', timeout: 60000 });
  const loaded = Date.now() - started;
  assert.equal(await page.locator('.training-item').count(), 20, 'only what is on screen is rendered');
  const form = page.getByRole('search', { name: 'Find trainings' });
  await form.getByLabel('Search in title or provider').fill('brandpreventie');
  const searched = Date.now();
  await form.getByRole('button', { name: 'Show trainings' }).click();
  await page.getByText(/^Showing 20 of 625 · /).waitFor();
  const search = Date.now() - searched;
  await page.getByRole('button', { name: /^Show more trainings \(605 more\)/ }).click();
  await page.getByText(/^Showing 40 of 625 · /).waitFor();
  assert.equal(await page.locator('.training-item').count(), 40);
  // a benchmark, not a test: the numbers are printed for whoever watches them
  console.log(`long history: 5,000 trainings (50 pages, 60 ms added a page) in ${loaded} ms; a search over them shown in ${search} ms`);
  await screenshot(page, 'history-long-desktop');
  assert.deepEqual(problems, []);
  await page.close();
});
