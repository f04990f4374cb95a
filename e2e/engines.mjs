// The engines beside Chromium that the smoke suite (e2e/engines.test.mjs) runs: Firefox ESR through
// npm puppeteer-core over WebDriver BiDi, and WebKit (Safari's engine) through WebKitGTK's
// WebKitWebDriver and MiniBrowser under Xvfb, with plain W3C WebDriver calls. Both behind one
// interface (`Engine`), so that a scenario is written once and runs in each.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { SCREENSHOTS } from './browser.mjs';
import { SIZES } from './chromium.mjs';

// ---- the engines' facts, in one place (scripts/setup.sh installs them from Debian) ----

/** Debian's firefox-esr, or $FIREFOX. */
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** Debian's webkit2gtk-driver, or $WEBKIT_DRIVER. */
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
/** WebKitGTK's own small browser (Debian's libwebkit2gtk-4.1-0, which webkit2gtk-driver needs), or $MINIBROWSER. */
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Debian's xvfb: MiniBrowser needs a display; Xvfb picks the first free one itself (-displayfd). */
export const XVFB = process.env.XVFB ?? '/usr/bin/Xvfb';
export const XVFB_SCREEN = '1280x1024x24';
/** The window every engine shows its pages in: the desktop size of the Chromium tests. */
export const WINDOW = SIZES.desktop;

/** How often a wait looks again, and how long it waits unless told. */
const POLL_MS = 100;
const WAIT_MS = 10_000;

/**
 * In the page, once per document: collects the errors no handler caught, for an engine that does
 * not report them itself (WebKit over WebDriver); what happens before it runs is not seen.
 */
const COLLECT_ERRORS = () => {
  if (window.__e2eErrors) return;
  window.__e2eErrors = [];
  addEventListener('error', (e) => window.__e2eErrors.push(`page error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.__e2eErrors.push(`unhandled rejection: ${e.reason}`));
};

/**
 * In the page: the first visible element matching `selector` whose text is `text` (or matches
 * `pattern`), if any; with `exists`, whether there is one.
 */
const FIND = (selector, text, pattern, exists = false) => {
  const re = pattern && new RegExp(pattern.source, pattern.flags);
  const said = (e) => (e.innerText ?? e.textContent ?? '').trim();
  const found = [...document.querySelectorAll(selector)].find((e) =>
    e.getClientRects().length > 0
    && (text == null || said(e) === text)
    && (re == null || re.test(said(e)))) ?? null;
  return exists ? found !== null : found;
};

/** `target` as FIND's arguments: a CSS selector, or `{ text, in }` (text a string or a RegExp). */
function findArgs(target) {
  if (typeof target === 'string') return [target, null, null];
  const { text, in: selector = 'a, button, [role=button], summary, label' } = target;
  return text instanceof RegExp
    ? [selector, null, { source: text.source, flags: text.flags }]
    : [selector, text, null];
}

/** What a wait or a click was after, in its message. */
const nameOf = (target) => (typeof target === 'string' ? target : `"${target.text}" (${target.in ?? 'a link or button'})`);

/**
 * One browser of one engine. Every engine gives `goto`, `reload`, `url`, `evaluate`, `inFrame`,
 * `clickOnce`, `screenshot`, `close` and the errors it saw (`seen`); the rest is built on them.
 */
class Engine {
  constructor(name) {
    this.name = name;
  }

  /**
   * Polls until `what` holds: a function evaluated in the page (truthy; with `args`; its value
   * JSON, never a node, which engines hand back differently), a string the page's text contains,
   * or a RegExp it matches. Fails after `timeout` ms naming `message` (or what it waited for). Its
   * value is the function's.
   */
  waitFor(what, { timeout = WAIT_MS, message, args = [] } = {}) {
    const check = typeof what === 'function'
      ? () => this.evaluate(what, ...args)
      : () => this.evaluate((source, flags) => new RegExp(source, flags).test(document.body?.innerText ?? ''),
        what instanceof RegExp ? what.source : what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        what instanceof RegExp ? what.flags : '');
    return this.until(check, { timeout, message: message ?? (typeof what === 'function' ? String(what) : `the text ${what}`) });
  }

  /** Polls `check` (run here, in node) until it is truthy; fails after `timeout` ms naming `message`. */
  async until(check, { timeout = WAIT_MS, message }) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await check();
        if (value) return value;
        last = null;
      } catch (e) {
        last = e; // a page between two documents: look again
      }
      if (Date.now() > deadline) {
        const where = await this.url().catch(() => '?');
        throw new Error(`${this.name}: ${message} did not appear within ${timeout} ms at ${where}${last ? ` (${last.message})` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Waits for an element (a CSS selector, or `{ text, in }`) to be on screen. */
  async waitForElement(target, timeout = WAIT_MS) {
    await this.waitFor(FIND, { timeout, args: [...findArgs(target), true], message: nameOf(target) });
  }

  /**
   * Clicks an element (a CSS selector, or `{ text, in }`) as a person would, through the engine's
   * own input, once it is on screen. An element the app replaced between finding and clicking
   * (detached, stale) is found again.
   */
  async click(target, timeout = WAIT_MS) {
    await this.until(() => this.clickOnce(target), { timeout, message: nameOf(target) });
  }

  /** The text of the first element matching `selector`, once there is one. */
  async text(selector, timeout = WAIT_MS) {
    await this.waitForElement(selector, timeout);
    return this.evaluate((s) => document.querySelector(s).innerText, selector);
  }

  /**
   * Sets a field's value as a person's input would end (a text field, a date, a select's option
   * value): in the page, with the input and change events the app listens to.
   */
  async fill(selector, value) {
    await this.waitForElement(selector);
    await this.evaluate((s, v) => {
      const field = document.querySelector(s);
      field.focus();
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
      setter.call(field, v);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }, selector, value);
  }

  /** Waits for the page's errors to be collected from now on; call after each new document. */
  async watch() {
    await this.evaluate(COLLECT_ERRORS);
  }

  /** The errors seen in the pages so far, and collected in this one. */
  async problems() {
    const here = await this.evaluate(() => window.__e2eErrors ?? []).catch(() => []);
    return [...this.seen, ...here];
  }
}

// ---- Firefox ESR: puppeteer-core over WebDriver BiDi ----

class Firefox extends Engine {
  static async start() {
    const engine = new Firefox('firefox');
    engine.browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    engine.page = await engine.browser.newPage();
    await engine.page.setViewport(WINDOW);
    engine.seen = [];
    engine.page.on('pageerror', (e) => engine.seen.push(`page error: ${e.message}`));
    engine.page.on('console', (m) => m.type() === 'error' && engine.seen.push(`console: ${m.text()}`));
    return engine;
  }

  async goto(url) {
    await this.page.goto(url);
  }

  async reload() {
    await this.page.reload();
  }

  /** Nothing to add: puppeteer reports every page error from the document's start. */
  async watch() {}

  async url() {
    return this.page.url();
  }

  evaluate(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  async inFrame(selector, fn, ...args) {
    const frame = await (await this.page.$(selector))?.contentFrame();
    if (!frame) throw new Error(`no frame ${selector}`);
    return frame.evaluate(fn, ...args);
  }

  async clickOnce(target) {
    const element = (await this.page.evaluateHandle(FIND, ...findArgs(target))).asElement();
    if (!element) return false;
    try {
      await element.click();
    } finally {
      await element.dispose().catch(() => {});
    }
    return true;
  }

  async screenshot(name) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async close() {
    await this.browser?.close();
  }
}

// ---- WebKit: WebKitWebDriver and MiniBrowser under Xvfb, plain W3C WebDriver over HTTP ----

/** W3C WebDriver's key for an element in a script's arguments and results. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A port nothing listens on now. */
const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/** The last few KB a child wrote on stderr, for the message when it fails. */
function tail(child) {
  let text = '';
  child.stderr?.on('data', (d) => { text = (text + d).slice(-2000); });
  return () => text;
}

class WebKit extends Engine {
  static async start() {
    const engine = new WebKit('webkit');
    engine.seen = [];
    engine.children = [];
    // never leave them behind, even when the tests end by an exception
    engine.onExit = () => engine.children.forEach((c) => c.kill());
    process.on('exit', engine.onExit);
    try {
      const xvfb = engine.own(spawn(XVFB, ['-displayfd', '3', '-screen', '0', XVFB_SCREEN, '-nolisten', 'tcp'],
        { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
      const xvfbLog = tail(xvfb);
      const display = await new Promise((resolve, reject) => {
        let said = '';
        xvfb.stdio[3].on('data', (d) => {
          said += d;
          if (said.includes('\n')) resolve(`:${said.trim()}`);
        });
        xvfb.on('exit', (code) => reject(new Error(`Xvfb ended (${code}) before it had a display: ${xvfbLog()}`)));
      });
      const port = await freePort();
      const driver = engine.own(spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'],
        { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'] }));
      const driverLog = tail(driver);
      engine.base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + WAIT_MS;
      for (;;) {
        const ready = await fetch(`${engine.base}/status`).then((r) => r.json()).then((s) => s.value?.ready).catch(() => false);
        if (ready) break;
        if (Date.now() > deadline || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start on port ${port}: ${driverLog()}`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const session = await engine.call('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      });
      engine.session = `/session/${session.sessionId}`;
      await engine.command('POST', '/window/rect', WINDOW);
      return engine;
    } catch (e) {
      await engine.close();
      throw e;
    }
  }

  own(child) {
    this.children.push(child);
    return child;
  }

  /** One WebDriver request; its value, or an error naming the driver's. */
  async call(method, path, body) {
    const reply = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await reply.json();
    if (!reply.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  /** A request to this session. */
  command(method, path, body) {
    return this.call(method, this.session + path, body);
  }

  async goto(url) {
    await this.command('POST', '/url', { url });
    await this.watch();
  }

  async reload() {
    await this.command('POST', '/refresh', {});
    await this.watch();
  }

  url() {
    return this.command('GET', '/url');
  }

  /** `fn` (or an expression) run in the page with `args`; a promise it returns is awaited. */
  evaluate(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments)` : `return (${fn})`;
    return this.command('POST', '/execute/sync', { script, args });
  }

  async inFrame(selector, fn, ...args) {
    const frame = await this.evaluate((s) => document.querySelector(s), selector);
    if (!frame) throw new Error(`no frame ${selector}`);
    await this.command('POST', '/frame', { id: frame });
    try {
      return await this.evaluate(fn, ...args);
    } finally {
      await this.command('POST', '/frame/parent', {});
    }
  }

  async clickOnce(target) {
    const element = await this.evaluate(FIND, ...findArgs(target));
    if (!element) return false;
    await this.command('POST', `/element/${element[ELEMENT]}/click`, {});
    return true;
  }

  async screenshot(name) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const png = await this.command('GET', '/screenshot');
    writeFileSync(join(SCREENSHOTS, `${name}.png`), Buffer.from(png, 'base64'));
  }

  async close() {
    if (this.session) await this.command('DELETE', '').catch(() => {});
    this.session = null;
    for (const child of this.children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await ended;
    }
    this.children = [];
    process.off('exit', this.onExit);
  }
}

/** The engines, by name, each started by `start()`. */
export const ENGINES = [
  { name: 'firefox', start: () => Firefox.start() },
  { name: 'webkit', start: () => WebKit.start() },
];
