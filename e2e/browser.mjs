// Shared Playwright set-up: Debian's Chromium, a fresh profile, no background networking.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8097';
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? 'e2e/screenshots';
export const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

export async function launch() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'e2e-profile-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: SIZES.desktop,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh page for one persona, with console errors and page crashes collected. */
export async function openAs(context, persona, path = '/', size = SIZES.desktop) {
  await context.clearCookies();
  await context.addCookies([{ name: 'demo_persona', value: persona, url: BASE }]);
  const page = await context.newPage();
  await page.setViewportSize(size);
  const problems = [];
  page.on('pageerror', (e) => {
    problems.push(`page error: ${e.message}`);
    console.error(`page error on ${page.url()}: ${e.message}`);
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => console.error(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  opened.add(page);
  page.on('close', () => opened.delete(page));
  await page.goto(BASE + path);
  return { page, problems };
}

const opened = new Set();

/** For a failed test: what every page still open shows, in the log and as a screenshot. */
export async function explainOpenPages(name) {
  for (const page of opened) {
    const text = await page.locator('body').innerText().catch((e) => `(no text: ${e.message})`);
    console.error(`--- ${name}: ${page.url()}\n${text.slice(0, 1500)}`);
    await screenshot(page, `failed-${name.replace(/\W+/g, '-')}`).catch(() => {});
    await page.close();
  }
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
