// The engine: the page loads, the wasm runs in a Web Worker, a sample plan is analysed and shown;
// the same-thread path (?engine=inline) gives the identical result; a crashed or hung worker is
// restarted, the failed request is rejected with a clear error, the user sees a message and the
// text stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, engineReady, fixtures, lensSummary, serve, servedBrowser, watchPage } from './lib.mjs';

const env = servedBrowser();
const plans = fixtures();

/** A fresh context + page that records CSP violations from the first script on. */
async function open(query = '') {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const log = watchPage(page);
  await page.goto(`${env.server.origin}/${query}`, { timeout: 30_000 });
  return { context, page, log };
}

test('the page loads, the worker engine analyses a sample plan and <plan-lens> shows it', { timeout: 60_000 }, async () => {
  const { context, page, log } = await open('?nosw');
  try {
    assert.equal(await engineReady(page), 'worker');
    // A blob: worker, so the page's CSP (connect-src 'self') governs the engine too.
    assert.equal(await page.evaluate(() => globalThis.planlens.workerMode), 'blob');
    const plan = plans[0].text;
    const r = await page.evaluate((t) => globalThis.planlens.analyze(t), plan);
    assert.equal(r.schema, 'planlens/1');
    assert.ok(r.outline.length > 0, 'outline found');
    assert.ok(r.targets.length > 0, 'targets found');
    // The page rendered a UI into #app (the Rust UI, or the <plan-lens> fallback).
    assert.ok(await page.evaluate(() => document.querySelector('#app > :not(noscript)') !== null), '#app has content');
    await page.evaluate((t) => {
      const el = document.createElement('plan-lens');
      el.id = 'probe';
      document.body.append(el);
      el.text = t;
    }, plan);
    const s = await lensSummary(page, '#probe');
    assert.ok(s.headings >= r.outline.length, `outline rendered (${s.headings} items)`);
    assert.equal(s.targets, Math.min(r.targets.length, 500));
    assert.equal(s.firstTitle, r.outline[0].title);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('?engine=inline runs on the page thread and gives the same result as the worker', { timeout: 60_000 }, async () => {
  const a = await open('?nosw');
  const b = await open('?nosw&engine=inline');
  try {
    assert.equal(await engineReady(a.page), 'worker');
    assert.equal(await engineReady(b.page), 'inline');
    for (const { name, text } of plans.slice(0, 3)) {
      const ra = await a.page.evaluate((t) => globalThis.planlens.analyze(t), text);
      const rb = await b.page.evaluate((t) => globalThis.planlens.analyze(t), text);
      assert.deepEqual(rb, ra, name);
    }
    // Data an op needs (the keyword dictionary) is fetched by either engine.
    const kw = (p) => p.evaluate((t) => globalThis.planlens.call('keywords', t), plans[0].text);
    if (await a.page.evaluate(() => globalThis.planlens.ops.includes('keywords'))) assert.deepEqual(await kw(b.page), await kw(a.page));
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

/** The engine worker of a page (the one dedicated worker Playwright sees), other than `old`,
 *  once `old` (a terminated engine) is gone from the page. */
async function engineWorker(page, old = null) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const live = page.workers().filter((w) => w !== old);
    if (live.length === 1 && !page.workers().includes(old)) return live[0];
    if (Date.now() > deadline) throw new Error(`no single engine worker (${page.workers().length} workers)`);
    await page.waitForTimeout(50);
  }
}

/** Text in the page's own UI input (A's #source-input), if the UI is there. */
async function typeIntoPage(page, text) {
  const input = await page.$('#source-input');
  if (!input) return false;
  await input.fill(text);
  return true;
}

test('a crashing worker is restarted: the request fails clearly, the user sees a message, the text stays', { timeout: 90_000 }, async () => {
  const { context, page, log } = await open('?nosw');
  try {
    await engineReady(page);
    const plan = plans[1].text;
    const typed = await typeIntoPage(page, plan);
    if (typed) await page.waitForFunction(() => Number(document.documentElement.dataset.planlensRendered || 0) > 0, null, { timeout: 20_000 });
    // Registered after the page's UI and boot.js: when it runs, they have handled the event, so
    // a message must be on screen right then (checked synchronously, no polling race).
    await page.evaluate(() => {
      window.__engineEvents = [];
      window.__noticeOnCrash = [];
      const visible = (e) => !!e && e.getClientRects().length > 0 && !e.closest('[hidden]') && e.textContent.trim().length > 0;
      window.addEventListener('planlens:engine', (e) => {
        window.__engineEvents.push(e.detail.state);
        if (e.detail.state === 'crashed') {
          window.__noticeOnCrash.push(visible(document.querySelector('.planlens-notice[data-notice="engine"]')) || visible(document.querySelector('#status.error')));
        }
      });
    });
    const before = await page.evaluate((t) => globalThis.planlens.analyze(t).then((r) => r.targets.length), plan);

    // 1. The engine throws out of its message handler (an uncaught error in the worker).
    const w1 = await engineWorker(page);
    await w1.evaluate(() => { self.onmessage = () => { throw new Error('simulated engine failure'); }; });
    const err1 = await page.evaluate((t) => globalThis.planlens.analyze(t).then(() => null, (e) => ({ name: e.name, code: e.code, message: e.message })), plan);
    assert.equal(err1?.code, 'engine-crashed', JSON.stringify(err1));
    assert.match(err1.message, /planlens/);
    assert.deepEqual(await page.evaluate(() => window.__noticeOnCrash), [true], 'the user sees a message');
    await page.waitForFunction(() => window.__engineEvents.includes('restarted'), null, { timeout: 20_000 });
    assert.equal(await page.evaluate((t) => globalThis.planlens.analyze(t).then((r) => r.targets.length), plan), before, 'the restarted engine works');

    // 2. The engine hangs: the watchdog restarts it.
    await page.evaluate(() => globalThis.planlens.configure({ timeout: 1500 }));
    const w2 = await engineWorker(page, w1);
    await w2.evaluate(() => { self.onmessage = () => { for (;;) { /* hang */ } }; });
    const err2 = await page.evaluate((t) => globalThis.planlens.analyze(t).then(() => null, (e) => ({ code: e.code, message: e.message })), plan);
    assert.equal(err2?.code, 'timeout', JSON.stringify(err2));
    await page.evaluate(() => globalThis.planlens.configure({ timeout: 120000 }));
    assert.equal(await page.evaluate((t) => globalThis.planlens.analyze(t).then((r) => r.targets.length), plan), before);

    // 3. The wasm trapped (a Rust panic is `unreachable`): the worker reports it as fatal, and the
    //    page must not reuse that instance.
    const w3 = await engineWorker(page, w2);
    await w3.evaluate(() => {
      self.onmessage = (e) => self.postMessage({ id: e.data.id, ok: false, error: { name: 'RuntimeError', message: 'unreachable' }, fatal: true });
    });
    const err3 = await page.evaluate((t) => globalThis.planlens.analyze(t).then(() => null, (e) => ({ code: e.code, message: e.message })), plan);
    assert.equal(err3?.code, 'engine-crashed', JSON.stringify(err3));
    assert.match(err3.message, /unreachable/);
    await engineWorker(page, w3);
    assert.equal(await page.evaluate((t) => globalThis.planlens.analyze(t).then((r) => r.targets.length), plan), before);
    assert.deepEqual((await page.evaluate(() => window.__engineEvents)).filter((s) => s !== 'ready'),
      ['crashed', 'restarted', 'crashed', 'restarted', 'crashed', 'restarted']);
    assert.deepEqual(await page.evaluate(() => window.__noticeOnCrash), [true, true, true], 'a message each time');

    if (typed) assert.equal(await page.$eval('#source-input', (e) => e.value), plan, 'the pasted text stays');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('an engine that keeps failing is given up on: engine-failed, and the user is told to reload', { timeout: 90_000 }, async () => {
  const { context, page } = await open('?nosw');
  try {
    await engineReady(page);
    await page.evaluate(() => {
      globalThis.planlens.configure({ timeout: 400 });
      window.__states = [];
      window.addEventListener('planlens:engine', (e) => window.__states.push(e.detail.state));
    });
    let w = null;
    const codes = [];
    for (let i = 0; i < 6; i++) {
      w = await engineWorker(page, w);
      await w.evaluate(() => { self.onmessage = () => { for (;;) { /* hang */ } }; });
      codes.push(await page.evaluate(() => globalThis.planlens.analyze('一、目标').then(() => 'ok', (e) => e.code)));
      if (i < 5) await page.waitForFunction((n) => window.__states.filter((s) => s === 'restarted').length === n, i + 1, { timeout: 20_000 });
    }
    assert.deepEqual(codes, ['timeout', 'timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
    assert.equal(await page.evaluate(() => window.__states.at(-1)), 'failed');
    assert.equal(await page.evaluate(() => globalThis.planlens.analyze('一、目标').then(() => 'ok', (e) => e.code)), 'engine-failed');
    await page.waitForFunction(() => {
      const e = document.querySelector('.planlens-notice[data-notice="engine"]') || document.querySelector('#status.error');
      return e && e.textContent.trim().length > 0;
    }, null, { timeout: 10_000 });
  } finally {
    await context.close();
  }
});

test('the request queue: concurrent calls each get their own result, in order', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?nosw');
  try {
    await engineReady(page);
    const texts = plans.map((p) => p.text);
    const one = [];
    for (const t of texts) one.push(await page.evaluate((x) => globalThis.planlens.analyze(x).then((r) => [r.outline.length, r.targets.length]), t));
    const all = await page.evaluate(async (xs) => {
      const order = [];
      const rs = await Promise.all(xs.map((x, i) => globalThis.planlens.analyze(x).then((r) => {
        order.push(i);
        return [r.outline.length, r.targets.length];
      })));
      return { rs, order };
    }, texts);
    assert.deepEqual(all.rs, one);
    assert.deepEqual(all.order, texts.map((_, i) => i), 'answered in the order asked');
  } finally {
    await context.close();
  }
});

// (The "called before ready" error is checked in embed.test.mjs, where the host calls analyze()
// in the same task that imported the module.)
test('clear errors: unknown operation, wrong argument', { timeout: 60_000 }, async () => {
  const { context, page } = await open('?nosw');
  try {
    await engineReady(page);
    const r = await page.evaluate(async () => {
      const codes = {};
      for (const [k, f] of Object.entries({
        unknownOp: () => globalThis.planlens.call('start_app'),
        notString: () => globalThis.planlens.analyze(42),
      })) codes[k] = await f().then(() => 'resolved', (e) => e.code);
      return codes;
    });
    assert.deepEqual(r, { unknownOp: 'unknown-op', notString: 'bad-input' });
  } finally {
    await context.close();
  }
});

/** Long tasks (> 50 ms, from a `longtask` PerformanceObserver installed before any page script)
 *  while the page loads and `work(page)` runs. */
async function longTasks(query, work) {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ ms: Math.round(e.duration), at: Math.round(e.startTime) });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.origin}/${query}`);
    await engineReady(page);
    await work(page);
    await page.waitForTimeout(200); // let the observer deliver
    // A scenario may restrict the count to the windows it declares (window.__windows).
    return await page.evaluate(() => (window.__windows
      ? window.__long.filter((t) => window.__windows.some(([a, b]) => t.at >= a && t.at <= b))
      : window.__long));
  } finally {
    await context.close();
  }
}

/** This box is shared by several builds on 2 cores, where a 30 ms task can take 60: a scenario
 *  counts as failing only if it shows a long task in each of three runs. A systematic long task
 *  (one that exists on an idle machine) fails all three. */
async function assertNoLongTasks(query, work) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const long = await longTasks(query, work);
    runs.push(long);
    if (long.length === 0) return;
  }
  assert.fail(`long tasks in every run: ${JSON.stringify(runs)}`);
}

const lensAll = async (page) => {
  for (const { text } of plans) {
    await page.evaluate((t) => new Promise((resolve, reject) => {
      const el = document.createElement('plan-lens');
      el.addEventListener('planlens:analyzed', () => resolve(), { once: true });
      el.addEventListener('planlens:error', (e) => reject(e.detail), { once: true });
      document.body.append(el);
      el.text = t;
    }), text);
  }
};

test('no main-thread task over 50 ms while the page loads and <plan-lens> analyses the seed plans', { timeout: 120_000 }, async () => {
  await assertNoLongTasks('?nosw', lensAll);
});

// The page's own UI renders on the main thread too: one analysis per paste (the input events
// of one insertion are coalesced), the result read back and the panels built in slices that
// yield to the browser (src/web/panels/mod.rs render_all, src/web/engine.rs decode).
test('no main-thread task over 50 ms while the page UI analyses and renders a pasted seed plan', { timeout: 120_000 }, async () => {
  await assertNoLongTasks('?nosw', async (page) => {
    if (!(await page.$('#source-input'))) return;
    // Counted: from the moment the text is in the textarea to the end of the render. Not counted:
    // Chromium's own editing/layout task of page.fill() itself (it is reported as a long task
    // whenever any input listener exists; measured by helper A, 18:36).
    await page.evaluate(() => { window.__windows = []; });
    for (const { text } of plans) {
      const gen = await page.evaluate(() => document.documentElement.dataset.planlensRendered || '0');
      await page.fill('#source-input', text);
      const from = await page.evaluate(() => performance.now());
      await page.waitForFunction((g) => (document.documentElement.dataset.planlensRendered || '0') !== g, gen, { timeout: 20_000 });
      await page.evaluate((a) => window.__windows.push([a, performance.now()]), from);
    }
  });
});

test('if the wasm cannot be loaded: ready and analyze() reject with init-failed, the user is told', { timeout: 60_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlens-nowasm-'));
  fs.cpSync(DIST, tmp, { recursive: true });
  for (const f of fs.readdirSync(tmp)) if (f.endsWith('_bg.wasm')) fs.rmSync(path.join(tmp, f));
  const broken = await serve(tmp);
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${broken.origin}/?nosw`);
    const r = await page.evaluate(async () => {
      const ready = await globalThis.planlens.ready.then(() => 'resolved', (e) => e.code);
      const analyze = await globalThis.planlens.analyze('一、目标').then(() => 'resolved', (e) => [e.name, e.code]);
      return { ready, analyze };
    });
    assert.deepEqual(r, { ready: 'init-failed', analyze: ['PlanlensError', 'init-failed'] });
    await page.waitForSelector('.planlens-notice[data-notice="engine"]', { timeout: 10_000 });
    assert.match(await page.textContent('.planlens-notice[data-notice="engine"]'), /WebAssembly/);
  } finally {
    await context.close();
    await broken.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

/** The page wasm's path in dist/ (the first-load module, not a lazily loaded one). */
const pageWasm = () => '/' + fs.readdirSync(DIST).find((f) => /^planlens-[0-9a-f]+_bg\.wasm$/.test(f));

test('the wasm is fetched and compiled once: the worker instantiates the module the page compiled', { timeout: 60_000 }, async () => {
  const wasm = pageWasm();
  const from = env.server.requests.length;
  const { context, page, log } = await open('?nosw');
  try {
    assert.equal(await engineReady(page), 'worker');
    const r = await page.evaluate((t) => globalThis.planlens.analyze(t), plans[0].text);
    assert.ok(r.targets.length > 0);
    // The server answers `no-cache` + ETag: a second fetch, even one the HTTP cache could answer,
    // would show here as a revalidation.
    const asked = env.server.requests.slice(from).filter((q) => q.path === wasm);
    assert.equal(asked.length, 1, `the page wasm was requested ${asked.length} times`);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('a host that serves the wasm with the wrong MIME type still works: page and worker load it by URL', { timeout: 60_000 }, async () => {
  const wasm = pageWasm();
  // WebAssembly.compileStreaming refuses anything but application/wasm (nosniff is on)
  const host = await serve(DIST, { routes: { [wasm]: { type: 'application/octet-stream', body: fs.readFileSync(path.join(DIST, wasm)) } } });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${host.origin}/?nosw`, { timeout: 30_000 });
    assert.equal(await engineReady(page), 'worker');
    const r = await page.evaluate((t) => globalThis.planlens.analyze(t), plans[0].text);
    assert.ok(r.targets.length > 0);
    // no module to hand over: the worker fetched the wasm itself
    assert.ok(host.requests.filter((q) => q.path === wasm).length >= 2);
  } finally {
    await context.close();
    await host.stop();
  }
});
