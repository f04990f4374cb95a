// Writes the app's service worker, <dist>/sw.js, with workbox-build's generateSW from this build's
// own file list (run by scripts/build.sh after both Trunk builds):
// - the app's files are precached (a hashed name is never fetched again; index.html and the
//   manifest by their revision), so a repeat visit and an offline one start from the cache;
// - a page is asked of the network first, and offline falls back to the cached index.html; no
//   page answer is ever stored (an address may hold a sign-in's code);
// - config.json: the cached one at once, refreshed behind it;
// - nothing else is handled: the API, the sign-in's endpoints and the widget under /widget/ go
//   to the network as if there were no worker, so no answer, token or cookie enters a cache;
// - a new worker waits until the app asks it to take over (the person chose to reload).
import { generateSW } from 'workbox-build';

const dist = process.argv[2];
if (!dist) throw new Error('usage: node scripts/service-worker.mjs <dist>');

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns: ['index.html', '*.{wasm,js,css,svg,png,webmanifest}'],
  globIgnores: ['sw.js', 'widget/**'],
  swDest: `${dist}/sw.js`,
  // one file: the CSP's worker-src 'self' needs nothing more, and no import at run time
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  cleanupOutdatedCaches: true,
  // '/' is a page, asked of the network first (below), not the precached index.html
  directoryIndex: null,
  // Trunk's names carry their content's hash: no cache-busting query needed
  dontCacheBustURLsMatching: /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  runtimeCaching: [
    {
      urlPattern: ({ request, url }) =>
        request.mode === 'navigate' && !/^\/(widget|api|auth)\//.test(url.pathname),
      handler: 'NetworkOnly',
      options: { precacheFallback: { fallbackURL: 'index.html' } },
    },
    {
      urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/config.json',
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'config' },
    },
  ],
});
for (const w of warnings) console.warn(`service worker: ${w}`);
console.log(`service worker: ${count} files precached, ${(size / 1024).toFixed(0)} KB`);
