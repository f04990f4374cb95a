// The OpenID provider of the tests (scripts/oidc/provider.mjs, npm oidc-provider): its own pages'
// selectors in one place, for the sign-in tests and the deploy test.

/** Its login page's fields: any name is the account (a demo persona, a to l), any password. */
export const LOGIN = 'input[name=login]';
export const PASSWORD = 'input[name=password]';
export const SUBMIT = 'button[type=submit]';
/** Its sign-out page's confirmation. */
export const CONFIRM_LOGOUT = 'button[name=logout][value=yes]';

/**
 * Through the provider at `issuer`'s own login and consent pages (each only when it asks), as
 * `login`, until the browser is back at the app.
 */
export async function throughProvider(page, issuer, login = 'a') {
  const atApp = (u) => !u.href.startsWith(`${issuer}/`);
  for (;;) {
    await page.waitForURL((u) => atApp(u) || u.pathname.startsWith('/interaction/'));
    if (atApp(new URL(page.url()))) return;
    const submit = page.locator(SUBMIT).first();
    await submit.waitFor();
    if (await page.locator(LOGIN).count()) {
      await page.fill(LOGIN, login);
      await page.fill(PASSWORD, 'any password');
    }
    const here = page.url();
    await Promise.all([page.waitForURL((u) => u.href !== here), submit.click()]);
  }
}
