// Deploy test: signing in with the app's own sign-in (auth.mode oidc) behind deploy/nginx.conf,
// under its strict CSP, whose connect-src names the OpenID provider and nothing else. Run by
// scripts/deploy-test.sh with its own nginx ($DEPLOY_URL) and provider ($DEPLOY_ISSUER).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { figuresShown } from '../e2e/chromium.mjs';
import { launch, newPage, screenshot, settled, test } from '../e2e/browser.mjs';
import { throughProvider } from '../e2e/provider.mjs';

const APP = process.env.DEPLOY_URL;
const ISSUER = process.env.DEPLOY_ISSUER;

let browser;
before(async () => {
  assert.ok(APP && ISSUER, 'run through scripts/deploy-test.sh, which sets DEPLOY_URL and DEPLOY_ISSUER');
  browser = await launch();
});
after(() => browser?.close());

test('behind nginx the app signs in with the provider its CSP names, and shows the figures', async () => {
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
  assert.deepEqual(problems, []);
});
