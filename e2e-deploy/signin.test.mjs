// Deploy test: signing in with the app's own sign-in (auth.mode oidc) behind deploy/nginx.conf,
// under its strict CSP, whose connect-src names the OpenID provider and nothing else. Run by
// scripts/deploy-test.sh with its own nginx ($DEPLOY_URL) and provider ($DEPLOY_ISSUER).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { figuresShown } from '../e2e/chromium.mjs';
import { launch, newPage, screenshot, settled, test } from '../e2e/browser.mjs';
import { CONFIRM_LOGOUT, throughProvider } from '../e2e/provider.mjs';

const APP = process.env.DEPLOY_URL;
const ISSUER = process.env.DEPLOY_ISSUER;

let browser;
before(async () => {
  assert.ok(APP && ISSUER, 'run through scripts/deploy-test.sh, which sets DEPLOY_URL and DEPLOY_ISSUER');
  browser = await launch();
});
after(() => browser?.close());

test('behind nginx the app signs in with the provider its CSP names, renews its token and signs out', async () => {
  const page = await newPage(browser, 'en');
  const problems = [];
  // a request the CSP refused is a console error on the app's own pages
  page.on('console', (m) => m.type() === 'error' && page.url().startsWith(APP) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const first = await page.goto(`${APP}/?history-year=2025`);
  const csp = first.headers()['content-security-policy'];
  assert.match(csp, new RegExp(`connect-src 'self' ${ISSUER};`), csp);
  await page.locator('.sign-in button').click();
  await throughProvider(page, ISSUER, 'a');
  await page.waitForURL(`${APP}/?history-year=2025`);
  await page.waitForFunction(figuresShown);
  await settled(page);
  await screenshot(page, 'deploy-signed-in');
  // the provider's access tokens live 20 s here (scripts/deploy-test.sh): renewed, then used
  await page.waitForRequest((r) => r.url() === `${ISSUER}/token` && /grant_type=refresh_token/.test(r.postData() ?? ''), { timeout: 20_000 });
  await page.locator('a[href^="/trainings/"]').first().click();
  await page.waitForURL(/\/trainings\//);
  await settled(page);
  assert.equal(await page.locator('.panel-error').count(), 0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator(CONFIRM_LOGOUT).click();
  await page.waitForURL(`${APP}/`);
  await page.locator('.sign-in button').waitFor();
  assert.deepEqual(problems, []);
});
