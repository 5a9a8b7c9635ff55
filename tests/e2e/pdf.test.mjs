// A PDF in the page: opened with the file input and by drop, read in the worker by the lazily
// loaded extras module (fetched on the first PDF, not before), offline after one use, a 34-page
// plan read without a long main-thread task, a scan refused with a message that says why.
// The text PDFs are printed here by the test's Chromium (tools/print_pdf.mjs, as a reader
// prints a web page); the scan is a real one (fixtures/scan.pdf: the first page of the shared
// corpus' scanned Guangdong notice, `qpdf IN --pages . 1 -- scan.pdf`; an image, no text layer).
// Run after a trunk build: `node --test --test-concurrency=1 tests/e2e/pdf.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertDist, DIST, ROOT, fixtures, launch, recordRequests, serve, watchPage } from './lib.mjs';
import { planHtml, printPdf } from '../../tools/print_pdf.mjs';

const SCAN = path.join(ROOT, 'tests', 'e2e', 'fixtures', 'scan.pdf');
const EXTRAS = /\/planlens-extras-[0-9a-f]+_bg\.wasm$/;
let browser, server, tmp;
const pdfs = {};

/** Prints a plan's text to tmp/NAME.pdf; returns its path. */
async function print(name, text) {
  const out = path.join(tmp, `${name}.pdf`);
  await printPdf(browser, planHtml(text), out, text.trim().split('\n')[0]);
  return out;
}

before(async () => {
  assertDist();
  browser = await launch();
  server = await serve(DIST);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlens-pdf-'));
  const seeds = fixtures();
  pdfs.a = await print('plan-a', seeds[1].text);
  pdfs.b = await print('plan-b', seeds[0].text);
  // a real 34-page plan (the dev corpus' Healthy China 2030 outline) as a reader prints it
  pdfs.long = await print('long-plan', fs.readFileSync(path.join(ROOT, 'tests', 'devcorpus', 'docs', '05_healthy_china_2030_outline_pdf.txt'), 'utf8'));
  pdfs.seedTexts = { a: seeds[1].text, b: seeds[0].text };
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(origin, query = '?nosw') {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const seen = recordRequests(ctx);
  const page = await ctx.newPage();
  const log = watchPage(page);
  await page.goto(`${origin}/${query}`);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  return { ctx, page, log, seen };
}

const gen = (page) => page.evaluate(() => Number(document.getElementById('app').dataset.gen || 0));
async function analysed(page, after, timeout = 60_000) {
  await page.waitForFunction((g) => Number(document.getElementById('app').dataset.gen || 0) > g, after, { timeout });
}

/** Opens `file` with the file input and waits for its analysis. */
async function openPdf(page, file) {
  const g = await gen(page);
  await page.setInputFiles('#file-input', file);
  await analysed(page, g);
  assert.match(await page.textContent('#status'), new RegExp(`${path.basename(file).replace('.', '\\.')}（PDF 文字层`));
}

/** The outline and target counts of the page's text, and of `text` (both by the engine). */
const counts = (page, text) => page.evaluate(async (t) => {
  const of = (r) => ({ headings: r.outline.length, targets: r.targets.length, title: r.document.title, date: r.document.date });
  const shown = await globalThis.planlens.analyze(document.querySelector('#source-input').value);
  return { pdf: of(shown), text: of(await globalThis.planlens.analyze(t)) };
}, text);

test('a PDF opens with the file input and by drop; the PDF reader is fetched only then', { timeout: 180_000 }, async () => {
  const { ctx, page, log, seen } = await open(server.origin);
  try {
    await page.waitForFunction(() => globalThis.planlens?.isReady, null, { timeout: 30_000 });
    await page.waitForTimeout(500);
    assert.deepEqual(seen.filter((r) => EXTRAS.test(r.url)).map((r) => r.url), [], 'no extras wasm before a PDF');

    await openPdf(page, pdfs.a);
    assert.equal(seen.filter((r) => EXTRAS.test(r.url)).length, 1, 'the extras wasm is fetched for the PDF');
    const a = await counts(page, pdfs.seedTexts.a);
    assert.deepEqual(a.pdf, a.text, 'the printed PDF gives the plan of its text');
    assert.ok(a.pdf.headings > 3 && a.pdf.targets > 3, JSON.stringify(a));
    const shown = await page.inputValue('#source-input');
    assert.ok(!/第\s*\d+\s*页\s*共/.test(shown), 'page numbers are left out');

    // drop of the second PDF onto the page
    const g = await gen(page);
    const b64 = fs.readFileSync(pdfs.b).toString('base64');
    await page.evaluate((b) => {
      const bytes = Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.pdf', { type: 'application/pdf' }));
      document.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, b64);
    await analysed(page, g);
    assert.match(await page.textContent('#status'), /dropped\.pdf（PDF 文字层/);
    const b = await counts(page, pdfs.seedTexts.b);
    assert.deepEqual(b.pdf, b.text);
    assert.equal(seen.filter((r) => EXTRAS.test(r.url)).length, 1, 'the extras wasm is fetched once');
    assert.deepEqual(log.errors, []);
  } finally {
    await ctx.close();
  }
});

test('a scanned PDF is refused with a message that says it has no text layer and what to do', { timeout: 90_000 }, async () => {
  const { ctx, page } = await open(server.origin);
  try {
    const before = await page.inputValue('#source-input');
    await page.setInputFiles('#file-input', SCAN);
    await page.waitForSelector('#status.error', { timeout: 30_000 });
    const status = await page.textContent('#status');
    assert.match(status, /无法读取 scan\.pdf：.*no text layer/);
    assert.match(status, /OCR/);
    assert.equal(await page.inputValue('#source-input'), before, 'a refused file does not replace the text');
  } finally {
    await ctx.close();
  }
});

test('offline after one use: a second PDF opens with the service worker alone', { timeout: 180_000 }, async () => {
  const copy = path.join(tmp, 'dist');
  fs.cpSync(DIST, copy, { recursive: true });
  const own = await serve(copy);
  const { ctx, page, log } = await open(own.origin, '');
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await openPdf(page, pdfs.a);
    await ctx.setOffline(true);
    await own.stop();
    await page.reload();
    await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
    await page.waitForFunction(() => globalThis.planlens?.isReady, null, { timeout: 30_000 });
    await openPdf(page, pdfs.b);
    const b = await counts(page, pdfs.seedTexts.b);
    assert.deepEqual(b.pdf, b.text);
    assert.deepEqual(log.errors, []);
  } finally {
    await ctx.close();
    await own.stop();
  }
});

/** Long tasks (> 50 ms) from the file's choice to its text in the page (the status names the
 *  PDF's text layer): the read, not the render of the plan that follows, which is the same for
 *  the plan's text opened as a .txt. */
async function longTasksReading(file) {
  const { ctx, page } = await open(server.origin);
  try {
    await page.waitForFunction(() => globalThis.planlens?.isReady, null, { timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push({ ms: Math.round(e.duration), at: Math.round(e.startTime) });
      }).observe({ type: 'longtask' });
      const status = document.querySelector('#status');
      new MutationObserver(() => {
        if (window.__read === undefined && /PDF/.test(status.textContent)) window.__read = performance.now();
      }).observe(status, { childList: true, subtree: true, characterData: true });
      window.__from = performance.now();
    });
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.__read !== undefined, null, { timeout: 60_000 });
    await page.waitForTimeout(300); // let the observer deliver
    return await page.evaluate(() => window.__long.filter((t) => t.at >= window.__from && t.at < window.__read));
  } finally {
    await ctx.close();
  }
}

test('no main-thread task over 50 ms while a 34-page PDF is read into the page', { timeout: 300_000 }, async () => {
  // 2 shared cores: a 30 ms task can take 60 under load, so only a long task in each of three
  // runs fails (a systematic one does)
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const long = await longTasksReading(pdfs.long);
    runs.push(long);
    if (long.length === 0) return;
  }
  assert.fail(`long tasks in every run: ${JSON.stringify(runs)}`);
});
