// Trunk post-build hook: minify the wasm-bindgen JS glue (Trunk's own minifier fails on it),
// rewrite the subresource-integrity hashes that Trunk already put in index.html, move Trunk's
// inline loader into a file of its own (a strict CSP runs no inline script), and write embed.js
// (the widget's loader for other sites) with the names of this build's files.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

let html = readFileSync(join(dir, 'index.html'), 'utf8');
for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
  html = html.replaceAll(sri(source), sri(code));
  console.log(`minified ${name}: ${source.length} -> ${code.length} bytes`);
}

// The loader as boot-<hash>.js: named by its content like Trunk's files, so it is cached for
// good, and loaded with its integrity hash. Chosen over a nonce, which needs a server that writes
// each page anew, and over the script's hash in the CSP, which would change with every build.
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const loader = html.match(inline)?.[1];
if (!loader) throw new Error('no inline module script in index.html: has Trunk changed its loader?');
const { code: boot } = await minify(loader, { module: true, compress: true, mangle: true });
const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, bootName), boot);
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
html = html.replace(inline, `<script type=module src="${publicUrl}${bootName}" integrity="${sri(boot)}"></script>`);
writeFileSync(join(dir, 'index.html'), html);

// the widget's build (widget.html, its files named widget-*) gets its loader for other sites
const files = readdirSync(dir).filter((f) => !f.startsWith('boot-'));
if (files.some((f) => f.startsWith('widget-') && f.endsWith('_bg.wasm'))) {
  const named = (end) => files.find((f) => f.endsWith(end));
  const embed = readFileSync(new URL('./embed.js', import.meta.url), 'utf8')
    .replace('__JS__', named('.js')).replace('__WASM__', named('_bg.wasm')).replace('__CSS__', named('.css'));
  writeFileSync(join(dir, 'embed.js'), (await minify(embed, { compress: true, mangle: true })).code);
}
