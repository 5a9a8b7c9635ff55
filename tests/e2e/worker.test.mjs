// The engine: the page loads, the wasm runs in a Web Worker, a sample plan is analysed and shown;
// the same-thread path (?engine=inline) gives the identical result; a crashed or hung worker is
// restarted, the failed request is rejected with a clear error, the user sees a message and the
// text stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertDist, DIST, engineReady, fixtures, launch, lensSummary, serve, watchPage } from './lib.mjs';

let server, browser;
const plans = fixtures();

before(async () => {
  assertDist();
  server = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh context + page that records CSP violations from the first script on. */
async function open(query = '') {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const log = watchPage(page);
  await page.goto(`${server.origin}/${query}`, { timeout: 30_000 });
  return { context, page, log };
}

test('the page loads, the worker engine analyses a sample plan and <plan-lens> shows it', { timeout: 60_000 }, async () => {
  const { context, page, log } = await open('?nosw');
  try {
    assert.equal(await engineReady(page), 'worker');
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
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
