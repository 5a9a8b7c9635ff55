// Nothing leaves the page, and user text is only ever text.
//
// 1. Every request after load — page, engine worker, service worker — while every sample plan is
//    pasted into the page and analysed (outline, targets, keywords) stays on the page's origin;
//    a "canary" server on another loopback port proves that deliberate leaks (fetch, beacon,
//    image, script import, from the page and from the engine worker) are blocked by the CSP:
//    it must receive nothing.
// 2. XSS payloads inside a plan (script tags, event-handler attributes, SVG, iframes,
//    javascript: URLs) stay inert in the page's UI and in <plan-lens>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertDist, DIST, engineReady, fixtures, launch, recordRequests, serve, watchPage } from './lib.mjs';

let server, canary, browser;
const plans = fixtures();

before(async () => {
  assertDist();
  server = await serve(DIST);
  canary = await serve(DIST, { cors: true, routes: { '/leak': { body: 'leaked', type: 'text/plain' }, '/leak.js': { body: 'window.__leaked = 1;', type: 'text/javascript' } } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await canary?.stop();
});

async function openPage() {
  const context = await browser.newContext();
  const seen = recordRequests(context);
  await context.addInitScript(() => {
    window.__csp = [];
    window.__xss = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push({ dir: e.effectiveDirective, uri: e.blockedURI }));
  });
  const page = await context.newPage();
  const log = watchPage(page);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.goto(`${server.origin}/`);
  await engineReady(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return { context, page, seen, log, dialogs };
}

/** Pastes into the page's own UI (A's #source-input) and waits until the page has rendered. */
async function pasteIntoPage(page, text) {
  const input = await page.$('#source-input');
  if (!input) return false;
  await input.fill(text);
  await page.waitForTimeout(600); // the UI's debounce + render
  return true;
}

async function showInLens(page, text) {
  return page.evaluate((t) => new Promise((resolve, reject) => {
    let el = document.getElementById('probe');
    if (!el) {
      el = document.createElement('plan-lens');
      el.id = 'probe';
      document.body.append(el);
    }
    el.addEventListener('planlens:analyzed', (e) => resolve(e.detail.targets.length), { once: true });
    el.addEventListener('planlens:error', (e) => reject(new Error(e.detail.message)), { once: true });
    el.text = t;
  }), text);
}

test('every request after load stays on the origin; the CSP blocks deliberate leaks', { timeout: 120_000 }, async () => {
  const { context, page, seen, log } = await openPage();
  try {
    const mark = seen.length;
    for (const { text } of plans) {
      await pasteIntoPage(page, text);
      assert.ok(await showInLens(page, text) > 0);
      const kw = await page.evaluate((t) => (globalThis.planlens.ops.includes('keywords')
        ? globalThis.planlens.call('keywords', t).then((r) => r.length) : -1), text);
      assert.ok(kw >= 0, 'keywords ran');
    }
    if (await page.evaluate(() => globalThis.planlens.ops.includes('keywords'))) {
      assert.ok(seen.slice(mark).some((r) => r.url === `${server.origin}/dict/jieba.dict.txt`), 'the worker fetched the dictionary from the origin');
    }
    const after = seen.slice(mark);
    const foreign = after.filter((r) => !r.url.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(r.url));
    assert.deepEqual(foreign, [], 'no request left the origin');

    // Deliberate leaks from the page...
    const page1 = await page.evaluate(async (c) => {
      const out = {};
      out.fetch = await fetch(`${c}/leak?from=page`).then(() => 'sent', (e) => e.name);
      navigator.sendBeacon(`${c}/leak?from=beacon`, 'x'); // returns true even when the CSP drops it: the canary decides
      out.image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = `${c}/leak?from=img`;
      });
      out.import = await import(`${c}/leak.js`).then(() => 'loaded', (e) => e.name);
      return out;
    }, canary.origin);
    assert.deepEqual(page1, { fetch: 'TypeError', image: 'blocked', import: 'TypeError' });
    // ...and from inside the engine worker (a blob worker: it inherits the page's CSP).
    const worker = page.workers()[0];
    assert.ok(worker, 'the engine worker exists');
    const fromWorker = await worker.evaluate((c) => fetch(`${c}/leak?from=worker`).then(() => 'sent', (e) => e.name), canary.origin);
    assert.equal(fromWorker, 'TypeError');

    await page.waitForTimeout(300);
    const violations = await page.evaluate(() => window.__csp);
    for (const d of ['connect-src', 'img-src', 'script-src-elem']) {
      assert.ok(violations.some((v) => v.dir === d && v.uri.startsWith(canary.origin)), `a ${d} violation was reported: ${JSON.stringify(violations)}`);
    }
    assert.deepEqual(canary.requests.map((r) => r.path), [], 'the other origin received nothing');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

const XSS_PLAN = [
  '关于印发<script>window.__xss.push("title")</script>工作要点的通知',
  '某市<img src=x onerror="window.__xss.push(\'img\')">2024年卫生健康工作要点',
  '一、<svg onload="window.__xss.push(\'svg\')"><a href="javascript:window.__xss.push(\'a\')">点击</a>总体目标',
  '到2025年，<b onmouseover="window.__xss.push(\'b\')">签约覆盖率</b>达到95%以上。',
  '（一）<iframe srcdoc="<script>parent.__xss.push(\'iframe\')</script>"></iframe>提升服务能力',
  '新建社区卫生服务中心5个<style>*{display:none}</style>，[链接](javascript:window.__xss.push(\'md\'))完成率100%。',
  '二、"><img src=x onerror=window.__xss.push(\'attr\')>保障措施',
  '（二）<math><mtext><table><mglyph><style><img src=x onerror=window.__xss.push(\'mxss\')>加强考核',
  '年内培训<details open ontoggle="window.__xss.push(\'details\')">医务人员</details>2000人次。',
].join('\n');

const DANGEROUS = 'script, iframe, object, embed, img[src="x"], [onerror], [onload], [onmouseover], [ontoggle], a[href^="javascript:" i], math, details[ontoggle]';

test('XSS payloads inside a plan stay inert in the page and in <plan-lens>', { timeout: 90_000 }, async () => {
  const { context, page, dialogs, log } = await openPage();
  try {
    const pasted = await pasteIntoPage(page, XSS_PLAN);
    const targets = await showInLens(page, XSS_PLAN);
    assert.ok(targets >= 3, `the plan is still analysed (${targets} targets)`);
    // Hover and click over everything rendered, in case a handler slipped through.
    await page.mouse.move(10, 10);
    for (const sel of ['#app *', '#probe']) {
      const boxes = await page.$$eval(sel, (els) => els.slice(0, 400).map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => [r.x + r.width / 2, r.y + r.height / 2]));
      for (const [x, y] of boxes.slice(0, 150)) await page.mouse.move(x, y);
    }
    await page.waitForTimeout(300);
    const report = await page.evaluate((sel) => {
      const lens = document.getElementById('probe').shadowRoot;
      const app = document.getElementById('app');
      const names = (list) => [...list].map((e) => e.outerHTML.slice(0, 80));
      return {
        xss: window.__xss,
        csp: window.__csp,
        inLens: names(lens.querySelectorAll(sel + ', svg, style')),
        inApp: names(app.querySelectorAll(sel)),
        lensText: lens.textContent,
        appText: app.textContent,
        hidden: getComputedStyle(document.body).display,
      };
    }, DANGEROUS);
    assert.deepEqual(report.xss, [], 'no payload ran');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(report.csp, [], 'nothing even tried to run (no CSP violation)');
    assert.deepEqual(report.inLens, [], 'no markup from the plan in <plan-lens>');
    assert.deepEqual(report.inApp, [], 'no markup from the plan in the page');
    assert.notEqual(report.hidden, 'none');
    assert.ok(report.lensText.includes('onmouseover') || report.lensText.includes('<svg'), 'the payload is shown as text');
    if (pasted) assert.ok(report.appText.includes('<svg') || report.appText.includes('onerror'), 'the page shows the payload as text');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
