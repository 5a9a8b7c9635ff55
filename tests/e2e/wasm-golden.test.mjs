// The page's wasm analyses the seeds exactly as the native goldens say (tests/golden/*.json,
// written and checked by the native `cargo test --test golden`). The page and the CLI build the
// same pipeline, but not the same regex engine: natively the regex crate with its literal
// prefilters, in the page regex-automata's lazy DFA and PikeVM assembled by src/rx/lean.rs
// (its unit tests check each pipeline pattern against the regex crate). This checks the
// whole result: any drift between the two builds — an engine, a float format, a feature-gated
// path — shows up as a diff here. It also checks that the page compiled no pattern (all came
// from the snapshot table). Runs the wasm in Node, no browser.
//
//   node --test tests/e2e/wasm-golden.test.mjs      (after `trunk build --release --offline`)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, assertDist, fixtures } from './lib.mjs';

test('the page wasm gives the native golden JSON for every seed', async () => {
  assertDist();
  const js = fs.readdirSync(DIST).find((f) => /^planlens-[0-9a-f]+\.js$/.test(f));
  assert.ok(js, `no planlens-*.js in ${DIST}`);
  const m = await import(pathToFileURL(path.join(DIST, js)).href);
  await m.default({ module_or_path: fs.readFileSync(path.join(DIST, js.replace('.js', '_bg.wasm'))) });
  const seeds = fixtures();
  assert.ok(seeds.length >= 5, 'the seed fixtures are missing');
  for (const { name: file, text } of seeds) {
    const name = file.replace(/\.txt$/, "");
    // the golden is pretty-printed and analyzeJson compact: compare the values, line by line
    const flat = (json) => JSON.stringify(JSON.parse(json), null, 1);
    const want = flat(fs.readFileSync(path.join(ROOT, 'tests', 'golden', `${name}.json`), 'utf8'));
    const got = flat(m.analyzeJson(text));
    if (got !== want) {
      const a = want.split('\n');
      const b = got.split('\n');
      const at = a.findIndex((l, i) => l !== b[i]);
      assert.fail(`${name}: the wasm differs from the golden at line ${at + 1}:\n  golden ${a[at]}\n  wasm   ${b[at]}`);
    }
  }
  // Every pattern those analyses (and the worker's warm-up) needed came from the snapshot table
  // (src/rx/snapshot.rs): the page parsed and compiled none (it links no regex compiler, so a
  // pattern missing from the table would match nothing there). A pattern that only the wasm
  // build uses, or a stale table, shows here.
  m.warmUp();
  assert.equal(m.patternsCompiled(), 0,
    'the page wasm lacks patterns of src/rx/snapshots.bin: run PLANLENS_BLESS=1 cargo test --lib snapshots_are_current');
});
