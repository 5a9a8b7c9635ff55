// Embedding from a SECOND origin: dist/ is served with CORS on one loopback port, the host page
// (examples/embed.html + embed.js, with their placeholder host replaced) on another, under the
// strict CSP the README documents. The host imports planlens.js cross-origin, calls analyze(),
// and shows <plan-lens> with a plan in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertDist, DIST, fixtures, launch, recordRequests, ROOT, serve, watchPage } from './lib.mjs';

let lib, host, browser, tmp;

before(async () => {
  assertDist();
  lib = await serve(DIST, { cors: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlens-host-'));
  for (const f of ['embed.html', 'embed.js']) {
    const src = fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
    fs.writeFileSync(path.join(tmp, f), src.replaceAll('https://their-host/planlens/', `${lib.origin}/`).replaceAll('https://their-host', lib.origin));
  }
  host = await serve(tmp);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await lib?.stop();
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('a page on another origin imports planlens.js, calls analyze() and shows <plan-lens>', { timeout: 90_000 }, async () => {
  assert.notEqual(lib.origin, host.origin);
  const context = await browser.newContext();
  const seen = recordRequests(context);
  await context.addInitScript(() => {
    window.__csp = [];
    window.__analyzed = 0;
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    document.addEventListener('planlens:analyzed', () => window.__analyzed++);
  });
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${host.origin}/embed.html`);
    await page.waitForFunction(() => window.embedDemo, null, { timeout: 30_000 });
    const demo = await page.evaluate(() => window.embedDemo);
    assert.equal(demo.early?.schema, 'planlens/1', `analyze() before ready waits for the engine: ${JSON.stringify(demo.early)}`);
    assert.equal(demo.early.targets.length, 1);
    assert.equal(demo.result.schema, 'planlens/1');
    assert.ok(demo.result.outline.length >= 2, 'outline of the example plan');
    assert.ok(demo.result.targets.length >= 3, 'targets of the example plan');
    assert.deepEqual(await page.evaluate(() => [globalThis.planlens.engine, globalThis.planlens.workerMode]), ['worker', 'blob'], log.console.join('\n') + JSON.stringify(await page.evaluate(() => window.__csp)));

    // <plan-lens> rendered the plan from its attribute, in its shadow DOM, styled under the CSP.
    await page.waitForFunction(() => document.getElementById('lens').shadowRoot.querySelector('.targets tbody tr'), null, { timeout: 20_000 });
    assert.ok(await page.evaluate(() => window.__analyzed) >= 1, 'planlens:analyzed reached the document');
    const styled = await page.evaluate(() => getComputedStyle(document.getElementById('lens').shadowRoot.querySelector('table')).borderCollapse);
    assert.equal(styled, 'collapse', 'the constructed stylesheet applies under style-src without unsafe-inline');

    // Fed by the property, with a real plan.
    const plan = fixtures()[0].text;
    const n = await page.evaluate(async (t) => {
      const lens = document.getElementById('lens');
      const done = new Promise((resolve) => lens.addEventListener('planlens:analyzed', (e) => resolve(e.detail), { once: true }));
      lens.text = t;
      const r = await done;
      return { targets: r.targets.length, rows: lens.shadowRoot.querySelectorAll('.targets tbody tr').length, title: r.document.title };
    }, plan);
    assert.ok(n.targets > 10 && n.rows === Math.min(n.targets, 500), JSON.stringify(n));
    assert.match(await page.evaluate(() => document.getElementById('summary').textContent), /项目标/);

    // Loaded a second time under another URL: no error, one element definition, one engine.
    const twice = await page.evaluate(async (u) => {
      const before = customElements.get('plan-lens');
      const api = globalThis.planlens;
      const m = await import(`${u}/planlens.js?again=1`);
      await m.ready;
      const r = await m.analyze('一、总体目标\n到2025年，覆盖率达到90%。');
      return { sameElement: customElements.get('plan-lens') === before, sameApi: globalThis.planlens === api, targets: r.targets.length };
    }, lib.origin);
    assert.deepEqual(twice, { sameElement: true, sameApi: true, targets: 1 });

    // An extras op (the lazily loaded second wasm) resolves relative to planlens.js too: from the
    // planlens origin, under the same CSP, and only now.
    assert.ok(!lib.requests.some((r) => /\/planlens-extras-/.test(r.path)), 'extras fetched before an op needed them');
    const check = await page.evaluate(() => globalThis.planlens.call('checkPlan', '一、总体目标\n到2025年，覆盖率达到90%。'));
    assert.equal(check.schema, 'planlens-check/1');
    assert.ok(lib.requests.some((r) => /\/planlens-extras-[0-9a-f]+_bg\.wasm$/.test(r.path)), 'the extras wasm came from the planlens origin');

    // The own textarea feeds it too.
    await page.locator('#lens').locator('textarea').fill('一、工作目标\n新建学校3所，完成率达到100%。');
    await page.waitForFunction(() => document.getElementById('lens').result?.targets.length === 2, null, { timeout: 10_000 });

    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation under the documented CSP');
    const foreign = seen.filter((r) => !r.url.startsWith(`${lib.origin}/`) && !r.url.startsWith(`${host.origin}/`) && !r.url.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.ok(lib.requests.some((r) => r.path.endsWith('_bg.wasm')), 'the wasm came from the planlens origin');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
