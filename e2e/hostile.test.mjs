// End-to-end: back ends that misbehave on purpose (demo personas i to l). The history's paging
// ends, no request leaves the service's origin, and a huge answer is refused: each with a message
// on screen, and the rest of the account still shown.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAs, settled, test } from './browser.mjs';

const HOST = new URL(process.env.E2E_HOST_URL ?? 'http://127.0.0.1:8098').origin;

let ctx;
before(async () => { ctx = await launch(); });
after(async () => { await ctx?.close(); });

/**
 * A page for `persona` at `path`, with the URL of every request it makes from the first one on,
 * and of every request that reached another origin than the app's: one that got an answer, or
 * failed otherwise than by the browser's own abort of a redirect it does not follow.
 */
async function openRecorded(persona, path = '/') {
  const [urls, away] = [[], []];
  const elsewhere = (r) => new URL(r.url()).origin === HOST;
  const listeners = {
    request: (r) => urls.push(r.url()),
    response: (r) => elsewhere(r) && away.push(`${r.url()} answered ${r.status()}`),
    requestfailed: (r) => elsewhere(r) && r.failure()?.errorText !== 'net::ERR_ABORTED' && away.push(r.url()),
  };
  for (const [event, listen] of Object.entries(listeners)) ctx.on(event, listen);
  const opened = await openAs(ctx, persona, path);
  opened.page.on('close', () => { for (const [event, listen] of Object.entries(listeners)) ctx.off(event, listen); });
  return { ...opened, urls, away };
}

const trainingsAsked = (urls) => urls.filter((u) => new URL(u).pathname === '/api/v1/me/trainings');

test('a history whose next link is itself stops, and shows what it has and why', async () => {
  const { page, problems, urls } = await openRecorded('i');
  await page.getByText('The service sent a page with nothing new; the app stopped there.').waitFor();
  await page.getByText('Showing 20 of 61').waitFor();
  await page.getByText('Training credit now').first().waitFor();
  await settled(page);
  await page.waitForTimeout(500);
  assert.equal(trainingsAsked(urls).length, 2, 'the first page, and the one that added nothing');
  assert.deepEqual(problems, []);
  await page.close();
});

for (const [persona, how] of [['j', 'a next link'], ['k', 'a redirect']]) {
  test(`${how} to another origin is refused, and nothing goes there`, async () => {
    const { page, problems, away } = await openRecorded(persona);
    await page.getByText('sent this app to another address, which it does not follow').first().waitFor();
    await page.getByText('Training credit now').first().waitFor();
    // the whole history, for the check of the attended totals, fails the same way
    await page.goto(new URL('/carry-over', page.url()).href);
    await page.getByText('The trainings could not be loaded, so they were not compared').waitFor();
    await settled(page);
    assert.deepEqual(away, [], `nothing reached ${HOST}`);
    // the refused redirect is an error the browser reports on its console: not the app's
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|redirect/i.test(p)), []);
    await page.close();
  });
}

test('an answer of 20 MB is refused with a message', async () => {
  const { page, problems } = await openRecorded('l');
  await page.getByText('sent more data than this app reads').first().waitFor();
  await page.getByText('Training credit now').first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});
