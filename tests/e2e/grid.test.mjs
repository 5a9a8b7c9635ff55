// The targets grid a reader can read (issue 23): a dense table at laptop widths and a card
// list on a phone, the detail of the selected row inside the viewport with the evidence, and
// exports that keep the sentence. On sample 003 and two real 2026 government work reports.
// Run after a trunk build: `node --test --test-concurrency=1 tests/e2e/grid.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, servedBrowser, download, parseCsv, fixtures, xlsxRows } from './lib.mjs';

const env = servedBrowser();

const REPORTS = path.join(ROOT, 'tests', 'corpora', 'provincial-reports-2026');
const PLANS = [
  ['sample 003', fixtures().find((f) => f.name.startsWith('003')).text],
  ['Guangdong 2026', fs.readFileSync(path.join(REPORTS, '2026_广东省_政府工作报告.txt'), 'utf8')],
  ['Beijing 2026', fs.readFileSync(path.join(REPORTS, '2026_北京市_政府工作报告.txt'), 'utf8')],
];
const WIDTHS = [[1280, 800], [1440, 900], [1920, 1080], [390, 844]];

async function open(width, height, opts = {}) {
  const ctx = await env.browser.newContext({ viewport: { width, height }, locale: 'zh-CN', ...opts });
  const page = await ctx.newPage();
  await page.goto(`${env.server.origin}/?nosw`);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  return { ctx, page };
}
const gen = (page) => page.evaluate(() => Number(document.getElementById('app').dataset.gen || 0));
async function load(page, text) {
  const g = await gen(page);
  await page.fill('#source-input', text);
  await page.waitForFunction((x) => Number(document.getElementById('app').dataset.gen || 0) > x, g, { timeout: 60_000 });
  await page.click('#tab-targets');
  await page.waitForSelector('#targets-grid tbody tr[data-t]', { timeout: 30_000 });
}
const downloadText = async (page, selector) => (await download(page, selector)).bytes.toString('utf8');

/** Row heights in lines, the widths of the subject and deadline cells in characters, scroll. */
function measure() {
  const rows = [...document.querySelectorAll('#targets-grid tbody tr[data-t]')];
  const td = rows[0].querySelector('td.c-subj');
  const cs = getComputedStyle(td);
  const line = parseFloat(cs.lineHeight);
  const font = parseFloat(cs.fontSize);
  const inner = (e) => {
    const s = getComputedStyle(e);
    return e.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  };
  return {
    lines: rows.map((r) => r.getBoundingClientRect().height / line),
    subj: inner(td) / font,
    dl: inner(rows[0].querySelector('td.c-dl')) / font,
    pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    wrapScroll: (() => { const w = document.querySelector('.grid-wrap'); return w.scrollWidth - w.clientWidth; })(),
  };
}

for (const [w, h] of WIDTHS) {
  test(`grid at ${w} px: rows of at most 2 lines, subject and deadline ≥ 8 characters, no sideways scroll; the detail in view`, async () => {
    const { ctx, page } = await open(w, h);
    for (const [name, text] of PLANS) {
      await load(page, text);
      const m = await page.evaluate(measure);
      const tall = m.lines.filter((l) => l > 2.6);
      assert.equal(tall.length, 0, `${name} at ${w}: ${tall.length} rows over 2 lines (${tall.slice(0, 3).map((x) => x.toFixed(1))})`);
      assert.ok(m.subj >= 8, `${name} at ${w}: subject ${m.subj.toFixed(1)} chars`);
      assert.ok(m.dl >= 8, `${name} at ${w}: deadline ${m.dl.toFixed(1)} chars`);
      assert.ok(m.pageScroll <= 0, `${name} at ${w}: page scrolls sideways by ${m.pageScroll}`);
      assert.ok(m.wrapScroll <= 1, `${name} at ${w}: grid scrolls sideways by ${m.wrapScroll}`);
      // the clause is one line with its full text on hover
      const sent = page.locator('#targets-grid tbody tr[data-t] td.c-sent').first();
      assert.ok((await sent.getAttribute('title')).length >= (await sent.textContent()).length);
      // a row far down: its detail opens inside the viewport, the page does not jump away
      const rows = page.locator('#targets-grid tbody tr[data-t]');
      const row = rows.nth(Math.min(17, (await rows.count()) - 1));
      await row.scrollIntoViewIfNeeded();
      const y0 = await page.evaluate(() => window.scrollY);
      await row.locator('td.q').click();
      const box = await page.locator('#target-detail').boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= h + 1, `${name} at ${w}: detail at ${JSON.stringify(box)}`);
      assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - y0) < h, `${name} at ${w}: the page jumped`);
      const q = await row.locator('td.q').textContent();
      assert.equal(await page.textContent('#target-detail .clause mark.t'), q);
    }
    if (w >= 1280) {
      // print shows every column without clipping
      await page.emulateMedia({ media: 'print' });
      const clip = await page.evaluate(() => {
        const g = document.getElementById('targets-grid');
        return g.getBoundingClientRect().right - document.documentElement.clientWidth;
      });
      assert.ok(clip <= 1, `print clipped by ${clip}px`);
      await page.emulateMedia({ media: 'screen' });
    }
    await ctx.close();
  });
}

test('detail says why: comparator word, deadline phrase and its source, subject marked, section', async () => {
  const { ctx, page } = await open(1440, 900);
  await load(page, '某区2024年教育工作要点\n一、到2025年目标\n公办园在园幼儿占比不低于60%。\n二、学位建设\n2024年底前新增学位1000个。\n');
  const rows = page.locator('#targets-grid tbody tr[data-t]');
  await rows.nth(0).locator('td.q').click();
  const facts = await page.textContent('#target-detail .facts');
  assert.match(facts, /比较不低于（原文“不低于”）/);
  assert.match(facts, /期限到2025年.*来自所在标题/);
  assert.match(facts, /所在章节一、到2025年目标/);
  const subj = await page.textContent('#target-detail .clause mark.subj').catch(() => '');
  const json = JSON.parse(await downloadText(page, '#export-json'));
  if (json.targets[0].subject) assert.equal(subj, json.targets[0].subject);
  await rows.nth(1).locator('td.q').click();
  assert.match(await page.textContent('#target-detail .facts'), /2024年底前.*见于本句/);
  await page.click('#target-detail button[data-close]');
  assert.equal(await page.locator('#target-detail').isVisible(), false);
  await ctx.close();
});

test('exports keep the context: CSV with the reader\'s headers and the full sentence, the copied list agrees', async () => {
  const { ctx, page } = await open(1440, 900, { permissions: ['clipboard-read', 'clipboard-write'] });
  await load(page, fixtures().find((f) => f.name.startsWith('002')).text);
  const raw = await downloadText(page, '#export-csv');
  assert.equal(raw.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  const rows = parseCsv(raw.slice(1));
  assert.deepEqual(rows[0], ['章节', '原文句子', '指标/对象', '数值', '单位', '比较', '变化', '期限', '到期日', '责任单位', '类型', '是否已更正']);
  const json = JSON.parse(await downloadText(page, '#export-json'));
  assert.equal(rows.length, json.targets.length + 1);
  const src = [...(await page.inputValue('#source-input'))];
  rows.slice(1).forEach((r, i) => {
    const t = json.targets[i];
    assert.ok(r[1].includes(t.text), `row ${i}: the sentence holds the quantity`);
    assert.equal(r[1], src.slice(Math.min(t.clause_span[0], t.span[0]), Math.max(t.clause_span[1], t.span[1])).join('').trim());
  });
  assert.ok(rows.slice(1).some((r) => ['不低于', '左右', '超过', '不超过', '等于'].includes(r[5])), 'comparators in words');
  await page.click('#export-copy');
  await page.waitForFunction(() => /已复制/.test(document.getElementById('status').textContent), null, { timeout: 5000 });
  const clip = (await page.evaluate(() => navigator.clipboard.readText())).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
  assert.deepEqual(clip, rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '').replace(/[\t\n\r]/g, ' '))), 'the copied list and the CSV agree');
  // the workbook holds the CSV's cells (a formula-looking cell as text, not defused with a ')
  const book = await download(page, '#export-xlsx');
  assert.match(book.name, /\.xlsx$/);
  assert.deepEqual(xlsxRows(book.bytes), rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, ''))), 'the .xlsx and the CSV agree');
  // English headers in the English UI
  await page.click('#lang-toggle');
  const en = parseCsv((await downloadText(page, '#export-csv')).slice(1));
  assert.equal(en[0].join(','), 'Section,Sentence,Measure / subject,Value,Unit,Comparator,Change,Deadline,Due,Responsible,Kind,Corrected');
  await ctx.close();
});

test('a # link restores the sample, tab, filters and selected row', async () => {
  const { ctx, page } = await open(1440, 900);
  const g = await gen(page);
  await page.selectOption('#sample-select', fixtures().find((f) => f.name.startsWith('003')).name);
  await page.waitForFunction((x) => Number(document.getElementById('app').dataset.gen || 0) > x, g, { timeout: 60_000 });
  await page.click('#tab-targets');
  await page.selectOption('#filter-kind', 'percent');
  await page.selectOption('#filter-subject', 'with');
  const row = page.locator('#targets-grid tbody tr[data-t]').nth(2);
  const t = await row.getAttribute('data-t');
  await row.locator('td.q').click();
  const url = page.url();
  assert.match(url, /#sample=003&tab=targets&kind=percent&subj=with&t=\d+$/);
  assert.ok(url.endsWith(`t=${Number(t) + 1}`), url);
  // a colleague opens the link in a fresh browser
  const other = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const p2 = await other.newPage();
  await p2.goto(url.replace('/#', '/?nosw#'));
  await p2.waitForSelector(`#targets-grid tr[data-t="${t}"][aria-selected=true]`, { timeout: 60_000 });
  assert.equal(await p2.getAttribute('#tab-targets', 'aria-selected'), 'true');
  assert.equal(await p2.inputValue('#filter-kind'), 'percent');
  assert.equal(await p2.inputValue('#filter-subject'), 'with');
  assert.ok(await p2.locator('#target-detail').isVisible());
  assert.equal(await p2.textContent('#target-detail .clause mark.t'), await row.locator('td.q').textContent());
  await other.close();
  await ctx.close();
});

test('a # link to the keywords tab computes the keywords', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${env.server.origin}/?nosw#sample=003&tab=keywords`);
  await page.waitForSelector('#keywords .chip', { timeout: 60_000 });
  assert.equal(await page.getAttribute('#tab-keywords', 'aria-selected'), 'true');
  assert.equal(await page.getAttribute('#keywords', 'aria-busy'), 'false');
  assert.ok(await page.locator('#keywords .chip').count() >= 20);
  assert.match(page.url(), /#sample=003&tab=keywords/);
  await ctx.close();
});

test('filters: due by a date, with or without a subject; a legend for the colours', async () => {
  const { ctx, page } = await open(1440, 900);
  await load(page, fixtures().find((f) => f.name.startsWith('003')).text);
  const json = JSON.parse(await downloadText(page, '#export-json'));
  const count = () => page.locator('#targets-grid tbody tr[data-t]').count();
  await page.fill('#filter-due-by', '2023-12-31');
  await page.dispatchEvent('#filter-due-by', 'change');
  const due = json.targets.filter((t) => t.due && t.due <= '2023-12-31').length;
  assert.ok(due > 0);
  assert.equal(await count(), Math.min(due, 100));
  await page.fill('#filter-due-by', '');
  await page.dispatchEvent('#filter-due-by', 'change');
  await page.selectOption('#filter-subject', 'without');
  assert.equal(await count(), Math.min(json.targets.filter((t) => !t.subject).length, 100));
  await page.selectOption('#filter-subject', '');
  assert.equal(await page.locator('#legend li').count(), 7);
  assert.match(await page.textContent('#legend'), /比例.*完成时限/);
  await ctx.close();
});

test('corrections: not a target, an edit, a target added from the text; kept across a reload, in CSV, JSON and labels; clearable', async () => {
  const { ctx, page } = await open(1440, 900);
  await load(page, fixtures().find((f) => f.name.startsWith('002')).text);
  const rows = page.locator('#targets-grid tbody tr[data-t]');
  const n = await rows.count();
  await rows.nth(0).locator('td.q').click();
  await page.click('#target-detail button[data-fix=reject]');
  await page.waitForSelector('#targets-grid tr.fix-not_a_target');
  await rows.nth(1).locator('td.q').click();
  await page.click('#target-detail button[data-fix=edit]');
  await page.fill('#fix-subject', '读者改过的对象');
  await page.click('#fix-form button[type=submit]');
  await page.waitForSelector('#targets-grid tr.fix-corrected');
  assert.equal(await page.textContent('#targets-grid tr.fix-corrected td.c-subj'), '读者改过的对象');
  // a missed target: select words in the source text (once it is drawn again), then add them
  await page.waitForFunction(() => document.getElementById('text-view').textContent === document.getElementById('source-input').value, null, { timeout: 30_000 });
  const picked = await page.evaluate(() => {
    const view = document.getElementById('text-view');
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) if (!node.parentElement.closest('mark') && node.textContent.trim().length > 12) break;
    const r = document.createRange();
    r.setStart(node, 2);
    r.setEnd(node, 8);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return r.toString();
  });
  await page.click('#fix-add');
  await page.waitForSelector('#targets-grid tr.fix-added_by_reader');
  assert.equal(await rows.count(), n + 1);
  assert.equal(await page.textContent('#targets-grid tr.fix-added_by_reader td.q'), picked);
  // kept in this browser by the text's content: a reload brings them back
  await page.reload();
  await page.waitForSelector('#app[data-started]');
  await page.click('#tab-targets');
  await page.waitForSelector('#targets-grid tr.fix-added_by_reader', { timeout: 30_000 });
  assert.equal(await page.locator('#targets-grid tr.fix-not_a_target').count(), 1);
  assert.equal(await page.locator('#targets-grid tr.fix-corrected').count(), 1);
  // every export carries them, flagged
  const csv = parseCsv((await downloadText(page, '#export-csv')).slice(1));
  const col = csv[0].indexOf('是否已更正');
  assert.deepEqual(csv.slice(1).map((r) => r[col]).filter(Boolean).sort(), ['不是指标', '新增（读者补充）', '是'].sort());
  const json = JSON.parse(await downloadText(page, '#export-json'));
  const flags = json.targets.flatMap((t) => t.flags || []);
  for (const f of ['not_a_target', 'corrected', 'added_by_reader']) assert.ok(flags.includes(f), f);
  const labels = JSON.parse(await downloadText(page, '#export-labels'));
  assert.deepEqual(Object.keys(labels), ['title', 'issuer', 'date', 'recipients', 'note_meta', 'headings', 'targets', 'targets_scope']);
  assert.equal(labels.targets.length, json.targets.length - 1, 'the rejected target is not a label');
  assert.ok(labels.targets.some((t) => t.subject === '读者改过的对象'));
  // corrected only
  await page.selectOption('#filter-corrected', '1');
  assert.equal(await rows.count(), 3);
  await page.selectOption('#filter-corrected', '');
  // and cleared
  await page.click('#fix-clear');
  await page.waitForFunction(() => !document.querySelector('#targets-grid tr[class*=fix-]'));
  await page.reload();
  await page.waitForSelector('#app[data-started]');
  await page.click('#tab-targets');
  await page.waitForSelector('#targets-grid tbody tr[data-t]');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#targets-grid tr[class*=fix-]').count(), 0);
  await ctx.close();
});
