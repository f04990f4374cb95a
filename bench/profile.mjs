// The start-up profile (scripts/profile.sh): where the time goes between navigating to the
// dashboard and its figures on screen, at 4x CPU, in Chromium's own sampling profiler (CDP), on a
// build whose wasm keeps its function names. Prints the request waterfall, the time per kind of
// work and the functions that cost most. A tool to read, not a test: it has no targets.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CPU_SLOWDOWN, FLAGS, SIZES, figuresShown, slowCpu } from '../e2e/chromium.mjs';

const APP = process.env.PROFILE_URL ?? 'http://127.0.0.1:8103';
const PERSONA = process.env.PROFILE_PERSONA ?? 'a';
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
const TOP = Number(process.env.PROFILE_TOP ?? 18);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });

const FIGURES = (figuresShown) => {
  const look = () => {
    if (figuresShown()) window.__figures = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

/** A fresh context, persona set, with a page of the app's origin open at 4x CPU. */
async function opened() {
  const context = await browser.newContext({ viewport: SIZES.phone, locale: 'en-US' });
  await context.addCookies([{ name: 'demo_persona', value: PERSONA, url: APP }]);
  await context.addInitScript(`(${FIGURES})(${figuresShown})`);
  const page = await context.newPage();
  // a page of the same origin first, so that the dashboard opens in the renderer being measured
  await page.goto(`${APP}/config.json`);
  const cdp = await context.newCDPSession(page);
  await slowCpu(cdp);
  return { context, page, cdp };
}

/** One cold load, profiled until the five figures show. */
async function profileOnce() {
  const { context, page, cdp } = await opened();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${APP}/`);
  await page.waitForFunction(() => window.__figures, null, { timeout: 60_000 });
  const { profile } = await cdp.send('Profiler.stop');
  const timing = await page.evaluate(() => ({
    figures: window.__figures,
    requests: performance.getEntriesByType('resource').map((r) => ({
      name: new URL(r.name).pathname + new URL(r.name).search, start: r.startTime, end: r.responseEnd,
    })),
  }));
  await context.close();
  return { profile, timing };
}

/** Where a frame's code lives: the app's wasm, a script (by file), or the browser itself. */
function place(f) {
  if (f.url.includes('.wasm') || f.url.startsWith('wasm://')) return 'wasm';
  if (f.url) return f.url.split('/').pop().replace(/-[0-9a-f]{16}(?=[._])/, '');
  return '';
}

// Rust's mangled names, readable: no crate hashes, no paths before the last two segments
const short = (name) => name.replace(/\[[0-9a-f]+\]/g, '').replace(/(?:\w+::)+(\w+::\w+)/g, '$1');

/** Self and total ms per function, and self ms per kind of work, from one sampled profile. */
function weigh(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map(), total = new Map(), kinds = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  const key = (f) => `${short(f.functionName || '(anonymous)')} [${place(f) || 'browser'}]`;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = byId.get(id).callFrame;
    const where = place(f);
    // samples outside any script: (program), (idle), (garbage collector), or a DOM call
    add(kinds, where === 'wasm' ? 'wasm' : where ? 'JavaScript' : /^\(/.test(f.functionName) ? f.functionName : 'browser (DOM calls)', ms);
    if (!where && /^\(/.test(f.functionName)) return;
    add(self, key(f), ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = key(byId.get(n).callFrame);
      if (!seen.has(k) && place(byId.get(n).callFrame)) add(total, k, ms);
      seen.add(k);
    }
  });
  return { self, total, kinds };
}

/**
 * One cold load in Chromium's trace (what the performance panel records), until the figures:
 * the renderer's main thread by kind of work, and the wasm functions compiled there on their
 * first call (V8 compiles a module's functions lazily).
 */
async function traceOnce() {
  const { context, page } = await opened();
  const path = join(mkdtempSync(join(tmpdir(), 'profile-')), 'trace.json');
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'v8.wasm', 'disabled-by-default-devtools.timeline'] });
  await page.goto(`${APP}/`);
  await page.waitForFunction(() => window.__figures, null, { timeout: 60_000 });
  await browser.stopTracing();
  await context.close();
  const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents;
  // the renderer's main thread: of the threads so named, the busiest
  const mains = events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const busy = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid).length;
  const main = mains.sort((a, b) => busy(b) - busy(a))[0];
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const ms = (name) => on.filter((e) => e.name === name).reduce((sum, e) => sum + e.dur / 1000, 0);
  return {
    'wasm compiled on first call': ms('wasm.CompileLazy'),
    'wasm functions compiled on first call (count)': on.filter((e) => e.name === 'wasm.CompileLazy').length,
    'script (with the compiling)': outermost(on, ['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'TimerFire']),
    'style': ms('UpdateLayoutTree'),
    'layout': ms('Layout'),
    'paint': ms('Paint'),
    'HTML parsing': ms('ParseHTML'),
  };
}

/** The time in events of these names, each counted once where they nest. */
function outermost(events, names) {
  let sum = 0, end = 0;
  for (const e of events.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= end) sum += e.dur / 1000;
    else if (e.ts + e.dur > end) sum += (e.ts + e.dur - end) / 1000;
    end = Math.max(end, e.ts + e.dur);
  }
  return sum;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = (maps) => {
  const keys = new Set(maps.flatMap((m) => [...m.keys()]));
  return [...keys].map((k) => [k, median(maps.map((m) => m.get(k) ?? 0))]).sort((a, b) => b[1] - a[1]);
};

const runs = [], traces = [];
for (let i = 0; i < RUNS; i++) runs.push(await profileOnce());
for (let i = 0; i < RUNS; i++) traces.push(await traceOnce());
await browser.close();

const weighed = runs.map((r) => weigh(r.profile));
const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
console.log(`Start-up of the dashboard, persona ${PERSONA}, ${CPU_SLOWDOWN}x CPU, local network, median of ${RUNS}`);
console.log(`\nFigures on screen at ${ms(median(runs.map((r) => r.timing.figures)))}`);
console.log('\nRequests (start - end, ms from navigation, the median run):');
const middle = runs.map((r) => r.timing).sort((a, b) => a.figures - b.figures)[Math.floor(RUNS / 2)];
for (const r of middle.requests) console.log(`  ${ms(r.start)} - ${ms(r.end)}  ${r.name}`);
console.log('\nThe main thread until the figures, in the trace (its own overhead included):');
for (const key of Object.keys(traces[0])) {
  const v = median(traces.map((t) => t[key]));
  console.log(`  ${key.includes('count') ? String(v).padStart(10) : ms(v)}  ${key}`);
}
console.log('\nWork until the figures, by kind (sampled self time):');
for (const [k, v] of medians(weighed.map((w) => w.kinds))) console.log(`  ${ms(v)}  ${k}`);
console.log('\nFunctions by self time:');
for (const [k, v] of medians(weighed.map((w) => w.self)).slice(0, TOP)) console.log(`  ${ms(v)}  ${k}`);
console.log('\nFunctions by total time (with what they call):');
for (const [k, v] of medians(weighed.map((w) => w.total)).slice(0, TOP)) console.log(`  ${ms(v)}  ${k}`);
