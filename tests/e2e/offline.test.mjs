// Offline after the first load, and the update path of the service worker.
//
// The build is served from a temporary copy of dist/ so that the test can "deploy" a changed
// build: the copy gets a marker in index.html and a freshly generated sw.js (the same
// writeServiceWorker() the post_build hook uses), i.e. what a new deploy looks like to a browser.
// Offline means both context.setOffline(true) AND the server stopped: nothing can come from the
// network, so whatever works, works from the service worker's cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assertDist, CHROMIUM, CHROMIUM_ARGS, DIST, engineReady, fixtures, launch, serve, watchPage } from './lib.mjs';
import { writeServiceWorker } from '../../tools/post_build.mjs';

let browser, tmp;
const plan = fixtures()[2].text;

before(async () => {
  assertDist();
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlens-offline-'));
});
after(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const cacheState = (page) => page.evaluate(async () => {
  const keys = (await caches.keys()).filter((k) => k.startsWith('planlens-')).sort();
  const sizes = {};
  for (const k of keys) sizes[k] = (await (await caches.open(k)).keys()).length;
  return { keys, sizes };
});

const marker = (page) => page.evaluate(() => document.querySelector('meta[name="planlens-test-build"]')?.content || 'v1');

async function analyzeHere(page) {
  // Through the page's own UI when it is there (paste → rendered), and through the engine API.
  const input = await page.$('#source-input');
  if (input) await input.fill(plan);
  return page.evaluate((t) => globalThis.planlens.analyze(t).then((r) => ({ h: r.outline.length, t: r.targets.length, title: r.document.title })), plan);
}

test('works offline after one load; a new deploy is offered, applied on reload, never mixed', { timeout: 150_000 }, async () => {
  const v1 = path.join(tmp, 'v1');
  fs.cpSync(DIST, v1, { recursive: true });
  const server = await serve(v1);
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__updates = [];
    window.addEventListener('planlens:update', (e) => window.__updates.push(e.detail.build));
  });
  const page = await context.newPage();
  const log = watchPage(page);
  try {
    await page.goto(`${server.origin}/`);
    await engineReady(page);
    const online = await analyzeHere(page);
    assert.ok(online.h > 0 && online.t > 0);
    // First install takes control of this very page (clients.claim), no reload needed.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const c1 = await cacheState(page);
    assert.equal(c1.keys.length, 1, JSON.stringify(c1));
    const precached = JSON.parse(fs.readFileSync(path.join(v1, 'sw.js'), 'utf8').match(/const PRECACHE = (\[.*?\]);/s)[1]);
    assert.equal(c1.sizes[c1.keys[0]], precached.length, 'every precached file is in the cache');
    assert.ok(!precached.some(([f]) => f.startsWith('dict/')), 'the dictionary is not precached');
    // One URL for the page, the worker and the service worker: the wasm crossed the wire once;
    // so did the extras and the keywords wasm (precached by the service worker, not needed for the
    // first result).
    for (const [what, re] of [['wasm', /\/planlens-[0-9a-f]+_bg\.wasm$/], ['extras wasm', /\/planlens-extras-[0-9a-f]+_bg\.wasm$/], ['keywords wasm', /\/planlens-keywords-[0-9a-f]+_bg\.wasm$/]]) {
      const gets = server.requests.filter((r) => re.test(r.path));
      if (process.env.DEBUG_E2E) console.log(what, gets.map((r) => r.status));
      assert.equal(gets.filter((r) => r.status === 200).length, 1, `${what} transfers: ${JSON.stringify(gets.map((r) => r.status))}`);
    }

    // The keyword dictionary is not precached, but cached on first use (here, online).
    const kwOnline = await page.evaluate((t) => globalThis.planlens.call('keywords', t), plan);
    assert.ok(kwOnline.length > 0);
    const other = fixtures()[0].text;
    const docxBytes = [...fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'plan.docx'))];
    const extrasOps = (t) => page.evaluate(async ([a, b, bytes]) => {
      const c = await globalThis.planlens.call('compare', a, b);
      const k = await globalThis.planlens.call('checkPlan', a);
      const docx = await globalThis.planlens.call('docxText', new Uint8Array(bytes));
      return { pairs: c.summary, flags: k.flags.length, docx };
    }, [t, other, docxBytes]);
    const extrasOnline = await extrasOps(plan);
    assert.ok(extrasOnline.docx.startsWith('某市2024年卫生健康工作要点') && extrasOnline.pairs !== null && typeof extrasOnline.pairs === 'object', JSON.stringify(extrasOnline).slice(0, 300));

    // Offline: the browser says so and the origin is gone.
    await context.setOffline(true);
    await server.stop();
    await page.reload();
    assert.equal(await engineReady(page), 'worker');
    assert.deepEqual(await analyzeHere(page), online, 'full analysis offline');
    assert.deepEqual(await page.evaluate((t) => globalThis.planlens.call('keywords', t), plan), kwOnline, 'keywords offline');
    assert.deepEqual(await extrasOps(plan), extrasOnline, 'compare, check and .docx (the extras wasm) offline');
    if (await page.$('#source-input')) {
      await page.waitForFunction(() => document.querySelector('#app')?.textContent.length > 200, null, { timeout: 20_000 });
    }

    // Deploy v2 (a changed index.html → a new sw.js), come back online.
    const v2 = path.join(tmp, 'v2');
    fs.cpSync(v1, v2, { recursive: true });
    const idx = path.join(v2, 'index.html');
    fs.writeFileSync(idx, fs.readFileSync(idx, 'utf8').replace('</head>', '<meta name="planlens-test-build" content="v2">\n</head>'));
    const { version: v2version } = writeServiceWorker(v2);
    server.setDir(v2);
    await server.start();
    await context.setOffline(false);

    await page.reload(); // still v1 from the cache; the navigation makes the browser check sw.js
    await page.waitForFunction(() => window.__updates.length > 0, null, { timeout: 30_000 });
    assert.equal(await marker(page), 'v1', 'the running page stays on v1 until the user reloads');
    const c2 = await cacheState(page);
    assert.deepEqual(c2.keys, [c1.keys[0], `planlens-${v2version}`].sort(), 'v2 is fully cached beside v1');
    const servedIndex = await page.evaluate(() => fetch('./index.html').then((r) => r.text()));
    assert.ok(!servedIndex.includes('planlens-test-build'), 'v1 files keep being served while v2 waits');
    // The notice: the page's own (A's UI) or boot.js's fallback bar.
    await page.waitForFunction(() => {
      const e = document.querySelector('#update-reload') || document.querySelector('.planlens-notice[data-notice="update"] [data-action="reload"]');
      return e && e.getClientRects().length > 0 && !e.closest('[hidden]');
    }, null, { timeout: 10_000 });

    // The user clicks "reload".
    const nav = page.waitForNavigation({ timeout: 30_000 });
    await page.click('#update-reload, .planlens-notice[data-notice="update"] [data-action="reload"]');
    await nav;
    await engineReady(page);
    assert.equal(await marker(page), 'v2');
    for (let i = 0; i < 50 && (await cacheState(page)).keys.length > 1; i++) await page.waitForTimeout(200);
    assert.deepEqual((await cacheState(page)).keys, [`planlens-${v2version}`], 'the old cache is gone');
    assert.deepEqual(await analyzeHere(page), online);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('installable: the manifest parses cleanly and Chromium reports no installability error', { timeout: 60_000 }, async () => {
  const server = await serve(DIST);
  // A persistent profile: Playwright's default contexts count as incognito, which is never installable.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'planlens-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(`${server.origin}/`);
    await engineReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${server.origin}/manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await context.close();
    await server.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
