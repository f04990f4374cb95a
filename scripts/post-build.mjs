// Trunk post-build hook. It changes none of the files Trunk and wasm-bindgen generate, so the
// integrity hashes Trunk wrote into index.html hold. It moves Trunk's inline loader into a file of
// its own (a strict CSP runs no inline script), with the frame's words (frame.js) and the app's
// early requests (early.js) before it, and writes embed.js (the widget's loader for other sites)
// with the names of this build's files.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

const files = readdirSync(dir);
// the widget's build (widget.html, its files named widget-*) starts no requests of its own
const widget = files.some((f) => f.startsWith('widget-') && f.endsWith('_bg.wasm'));

// The loader as boot-<hash>.js: named by its content like Trunk's files, so it is cached for
// good, and loaded with its integrity hash. Chosen over a nonce, which needs a server that writes
// each page anew, and over the script's hash in the CSP, which would change with every build.
// Not minified: it is our own few lines, and brotli takes most of what a minifier would.
let html = readFileSync(join(dir, 'index.html'), 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const loader = html.match(inline)?.[1];
if (!loader) throw new Error('no inline module script in index.html: has Trunk changed its loader?');
const early = widget ? '' : readFileSync(new URL('./early.js', import.meta.url), 'utf8');
// the app's frame in the person's words first: it is what paints before the wasm
const frame = widget ? '' : `const FRAME_WORDS = ${readFileSync(new URL('./frame-words.json', import.meta.url), 'utf8').trim()};\n`
  + readFileSync(new URL('./frame.js', import.meta.url), 'utf8');
const boot = `${frame}${early}${loader.trim()}\n`;
const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, bootName), boot);
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
html = html.replace(inline, `<script type=module src="${publicUrl}${bootName}" integrity="${sri(boot)}"></script>`);
writeFileSync(join(dir, 'index.html'), html);

// the widget's build gets its loader for other sites, naming Trunk's hashed files
if (widget) {
  const named = (end) => {
    const found = files.filter((f) => f.endsWith(end));
    if (found.length !== 1) throw new Error(`embed.js: expected one *${end} in the widget's build, found ${found.length}`);
    return found[0];
  };
  const embed = readFileSync(new URL('./embed.js', import.meta.url), 'utf8')
    .replace('__JS__', named('.js')).replace('__WASM__', named('_bg.wasm')).replace('__CSS__', named('.css'));
  writeFileSync(join(dir, 'embed.js'), embed);
}
