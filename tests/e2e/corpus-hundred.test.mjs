// The corpus panel under load (issue 25): a hundred plans dropped at once — the seeds, the dev
// corpus and synthetic work plans (tests/e2e/corpus_plans.mjs), 3.3 MB in all — with one binary
// file among them. The progress is shown while they are read, no main-thread task takes over
// 50 ms from the drop until the matrix is drawn (PerformanceObserver 'longtask'), the matrix and
// the all-targets grid are complete, the binary file is reported and skipped, and the memory the
// page's renderer holds is measured and bounded (its RSS through the CDP process list; the main
// thread's JS heap too). Then the corpus survives a reload (IndexedDB) and one click clears it.
//
// Run after a trunk build: `node --test --test-concurrency=1 tests/e2e/corpus-hundred.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { servedBrowser, watchPage } from './lib.mjs';
import { hundredPlans } from './corpus_plans.mjs';

const env = servedBrowser();

/** Resident memory (KiB) of the browser's renderer processes, from the CDP process list. */
async function rendererRss() {
  const cdp = await env.browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    let kib = 0;
    for (const p of processInfo.filter((p) => p.type === 'renderer')) {
      const status = fs.readFileSync(`/proc/${p.id}/status`, 'utf8');
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] || 0);
    }
    return kib;
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The host's 1-minute load per core (Linux), or 0 where it cannot be read. */
function loadPerCore() {
  try {
    const cores = Number(fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length || 1);
    return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]) / cores;
  } catch {
    return 0;
  }
}
/** Above this load per core the main thread gets a fraction of a core: every frame's layout and
 *  paint then takes several times its time (traces at load 12 per core: frames of 60–250 ms that
 *  are all Paint and Layout), so the 50 ms check would measure the host, not the page. The
 *  figures are printed either way. */
const BUSY = 2;

test('a hundred plans dropped at once: progress, no long task, the whole matrix and grid, the binary one skipped, kept over a reload', { timeout: 900_000 }, async (t) => {
  const plans = hundredPlans();
  const bytes = plans.reduce((s, p) => s + Buffer.byteLength(p.text), 0);
  assert.equal(plans.length, 100);
  assert.ok(bytes >= 3_000_000, `${bytes} bytes`);
  const ctx = await env.browser.newContext({ locale: 'zh-CN' });
  // every long task of the main thread, from the page's start
  await ctx.addInitScript(() => {
    globalThis.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) globalThis.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await ctx.newPage();
  const log = watchPage(page);
  await page.goto(`${env.server.origin}/?nosw`);
  await page.waitForSelector('#app[data-started]', { timeout: 60_000 });
  await page.evaluate(() => globalThis.planlens.ready);
  // the files are made in the page before the drop (their making is the test's own work)
  await page.evaluate((ps) => {
    const bin = new Uint8Array(8192);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) % 256;
    const files = ps.map((p) => new File([p.text], p.name, { type: 'text/plain' }));
    files.splice(50, 0, new File([bin], 'scan.bin'));
    globalThis.__files = files;
  }, plans);
  await page.waitForTimeout(500);
  const rssBefore = await rendererRss();
  const t0 = await page.evaluate(() => {
    const dt = new DataTransfer();
    for (const f of globalThis.__files) dt.items.add(f);
    delete globalThis.__files;
    // the bar's value after every task that changed the page, until the matrix is there: every
    // redraw is seen, however fast the run (sampling from the test could miss them; sampling
    // every frame forced a layout per frame)
    globalThis.__progressSeen = [];
    const seen = new MutationObserver(() => {
      const bar = document.querySelector('#corpus-progress');
      if (bar) globalThis.__progressSeen.push(Number(bar.value));
      if (document.querySelector('#corpus-matrix')) seen.disconnect();
    });
    seen.observe(document.body, { subtree: true, childList: true, attributes: true });
    const t = performance.now();
    document.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return t;
  });
  // the progress: the panel comes with one row per file, the bar moves while they are read
  await page.waitForSelector('#corpus #corpus-progress', { timeout: 60_000 });
  assert.equal(await page.locator('#corpus-docs tbody tr').count(), 101);
  const started = Date.now();
  while (Date.now() - started < 600_000) {
    if (await page.$('#corpus-matrix')) break;
    await page.waitForTimeout(250);
  }
  const seen = new Set(await page.evaluate(() => globalThis.__progressSeen));
  const matrixAt = await page.evaluate(() => performance.now());
  assert.ok(await page.$('#corpus-matrix'), 'the matrix was drawn');
  const between = [...seen].filter((v) => v > 0 && v < 101);
  // the panel redraws at most every 400 ms (FLUSH_MS), so a run of a second or two shows one or
  // two values between the first and the last: the bar must show at least one
  assert.ok(between.length >= 1, `the progress bar moved through the run: ${[...seen].sort((a, b) => a - b)}`);
  assert.match(await page.textContent('#corpus-progress-text'), /101 个文件：101 个已处理，1 个无法读取/);

  // the binary file: reported in its row, left out of the matrix and the grid
  const binRow = page.locator('#corpus-docs tr[data-name="scan.bin"]');
  assert.match(await binRow.getAttribute('class'), /corpus-failed/);
  assert.match(await binRow.locator('.corpus-state').textContent(), /不像文本文件/);
  // the matrix: a column per readable plan, and rows
  const heads = await page.locator('#corpus-matrix thead th').allTextContents();
  assert.deepEqual(heads.slice(1, -1), plans.map((p) => p.name).sort());
  const rows = await page.locator('#corpus-matrix tbody tr').count();
  assert.ok(rows >= 10, `${rows} matrix rows`);
  const gdp = page.locator('#corpus-matrix tbody tr', { hasText: '地区生产总值' }).first();
  assert.ok(await gdp.locator('td .corpus-q').count() >= 50, 'the GDP growth row holds most plans');
  // the grid: every target of every plan (the list's counts summed)
  const counts = await page.locator('#corpus-docs tbody tr:not(.corpus-failed) td:nth-child(6)').allTextContents();
  const total = counts.reduce((s, c) => s + Number(c.replace(/,/g, '')), 0);
  const gridCount = await page.textContent('#corpus-grid-count');
  assert.ok(total > 1000, `${total} targets`);
  assert.match(gridCount.replace(/,/g, ''), new RegExp(`共 ${total} 项`), gridCount);
  // filtering by document narrows it to that plan's targets
  await page.selectOption('#corpus-f-doc', plans[3].name);
  const own = Number((await page.locator(`#corpus-docs tr[data-name="${plans[3].name}"] td`).nth(5).textContent()).replace(/,/g, ''));
  assert.match(await page.textContent('#corpus-grid-count'), new RegExp(`(（|共 )${own} 项`));

  // no long task on the main thread from the drop to the drawn matrix
  const tasks = await page.evaluate(([a, b]) => globalThis.__longTasks.filter((t) => t.start >= a && t.start <= b), [t0, matrixAt]);
  const worst = Math.max(0, ...tasks.map((t) => t.ms));
  const heap = await page.evaluate(() => performance.memory && performance.memory.usedJSHeapSize);
  const rssAfter = await rendererRss();
  console.log(`# 100 plans + 1 binary, ${bytes} bytes: matrix after ${((matrixAt - t0) / 1000).toFixed(1)} s, ${rows} rows, ${total} targets; ` +
    `long tasks ${tasks.length} (worst ${worst.toFixed(0)} ms); main-thread JS heap ${(heap / 2 ** 20).toFixed(1)} MiB; ` +
    `renderer RSS ${rssBefore === null ? '?' : (rssBefore / 1024).toFixed(0)} → ${rssAfter === null ? '?' : (rssAfter / 1024).toFixed(0)} MiB`);
  const load = loadPerCore();
  console.log(`# host load ${load.toFixed(1)} per core`);
  if (load <= BUSY) assert.deepEqual(tasks.filter((x) => x.ms > 50), [], 'main-thread tasks over 50 ms');
  else t.diagnostic(`long-task check not asserted: the host is busy (load ${load.toFixed(1)} per core > ${BUSY}); tasks over 50 ms: ${tasks.filter((x) => x.ms > 50).map((x) => x.ms.toFixed(0)).join(', ') || 'none'}`);
  assert.ok(heap < 256 * 2 ** 20, `main-thread JS heap ${heap}`);
  if (rssAfter !== null) assert.ok(rssAfter < 2 * 1024 * 1024, `renderer RSS ${rssAfter} KiB`);

  // a row of the grid opens that plan in the page at that target
  const row = page.locator('#corpus-grid tbody tr').first();
  const want = await row.locator('td').nth(1).textContent();
  await row.click();
  await page.waitForFunction((t) => document.querySelector('#source-input')?.value.includes(t.slice(0, 8)), want, { timeout: 60_000 });

  // kept over a reload (IndexedDB), without reading the files again; one click clears it
  await page.reload();
  await page.waitForSelector('#corpus-matrix', { timeout: 600_000 });
  assert.equal(await page.locator('#corpus-docs tbody tr').count(), 100, 'the readable plans came back');
  await page.click('#corpus-clear');
  await page.waitForFunction(() => document.getElementById('corpus')?.hidden, null, { timeout: 10_000 });
  await page.reload();
  await page.waitForSelector('#app[data-started]', { timeout: 60_000 });
  await page.waitForTimeout(6000);
  assert.equal(await page.$('#corpus:not([hidden])'), null, 'a cleared corpus stays cleared');
  assert.equal(await page.evaluate(() => localStorage.getItem('planlens.corpus')), null);
  assert.deepEqual(log.errors, []);
  await ctx.close();
});
