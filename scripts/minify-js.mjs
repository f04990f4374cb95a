// Trunk post-build hook: minify the wasm-bindgen JS glue (Trunk's own minifier fails on it) and
// rewrite the subresource-integrity hashes that Trunk already put in index.html.
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
