// Signing in, end to end against a real OpenID provider (npm oidc-provider, scripts/oidc/provider.mjs):
// the app's own sign-in (auth.mode oidc) on E2E_OIDC_URL, the demo back end checking its tokens,
// and the back end's own session (auth.mode session) on E2E_SESSION_URL. scripts/test.sh starts
// them all; the provider's access tokens live 20 s there, so renewal happens during the tests.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { figuresShown } from './chromium.mjs';
import { keepOffline, launch, newPage, screenshot, settled, SIZES, storedOnDevice, test } from './browser.mjs';
import { CONFIRM_LOGOUT, LOGIN, throughProvider } from './provider.mjs';

const need = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run the sign-in tests through scripts/test.sh, which starts the provider and the servers`);
  return value;
};
const OIDC = need('E2E_OIDC_URL');
const SESSION = need('E2E_SESSION_URL');
const SESSION_HOST = need('E2E_SESSION_HOST_URL');
const ISSUER = need('E2E_ISSUER');
const OTHER_ISSUER = need('E2E_OTHER_ISSUER');
const AUDIENCE = 'urn:training-account:api';
const ACCESS_TTL_S = 20;
const LOGIN_MARK = '.sign-in';

let context;
before(async () => {
  context = await launch();
});
after(() => context.close());

/** A fresh tab on an empty browser, watched: its requests, the provider's tokens, console lines. */
async function open(origin, path, size = SIZES.desktop) {
  await context.clearCookies();
  const page = await newPage(context, 'en');
  await page.setViewportSize(size);
  const seen = { requests: [], tokens: [], console: [], problems: [], addresses: [] };
  page.on('request', (r) => seen.requests.push({ url: r.url(), method: r.method(), auth: r.headers().authorization }));
  page.on('response', async (r) => {
    if (r.url() === `${ISSUER}/token` && r.ok()) {
      const body = await r.json().catch(() => ({}));
      seen.tokens.push(...['access_token', 'refresh_token', 'id_token'].map((k) => body[k]).filter(Boolean));
    }
  });
  page.on('framenavigated', (f) => seen.addresses.push(f.url()));
  page.on('console', (m) => {
    seen.console.push(m.text());
    // the provider's own pages ask for web fonts this machine cannot reach: its business
    if (m.type() === 'error' && page.url().startsWith(origin)) seen.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.problems.push(`page error: ${e.message}`));
  await page.goto(origin + path);
  return { page, seen };
}

/** Signs in from the sign-in screen and waits for the figures. */
async function signIn(page, login = 'a') {
  await page.locator(`${LOGIN_MARK} button`).click();
  await throughProvider(page, ISSUER, login);
}

const apiRequests = (seen, origin) => seen.requests.filter((r) => r.url.startsWith(`${origin}/api/`));

describe('the app signs in itself (auth.mode oidc)', () => {
  test('sign in through the provider and see the figures, on the page first asked for, with its query', async () => {
    const { page, seen } = await open(OIDC, '/carry-over?unit=hours', SIZES.phone);
    await page.locator(LOGIN_MARK).waitFor();
    assert.match(await page.locator('h1').innerText(), /Sign in to see your training account/);
    await screenshot(page, 'sign-in-390');
    await page.setViewportSize(SIZES.desktop);
    await screenshot(page, 'sign-in-1280');
    assert.equal(apiRequests(seen, OIDC).length, 0, 'nothing is asked of the API before signing in');
    await signIn(page);
    await page.waitForURL(`${OIDC}/carry-over?unit=hours`);
    await settled(page);
    assert.match(await page.locator('main').innerText(), /Training credit/i);
    await page.goto(`${OIDC}/`);
    // a reload in the same tab signs in again without a screen
    await page.waitForFunction(figuresShown);
    await settled(page);
    await page.setViewportSize(SIZES.phone);
    await screenshot(page, 'signed-in-390');
    assert.deepEqual(seen.problems, []);
  });

  test('every API request carries the token, no other request does, and no token is kept or shown anywhere', async () => {
    const { page, seen } = await open(OIDC, '/?history-year=2025');
    await signIn(page);
    await page.waitForFunction(figuresShown);
    await settled(page);
    const api = apiRequests(seen, OIDC);
    assert.ok(api.length >= 5, `${api.length} API requests`);
    for (const r of api) assert.match(r.auth ?? '', /^Bearer ey/, `${r.url} without the token`);
    for (const r of seen.requests.filter((r) => !r.url.startsWith(`${OIDC}/api/`))) {
      assert.equal(r.auth, undefined, `the token went to ${r.url}`);
    }
    assert.ok(seen.tokens.length >= 3, 'the provider gave an access, a refresh and an ID token');
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    const cookies = JSON.stringify(await context.cookies(OIDC));
    for (const token of seen.tokens) {
      assert.ok(!kept.includes(token) && !cookies.includes(token), 'a token is in the browser storage or a cookie');
      assert.ok(!seen.addresses.some((a) => a.includes(token)), 'a token was in an address');
      assert.ok(!seen.console.some((line) => line.includes(token)), 'a token was on the console');
    }
    assert.ok(!/verifier|nonce/.test(kept), 'the round trip is deleted on return');
    assert.ok(!page.url().includes('code='), 'the code left the address');
    assert.deepEqual(seen.problems, []);
  });

  test('the access token is renewed before it lapses, with no interruption', async () => {
    const { page, seen } = await open(OIDC, '/');
    await signIn(page);
    await page.waitForFunction(figuresShown);
    const first = apiRequests(seen, OIDC)[0].auth;
    const refreshed = page.waitForRequest((r) => r.url() === `${ISSUER}/token` && /grant_type=refresh_token/.test(r.postData() ?? ''), { timeout: ACCESS_TTL_S * 1000 });
    await refreshed;
    await page.waitForTimeout((ACCESS_TTL_S / 4 + 2) * 1000); // past the first token's end
    // a training's page asks for it: with the renewed token
    await settled(page);
    await page.locator('a[href^="/trainings/"]').first().click();
    await page.waitForURL(/\/trainings\//);
    await settled(page);
    const later = apiRequests(seen, OIDC).at(-1);
    assert.match(later.url, /\/api\/v1\/me\/trainings\/./);
    assert.ok(later.auth !== first, 'the later request has the renewed token');
    assert.equal(await page.locator('.panel-error').count(), 0, 'nothing failed on the way');
    assert.deepEqual(seen.problems, []);
  });

  test('a revoked refresh token ends the session; signing in again returns to the same page and filters', async () => {
    const path = '/?history-year=2025&q=excel';
    const { page, seen } = await open(OIDC, path);
    await signIn(page);
    await page.waitForFunction(figuresShown);
    const revoked = await fetch(`${ISSUER}/test/revoke?sub=a`, { method: 'POST' });
    assert.equal(revoked.status, 204);
    const ended = page.locator('.session-ended');
    await ended.waitFor({ timeout: ACCESS_TTL_S * 1000 });
    assert.match(await ended.innerText(), /Your session has ended/);
    await page.waitForFunction(figuresShown); // the page stays as it was
    await screenshot(page, 'session-ended-1280');
    await ended.getByRole('button', { name: 'Sign in' }).click();
    await throughProvider(page, ISSUER);
    await page.waitForURL(OIDC + path);
    await page.waitForFunction(figuresShown);
    assert.equal(await page.locator('#filter-q').first().inputValue(), 'excel');
    // the refused renewal (400) and the API's refusal of the lapsed token (401) are expected
    assert.deepEqual(seen.problems.filter((p) => !/status of 40[01]/.test(p)), []);
  });

  test('sign-out ends the session here and at the provider, and deletes the figures kept for offline use', async () => {
    const { page, seen } = await open(OIDC, '/');
    await signIn(page);
    await page.waitForFunction(figuresShown);
    await keepOffline(page);
    const { offline } = await storedOnDevice(page);
    assert.ok(seen.tokens.length > 0 && seen.tokens.every((t) => !offline.includes(t)), 'no token kept with the figures');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${ISSUER}/session/end`));
    await page.locator(CONFIRM_LOGOUT).click();
    await page.waitForURL((u) => u.href.startsWith(`${OIDC}/`));
    await page.locator(LOGIN_MARK).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length - (sessionStorage.getItem('e2e-language-set') ? 1 : 0)), 0);
    assert.deepEqual(await storedOnDevice(page), {}, 'nothing of the account left on the device');
    // the provider's session is gone too: signing in asks for the login again
    await page.locator(`${LOGIN_MARK} button`).click();
    await page.locator(LOGIN).waitFor();
  });

  test('with the provider and the service out of reach, the figures kept on this device show, marked; back online, the sign-in brings them up to date', async () => {
    const { page, seen } = await open(OIDC, '/', SIZES.phone);
    await signIn(page);
    await page.waitForFunction(figuresShown);
    await keepOffline(page);
    // the app's own files still come (as from its worker); the provider and the API do not
    const cut = (route) => route.abort('internetdisconnected');
    await page.route(`${ISSUER}/**`, cut);
    await page.route(`${OIDC}/api/**`, cut);
    const asked = apiRequests(seen, OIDC).length;
    await page.reload();
    const mark = page.getByTestId('offline-mark');
    await mark.filter({ hasText: /as kept on this device on/ }).waitFor();
    await page.waitForFunction(figuresShown);
    await settled(page);
    assert.equal(await page.locator(LOGIN_MARK).count(), 0, 'no sign-in screen in place of the figures');
    assert.equal(apiRequests(seen, OIDC).length, asked, 'with no one signed in, the API is not asked');
    await screenshot(page, 'signed-in-offline-390');
    await page.unrouteAll();
    // signed in again without a screen (the provider's session), the figures from the service
    const returned = page.waitForURL(`${OIDC}/auth/callback?**`);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await returned;
    await page.waitForURL(`${OIDC}/`);
    await page.waitForFunction(figuresShown);
    await settled(page);
    assert.equal(await mark.count(), 0, 'no offline mark once the service answers');
    assert.ok(apiRequests(seen, OIDC).length > asked, 'the service was asked again');
    // the next tests find nothing kept
    await page.getByTestId('keep-offline').getByRole('button', { name: 'Forget them' }).click();
    await page.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name === 'training-account'));
    assert.deepEqual(seen.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  });

  test('an answer with a tampered state is refused before its code is used', async () => {
    const { page, seen } = await open(OIDC, '/');
    await page.locator(`${LOGIN_MARK} button`).click();
    await page.locator(LOGIN).waitFor();
    await page.goto(`${OIDC}/auth/callback?code=stolen&state=tampered`);
    await page.locator('.sign-in [role=alert]').waitFor();
    assert.match(await page.locator('.sign-in [role=alert]').innerText(), /not started in this window/);
    assert.equal(page.url(), `${OIDC}/`, 'code and state left the address');
    assert.ok(!seen.requests.some((r) => r.url === `${ISSUER}/token`), 'the code never went to the provider');
    assert.deepEqual(seen.problems, []);
  });

  test('a refused sign-in (access_denied) is said, with a way to try again', async () => {
    const { page } = await open(OIDC, '/');
    await page.locator(`${LOGIN_MARK} button`).click();
    await page.locator(LOGIN).waitFor();
    await page.getByText('Cancel').click();
    await page.locator('.sign-in [role=alert]').waitFor();
    assert.match(await page.locator('.sign-in [role=alert]').innerText(), /cancelled or refused/);
    assert.equal(await page.locator(`${LOGIN_MARK} button`).innerText(), 'Sign in');
  });

  test('a code used twice is refused by the provider and said', async () => {
    const { page, seen } = await open(OIDC, '/');
    await signIn(page);
    await page.waitForFunction(figuresShown);
    const used = new URL(seen.addresses.find((a) => a.startsWith(`${OIDC}/auth/callback?`))).searchParams.get('code');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator(CONFIRM_LOGOUT).click();
    await page.locator(LOGIN_MARK).waitFor();
    // the next exchange sends the first sign-in's code again
    await page.route(`${ISSUER}/token`, (route) => {
      const form = new URLSearchParams(route.request().postData());
      form.set('code', used);
      route.continue({ postData: form.toString() });
    });
    await signIn(page);
    await page.locator('.sign-in [role=alert]').waitFor();
    assert.match(await page.locator('.sign-in [role=alert]').innerText(), /already used/);
  });

  test('the provider down, or not the configured one, is said', async () => {
    const discovery = `${ISSUER}/.well-known/openid-configuration`;
    const down = await context.newPage();
    await down.route(discovery, (route) => route.abort('connectionrefused'));
    await down.goto(`${OIDC}/`);
    await down.locator('.sign-in [role=alert]').waitFor();
    assert.match(await down.locator('.sign-in [role=alert]').innerText(), /cannot be reached/);
    await down.close();
    const other = await context.newPage();
    await other.route(discovery, async (route) => {
      const real = await (await route.fetch()).json();
      route.fulfill({ json: { ...real, issuer: 'https://elsewhere.example' } });
    });
    await other.goto(`${OIDC}/`);
    await other.locator('.sign-in [role=alert]').waitFor();
    assert.match(await other.locator('.sign-in [role=alert]').innerText(), /elsewhere\.example/);
    await other.close();
  });

  test('a device clock more than 5 minutes off is said', async () => {
    const page = await context.newPage();
    await page.clock.setFixedTime(Date.now() + 10 * 60 * 1000);
    await page.goto(`${OIDC}/`);
    await signIn(page);
    await page.locator('.sign-in [role=alert]').waitFor();
    assert.match(await page.locator('.sign-in [role=alert]').innerText(), /more than 5 minutes/);
    await page.close();
  });

  test('the widget asks to sign in in the app, in a tab of its own', async () => {
    const page = await context.newPage();
    await page.goto(`${OIDC}/widget/`);
    const link = page.getByRole('link', { name: 'Sign in' });
    await link.waitFor();
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('href'), `${OIDC}/`);
    await page.close();
  });
});

describe('the API takes only its provider\'s tokens for it', () => {
  const token = async (issuer, resource) => {
    const res = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('conformance:conformance-secret').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'api' }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()).access_token;
  };
  const me = (t) => fetch(`${OIDC}/api/v1/me`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.status);

  test('a token of the provider for the API is taken (its subject has no account here: 403)', async () => {
    assert.equal(await me(await token(ISSUER, AUDIENCE)), 403);
  });

  test('another audience, another issuer, a bad signature: 401', async () => {
    assert.equal(await me(await token(ISSUER, 'urn:other:api')), 401, 'another audience');
    assert.equal(await me(await token(OTHER_ISSUER, AUDIENCE)), 401, 'another issuer');
    const good = await token(ISSUER, AUDIENCE);
    const [head, claims, signature] = good.split('.');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    assert.equal(await me(`${head}.${claims}.${flipped}`), 401, 'a bad signature');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url')), sub: 'b' })).toString('base64url');
    assert.equal(await me(`${head}.${forged}.${signature}`), 401, 'claims changed under the signature');
  });
});

describe('the back end signs in and keeps the session (auth.mode session)', () => {
  test('sign in by the back end: a __Host- cookie, HttpOnly, Secure, SameSite=Lax; figures; the widget on the intranet', async () => {
    const { page, seen } = await open(SESSION, '/profile?x=1');
    const link = page.locator(`${LOGIN_MARK} a`);
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '/auth/login?return=%2Fprofile%3Fx%3D1');
    await screenshot(page, 'session-sign-in-390');
    await link.click();
    await throughProvider(page, ISSUER, 'b');
    await page.waitForURL(`${SESSION}/profile?x=1`);
    await settled(page);
    assert.match(await page.locator('main').innerText(), /Sofie Dubois/);
    const cookies = await context.cookies(SESSION);
    const session = cookies.find((c) => c.name === '__Host-training-account');
    assert.ok(session, 'the session cookie');
    assert.deepEqual([session.httpOnly, session.secure, session.sameSite, session.path], [true, true, 'Lax', '/']);
    assert.ok(!cookies.some((c) => /token/i.test(c.name)), 'no token in a cookie');
    for (const r of apiRequests(seen, SESSION)) assert.equal(r.auth, undefined, 'no token in the browser');
    const me = await page.evaluate(async () => (await fetch('/auth/me')).json());
    assert.equal(me.sub, 'b');
    // the widget on the intranet page (same site, another origin) reads the API with the cookie
    const host = await context.newPage();
    await host.goto(`${SESSION_HOST}/`);
    await host.frameLocator('iframe').locator('[data-testid=widget] .figure-value').first().waitFor();
    // and mounted by embed.js in the intranet's own page, asking the API with the cookie (CORS
    // with credentials, for that origin only)
    await host.locator('#card [data-testid=widget] .figure-value').first().waitFor();
    await host.close();
    // the API's 401 before signing in is how the app learns it must
    assert.deepEqual(seen.problems.filter((p) => !/status of 401/.test(p)), []);
  });

  test('a cross-site sign-out is refused; the session\'s own sign-out ends it and deletes the figures kept for offline use', async () => {
    const { page } = await open(SESSION, '/');
    await page.locator(`${LOGIN_MARK} a`).click();
    await throughProvider(page, ISSUER, 'a');
    await page.waitForFunction(figuresShown);
    await keepOffline(page);
    assert.deepEqual(Object.keys(await storedOnDevice(page)), ['offline']);
    const forged = await context.request.post(`${SESSION}/auth/logout`, {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      maxRedirects: 0,
    });
    assert.equal(forged.status(), 403, 'a cross-site POST is refused');
    assert.equal((await context.request.get(`${SESSION}/auth/me`)).status(), 200, 'still signed in');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator(CONFIRM_LOGOUT).click();
    await page.waitForURL(`${SESSION}/`);
    await page.locator(LOGIN_MARK).waitFor();
    assert.equal((await context.request.get(`${SESSION}/auth/me`)).status(), 401, 'signed out');
    assert.deepEqual(await storedOnDevice(page), {}, 'nothing of the account left on the device');
  });
});
