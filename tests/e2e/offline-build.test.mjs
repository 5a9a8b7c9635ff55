// The build output the offline mode and the CSP rely on (no browser): the post_build hook's
// precache list covers every staged file with its real hash, nothing is left unrendered, the page
// has no inline script, and the wasm's externref table export is right (binaryen 108 bug).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertDist, DIST, ROOT } from './lib.mjs';
import { checkHtml, EXTRA_OPS, EXTRAS_RE, findGlue, fixExternrefExport, JSON_OPS, KEYWORD_OPS, KEYWORDS_RE, LAZY, listFiles, MAIN_OPS, render, rustLinkAttrs } from '../../tools/post_build.mjs';

const read = (f) => fs.readFileSync(path.join(DIST, f));

test('sw.js precaches every file of the build with its SHA-384, except the lazy ones', () => {
  assertDist();
  const sw = read('sw.js').toString();
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/s)[1]);
  const expected = listFiles(DIST).filter((f) => f !== 'sw.js' && !LAZY.some((p) => f.startsWith(p)));
  assert.deepEqual(precache.map(([f]) => f), expected);
  for (const [f, integrity] of precache) {
    assert.equal(integrity, 'sha384-' + createHash('sha384').update(read(f)).digest('base64'), f);
  }
  assert.match(sw, /const VERSION = "[0-9a-f]{16}";/);
});

test('rendered files carry the hashed names; the page passes its own CSP checks', () => {
  assertDist();
  const { glue, wasm } = findGlue(listFiles(DIST));
  for (const f of ['planlens.js', 'worker.js', 'boot.js', 'sw.js']) {
    assert.doesNotMatch(read(f).toString(), /"__PLANLENS_[A-Z_]+__"/, f);
  }
  assert.ok(read('planlens.js').toString().includes(`"./${wasm}"`));
  assert.ok(read('worker.js').toString().includes(`"./${glue}"`));
  checkHtml(read('index.html').toString());
  assert.match(read('index.html').toString(), /connect-src 'self'/);
  const manifest = JSON.parse(read('manifest.webmanifest'));
  for (const icon of manifest.icons) assert.ok(fs.existsSync(path.join(DIST, icon.src)), icon.src);
});

test('every wasm module exports its externref table (the binaryen 108 fix is applied)', () => {
  assertDist();
  const { wasm } = findGlue(listFiles(DIST));
  const extras = listFiles(DIST).filter((f) => EXTRAS_RE.test(f) && f.endsWith('.wasm'));
  assert.equal(extras.length, 1, `one extras wasm: ${extras}`);
  const keywords = listFiles(DIST).filter((f) => KEYWORDS_RE.test(f) && f.endsWith('.wasm'));
  assert.equal(keywords.length, 1, `one keywords wasm: ${keywords}`);
  for (const f of [wasm, ...extras, ...keywords]) {
    const bytes = Buffer.from(read(f));
    assert.equal(fixExternrefExport(bytes), false, `${f}: nothing left to repoint`);
    assert.ok(WebAssembly.validate(bytes), f);
  }
});

test('the first-load wasm, the extras and the keywords split the ops; the engine knows where each one is', () => {
  assertDist();
  const files = listFiles(DIST);
  const { glue } = findGlue(files);
  const exportsOf = (f) => new Set([...read(f).toString().matchAll(/export function ([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  const main = exportsOf(glue);
  const extrasGlue = files.find((f) => EXTRAS_RE.test(f) && f.endsWith('.js'));
  const extras = exportsOf(extrasGlue);
  for (const op of MAIN_OPS) assert.ok(main.has(JSON_OPS[op] || op), `${op} in the first-load wasm`);
  for (const op of EXTRA_OPS) {
    assert.ok(extras.has(op), `${op} in the extras wasm`);
    assert.ok(!main.has(op), `${op} must not be in the first-load wasm`);
  }
  assert.ok(!extras.has('start_app'), 'no page UI in the extras');
  const keywordsGlue = files.find((f) => KEYWORDS_RE.test(f) && f.endsWith('.js'));
  const keywords = exportsOf(keywordsGlue);
  for (const op of KEYWORD_OPS) {
    assert.ok(keywords.has(op), `${op} in the keywords wasm`);
    assert.ok(!main.has(op) && !extras.has(op), `${op} only in the keywords wasm`);
  }
  // no analysis core in the keywords module: the engine hands it the first-load module's analysis
  assert.ok(!keywords.has('analyzeJson') && !keywords.has('start_app') && !keywords.has('compare'));
  for (const f of ['planlens.js', 'worker.js']) {
    const src = read(f).toString();
    assert.ok(src.includes(`"./${extrasGlue}"`), `${f} names the extras glue`);
    assert.ok(src.includes(JSON.stringify(EXTRA_OPS)), `${f} has the extras op list`);
    assert.ok(src.includes(`"./${keywordsGlue}"`), `${f} names the keywords glue`);
    assert.ok(src.includes(JSON.stringify(KEYWORD_OPS)), `${f} has the keywords op list`);
  }
  // trunk builds the first-load wasm with the `web` feature only (the hook builds `extras`)
  const link = rustLinkAttrs(fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8'));
  assert.equal(link['data-cargo-features'], 'web');
});

test('the hook refuses what the CSP would break', () => {
  const ok = '<meta http-equiv="Content-Security-Policy" content="x"><script type="module" src="./boot.js"></script>';
  checkHtml(ok);
  assert.throws(() => checkHtml(ok + '<script>alert(1)</script>'), /inline script/);
  assert.throws(() => checkHtml(ok + '<div onclick="x()"></div>'), /onclick/);
  assert.throws(() => checkHtml(ok + '<p style="color:red"></p>'), /style/);
  assert.throws(() => checkHtml('<script type="module" src="./boot.js"></script>'), /CSP/);
  assert.throws(() => render('const A = "__PLANLENS_GLUE__"; const B = "__PLANLENS_NOPE__";', { GLUE: 'x' }, 't.js'), /NOPE/);
  assert.equal(render('f("__PLANLENS_OPS__")', { OPS: ['a', 'b'] }, 't.js'), 'f(["a","b"])');
});

test('fixExternrefExport repoints a wrong table export and leaves a right one alone', () => {
  const name = Buffer.from('__wbindgen_externrefs');
  const module = (index) => Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    Buffer.from([0x04, 0x07, 0x02, 0x70, 0x00, 0x00, 0x6f, 0x00, 0x00]), // tables: funcref, externref
    Buffer.from([0x07, 4 + name.length, 0x01, name.length]), name, Buffer.from([0x01, index]),
  ]);
  const bad = module(0);
  assert.ok(WebAssembly.validate(bad));
  assert.equal(fixExternrefExport(bad), true);
  assert.deepEqual(bad, module(1));
  assert.equal(fixExternrefExport(bad), false);
  assert.ok(WebAssembly.validate(bad));
});
