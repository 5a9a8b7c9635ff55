// The corpus engine op in real headless Chromium: the page's engine (the extras wasm, through the
// worker) lines up the seed plans by indicator exactly as `planlens corpus` does on the command
// line — the same matrix CSV, byte for byte, and the same planlens-corpus/1 object.
// Run after a trunk build and a cargo build (the release binary when there is one, else the debug
// one `cargo test` builds):
// `node --test --test-concurrency=1 tests/e2e/corpus.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, servedBrowser, fixtures, cli as planlens } from './lib.mjs';

const env = servedBrowser();

const DIR = path.join(ROOT, 'tests', 'fixtures');

const cli = (...args) => planlens('corpus', DIR, ...args);

test('the page engine and the CLI give the same corpus matrix for one directory', async () => {
  const ctx = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${env.server.origin}/`);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  await page.evaluate(() => globalThis.planlens.ready);
  const docs = JSON.stringify(fixtures().map((f) => ({ name: f.name, text: f.text })));
  const run = (format, reference) => page.evaluate(([d, r, f]) => globalThis.planlens.call('corpusExport', d, r, f), [docs, reference, format]);

  const csv = await run('csv', -1);
  // The CLI prints its output with one trailing newline, as every planlens output.
  assert.equal(csv.trimEnd(), cli('--format', 'csv').trimEnd());
  assert.ok(csv.startsWith('\ufeffindicator,000_'), csv.slice(0, 80));

  const ref = fixtures().findIndex((f) => f.name.startsWith('003'));
  const json = JSON.parse(await run('json', ref));
  const fromCli = JSON.parse(cli('--reference', path.join(DIR, fixtures()[ref].name)));
  assert.equal(json.schema, 'planlens-corpus/1');
  assert.deepEqual(json, fromCli);
  assert.ok(json.documents.some((d) => d.versus_reference && d.versus_reference.missing > 0));
  await ctx.close();
});
