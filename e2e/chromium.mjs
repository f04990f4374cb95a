// The browser every end-to-end test, deploy test, benchmark and profile runs, and what they
// measure it against: one place for each, so that their figures compare.

/** Debian's Chromium, or $CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A fresh, quiet browser: nothing of its own on the network while a page is measured. */
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The same for chrome-launcher (Lighthouse), which starts the browser headed unless told. */
export const HEADLESS_FLAGS = ['--headless=new', ...FLAGS];

/** A phone and a desktop window. */
export const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

/** How many times slower than this machine the CPU runs when start-up is timed: a phone's. */
export const CPU_SLOWDOWN = 4;

/** Slows the page of a CDP session's CPU down by CPU_SLOWDOWN. */
export const slowCpu = (cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

/**
 * In the page: the dashboard's five figures are on screen. Self-contained, so that it can be
 * handed to `page.waitForFunction`, or into an init script as its source: `(${script})(${figuresShown})`.
 */
export const figuresShown = () => document.querySelectorAll('.card .figure-value').length >= 5;
