// Lighthouse's accessibility audit of the dashboard, served by the demo back end: prints the score
// and every failing audit, and exits non-zero below 100.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, HEADLESS_FLAGS, SIZES } from './chromium.mjs';

const url = `${process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8097'}/`;
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  userDataDir: mkdtempSync(join(tmpdir(), 'lighthouse-profile-')),
  chromeFlags: HEADLESS_FLAGS,
});
let score = 0;
try {
  for (const formFactor of ['mobile', 'desktop']) {
    const settings = formFactor === 'desktop'
      ? { formFactor, screenEmulation: { mobile: false, ...SIZES.desktop, deviceScaleFactor: 1, disabled: false } }
      : { formFactor };
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['accessibility'], logLevel: 'error' },
      { extends: 'lighthouse:default', settings });
    const category = lhr.categories.accessibility;
    const failing = category.auditRefs.map((r) => lhr.audits[r.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'notApplicable');
    score = Math.round(category.score * 100);
    console.log(`lighthouse accessibility (${formFactor}): ${score} / 100 for ${lhr.finalDisplayedUrl}`);
    for (const a of failing) console.log(`  failing: ${a.id}: ${a.title}`);
    if (score < 100) break;
  }
} finally {
  await chrome.kill();
}
process.exit(score === 100 ? 0 : 1);
