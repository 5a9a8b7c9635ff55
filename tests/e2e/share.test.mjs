// "Link with the text": the button puts the plan's text, deflated (CompressionStream
// 'deflate-raw') and in base64url, into the URL's fragment; the link opened in a fresh browser
// shows the same text and the same targets, with no request carrying the text; a text too long
// for a link is refused with its size.
// Run after a trunk build: `node --test --test-concurrency=1 tests/e2e/share.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, fixtures } from './lib.mjs';

const env = servedBrowser();

const gen = (page) => page.evaluate(() => Number(document.getElementById('app').dataset.gen || 0));

async function fresh(url = `${env.server.origin}/?nosw`) {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  return { ctx, page };
}

async function targets(page) {
  await page.click('#tab-targets');
  await page.waitForSelector('#targets-grid tbody tr[data-t]', { timeout: 60_000 });
  return page.$$eval('#targets-grid tbody tr[data-t] td.q', (tds) => tds.map((td) => td.textContent));
}

test('a link with the text opens the same text and targets in a fresh browser, sending it nowhere', async () => {
  const text = fixtures().find((f) => f.name.startsWith('000')).text;
  const { ctx, page } = await fresh();
  const g = await gen(page);
  await page.fill('#source-input', text);
  await page.waitForFunction((x) => Number(document.getElementById('app').dataset.gen || 0) > x, g, { timeout: 60_000 });
  const mine = await targets(page);
  assert.ok(mine.length > 10);
  assert.equal(await page.textContent('#export-link'), '带文本的链接');
  await page.click('#export-link');
  // the status comes once the address holds the link and the clipboard was asked to keep it
  await page.waitForFunction(() => /链接现已包含/.test(document.getElementById('status').textContent), null, { timeout: 15_000 });
  const url = page.url();
  assert.match(url, /#z=[A-Za-z0-9_-]+$|&z=[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  const z = url.split('z=')[1];
  assert.ok(z.length < text.length, `${z.length} chars for ${text.length}`);
  await ctx.close();

  const before = env.server.requests.length;
  const { ctx: other, page: p2 } = await fresh(url.replace('/#', '/?nosw#'));
  await p2.waitForFunction((t) => document.getElementById('source-input').value === t, text, { timeout: 60_000 });
  assert.deepEqual(await targets(p2), mine);
  assert.match(await p2.textContent('#status'), /已打开链接中的文本/);
  // a fragment never reaches the server
  assert.ok(env.server.requests.slice(before).every((r) => !r.path.includes(z.slice(0, 16))));
  // the reader's own saved text is not replaced by a link's
  assert.equal(await p2.evaluate((t) => Object.values(localStorage).includes(t), text), false);
  await other.close();
});

test('a text too long for a link is refused with its size; a damaged link says so', async () => {
  const { ctx, page } = await fresh();
  // varied text compresses badly: far above 32 KB once deflated
  let long = '';
  for (let i = 0; long.length < 120_000; i++) long += `${(i * 7919) % 100003}号任务完成${(i * 104729) % 9973}个。\n`;
  const g = await gen(page);
  await page.fill('#source-input', long);
  await page.waitForFunction((x) => Number(document.getElementById('app').dataset.gen || 0) > x, g, { timeout: 60_000 });
  await page.click('#export-link');
  await page.waitForFunction(() => /文本太长/.test(document.getElementById('status').textContent), null, { timeout: 15_000 });
  assert.match(await page.textContent('#status'), /上限 32 KB/);
  assert.ok(!page.url().includes('z='));
  await ctx.close();

  const { ctx: c2, page: p2 } = await fresh(`${env.server.origin}/?nosw#z=not-a-deflated-text`);
  await p2.waitForFunction(() => /已损坏/.test(document.getElementById('status').textContent), null, { timeout: 15_000 });
  await c2.close();
});
