// The corpus engine op in real headless Chromium: the page's engine (the extras wasm, through the
// worker) lines up the seed plans by indicator exactly as `planlens corpus` does on the command
// line — the same matrix CSV, byte for byte, and the same planlens-corpus/1 object.
// Run after a trunk build and a cargo build (the release binary when there is one, else the debug
// one `cargo test` builds):
// `node --test --test-concurrency=1 tests/e2e/corpus.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, servedBrowser, fixtures, download, parseCsv, cli as planlens, dropFiles, seedFiles } from './lib.mjs';

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

// The panel is a wasm module of its own (Cargo feature `corpus-panel`), imported by boot.js on the
// first drop of several files: not fetched before.
test('dropping several plans opens the corpus panel: progress, the matrix, a binary file reported and skipped, the CLI\'s CSV', async (t) => {
  const ctx = await env.browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await ctx.newPage();
  const mark = env.server.requests.length;
  // no service worker: its install would precache the panel's module too
  await page.goto(`${env.server.origin}/?nosw`);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  const panelGets = () => env.server.requests.slice(mark).filter((r) => /\/planlens-corpus-panel-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.path));
  assert.deepEqual(panelGets(), [], 'the corpus panel was fetched before it was needed');
  const files = seedFiles();
  // a binary file among them: NULs and control bytes, as an image or an old .doc
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) % 256;
  files.push({ name: 'scan.bin', b64: bin.toString('base64') });
  await dropFiles(page, files);
  // the panel and its progress come at once, one row per file
  await page.waitForSelector('#corpus #corpus-progress', { timeout: 30_000 });
  assert.equal(panelGets().filter((r) => r.path.endsWith('.wasm')).length, 1, 'the corpus panel module is fetched by the drop');
  assert.equal(await page.locator('#corpus-docs tbody tr').count(), 6);
  await page.waitForSelector('#corpus-matrix tbody tr', { timeout: 120_000 });
  const progress = await page.textContent('#corpus-progress-text');
  assert.match(progress, /6 个文件：6 个已处理，1 个无法读取/);
  assert.equal(await page.getAttribute('#corpus-progress', 'value'), '6');
  // the binary file: its own message, and the others analysed
  const binRow = page.locator('#corpus-docs tr[data-name="scan.bin"]');
  assert.match(await binRow.getAttribute('class'), /corpus-failed/);
  assert.match(await binRow.locator('.corpus-state').textContent(), /不像文本文件/);
  const done = await page.locator('#corpus-docs tbody tr:not(.corpus-failed) .corpus-state').allTextContents();
  assert.deepEqual(done, Array(5).fill('已分析'));
  const firstTitle = await page.locator('#corpus-docs tbody tr').first().locator('td').nth(1).textContent();
  assert.ok(firstTitle.length > 0, 'the title of the first plan is listed');
  // the matrix: one column per readable document, cells as written, a dot chart per row
  const heads = await page.locator('#corpus-matrix thead th').allTextContents();
  assert.deepEqual(heads.slice(1, -1), fixtures().map((f) => f.name));
  assert.ok(await page.locator('#corpus-matrix svg.dots circle').count() >= 2);
  assert.ok(await page.locator('#corpus-apart li').count() > 0, 'the unaligned targets are listed apart');
  assert.equal(await page.locator('#corpus-matrix [data-status]').count(), 0, 'no verdicts without a reference');

  const paths = fixtures().map((f) => path.join(DIR, f.name));
  const run = (...args) => planlens('corpus', ...paths, ...args);
  const csv = await download(page, '#corpus-csv');
  assert.equal(csv.name, 'planlens-corpus.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  assert.equal(csv.bytes.toString('utf8').trimEnd(), run('--format', 'csv').trimEnd());

  // a reference: met / weaker / missing (未提及) / extra per document
  const ref = fixtures().find((f) => f.name.startsWith('003')).name;
  await page.selectOption('#corpus-reference', ref);
  await page.waitForSelector('#corpus-matrix [data-status]', { timeout: 60_000 });
  assert.ok(await page.locator('#corpus-matrix [data-status="missing"]').count() > 0);
  assert.match(await page.locator('#corpus-matrix [data-status="missing"]').first().textContent(), /未提及/);
  const refRow = page.locator(`#corpus-docs tr[data-name="${ref}"] td`).nth(8);
  assert.equal(await refRow.textContent(), '参照');
  const other = await page.locator('#corpus-docs tr[data-name^="000"] td').nth(8).textContent();
  assert.match(other, /达标 \d+ · 偏弱 \d+ · 未提及 \d+ · 新增 \d+/);
  const csvRef = await download(page, '#corpus-csv');
  assert.equal(csvRef.bytes.toString('utf8').trimEnd(), run('--format', 'csv', '--reference', path.join(DIR, ref)).trimEnd());
  const json = JSON.parse((await download(page, '#corpus-json')).bytes.toString('utf8'));
  assert.equal(json.schema, 'planlens-corpus/1');
  assert.equal(json.documents[json.reference].name, ref);

  // removing a document lines up the others again
  await page.click('#corpus-docs tr[data-name^="004"] button[data-remove]');
  await page.waitForFunction(() => document.querySelectorAll('#corpus-matrix thead th').length === 6, null, { timeout: 60_000 });
  assert.equal(await page.locator('#corpus-docs tbody tr').count(), 5);
  await ctx.close();
});

/** The matrix as drawn: per row its name, whether the reader made it, its cells' text and marks. */
function matrixRows(page) {
  return page.$$eval('#corpus-matrix tbody tr', (trs) => trs.map((tr) => ({
    name: tr.querySelector('.corpus-ind').textContent,
    manual: !!tr.querySelector('.corpus-manual'),
    cells: [...tr.querySelectorAll('td:not(.chart)')].map((td) => td.querySelector('.corpus-q')?.textContent ?? ''),
    joined: [...tr.querySelectorAll('td:not(.chart)')].map((td) => !!td.querySelector('.corpus-joined')),
  })));
}

// The reader's hand edits of the matrix: kept in IndexedDB with the documents, in the downloads.
test('rows merged by hand are one row, in the CSV too, kept after a reload; split and cleared again', async () => {
  const ctx = await env.browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(`${env.server.origin}/?nosw`);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  await dropFiles(page, seedFiles());
  await page.waitForSelector('#corpus-matrix tbody tr', { timeout: 120_000 });
  const before = await matrixRows(page);
  assert.ok(before.length >= 2 && before.every((r) => !r.manual));
  assert.equal(await page.isDisabled('#corpus-merge'), true, 'merge waits for two ticked rows');
  await page.check('#corpus-matrix input.corpus-pick[data-row="0"]');
  await page.check('#corpus-matrix input.corpus-pick[data-row="1"]');
  assert.match(await page.getAttribute('#corpus-matrix input.corpus-pick[data-row="0"]', 'aria-label'), /^选择此行：/);
  await page.click('#corpus-merge');
  await page.waitForSelector('#corpus-matrix .corpus-manual', { timeout: 60_000 });
  const [a, b] = before;
  const cells = a.cells.map((x, d) => [x, b.cells[d]].filter(Boolean).join('；'));
  const merged = await matrixRows(page);
  assert.equal(merged.length, before.length - 1);
  assert.deepEqual(merged[0], { name: a.name, manual: true, cells, joined: a.cells.map((x, d) => !!x && !!b.cells[d]) });
  assert.ok(merged[0].joined.some(Boolean), 'the seeds share a document between the first two rows');
  assert.deepEqual(merged.slice(1).map((r) => r.name), before.slice(2).map((r) => r.name));
  const csv = parseCsv((await download(page, '#corpus-csv')).bytes.toString('utf8').replace(/^\ufeff/, ''));
  assert.equal(csv.length, merged.length + 1);
  assert.deepEqual(csv[1], [a.name, ...cells]);

  // kept: after a reload the panel comes back with the merge
  await page.reload();
  await page.waitForSelector('#corpus-matrix .corpus-manual', { timeout: 120_000 });
  assert.deepEqual(await matrixRows(page), merged);

  // split: every target of the merged row a row of its own
  await page.check('#corpus-matrix input.corpus-pick[data-row="0"]');
  await page.click('#corpus-split');
  const parts = cells.flatMap((c) => (c ? c.split('；') : [])).length;
  await page.waitForFunction((n) => document.querySelectorAll('#corpus-matrix .corpus-manual').length === n, parts, { timeout: 60_000 });
  const split = await matrixRows(page);
  assert.equal(split.length, merged.length - 1 + parts);
  assert.ok(split.slice(0, parts).every((r) => r.manual && r.cells.filter(Boolean).length === 1));

  // cleared: the line-up as it was
  await page.click('#corpus-unedit');
  await page.waitForFunction(() => document.querySelector('#corpus-matrix tbody tr') && !document.querySelector('#corpus-matrix .corpus-manual'), null, { timeout: 60_000 });
  assert.deepEqual(await matrixRows(page), before);
  assert.equal(await page.isDisabled('#corpus-unedit'), true);
  await ctx.close();
});
