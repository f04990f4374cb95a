// The app's first requests, started by its boot module while the wasm still downloads, so their
// answers are in when the app starts: config.json, then the profile (every page's) and, on the
// dashboard, the year's figures, the ledger and the history's first page. The paths and the page
// size repeat src/client/resources.rs: when the two part, the app asks for a URL not started here,
// and the test "the first requests go out while the wasm downloads, and the app takes their
// answers" (e2e/requests.test.mjs) fails, naming it. The app asks through
// earlyFetch (src/client/transport.rs), which hands each early answer over once and fetches
// anything else. scripts/post-build.mjs puts this before Trunk's loader in the app's
// boot-<hash>.js; the widget has none.
const started = new Map();
const get = (url, credentials = 'same-origin') => {
  const href = new URL(url, location.href).href;
  // as the app asks: JSON, and no redirect followed
  const answer = fetch(href, { headers: { Accept: 'application/json' }, redirect: 'manual', credentials });
  answer.catch(() => {}); // an answer nobody takes is no error on the console
  started.set(href, answer);
  return answer;
};

const root = new URL(document.querySelector('base')?.getAttribute('href') ?? '/', location.href);
const planned = get(new URL('config.json', root))
  .then((r) => r.ok && r.clone().json())
  .then((config) => {
    const base = config?.apiBaseUrl;
    // the app itself says what is wrong with a configuration; a token-bearing API waits for it,
    // and the API's own session sends its cookie, as the app does (src/client/transport.rs)
    const mode = config.auth?.mode ?? 'none';
    if (typeof base != 'string' || !base.trim() || !['none', 'session'].includes(mode)) return;
    const credentials = mode == 'session' ? 'include' : 'same-origin';
    const me = (path) => get(`${base.replace(/\/+$/, '')}/v1/me${path}`, credentials);
    me('');
    if (location.pathname != root.pathname) return;
    const query = new URLSearchParams(location.search);
    const year = (key) => {
      const y = Number(query.get(key));
      return y >= 2000 && y <= 2100 && Number.isInteger(y) ? y : null;
    };
    const figures = year('year') ?? new Date().getFullYear();
    const history = year('history-year');
    me(`/entitlements?year=${figures}`);
    me(`/attendance?year=${figures}`);
    me('/carry-over');
    // the history's first page as the app asks for it (MAX_PAGE_SIZE in src/client/resources.rs)
    me(`/trainings?limit=500${history ? `&year=${history}` : ''}`);
  })
  .catch(() => {});

// Each request waits until the early ones are out (config.json answered), so none is made twice
// when the app starts first, as it can from the cache; the app's time limit still applies.
window.earlyFetch = (request) => {
  const aborted = new Promise((_, fail) => request.signal.addEventListener('abort', () => fail(request.signal.reason)));
  const answer = planned.then(() => {
    const early = started.get(request.url);
    started.delete(request.url);
    return early ?? fetch(request);
  });
  return Promise.race([answer, aborted]);
};
