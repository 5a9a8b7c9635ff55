// The page (issue 5) in real headless Chromium: every way to get text in, the linked views,
// filters/sorting, exports, language, keyboard, layout, storage, and an XSS payload.
// Run after a trunk build: `node --test --test-concurrency=1 tests/e2e/page.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, servedBrowser, download, parseCsv, recordRequests, watchPage, fixtures } from './lib.mjs';

const FIX = path.join(ROOT, 'tests', 'e2e', 'fixtures');
const env = servedBrowser();
const requests = [];
const pageErrors = [];

async function open(query = '', opts = {}) {
  const ctx = await env.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', ...opts });
  requests.push(...[]);
  const seen = recordRequests(ctx);
  ctx.on('close', () => requests.push(...seen));
  const page = await ctx.newPage();
  // every CSP violation (inline style/script, foreign request) is recorded for the assertions
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const log = watchPage(page);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${env.server.origin}/${query}`);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  return { ctx, page, log };
}

const gen = (page) => page.evaluate(() => Number(document.getElementById('app').dataset.gen || 0));
async function analysed(page, after = 0) {
  await page.waitForFunction((g) => Number(document.getElementById('app').dataset.gen || 0) > g, after, { timeout: 30_000 });
}
async function loadSample(page, n) {
  const g = await gen(page);
  const file = fixtures().find((f) => f.name.startsWith(n)).name;
  await page.selectOption('#sample-select', file);
  await analysed(page, g);
  await page.waitForSelector('#text-view mark', { timeout: 30_000 });
}
/** A target's sentence: its clause widened to the sentence ends around it (as the search reads it). */
function sentenceOf(chars, t) {
  const end = (c) => '。！？；!?;\n'.includes(c);
  let [a, b] = t.clause_span;
  while (a > 0 && !end(chars[a - 1])) a--;
  while (b < chars.length && !end(chars[b])) b++;
  return chars.slice(a, b).join('');
}
/** The titles of the sections a target stands in. */
function sectionTitles(outline, t) {
  const out = [];
  let level = outline;
  for (const i of t.path) {
    if (!level[i]) break;
    out.push(level[i].title);
    level = level[i].children || [];
  }
  return out;
}
async function exportJson(page) {
  return JSON.parse((await download(page, '#export-json')).bytes.toString('utf8'));
}
const rowCount = (page) => page.locator('#targets-grid tbody tr[data-t]').count();

test('paste: rich clipboard (HTML only) becomes plain text with line breaks, then is analysed', async () => {
  const { ctx, page } = await open();
  assert.match(await page.textContent('#status'), /请粘贴或打开/);
  const g = await gen(page);
  await page.focus('#source-input');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/html', '<html><body><p><b>某县2024年交通运输工作要点</b></p><p>一、推进道路建设</p>' +
      '<p>新建农村公路<span style="color:red">120公里</span>，完成率达到100%。</p><table><tr><td>序号</td><td>任务</td></tr></table></body></html>');
    document.getElementById('source-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await analysed(page, g);
  const v = await page.inputValue('#source-input');
  assert.equal(v.split('\n')[0], '某县2024年交通运输工作要点');
  assert.ok(v.includes('\n一、推进道路建设\n新建农村公路120公里，完成率达到100%。'), v);
  assert.ok(!v.includes('<'), 'no markup survives');
  assert.ok(await page.locator('#outline-tree [role=treeitem]').count() >= 1);
  assert.ok(await page.locator('#text-view mark').count() >= 1);
  // a plain-text paste is inserted at the caret
  const g2 = await gen(page);
  await page.evaluate(() => {
    const ta = document.getElementById('source-input');
    ta.setSelectionRange(ta.value.length, ta.value.length);
    const dt = new DataTransfer();
    dt.setData('text/plain', '\r\n二、加强养护\r\n年内完成危桥改造8座。');
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await analysed(page, g2);
  assert.ok((await page.inputValue('#source-input')).endsWith('\n二、加强养护\n年内完成危桥改造8座。'));
  await ctx.close();
});

test('typing analyses as you type (debounced), and empty / blank input get clear messages', async () => {
  const { ctx, page } = await open();
  const g = await gen(page);
  await page.fill('#source-input', '一、总体要求\n新建学校5所。');
  await analysed(page, g);
  assert.match(await page.textContent('#status'), /已分析 .*，1 项指标/);
  const g2 = await gen(page);
  await page.fill('#source-input', '   \n  ');
  await analysed(page, g2);
  assert.match(await page.textContent('#status'), /没有可读的文字/);
  assert.ok(await page.locator('#status.error').count() === 1);
  assert.ok(await page.locator('#workspace').isHidden());
  await ctx.close();
});

test('file open: UTF-8, GB18030 and .docx give the same plan; a broken PDF is refused politely', async () => {
  const { ctx, page } = await open();
  const utf8 = fs.readFileSync(path.join(FIX, 'plan-utf8.txt'), 'utf8');
  let g = await gen(page);
  await page.setInputFiles('#file-input', path.join(FIX, 'plan-utf8.txt'));
  await analysed(page, g);
  assert.match(await page.textContent('#status'), /plan-utf8\.txt（UTF-8 编码/);
  assert.equal(await page.inputValue('#source-input'), utf8);
  const tabUtf8 = await page.textContent('#tab-targets');
  const headsUtf8 = await page.locator('#outline-tree [role=treeitem]').count();
  assert.ok(headsUtf8 >= 3);

  g = await gen(page);
  await page.setInputFiles('#file-input', path.join(FIX, 'plan-gb18030.txt'));
  await analysed(page, g);
  assert.match(await page.textContent('#status'), /GB18030\/GBK 编码/);
  assert.equal(await page.inputValue('#source-input'), utf8, 'GB18030 bytes decode to the same text');
  assert.equal(await page.textContent('#tab-targets'), tabUtf8);

  g = await gen(page);
  await page.setInputFiles('#file-input', path.join(FIX, 'plan.docx'));
  await analysed(page, g);
  assert.match(await page.textContent('#status'), /plan\.docx（Word 文档/);
  const v = await page.inputValue('#source-input');
  assert.ok(v.startsWith('某市2024年卫生健康工作要点\n一、提升基层医疗服务能力\n'), v);
  assert.ok(v.includes('\n序号\n任务\n牵头单位\n1\n'), 'table cells one per line');
  assert.equal(await page.locator('#outline-tree > [role=treeitem]').count(), 3);

  await page.setInputFiles('#file-input', path.join(FIX, 'binary.pdf'));
  await page.waitForSelector('#status.error', { timeout: 10_000 });
  // binary.pdf is bytes with a PDF name and no PDF inside: the PDF reader says why it cannot read it
  assert.match(await page.textContent('#status'), /无法读取 binary\.pdf：.*not a readable PDF/);
  assert.ok(v === (await page.inputValue('#source-input')), 'a refused file does not replace the text');
  // bytes that are no text, no PDF and no .docx are refused with the plain message
  await page.setInputFiles('#file-input', {
    name: 'photo.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)),
  });
  await page.waitForFunction(() => /photo\.bin|不像文本文件/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 10_000 });
  assert.match(await page.textContent('#status'), /不像文本文件/);
  assert.ok(v === (await page.inputValue('#source-input')), 'a refused file does not replace the text');

  // drag and drop of a GB18030 file onto the page
  g = await gen(page);
  const b64 = fs.readFileSync(path.join(FIX, 'plan-gb18030.txt')).toString('base64');
  await page.evaluate((b) => {
    const bytes = Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.txt', { type: 'text/plain' }));
    document.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64);
  await analysed(page, g);
  assert.match(await page.textContent('#status'), /dropped\.txt（GB18030/);
  assert.equal(await page.inputValue('#source-input'), utf8);
  await ctx.close();
});

test('click-to-highlight: tree heading, grid row and timeline scroll the text there and mark it; clicking a mark selects its row', async () => {
  const { ctx, page } = await open();
  await loadSample(page, '002');
  const inPane = (sel) => page.evaluate((s) => {
    const e = document.querySelector(s), p = document.getElementById('text-view');
    if (!e) return false;
    const r = e.getBoundingClientRect(), q = p.getBoundingClientRect();
    return r.top >= q.top && r.bottom <= q.bottom;
  }, sel);
  // a heading deep in the text
  const item = page.locator('#outline-tree > [role=treeitem]').nth(3);
  const title = await item.locator(':scope > .row .title').textContent();
  await item.locator(':scope > .row .title').scrollIntoViewIfNeeded();
  const y0 = await page.evaluate(() => window.scrollY);
  await item.locator(':scope > .row .title').click();
  assert.equal(await page.evaluate(() => window.scrollY), y0, 'the page itself does not jump; only the text pane scrolls');
  assert.equal(await item.getAttribute('aria-selected'), 'true');
  assert.equal(await page.textContent('#text-view .h.sel'), title);
  assert.ok(await inPane('#text-view .h.sel'), 'heading scrolled into the text pane');
  // a target row
  await page.click('#tab-targets');
  const row = page.locator('#targets-grid tbody tr[data-t]').nth(12);
  const t = await row.getAttribute('data-t');
  const text = await row.locator('td.q').textContent();
  await row.locator('td.q').click();
  assert.equal(await row.getAttribute('aria-selected'), 'true');
  assert.equal(await page.getAttribute('#text-view mark.sel', 'data-t'), t);
  assert.equal(await page.textContent('#text-view mark.sel'), text);
  assert.ok(await inPane('#text-view mark.sel'));
  assert.equal(await page.locator('#text-view .sel').count(), 1, 'one highlight at a time');
  // the detail card: the clause as written with the quantity marked, and the known fields
  assert.ok(await page.locator('#target-detail').isVisible());
  assert.equal(await page.textContent('#target-detail .clause mark'), text);
  {
    const j = await exportJson(page);
    const tt = j.targets[Number(t)];
    const src = [...(await page.inputValue('#source-input'))];
    const [cs, ce] = [Math.min(tt.clause_span[0], tt.span[0]), Math.max(tt.clause_span[1], tt.span[1])];
    assert.equal(await page.textContent('#target-detail .clause'), src.slice(cs, ce).join(''));
    assert.match(await page.textContent('#target-detail .facts'), /类型.*规范值/);
  }
  // every target is marked in place, with its own text
  const json = await exportJson(page);
  assert.equal(await page.locator('#text-view mark.t').count(), json.targets.length);
  const marks = await page.$$eval('#text-view mark.t', (ms) => ms.map((m) => [Number(m.dataset.t), m.textContent]));
  for (const [i, s] of marks) assert.equal(s, json.targets[i].text);
  // and the text view holds the input exactly
  assert.equal(await page.textContent('#text-view'), await page.inputValue('#source-input'));
  // clicking a mark in the text selects (and reveals) its grid row
  await page.click('#tab-overview');
  const m = page.locator('#text-view mark.t').nth(3);
  const mi = await m.getAttribute('data-t');
  await m.click();
  assert.equal(await page.getAttribute('#tab-targets', 'aria-selected'), 'true');
  assert.equal(await page.getAttribute(`#targets-grid tr[data-t="${mi}"]`, 'aria-selected'), 'true');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.equal(await page.locator('#app [style]').count(), 0);
  await ctx.close();
});

test('targets grid: filters by kind, section, deadline and search; sorting by value both ways; pagination', async () => {
  const { ctx, page } = await open();
  await loadSample(page, '003');
  const json = await exportJson(page);
  const n = json.targets.length;
  await page.click('#tab-targets');
  assert.equal(await rowCount(page), Math.min(n, 100));
  assert.equal(await page.getAttribute('#targets-grid', 'aria-rowcount'), String(n + 1));
  // kind
  const kinds = [...new Set(json.targets.map((t) => t.kind))];
  for (const k of kinds) {
    await page.selectOption('#filter-kind', k);
    const want = json.targets.filter((t) => t.kind === k).length;
    assert.equal(await rowCount(page), Math.min(want, 100), k);
    const classes = await page.$$eval('#targets-grid tbody tr[data-t]', (rs) => rs.map((r) => r.className));
    assert.ok(classes.every((c) => c === `k-${k}`), k);
  }
  await page.selectOption('#filter-kind', '');
  // section
  const sec = json.outline.findIndex((_, i) => json.targets.some((t) => t.path[0] === i));
  await page.selectOption('#filter-section', String(sec));
  const inSec = json.targets.filter((t) => t.path[0] === sec).length;
  assert.ok(inSec > 0);
  assert.equal(await rowCount(page), Math.min(inSec, 100));
  const secTitle = json.outline[sec].marker + json.outline[sec].title;
  const secCells = await page.$$eval('#targets-grid tbody tr[data-t] td.c-sec', (c) => c.map((x) => x.textContent));
  assert.ok(secCells.every((c) => c.startsWith(secTitle)), secTitle);
  await page.selectOption('#filter-section', '');
  // deadline
  const dated = json.targets.filter((t) => t.deadline || t.due).length;
  await page.selectOption('#filter-deadline', 'with');
  assert.equal(await rowCount(page), Math.min(dated, 100));
  await page.selectOption('#filter-deadline', 'without');
  assert.equal(await rowCount(page), Math.min(n - dated, 100));
  await page.selectOption('#filter-deadline', '');
  // search
  await page.fill('#filter-search', '100%');
  const chars = Array.from(fixtures().find((f) => f.name.startsWith('003')).text);
  const fields = (t) => [t.text, t.subject, t.unit, t.deadline, sentenceOf(chars, t), ...sectionTitles(json.outline, t)];
  const hits = json.targets.filter((t) => fields(t).some((s) => s && s.toLowerCase().includes('100%'))).length;
  assert.equal(await rowCount(page), Math.min(hits, 100));
  // a bureau finds the targets its table rows name it for, in the 责任单位 column
  const units = (t) => (t.responsible ? [...t.responsible.lead, ...t.responsible.others] : []);
  const mine = json.targets.filter((t) => [...fields(t), ...units(t)].some((s) => s && s.includes('财政局')));
  assert.ok(mine.length > 10 && mine.some((t) => units(t).includes('财政局')), 'the 003 table names 财政局');
  await page.fill('#filter-search', '财政局');
  assert.equal(await rowCount(page), Math.min(mine.length, 100));
  const who = await page.$$eval('#targets-grid tbody tr[data-t] td.c-resp', (c) => c.map((x) => x.textContent));
  assert.ok(who.every((w, i) => w.includes('财政局') || !units(mine[i]).includes('财政局')), 'responsible cells');
  assert.equal(await page.textContent('#targets-grid th.c-resp'), '责任单位');
  await page.fill('#filter-search', '');
  // sorting by the normalised value
  const value = (i) => { const t = json.targets[i]; return t.value ?? (t.range ? t.range[0] : null); };
  await page.click('#targets-grid button[data-sort="1"]');
  assert.equal(await page.getAttribute('#targets-grid th:nth-child(2)', 'aria-sort'), 'ascending');
  let idx = (await page.$$eval('#targets-grid tbody tr[data-t]', (rs) => rs.map((r) => Number(r.dataset.t))));
  let vals = idx.map(value).filter((v) => v !== null);
  assert.ok(vals.length > 10 && vals.every((v, i) => i === 0 || vals[i - 1] <= v), 'ascending');
  await page.click('#targets-grid button[data-sort="1"]');
  assert.equal(await page.getAttribute('#targets-grid th:nth-child(2)', 'aria-sort'), 'descending');
  idx = (await page.$$eval('#targets-grid tbody tr[data-t]', (rs) => rs.map((r) => Number(r.dataset.t))));
  vals = idx.map(value).filter((v) => v !== null);
  assert.ok(vals.every((v, i) => i === 0 || vals[i - 1] >= v), 'descending');
  // pagination
  if (n > 100) {
    await page.click('#pager button[data-page=next]');
    assert.equal(await rowCount(page), n - 100);
    assert.match(await page.textContent('#grid-info'), new RegExp(`显示 101–${n}`));
  }
  await ctx.close();
});

test('targets grid: a search finds every target whose sentence holds the word (就业 in the Guangdong 2026 report)', async () => {
  const { ctx, page } = await open();
  const file = path.join(ROOT, 'tests', 'corpora', 'provincial-reports-2026', '2026_广东省_政府工作报告.txt');
  const g = await gen(page);
  await page.setInputFiles('#file-input', file);
  await analysed(page, g);
  const json = await exportJson(page);
  const chars = Array.from(await page.inputValue('#source-input'));
  const want = json.targets
    .map((t, i) => [t, i])
    .filter(([t]) => sentenceOf(chars, t).includes('就业'))
    .map(([, i]) => i);
  // the employment targets whose subject does not say 就业 are among them
  for (const q of ['8000个', '30万人次', '640万人']) {
    assert.ok(want.some((i) => json.targets[i].text.includes(q)), q);
  }
  await page.click('#tab-targets');
  await page.fill('#filter-search', '就业');
  const shown = await page.$$eval('#targets-grid tbody tr[data-t]', (rs) => rs.map((r) => Number(r.dataset.t)));
  assert.ok(want.length >= 8 && want.length <= 100, String(want.length));
  for (const i of want) assert.ok(shown.includes(i), `${json.targets[i].text} in ${sentenceOf(chars, json.targets[i])}`);
  await ctx.close();
});

test('exports: CSV with BOM parses back to every target; JSON is planlens/1; Markdown; copy list; print stylesheet', async () => {
  const { ctx, page } = await open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  await loadSample(page, '002');
  const json = await exportJson(page);
  assert.equal(json.schema, 'planlens/1');
  assert.ok(Array.isArray(json.outline) && json.outline.length > 0);
  assert.equal(await page.textContent('#tab-targets'), `指标 ${json.targets.length}`);
  const csv = await download(page, '#export-csv');
  assert.match(csv.name, /\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  assert.equal(rows[0][0], '章节');
  assert.equal(rows.length, json.targets.length + 1);
  const col = rows[0].indexOf('原文句子');
  rows.slice(1).forEach((r, i) => assert.ok(r[col].includes(json.targets[i].text)));
  const lead = rows[0].indexOf('责任单位');
  rows.slice(1).forEach((r, i) => assert.ok(r[lead].startsWith((json.targets[i].responsible?.lead ?? []).join('、'))));
  const md = (await download(page, '#export-md')).bytes.toString('utf8');
  assert.ok(md.startsWith(`# ${json.document.title}`), md.slice(0, 80));
  // copy the (filtered) target list
  await page.click('#tab-targets');
  await page.selectOption('#filter-kind', 'percent');
  const visible = await rowCount(page);
  await page.click('#export-copy');
  await page.waitForFunction(() => /已复制/.test(document.getElementById('status').textContent), null, { timeout: 5000 });
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  const lines = clip.trim().split('\n');
  assert.equal(lines.length, visible + 1);
  assert.equal(lines[0].split('\t')[0], '章节');
  // print: the input and controls go, every panel shows
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('.input-pane', (e) => getComputedStyle(e).display), 'none');
  const shown = await page.$$eval('[role=tabpanel]', (ps) => ps.map((p) => getComputedStyle(p).display));
  assert.ok(shown.every((d) => d !== 'none'), shown.join());
  await ctx.close();
});

test('language: zh-CN by default, English switch re-labels everything, kept across reloads', async () => {
  const { ctx, page } = await open();
  await loadSample(page, '002');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('#tab-overview'), '概览');
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#tab-overview'), 'Overview');
  assert.match(await page.textContent('#outline-summary'), /top-level sections/);
  assert.equal(await page.textContent('#lang-toggle'), '中文');
  assert.match(await page.getAttribute('#source-input', 'placeholder'), /Paste a plan/);
  await page.click('#tab-targets');
  assert.equal(await page.textContent('#targets-grid th:nth-child(2)'), 'Quantity');
  // the plan itself is shown as written (full-width forms untouched)
  assert.equal(await page.textContent('#text-view'), await page.inputValue('#source-input'));
  await page.reload();
  await page.waitForSelector('#app[data-started]');
  // the URL's fragment keeps the open tab across the reload
  assert.equal(await page.getAttribute('#tab-targets', 'aria-selected'), 'true');
  await page.click('#tab-overview');
  await page.waitForSelector('#outline-tree [role=treeitem]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('#lang-toggle');
  assert.equal(await page.textContent('#tab-overview'), '概览');
  await ctx.close();
});

test('keyboard: tabs, outline tree (arrows, expand/collapse, Enter) and targets grid (arrows, Enter, PageDown)', async () => {
  const { ctx, page } = await open();
  await loadSample(page, '003');
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return { path: a.dataset.path, r: a.dataset.r, c: a.dataset.c, id: a.id, role: a.getAttribute('role') };
  });
  await page.focus('#outline-tree [role=treeitem][tabindex="0"]');
  assert.equal((await active()).path, '0');
  // visible focus ring
  const outline = await page.$eval('#outline-tree [data-path="0"] > .row', (e) => getComputedStyle(e).outlineStyle);
  assert.equal(outline, 'solid');
  await page.keyboard.press('End');
  const last = (await active()).path;
  assert.ok(last && last !== '0');
  await page.keyboard.press('Home');
  // find the first top-level item with children
  const json = await exportJson(page);
  const k = json.outline.findIndex((n) => n.children.length > 0);
  await page.focus(`#outline-tree [data-path="${k}"]`);
  await page.keyboard.press('ArrowDown');
  assert.equal((await active()).path, `${k}.0`, 'down goes into the expanded section');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await active()).path, `${k}`, 'left goes to the parent');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute(`[data-path="${k}"]`, 'aria-expanded'), 'false');
  assert.equal(await page.locator(`[data-path="${k}.0"]`).count(), 0, 'collapsed children are not rendered');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute(`[data-path="${k}"]`, 'aria-expanded'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.equal((await active()).path, `${k}.0`);
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute(`[data-path="${k}.0"]`, 'aria-selected'), 'true');
  assert.equal(await page.textContent('#text-view .h.sel'), json.outline[k].children[0].title);
  const child = json.outline[k].children[0];
  assert.equal(await page.textContent('#announce'), `已选中章节：${child.marker}${child.title}`, 'announced to screen readers');
  // tabs with arrows
  await page.focus('#tab-overview');
  await page.keyboard.press('ArrowRight');
  assert.equal((await active()).id, 'tab-targets');
  assert.equal(await page.getAttribute('#tab-targets', 'aria-selected'), 'true');
  // grid
  await page.focus('#targets-grid td[tabindex="0"]');
  assert.deepEqual([(await active()).r, (await active()).c], ['0', '0']);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.deepEqual([(await active()).r, (await active()).c], ['2', '1']);
  assert.equal(await page.locator('#targets-grid td[tabindex="0"]').count(), 1, 'roving tabindex');
  await page.keyboard.press('Enter');
  const sel = await page.getAttribute('#targets-grid tr[aria-selected=true]', 'data-t');
  assert.equal(await page.getAttribute('#text-view mark.sel', 'data-t'), sel);
  if (json.targets.length > 100) {
    await page.keyboard.press('PageDown');
    assert.match(await page.textContent('#grid-info'), /显示 101–/);
    assert.equal((await active()).r, '0');
  }
  await ctx.close();
});

const XSS = [
  '<script>window.__xss=1</script>关于<img src=x onerror="window.__xss=2">的通知',
  '一、<b onmouseover="window.__xss=3">加强</b><img src=x onerror=window.__xss=4>基础建设',
  '1.新增学位<svg onload=window.__xss=5>1000个</svg>，覆盖率达到95%。"><iframe src="javascript:window.__xss=6"></iframe>',
  '二、"\'><script>window.__xss=7</script>保障措施',
  '到2025年完成<style>body{display:none}</style>改造10所，<a href="javascript:window.__xss=8">点击</a>。',
  '序号', '任务', '1', '<img src=x onerror=window.__xss=9>', '',
].join('\n');

test('an XSS payload inside a plan stays inert text in every view and export', async () => {
  const { ctx, page, log } = await open();
  const g = await gen(page);
  await page.fill('#source-input', XSS);
  await analysed(page, g);
  for (const tab of ['#tab-overview', '#tab-targets', '#tab-timeline', '#tab-tables', '#tab-keywords']) {
    await page.click(tab);
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(() => document.getElementById('keywords').getAttribute('aria-busy') === 'false', null, { timeout: 30_000 });
  // hover and click everything the payload could have landed in
  await page.click('#tab-overview');
  for (const s of ['#outline-tree .title', '#text-view mark', '#text-view .h']) {
    for (const e of await page.$$(s)) { await e.hover(); await e.click(); }
  }
  await page.click('#tab-targets');
  for (const e of await page.$$('#targets-grid td')) await e.hover();
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  const injected = await page.evaluate(() => document.querySelectorAll('#app script, #app img, #app svg, #app iframe, #app style, #app b, #app a[href]').length);
  assert.equal(injected, 0, 'no element injected');
  assert.equal(await page.textContent('#text-view'), XSS, 'shown literally');
  assert.ok((await page.textContent('#outline-tree')).includes('<b onmouseover'), 'heading shown as text');
  assert.equal(await page.evaluate(() => document.title), 'planlens · 规划文本结构与目标');
  const md = (await download(page, '#export-md')).bytes.toString('utf8');
  assert.ok(!/<script|<img|<svg|<iframe/i.test(md), 'Markdown export escapes HTML');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.equal(await page.locator('#app [style]').count(), 0, 'no style attributes (CSP style-src self)');
  await ctx.close();
});

test('localStorage: the last text and the selection survive reload and re-analysis', async () => {
  const { ctx, page } = await open();
  const g = await gen(page);
  await page.fill('#source-input', '一、基础设施\n新建污水处理厂3座，处理率达到95%。\n二、生态保护\n森林覆盖率不低于42%。');
  await analysed(page, g);
  await page.waitForTimeout(400); // save debounce
  await page.reload();
  await page.waitForSelector('#app[data-started]');
  await page.waitForSelector('#outline-tree [role=treeitem]');
  assert.equal(await page.inputValue('#source-input'), '一、基础设施\n新建污水处理厂3座，处理率达到95%。\n二、生态保护\n森林覆盖率不低于42%。');
  assert.match(await page.textContent('#status'), /已恢复上次的文本/);
  // following a ?sample= link shows the sample but does not overwrite the saved text
  const saved = await page.inputValue('#source-input');
  await page.goto(`${env.server.origin}/?sample=004`);
  await page.waitForSelector('#text-view mark');
  assert.notEqual(await page.inputValue('#source-input'), saved);
  await page.goto(`${env.server.origin}/`);
  await page.waitForSelector('#outline-tree [role=treeitem]');
  assert.equal(await page.inputValue('#source-input'), saved);
  // select a target, then edit above it: the same target stays selected after re-analysis
  await page.click('#tab-targets');
  const row = page.locator('#targets-grid tbody tr[data-t]').last();
  const text = await row.locator('td.q').textContent();
  await row.locator('td.q').click();
  const g2 = await gen(page);
  await page.evaluate(() => {
    const ta = document.getElementById('source-input');
    ta.value = '前言：本方案适用于全市。\n' + ta.value;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await analysed(page, g2);
  assert.equal(await page.textContent('#text-view mark.sel'), text);
  assert.equal(await page.locator('#targets-grid tr[aria-selected=true]').count(), 1);
  assert.equal(await page.textContent('#targets-grid tr[aria-selected=true] td.q'), text);
  await ctx.close();
});

test('caps: 10,000 targets render one page of 100 rows, the pager, and keep typing responsive', async () => {
  const { ctx, page } = await open();
  const lines = ['某市2024年重点项目工作要点', '一、重点项目'];
  for (let i = 1; i <= 10000; i++) lines.push(`新建项目${i}个。`);
  const big = lines.join('\n');
  const g = await gen(page);
  const t0 = Date.now();
  const progress = page.waitForSelector('#progress:not([hidden])', { timeout: 10_000 });
  await page.evaluate((t) => {
    const ta = document.getElementById('source-input');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  // the input stays usable while the worker analyses: a key press is handled promptly
  const lag = await page.evaluate(() => new Promise((res) => {
    const s = performance.now();
    setTimeout(() => res(performance.now() - s), 0);
  }));
  assert.ok(lag < 200, `main thread blocked ${lag} ms`);
  await progress; // a large paste shows progress while it is analysed
  await analysed(page, g);
  const ms = Date.now() - t0;
  assert.ok(await page.locator('#progress').isHidden(), 'progress gone when done');
  await page.click('#tab-targets');
  const n = Number(await page.getAttribute('#targets-grid', 'aria-rowcount')) - 1;
  assert.ok(n >= 10000, `targets ${n}`);
  assert.equal(await rowCount(page), 100);
  assert.match(await page.textContent('#pager'), /第 1\/\d+ 页/);
  assert.ok(await page.locator('#text-view mark').count() <= 20000);
  console.log(`# 10,000-target plan: analysed and rendered in ${ms} ms`);
  await ctx.close();
});

test('layout: 360 px without horizontal scroll, two columns on a 27" screen, dark scheme', async () => {
  for (const [w, h, scheme] of [[360, 740, 'light'], [2560, 1440, 'dark']]) {
    const { ctx, page } = await open('', { viewport: { width: w, height: h }, colorScheme: scheme });
    await loadSample(page, '003');
    await page.click('#tab-targets');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${w}px: page overflows by ${overflow}px`);
    const cols = await page.$eval('#workspace', (e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
    assert.equal(cols, w < 1000 ? 1 : 2, `${w}px columns`);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(scheme === 'dark' ? r + g + b < 150 : r + g + b > 600, `${scheme} background ${bg}`);
    await ctx.close();
  }
});

test('engine and update notice: analysis runs through planlens.js; planlens:update shows a reload notice', async () => {
  const { ctx, page } = await open();
  await loadSample(page, '004');
  assert.equal(await page.getAttribute('#app', 'data-engine'), 'worker');
  assert.ok(await page.locator('#update-notice').isHidden());
  const prevented = await page.evaluate(() => {
    const ev = new CustomEvent('planlens:update', { cancelable: true, detail: { reload() { window.__reloadAsked = true; } } });
    return !window.dispatchEvent(ev);
  });
  assert.ok(prevented, 'the page shows its own notice');
  assert.ok(await page.locator('#update-notice').isVisible());
  assert.match(await page.textContent('#update-notice'), /新版本/);
  await page.click('#update-reload');
  assert.equal(await page.evaluate(() => window.__reloadAsked), true);
  await ctx.close();
});

test('timeline and tables: dated targets grouped by due date, linked to the text; tables rendered as tables', async () => {
  // The page renders whatever planlens/1 result the engine returns (the contract). The seeds'
  // engine output has few dates and no tables, so wrap the real engine and add some.
  const { ctx, page } = await open();
  await page.evaluate(() => {
    const real = globalThis.planlens.analyze;
    globalThis.planlens.analyze = async (text) => {
      const r = await real(text);
      r.targets.forEach((t, i) => {
        if (i % 2 === 0) { const y = 2024 + (i % 3); t.deadline = `${y}年底前`; t.due = `${y}-12-31`; }
      });
      if (r.targets.length > 1) { r.targets[1].deadline = '年内'; r.targets[1].due = null; }
      r.tables = [{ title: '重点任务清单', columns: ['序号', '任务', '牵头单位'], rows: [['1', '新建学校5所', '区教育局'], ['2', '<b>改造</b>操场3个', '区体育局']], span: [0, 10] }];
      return r;
    };
  });
  await loadSample(page, '002');
  const json = await page.evaluate(async () => globalThis.planlens.analyze(document.getElementById('source-input').value));
  const dated = json.targets.map((t, i) => [t, i]).filter(([t]) => t.due);
  await page.click('#tab-timeline');
  const dates = await page.$$eval('#timeline time.tl-date', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...new Set(dated.map(([t]) => t.due))].sort(), 'one group per due date, ascending');
  assert.equal(await page.locator('#timeline .tl-item').count(), json.targets.filter((t) => t.due || t.deadline).length);
  assert.match(await page.textContent('#timeline .tl-group:last-child .tl-date'), /日期未定/);
  const item = page.locator('#timeline .tl-item').nth(2);
  const ti = await item.getAttribute('data-t');
  await item.click();
  assert.equal(await page.getAttribute('#text-view mark.sel', 'data-t'), ti);
  // the deadline filter offers the due years and filters by them
  await page.click('#tab-targets');
  const years = await page.$$eval('#filter-deadline option', (os) => os.map((o) => o.value).filter((v) => /^\d{4}$/.test(v)));
  // every due year of the result (the engine's own dates, e.g. 2022, plus the injected 2024–2026)
  assert.deepEqual(years, [...new Set(dated.map(([t]) => t.due.slice(0, 4)))].sort());
  await page.selectOption('#filter-deadline', '2025');
  assert.equal(await rowCount(page), dated.filter(([t]) => t.due.startsWith('2025')).length);
  // tables
  assert.equal(await page.textContent('#tab-tables'), '表格 1');
  await page.click('#tab-tables');
  assert.equal(await page.textContent('#tables figcaption'), '重点任务清单');
  assert.deepEqual(await page.$$eval('#tables thead th', (th) => th.map((x) => x.textContent)), ['序号', '任务', '牵头单位']);
  assert.deepEqual(await page.$$eval('#tables tbody tr', (rs) => rs.map((r) => [...r.cells].map((c) => c.textContent))),
    [['1', '新建学校5所', '区教育局'], ['2', '<b>改造</b>操场3个', '区体育局']]);
  assert.equal(await page.locator('#tables b').count(), 0, 'cells are text');
  // the caption shows where the table was in the text
  await page.click('#tables figcaption button');
  const src = await page.inputValue('#source-input');
  assert.equal(await page.textContent('#text-view span.tbl.sel'), [...src].slice(0, 10).join(''));
  // a target's clause is its tooltip in the grid
  await page.click('#tab-targets');
  await page.selectOption('#filter-deadline', '');
  const t0 = json.targets[0];
  const tip = await page.getAttribute('#targets-grid tr[data-t="0"] td.q', 'title');
  assert.ok(tip && tip.includes(t0.text), tip);
  await ctx.close();
});

test('keywords: the dictionary is fetched only when the tab opens; boilerplate is filtered; sections link to the text', async () => {
  const { ctx, page } = await open();
  const dictRequests = [];
  ctx.on('request', (r) => { if (r.url().includes('/dict/')) dictRequests.push(r.url()); });
  await loadSample(page, '003');
  await page.waitForTimeout(300);
  assert.deepEqual(dictRequests, [], 'no dictionary before the keywords are shown');
  await page.click('#tab-keywords');
  await page.waitForSelector('#keywords .chip', { timeout: 30_000 });
  assert.ok(dictRequests.length >= 1 && dictRequests.every((u) => u.endsWith('/dict/jieba.dict.txt')), dictRequests.join());
  const words = await page.$$eval('#keywords .chip', (cs) => cs.map((c) => c.firstChild.textContent));
  assert.ok(words.length >= 20, `${words.length} keywords`);
  for (const stop of ['推进', '加强', '工作', '建设', '发展', '提升']) assert.ok(!words.includes(stop), stop);
  assert.ok(words.every((w) => [...w].length >= 2 && !/\d/.test(w)), 'no single characters or numbers');
  const sec = page.locator('#keywords .kw-section button[data-h]').nth(2);
  const h = await sec.getAttribute('data-h');
  await sec.click();
  assert.equal(await page.getAttribute('#text-view .h.sel', 'data-h'), h);
  // a second analysis reuses the loaded dictionary
  const before = dictRequests.length;
  const g = await gen(page);
  await page.fill('#source-input', (await page.inputValue('#source-input')) + '\n四、附则\n加强校园足球场地建设。');
  await analysed(page, g);
  await page.waitForSelector('#keywords .chip', { timeout: 30_000 });
  assert.equal(dictRequests.length, before);
  await ctx.close();
});

test('same-thread engine (?engine=inline) gives the same page', async () => {
  const { ctx, page } = await open('?engine=inline');
  await loadSample(page, '003');
  const tab = await page.textContent('#tab-targets');
  const heads = await page.locator('#outline-tree [role=treeitem]').count();
  await ctx.close();
  const { ctx: c2, page: p2 } = await open();
  await loadSample(p2, '003');
  assert.equal(await p2.textContent('#tab-targets'), tab);
  assert.equal(await p2.locator('#outline-tree [role=treeitem]').count(), heads);
  await c2.close();
});

test('odd inputs never break the page: control chars, astral + combining chars, CR-only, 3,660 headings (tree capped), one 200 k-char line', async () => {
  const { ctx, page, log } = await open();
  const D = '零一二三四五六七八九';
  const cn = (n) => (n < 10 ? D[n] : `${n >= 20 ? D[Math.floor(n / 10)] : ''}十${n % 10 ? D[n % 10] : ''}`);
  const heads = Array.from({ length: 60 }, (_, i) => [`${cn(i + 1)}、第${i + 1}部分`,
    ...Array.from({ length: 60 }, (_, j) => `（${cn(j + 1)}）第${i + 1}.${j + 1}项任务`)].join('\n')).join('\n');
  const inputs = ['\u0000\u0001\u0002\u001f', '𠀀𠀁🙂e\u0301'.repeat(2000), '一、总体\r新建学校5所。\r二、保障\r', heads, '新增'.repeat(100000), '\uFEFF﻿　　一、目标\n'];
  for (const text of inputs) {
    const g = await gen(page);
    await page.evaluate((t) => {
      const ta = document.getElementById('source-input');
      ta.value = t;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await analysed(page, g);
    assert.doesNotMatch(await page.textContent('#status'), /分析失败/);
  }
  // the 5,000-heading plan: the tree is capped and says so
  const g = await gen(page);
  await page.evaluate((t) => {
    const ta = document.getElementById('source-input');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, heads);
  await analysed(page, g);
  const json = await exportJson(page);
  const total = json.outline.reduce((n, h) => n + 1 + h.children.length, 0);
  assert.ok(total > 3000, `outline of ${total} headings`);
  await page.click('#expand-all');
  assert.equal(await page.locator('#outline-tree [role=treeitem]').count(), 3000, 'tree capped');
  assert.match(await page.textContent('#outline-tree .more'), new RegExp(`另有 ${(total - 3000).toLocaleString('en-US')} 个条目未显示`));
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('privacy: every request of every page test stayed on the page origin; no page errors', () => {
  assert.ok(requests.length > 20, `recorded ${requests.length}`);
  const foreign = requests.filter((r) => !r.url.startsWith(env.server.origin) && !/^(blob|data):/.test(r.url));
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageErrors, []);
});
