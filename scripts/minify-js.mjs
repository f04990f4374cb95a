// Trunk post-build hook: minify the wasm-bindgen JS glue (Trunk's own minifier fails on it),
// rewrite the subresource-integrity hashes that Trunk already put in index.html, and write
// embed.js (the widget's loader for other sites) with the names of this build's files.
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
writeFileSync(join(dir, 'index.html'), html);

// the widget's build (widget.html, its files named widget-*) gets its loader for other sites
const files = readdirSync(dir);
if (files.some((f) => f.startsWith('widget-') && f.endsWith('_bg.wasm'))) {
  const named = (end) => files.find((f) => f.endsWith(end));
  const embed = readFileSync(new URL('./embed.js', import.meta.url), 'utf8')
    .replace('__JS__', named('.js')).replace('__WASM__', named('_bg.wasm')).replace('__CSS__', named('.css'));
  writeFileSync(join(dir, 'embed.js'), (await minify(embed, { compress: true, mangle: true })).code);
}
