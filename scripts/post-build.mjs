// Trunk post-build hook: give the wasm's imports and exports short names and tell the glue,
// minify the wasm-bindgen JS glue (Trunk's own minifier fails on it), rewrite the
// subresource-integrity hashes that Trunk already put in index.html, move Trunk's inline loader
// into a file of its own (a strict CSP runs no inline script), with the app's early requests
// before it (early.js), and write embed.js (the widget's loader for other sites) with the names
// of this build's files.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'acorn';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

let html = readFileSync(join(dir, 'index.html'), 'utf8');

// wasm-bindgen names each import and export with a hash of 16 hex digits, which no compression
// shrinks, and they are written twice, in the wasm and in its glue. binaryen's own pass renames
// them and says how, as JSON; the glue is then told the new names, and checked against the
// module as the engine reads it. Then -Oz once more, which finds about 0.9 KB brotli more in the
// renamed module, and the custom sections no browser reads go.
const wasmName = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
const wasmPath = join(dir, wasmName);
const wasmBefore = readFileSync(wasmPath);
const wasmOpt = (...passes) => execFileSync('wasm-opt', [wasmPath, ...passes, '-o', wasmPath], { encoding: 'utf8' });

// wasm-streams, which leptos links in for server functions this app never calls, gives the glue
// JS classes that nothing here constructs. They go from the glue, with what only they use; then
// every wasm export the glue no longer names goes, with the code only it reached. (binaryen's
// wasm-metadce does the same but reorders the functions: 0.5 KB brotli more.)
const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const glueName = wasmName.replace('_bg.wasm', '.js');
const glueSource = readFileSync(join(dir, glueName), 'utf8');
const glueUsed = withoutClasses(glueSource, UNUSED_CLASSES);
const exported = WebAssembly.Module.exports(new WebAssembly.Module(wasmBefore)).map((e) => e.name);
const named = new Set([...glueUsed.matchAll(/\bwasm\.([\w$]+)/g)].map((m) => m[1]));
const unnamed = exported.filter((e) => !named.has(e));
if (unnamed.length) wasmOpt('--remove-exports', `--pass-arg=remove-exports@${unnamed}`, '--remove-unused-module-elements');

/** `glue` without the top-level classes `classes`, the statements that name them, and the
 * declarations that only what was removed named. */
function withoutClasses(glue, classes) {
  const identifiers = (node, out = new Set()) => {
    if (node?.type === 'Identifier') out.add(node.name);
    for (const value of Object.values(node ?? {})) if (typeof value === 'object') identifiers(value, out);
    return out;
  };
  const declares = (statement) => {
    const d = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (d?.type === 'ClassDeclaration' || d?.type === 'FunctionDeclaration') return [d.id.name];
    return d?.type === 'VariableDeclaration' ? d.declarations.map((v) => v.id.name) : [];
  };
  const statements = parse(glue, { ecmaVersion: 'latest', sourceType: 'module' }).body
    .map((node) => ({ node, declares: declares(node), names: identifiers(node) }));
  for (const name of classes) {
    if (!statements.some((s) => s.declares.includes(name))) throw new Error(`the glue has no class ${name}`);
  }
  const gone = new Set(classes);
  const removed = new Set();
  for (let more = true; more;) {
    more = false;
    const kept = statements.filter((s) => !removed.has(s));
    for (const s of kept) {
      // a statement about what is gone, or a declaration that only removed statements name
      const about = s.declares.length === 0 && [...s.names].some((n) => gone.has(n));
      const orphan = s.declares.length > 0 && s.declares.every((n) => gone.has(n)
        || ([...removed].some((r) => r.names.has(n)) && !kept.some((k) => k !== s && k.names.has(n))));
      if (about || orphan) {
        removed.add(s);
        s.declares.forEach((n) => gone.add(n));
        more = true;
      }
    }
  }
  let out = '';
  let from = 0;
  for (const { node } of [...removed].sort((a, b) => a.node.start - b.node.start)) {
    out += glue.slice(from, node.start);
    from = node.end;
  }
  return out + glue.slice(from);
}

const renamed = JSON.parse(wasmOpt('--minify-imports-and-exports-and-modules'));
// apart: with --converge the renaming would run again, on names already short
wasmOpt('-Oz', '--converge', '--strip-producers', '--strip-target-features');
const wasm = readFileSync(wasmPath);
html = html.replaceAll(sri(wasmBefore), sri(wasm));
const module = new WebAssembly.Module(wasm);
const word = (name) => `(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`;
// a name the glue holds exactly once: an import's key in the object it instantiates with
const once = (glue, name, to) => {
  const at = new RegExp(word(name), 'g');
  if (glue.match(at)?.length !== 1) throw new Error(`the glue names ${name} other than once`);
  return glue.replace(at, () => JSON.stringify(to));
};
function withShortNames(glue) {
  // the pass puts every import in one module of a short name
  const [module_, ...others] = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
  if (others.length) throw new Error('the wasm imports from more than one module');
  for (const name of new Set(renamed.imports.map(([from]) => from))) glue = once(glue, JSON.stringify(name), module_);
  for (const [, from, to] of renamed.imports) glue = once(glue, from, to);
  for (const [from, to] of renamed.exports) {
    glue = glue.replace(new RegExp(`(?<=\\bwasm\\.)${word(from)}`, 'g'), () => to);
  }
  const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const stale = [...glue.matchAll(/\bwasm\.([\w$]+)/g)].map((m) => m[1]).filter((name) => !exports.has(name));
  const missing = WebAssembly.Module.imports(module).filter((i) => !glue.includes(`${JSON.stringify(i.name)}:`));
  if (stale.length || missing.length) throw new Error(`glue and wasm part: ${[...stale, ...missing.map((i) => i.name)]}`);
  return glue;
}

for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const glue = name === glueName ? withShortNames(glueUsed) : source;
  const { code } = await minify(glue, { module: true, compress: true, mangle: true });
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
// the widget's build (widget.html, its files named widget-*) starts no requests of its own
const files = readdirSync(dir);
const widget = files.some((f) => f.startsWith('widget-') && f.endsWith('_bg.wasm'));
const early = widget ? '' : readFileSync(new URL('./early.js', import.meta.url), 'utf8');
const { code: boot } = await minify(early + loader, { module: true, compress: true, mangle: true });
const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, bootName), boot);
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
html = html.replace(inline, `<script type=module src="${publicUrl}${bootName}" integrity="${sri(boot)}"></script>`);
writeFileSync(join(dir, 'index.html'), html);

// the widget's build gets its loader for other sites
if (widget) {
  const named = (end) => files.find((f) => f.endsWith(end));
  const embed = readFileSync(new URL('./embed.js', import.meta.url), 'utf8')
    .replace('__JS__', named('.js')).replace('__WASM__', named('_bg.wasm')).replace('__CSS__', named('.css'));
  writeFileSync(join(dir, 'embed.js'), (await minify(embed, { compress: true, mangle: true })).code);
}
