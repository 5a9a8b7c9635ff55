#!/usr/bin/env node
// trunk post_build hook (Trunk.toml `[[hooks]] stage = "post_build"`).
//
// trunk runs it in the project root after it has written index.html and the hashed wasm-bindgen
// output (planlens-HASH.js + planlens-HASH_bg.wasm) into $TRUNK_STAGING_DIR, and before it moves
// the staging dir to dist/. Everything here works on that staged output, never on hand-kept lists:
//
//  1. find the hashed glue/wasm names (exactly one of each, or fail the build);
//  1b. build the lazily loaded wasm modules (see buildModule) and stage them under hashed names:
//     the extras (compare / check / .docx, Cargo feature `extras`) as planlens-extras-HASH.js +
//     planlens-extras-HASH_bg.wasm, the keywords (feature `keywords`) as planlens-keywords-HASH…;
//  2. render www/boot.js, www/planlens.js and www/worker.js with those names (string placeholders
//     "__PLANLENS_…__"), so the page, the worker and embedders all fetch ONE wasm URL (and the
//     extras or keywords URL, only when one of its ops is first called);
//  3. copy the static platform files (planlens.d.ts, manifest, icons);
//  4. check index.html: the CSP meta is there, no inline script, no inline event handler or
//     style attribute (the CSP would silently block them), boot.js is the only loader;
//  4b. (release) minify the staged JavaScript and CSS with esbuild, drop index.html's comments
//     (see minify);
//  5. write sw.js last, with the precache list of every staged file + its SHA-384 and a build
//     version derived from all of them (so any change to any file yields a new service worker).
//
// Also importable (tests/e2e use `writeServiceWorker` to "deploy" a changed build).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

/** wasm exports reachable through `planlens.call(op, ...args)` (and so through the worker).
 *  Anything else the glue exports (start_app, internals) is not callable from outside.
 *  MAIN_OPS are in the first-load wasm (trunk's, Cargo feature `web`); EXTRA_OPS in the extras
 *  wasm (feature `extras`) and KEYWORD_OPS in the keywords wasm (feature `keywords`), each fetched
 *  by the engine on the first call of one of its ops. */
export const MAIN_OPS = ['analyze', 'analyzeJson'];
/** Ops the engine answers by JSON.parse of another export's text: `analyze` = parsed
 *  `analyzeJson` (smaller wasm than a serde_wasm_bindgen serialiser, same object, same speed). */
export const JSON_OPS = { analyze: 'analyzeJson' };
export const EXTRA_OPS = ['compare', 'compareJson', 'compareExport', 'checkPlan', 'docxText', 'corpusExport', 'corpusAnalyze', 'corpusLineUp', 'labelsJson', 'pdfText', 'rowsXlsx'];
export const KEYWORD_OPS = ['keywords'];
export const OPS = [...MAIN_OPS, ...EXTRA_OPS, ...KEYWORD_OPS];
/** Ops whose module has no analysis core: the engine passes the first-load module's analysis of
 *  the op's first argument (the text) as one more argument, `keywords(text)` → the keywords
 *  module's `keywords(text, analyzeJson(text))`. */
export const WITH_ANALYSIS = { keywords: 'analyzeJson' };

/** Staged names of the extras module: `planlens-extras-HASH.js` + `planlens-extras-HASH_bg.wasm`. */
export const EXTRAS_RE = /^planlens-extras-[0-9a-f]+(\.js|_bg\.wasm)$/;
/** Staged names of the keywords module: `planlens-keywords-HASH.js` + `…_bg.wasm`. */
export const KEYWORDS_RE = /^planlens-keywords-[0-9a-f]+(\.js|_bg\.wasm)$/;
/** Staged names of the corpus panel (Cargo feature `corpus-panel`): no engine op, but a UI module
 *  of the page, imported on this thread by boot.js when several files or a folder are opened (or
 *  a kept corpus is there), and then talking to the engine through `globalThis.planlens`. */
export const CORPUS_RE = /^planlens-corpus-panel-[0-9a-f]+(\.js|_bg\.wasm)$/;

/** Data files an op needs, fetched by the engine (worker.js, or planlens.js inline) on first use
 *  and handed to the wasm's `<op>Ready(text)`: keywords → keywordsReady(dictionary). */
export const ASSETS = { keywords: 'dict/jieba.dict.txt' };

/** Staged paths left out of the precache (fetched only when a feature needs them; the service
 *  worker caches them at run time, in the same per-version cache, on first use). */
export const LAZY = ['dict/'];

/** Files copied verbatim from www/ (relative paths, directories copied recursively). */
const STATIC = ['planlens.d.ts', 'manifest.webmanifest', 'icons'];
/** The page's sample plans (src/web/mod.rs SAMPLES), copied from the tests' own copies so each
 *  text is kept once: `samples/NAME` ← source (a directory: every .txt in it). */
const SAMPLES = {
  '': 'tests/fixtures',
  'guangdong-2026-work-report.txt': 'tests/corpora/provincial-reports-2026/2026_广东省_政府工作报告.txt',
  'healthy-china-2030-outline.txt': 'tests/devcorpus/docs/05_healthy_china_2030_outline_pdf.txt',
  'foshan-dengue-plan-2024-pdf.txt': 'tests/devcorpus/docs/03_foshan_dengue_consolidation_plan_2024_pdf.txt',
};

function copySamples(sourceDir, staging) {
  const out = path.join(staging, 'samples');
  fs.mkdirSync(out, { recursive: true });
  for (const [name, from] of Object.entries(SAMPLES)) {
    const src = path.join(sourceDir, from);
    if (!fs.existsSync(src)) fail(`sample source ${from} is missing`);
    if (fs.statSync(src).isDirectory()) {
      for (const f of fs.readdirSync(src).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(src, f), path.join(out, f));
    } else fs.copyFileSync(src, path.join(out, name));
  }
}
/** Templates rendered with the build's names. */
const RENDERED = ['boot.js', 'planlens.js', 'worker.js'];

class BuildError extends Error {}

function fail(msg) {
  throw new BuildError(`post_build: ${msg}`);
}

/** Every regular file under `dir`, as POSIX paths relative to it, sorted. */
export function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

function sri(buf) {
  return 'sha384-' + createHash('sha384').update(buf).digest('base64');
}

// ---------------------------------------------------------------------------------------------
// The lazily loaded wasm modules (issue 7): the same crate with `--no-default-features --features
// extras` (or `keywords`), built here because trunk 0.21 cannot build one cdylib twice with
// different features (both builds would write target/wasm32-unknown-unknown/PROFILE/planlens.wasm,
// concurrently). Same steps as trunk's rust pipeline: cargo → wasm-bindgen --target=web →
// (release) wasm-opt with the opt level and params of index.html's <link data-trunk rel="rust">.
// Each feature's own target dir (target/extras, target/keywords) keeps the feature sets from
// invalidating each other.

/** The attributes of index.html's `<link data-trunk rel="rust" …>` (the first-load wasm). */
export function rustLinkAttrs(html) {
  const tag = html.match(/<link\b[^>]*\bdata-trunk\b[^>]*\brel="rust"[^>]*>/);
  if (!tag) fail('index.html has no <link data-trunk rel="rust">');
  const attrs = {};
  for (const m of tag[0].matchAll(/\s(data-[\w-]+)(?:="([^"]*)")?/g)) attrs[m[1]] = m[2] ?? '';
  return attrs;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

/** The wasm-opt arguments of a release build, from the rust link's `data-wasm-opt` (level) and
 *  `data-wasm-opt-params` (passes, run in their order). Level "0" means trunk runs no wasm-opt
 *  and the params are the whole pipeline: index.html uses that so the pipeline can start with
 *  --merge-similar-functions, which saves ~2.4 KB of gzip only before the first -Oz (trunk
 *  always puts its -O<level> first). */
export function wasmOptArgs(link) {
  const level = link['data-wasm-opt'];
  const params = (link['data-wasm-opt-params'] || '').split(/\s+/).filter(Boolean);
  return [...(level && level !== '0' ? [`-O${level}`] : []), ...params];
}

/** The release pipeline without its slow passes (--flatten, --rereloop, --converge, the second
 *  -Oz), for a module whose size matters less than the build's time: the corpus panel, a UI
 *  module fetched on first use (its pipeline takes seconds instead of minutes on a busy box). */
export function lightOptArgs(args) {
  const out = args.filter((a) => !['--flatten', '--rereloop', '--converge'].includes(a));
  return out.filter((a, i) => a !== '-Oz' || out.indexOf('-Oz') === i);
}

/** The last steps of a wasm-bindgen output, in place: wasm-opt with `optArgs` (none: skipped),
 *  then the binaryen 108 export repair ([`fixExternrefExport`]). True when it repaired. */
function finishWasm(file, optArgs) {
  if (optArgs.length) {
    run('wasm-opt', [`--output=${file}.opt`, ...optArgs, file]);
    fs.renameSync(`${file}.opt`, file);
  }
  const bytes = fs.readFileSync(file);
  const fixed = fixExternrefExport(bytes);
  if (fixed) fs.writeFileSync(file, bytes);
  return fixed;
}

/** Builds the module of Cargo feature `feature` and writes it into `staging` under content-hashed
 *  names (`planlens-FEATURE-HASH.js`, `…_bg.wasm`). The bindgen + wasm-opt step (the slow one) is
 *  cached in target/FEATURE/staged/ by the SHA-256 of cargo's wasm and the flags, so an unchanged
 *  crate costs only cargo's no-op check. */
export function buildModule(staging, feature, { sourceDir = ROOT, release = true, html, light = false } = {}) {
  const link = rustLinkAttrs(html ?? fs.readFileSync(path.join(sourceDir, 'index.html'), 'utf8'));
  const profile = release ? (link['data-cargo-profile-release'] || 'release') : (link['data-cargo-profile-dev'] || 'dev');
  const profileDir = profile === 'dev' ? 'debug' : profile;
  const targetDir = path.join(process.env.CARGO_TARGET_DIR || path.join(sourceDir, 'target'), feature);
  run('cargo', ['build', '--lib', '--target=wasm32-unknown-unknown', '--manifest-path', path.join(sourceDir, 'Cargo.toml'),
    '--profile', profile, '--offline', '--no-default-features', '--features', feature, '--target-dir', targetDir]);
  const input = path.join(targetDir, 'wasm32-unknown-unknown', profileDir, 'planlens.wasm');
  const optArgs = release ? (light ? lightOptArgs(wasmOptArgs(link)) : wasmOptArgs(link)) : [];
  const key = createHash('sha256').update(fs.readFileSync(input)).update(JSON.stringify(optArgs))
    .update(spawnSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).stdout || '').digest('hex').slice(0, 16);
  const cache = path.join(targetDir, 'staged', key);
  if (!fs.existsSync(path.join(cache, 'done'))) {
    const tmp = `${cache}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    run('wasm-bindgen', ['--target=web', `--out-dir=${tmp}`, `--out-name=planlens_${feature}`, '--no-typescript', input]);
    finishWasm(path.join(tmp, `planlens_${feature}_bg.wasm`), optArgs);
    fs.writeFileSync(path.join(tmp, 'done'), key);
    fs.rmSync(cache, { recursive: true, force: true });
    fs.renameSync(tmp, cache);
  }
  const js = fs.readFileSync(path.join(cache, `planlens_${feature}.js`));
  const wasm = fs.readFileSync(path.join(cache, `planlens_${feature}_bg.wasm`));
  const hash = createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16);
  const names = { glue: `planlens-${feature}-${hash}.js`, wasm: `planlens-${feature}-${hash}_bg.wasm` };
  fs.writeFileSync(path.join(staging, names.glue), js);
  fs.writeFileSync(path.join(staging, names.wasm), wasm);
  return names;
}

/** Finds trunk's hashed wasm-bindgen output in the staged files. */
export function findGlue(files) {
  const js = files.filter((f) => /^planlens-[0-9a-f]+\.js$/.test(f));
  const wasm = files.filter((f) => /^planlens-[0-9a-f]+_bg\.wasm$/.test(f));
  if (js.length !== 1 || wasm.length !== 1) {
    fail(`expected one planlens-HASH.js and one planlens-HASH_bg.wasm, found ${JSON.stringify([...js, ...wasm])}`);
  }
  return { glue: js[0], wasm: wasm[0] };
}

/** The wasm exports the glue defines (`export function NAME`), to check the allow-list. */
function glueExports(source) {
  return new Set([...source.matchAll(/export function ([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
}

/** Replaces each `"__PLANLENS_KEY__"` string literal with the JSON of its value; fails if any
 *  placeholder is left over, so a template edit cannot silently ship an unrendered file. */
export function render(template, values, name) {
  let out = template;
  for (const [key, value] of Object.entries(values)) {
    const lit = `"__PLANLENS_${key}__"`;
    if (!out.includes(lit)) continue;
    out = out.split(lit).join(JSON.stringify(value));
  }
  const left = out.match(/"__PLANLENS_[A-Z_]+__"/);
  if (left) fail(`${name}: unrendered placeholder ${left[0]}`);
  return out;
}

/** index.html must stay loadable under its own CSP. */
export function checkHtml(html) {
  if (!/<meta\s+http-equiv="Content-Security-Policy"/i.test(html)) fail('index.html has no CSP <meta>');
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/.test(m[1]) || m[2].trim() !== '') fail(`index.html has an inline script: ${m[0].slice(0, 80)}`);
  }
  const inlineAttr = html.match(/<[a-z][^>]*\s(on[a-z]+|style)\s*=/i);
  if (inlineAttr) fail(`index.html has an inline ${inlineAttr[1]}= attribute (blocked by the CSP)`);
  if (!/<script type="module" src="\.\/boot\.js"><\/script>/.test(html)) fail('index.html does not load ./boot.js');
}

function copyRecursive(src, dst) {
  const st = fs.statSync(src);
  if (st.isDirectory()) {
    fs.mkdirSync(dst, { recursive: true });
    for (const e of fs.readdirSync(src)) copyRecursive(path.join(src, e), path.join(dst, e));
  } else {
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(src, dst);
  }
}

/** Writes `dir/sw.js` from the template with the precache list of every file in `dir`.
 *  Returns {version, files}. */
export function writeServiceWorker(dir, templateDir = path.join(ROOT, 'www')) {
  const files = listFiles(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && !LAZY.some((p) => f.startsWith(p)));
  const entries = files.map((f) => [f, sri(fs.readFileSync(path.join(dir, f)))]);
  const version = createHash('sha256').update(entries.map((e) => e.join(' ')).join('\n')).digest('hex').slice(0, 16);
  const template = fs.readFileSync(path.join(templateDir, 'sw.js'), 'utf8');
  fs.writeFileSync(path.join(dir, 'sw.js'), render(template, { VERSION: version, PRECACHE: entries, LAZY }, 'sw.js'));
  return { version, files };
}

function readLeb(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    if (pos >= buf.length) fail('wasm: truncated LEB128');
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

function skipLimits(buf, pos) {
  const flags = buf[pos++];
  [, pos] = readLeb(buf, pos);
  if (flags & 1) [, pos] = readLeb(buf, pos);
  return pos;
}

/** Debian's wasm-opt (binaryen 108) writes the export `__wbindgen_externrefs` pointing at table 0
 *  (the funcref table) instead of the externref table, and the glue then dies at start-up with
 *  "WebAssembly.Table.set(): Argument 1 is invalid for table". This repoints the export at the
 *  module's externref table, in place. Returns true when it patched something; a no-op on a
 *  correct module; fails the build if the module is not shaped as expected. */
export function fixExternrefExport(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) fail('wasm: bad magic');
  let pos = 8, importedTables = 0;
  const tables = []; // reftype of each table in index space
  let exportSec = null;
  while (pos < buf.length) {
    const id = buf[pos++];
    let size;
    [size, pos] = readLeb(buf, pos);
    const end = pos + size;
    if (id === 2) {
      let p = pos, n;
      [n, p] = readLeb(buf, p);
      for (let i = 0; i < n; i++) {
        let len;
        [len, p] = readLeb(buf, p); p += len;
        [len, p] = readLeb(buf, p); p += len;
        const kind = buf[p++];
        if (kind === 0) [, p] = readLeb(buf, p);
        else if (kind === 1) { tables.push(buf[p++]); importedTables++; p = skipLimits(buf, p); }
        else if (kind === 2) p = skipLimits(buf, p);
        else if (kind === 3) p += 2;
        else if (kind === 4) { p++; [, p] = readLeb(buf, p); }
        else fail(`wasm: unknown import kind ${kind}`);
      }
    } else if (id === 4) {
      let p = pos, n;
      [n, p] = readLeb(buf, p);
      for (let i = 0; i < n; i++) { tables.push(buf[p++]); p = skipLimits(buf, p); }
    } else if (id === 7) {
      exportSec = [pos, end];
    }
    pos = end;
  }
  if (!exportSec) return false;
  let [n, p] = readLeb(buf, exportSec[0]);
  for (let i = 0; i < n; i++) {
    let len;
    [len, p] = readLeb(buf, p);
    const name = buf.subarray(p, p + len).toString('utf8');
    p += len;
    const kind = buf[p++];
    const at = p;
    let index;
    [index, p] = readLeb(buf, p);
    if (kind !== 1 || name !== '__wbindgen_externrefs') continue;
    if (tables[index] === 0x6f) return false; // already right
    const want = tables.indexOf(0x6f);
    if (want < 0 || p - at !== 1 || want > 0x7f) fail('wasm: cannot repoint __wbindgen_externrefs');
    buf[at] = want;
    return true;
  }
  return false;
}

/**
 * Minifies what the page ships — both wasm-bindgen glues, boot.js, planlens.js, worker.js, the
 * stylesheet (its integrity hash in index.html renewed) — with esbuild (tools/package.json,
 * installed by ./x), and drops index.html's comments: 9 KB of the first load's gzip (issue 7's
 * 400 KB budget). A transform, not a bundle: every file keeps its imports, exports,
 * `import.meta.url` and behaviour; white space, comments and local names go. The readable sources
 * stay in www/ (and planlens.d.ts documents the API). Not minified (and said so) when esbuild is
 * not installed, so a plain `trunk build` still works.
 */
function minify(staging, files) {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    console.warn('post_build: esbuild is not installed (cd tools && npm ci): shipping unminified JavaScript and CSS');
    return;
  }
  const htmlPath = path.join(staging, 'index.html');
  let html = fs.readFileSync(htmlPath, 'utf8');
  for (const f of files) {
    const p = path.join(staging, f);
    const loader = f.endsWith('.css') ? 'css' : 'js';
    const { code } = esbuild.transformSync(fs.readFileSync(p, 'utf8'), { minify: true, loader });
    fs.writeFileSync(p, code);
    // trunk put a subresource-integrity hash of the stylesheet into index.html: renew it
    const link = new RegExp(`(href="\\./${f.replace(/[.]/g, '\\.')}"\\s+integrity=")sha384-[^"]+"`);
    if (link.test(html)) html = html.replace(link, `$1${sri(Buffer.from(code))}"`);
  }
  // the comments of index.html are for its readers in the repository, not for every visitor
  fs.writeFileSync(htmlPath, html.replace(/<!--[\s\S]*?-->\s*/g, ''));
}

/** The whole hook on one staged directory. */
export function postBuild(staging, sourceDir = ROOT, { release = true } = {}) {
  const www = path.join(sourceDir, 'www');
  const staged = listFiles(staging);
  const { glue, wasm } = findGlue(staged);
  const exportsFound = glueExports(fs.readFileSync(path.join(staging, glue), 'utf8'));
  const mainOps = MAIN_OPS.filter((op) => exportsFound.has(JSON_OPS[op] || op));
  if (!mainOps.includes('analyze')) fail(`${glue} does not export analyze()`);
  const leaked = EXTRA_OPS.filter((op) => exportsFound.has(op));
  if (leaked.length) fail(`${glue} (the first load) exports ${leaked.join(', ')}: build it with --features web only`);

  for (const f of staged.filter((f) => EXTRAS_RE.test(f) || KEYWORDS_RE.test(f) || CORPUS_RE.test(f))) fs.rmSync(path.join(staging, f));
  const html = fs.readFileSync(path.join(sourceDir, 'index.html'), 'utf8');
  const extras = buildModule(staging, 'extras', { sourceDir, release, html });
  const extrasExports = glueExports(fs.readFileSync(path.join(staging, extras.glue), 'utf8'));
  const extraOps = EXTRA_OPS.filter((op) => extrasExports.has(op));
  if (!extraOps.includes('compare')) fail(`${extras.glue} does not export compare()`);
  const keywords = buildModule(staging, 'keywords', { sourceDir, release, html });
  const keywordsExports = glueExports(fs.readFileSync(path.join(staging, keywords.glue), 'utf8'));
  const keywordOps = KEYWORD_OPS.filter((op) => keywordsExports.has(op));
  if (!keywordOps.includes('keywords')) fail(`${keywords.glue} does not export keywords()`);
  const ops = [...mainOps, ...extraOps, ...keywordOps];
  const corpus = buildModule(staging, 'corpus-panel', { sourceDir, release, html, light: true });
  if (!glueExports(fs.readFileSync(path.join(staging, corpus.glue), 'utf8')).has('corpusOpen')) fail(`${corpus.glue} does not export corpusOpen()`);

  const link = rustLinkAttrs(html);
  // trunk runs no wasm-opt at level "0" (see wasmOptArgs): the page wasm gets the params' pipeline here
  const pageOpt = release && link['data-wasm-opt'] === '0' ? wasmOptArgs(link) : [];
  if (finishWasm(path.join(staging, wasm), pageOpt)) {
    console.log(`post_build: repointed __wbindgen_externrefs in ${wasm} (binaryen 108 export bug)`);
  }

  for (const item of STATIC) {
    const src = path.join(www, item);
    if (fs.existsSync(src)) copyRecursive(src, path.join(staging, item));
  }
  copySamples(sourceDir, staging);

  // The build id that planlens.js/worker.js report: everything but the files it is written into.
  const hash = createHash('sha256');
  for (const f of listFiles(staging)) hash.update(f).update(fs.readFileSync(path.join(staging, f)));
  for (const f of RENDERED) hash.update(f).update(fs.readFileSync(path.join(www, f)));
  const build = hash.digest('hex').slice(0, 12);
  const values = {
    GLUE: `./${glue}`, WASM: `./${wasm}`, EXTRAS_GLUE: `./${extras.glue}`, EXTRAS_WASM: `./${extras.wasm}`,
    KEYWORDS_GLUE: `./${keywords.glue}`, KEYWORDS_WASM: `./${keywords.wasm}`,
    CORPUS_GLUE: `./${corpus.glue}`, CORPUS_WASM: `./${corpus.wasm}`,
    BUILD: build, OPS: ops, EXTRA_OPS: extraOps, KEYWORD_OPS: keywordOps, WITH_ANALYSIS, JSON_OPS, ASSETS,
  };
  for (const f of RENDERED) {
    const out = render(fs.readFileSync(path.join(www, f), 'utf8'), values, f);
    fs.writeFileSync(path.join(staging, f), out);
  }

  if (release) {
    const css = listFiles(staging).filter((f) => /^app-[0-9a-f]+\.css$/.test(f));
    minify(staging, [glue, extras.glue, keywords.glue, corpus.glue, ...RENDERED, ...css]);
  }

  const htmlPath = path.join(staging, 'index.html');
  checkHtml(fs.readFileSync(htmlPath, 'utf8'));

  const sw = writeServiceWorker(staging, www);
  return { glue, wasm, extras, keywords, corpus, ops, build, version: sw.version, files: sw.files };
}

/** Raw and gzip -9 sizes, for the build log (first-load budget). */
export function sizes(dir) {
  return listFiles(dir).map((f) => {
    const buf = fs.readFileSync(path.join(dir, f));
    return { file: f, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const staging = process.env.TRUNK_STAGING_DIR;
  try {
    if (!staging) fail('TRUNK_STAGING_DIR is not set (run me from trunk, see Trunk.toml)');
    const r = postBuild(staging, process.env.TRUNK_SOURCE_DIR || ROOT, { release: process.env.TRUNK_PROFILE !== 'debug' });
    const list = sizes(staging);
    const kb = (n) => (n / 1024).toFixed(1).padStart(8);
    console.log(`post_build: build ${r.build}, sw ${r.version}, glue ${r.glue}, extras ${r.extras.glue}, keywords ${r.keywords.glue}, ops ${r.ops.join(',')}`);
    for (const s of list) console.log(`  ${kb(s.bytes)} KiB ${kb(s.gzip)} KiB gz  ${s.file}`);
    const tot = list.reduce((a, s) => [a[0] + s.bytes, a[1] + s.gzip], [0, 0]);
    console.log(`  ${kb(tot[0])} KiB ${kb(tot[1])} KiB gz  (all ${list.length} files)`);
  } catch (e) {
    console.error(e instanceof BuildError ? e.message : e);
    process.exit(1);
  }
}
