// The intranet page for the deploy tests: demo/host.html (the widget in an iframe and by
// embed.js) with its app origin set to nginx, on its own origin and without a CSP of its own,
// so every CSP violation found is the app's. (The demo back end's --host-addr page points at the
// demo back end itself, not at nginx.)
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const HOST_PAGE = new URL('../demo/host.html', import.meta.url);

/** Serves the page on `hostUrl`'s port; every path is the page. Resolves to the server. */
export function serveIntranet(hostUrl, appUrl) {
  const page = readFileSync(HOST_PAGE, 'utf8').replaceAll('{APP}', appUrl);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : page);
  });
  const { hostname, port } = new URL(hostUrl);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), hostname, () => resolve(server));
  });
}
