// The compare view (issue 9) in real headless Chromium: seed 003 (三年行动方案 2022–2024) as
// plan A against seed 000 (2023年工作要点) as plan B — aligned pairs, the annual statuses, the
// self-consistency flags of 003 against the engine's checkPlan, click-to-highlight in both
// texts (and back from a mark), keyboard, the exports, an XSS payload as plan B, the
// same-thread fallback, and that no request leaves the origin.
// Run after a trunk build: `node --test --test-concurrency=1 tests/e2e/compare.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, servedBrowser, download, parseCsv, recordRequests, watchPage, fixtures } from './lib.mjs';

const env = servedBrowser();
const contexts = [];

const fixture = (n) => fixtures().find((f) => f.name.startsWith(n));

async function open(query = '') {
  const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  const seen = recordRequests(ctx);
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const log = watchPage(page);
  await page.goto(`${env.server.origin}/${query}`);
  await page.waitForSelector('#app[data-started]', { timeout: 30_000 });
  contexts.push({ seen, log });
  return { ctx, page, log, seen };
}

/** Waits until the compare view shows a comparison whose summary names both titles. */
async function compared(page, aTitle, bTitle) {
  await page.waitForFunction(([a, b]) => {
    const s = document.getElementById('compare-summary');
    const plans = s ? [...s.querySelectorAll('.cmp-plan')].map((p) => p.textContent) : [];
    return plans.length === 2 && plans[0].includes(a) && plans[1].includes(b)
      && document.querySelector('#compare-grid tbody tr[data-row]');
  }, [aTitle, bTitle], { timeout: 60_000 });
}

/** The visible grid rows as objects. */
const gridRows = (page) => page.$$eval('#compare-grid tbody tr[data-row]', (trs) => trs.map((tr) => {
  const c = [...tr.cells].map((td) => td.textContent);
  return { row: tr.dataset.row, status: tr.dataset.status, label: c[0], tip: tr.cells[8]?.title || '', aSubject: c[1], aQty: c[2], aWhen: c[3], bSubject: c[4], bQty: c[5], bWhen: c[6], diff: c[7], note: c[8], selected: tr.getAttribute('aria-selected') };
}));

async function filter(page, value) {
  await page.selectOption('#compare-filter', value);
  await page.waitForFunction((v) => document.getElementById('compare-filter').value === v, value);
}

/** Selected marks of one text view: their text, and whether the first is inside the view's box. */
const selectedMarks = (page, side) => page.$eval(`#compare-text-${side}`, (v) => {
  const marks = [...v.querySelectorAll('mark.sel')];
  const p = v.getBoundingClientRect();
  const r = marks[0]?.getBoundingClientRect();
  return { texts: marks.map((m) => m.textContent), keys: marks.map((m) => m.dataset.s), inView: !!r && r.top >= p.top - 1 && r.bottom <= p.bottom + 1 };
});

async function load003vs000() {
  const o = await open();
  const { page } = o;
  await page.selectOption('#sample-select', fixture('003').name);
  await page.waitForSelector('#text-view mark', { timeout: 30_000 });
  await page.click('#compare-toggle');
  assert.equal(await page.isVisible('#compare'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-input', 'opening focuses plan B');
  await page.selectOption('#compare-sample', fixture('000').name);
  await compared(page, '三年行动方案', '2023年武进教育工作要点');
  return o;
}

test('003 against 000: aligned pairs with both quantities, the annual statuses and the summary, computed in the worker', async () => {
  const { ctx, page, log } = await load003vs000();
  assert.equal(await page.getAttribute('#compare', 'data-engine'), 'worker', 'the comparison ran in the engine worker');
  const summary = await page.textContent('#compare-summary');
  assert.match(summary, /多年期方案/);
  assert.match(summary, /年度计划/);
  assert.match(summary, /B 是 A 的 2023 年度计划：达标 \d+/);
  // opens on the annual table (annual_in_period mode)
  assert.equal(await page.$eval('#compare-filter', (s) => s.value), 'annual');
  const annual = await gridRows(page);
  const find = (rows, a, q) => rows.find((r) => r.aSubject.includes(a) && r.aQty === q);
  const pin = find(annual, '品格提升工程', '10个');
  assert.ok(pin, '品格提升工程 10个 is an annual row');
  assert.equal(pin.status, 'met');
  assert.equal(pin.bQty, '10个');
  assert.equal(pin.diff, '0');
  assert.match(pin.aWhen, /2023年 · 附表/);
  const ban = find(annual, '名班主任', '100名');
  assert.ok(ban, '名班主任 100名 is an annual row');
  assert.equal(ban.status, 'met');
  assert.equal(ban.bQty, '100名');
  const you = find(annual, '省市优质园', '6所');
  assert.ok(you && you.status === 'met' && you.bQty === '≥8所' && you.diff === '+2', JSON.stringify(you));
  for (const s of ['met', 'weaker', 'missing', 'extra']) assert.ok(annual.some((r) => r.status === s), `some ${s} row`);
  // a status filter keeps only that status
  await filter(page, 'weaker');
  const weaker = await gridRows(page);
  assert.ok(weaker.length > 0 && weaker.every((r) => r.status === 'weaker'));
  // the aligned pairs: both quantities and B − A
  await filter(page, 'pairs');
  const pairs = await gridRows(page);
  assert.equal(pairs.length, 15, 'summary.pairs of 003 vs 000');
  assert.ok(find(pairs, '品格提升工程', '10个')?.status === 'same');
  const center = find(pairs, '校企协同创新中心', '3个');
  assert.ok(center && center.status === 'different' && center.bQty === '1个' && center.diff === '−2', JSON.stringify(center));
  // only in A / only in B
  await filter(page, 'only_a');
  const onlyA = await gridRows(page);
  // (dated deliverables without a number show no quantity, so only "nothing on the B side" holds for all)
  assert.ok(onlyA.length > 100 && onlyA.every((r) => !r.bQty) && onlyA.filter((r) => r.aQty).length > 100);
  await filter(page, 'only_b');
  const onlyB = await gridRows(page);
  assert.ok(onlyB.length > 0 && onlyB.every((r) => !r.aQty) && onlyB.some((r) => r.bQty));
  // section pairs
  await filter(page, 'sections');
  const secs = await gridRows(page);
  assert.ok(secs.length > 0 && secs.every((r) => r.aSubject && r.bSubject));
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test("003's self-consistency flags (same as the engine's checkPlan) light up both spans in its text", async () => {
  const { ctx, page } = await load003vs000();
  await filter(page, 'flags_a');
  const flags = await gridRows(page);
  const subjects = flags.map((r) => r.aSubject).join(' ');
  for (const s of ['省市优质园', '校企协同创新中心', '校企一体化教学工作站']) assert.ok(subjects.includes(s), `flag for ${s}: ${subjects}`);
  assert.ok(flags.every((r) => /不一致 · A$/.test(r.label) && r.tip.includes(r.aSubject) && r.bQty.startsWith('Σ')), JSON.stringify(flags));
  // the flags are the engine's checkPlan flags of plan A (run in the worker)
  const check = await page.evaluate((t) => globalThis.planlens.call('checkPlan', t), fixture('003').text);
  assert.equal(check.schema, 'planlens-check/1');
  assert.equal(flags.length, check.flags.length);
  assert.deepEqual(flags.map((r) => r.aSubject), check.flags.map((f) => f.stated.subject));
  // 000 has none
  await filter(page, 'flags_b');
  assert.equal((await gridRows(page)).length, 0);
  const check000 = await page.evaluate((t) => globalThis.planlens.call('checkPlan', t), fixture('000').text);
  assert.equal(check000.flags.length, 0);
  // clicking the 校企协同创新中心 flag marks the body's 3个 and the table's cell, both in A's text
  await filter(page, 'flags_a');
  const i = flags.findIndex((r) => r.aSubject.includes('校企协同创新中心'));
  await page.click(`#compare-grid tbody tr[data-row="${flags[i].row}"] td:nth-child(2)`);
  const a = await selectedMarks(page, 'a');
  const f = check.flags.find((x) => x.stated.subject.includes('校企协同创新中心'));
  assert.deepEqual(a.keys, f.spans.map((s) => `${s[0]}-${s[1]}`), 'every span of the flag is marked');
  assert.equal(a.texts[0], '3个');
  assert.ok(a.texts.length >= 2);
  assert.ok(a.inView, 'text A scrolled to the stated target');
  assert.deepEqual((await selectedMarks(page, 'b')).texts, [], 'a flag of A marks nothing in B');
  await ctx.close();
});

test('click-to-highlight in both texts, from a mark back to its row, and the keyboard grid', async () => {
  const { ctx, page } = await load003vs000();
  const rows = await gridRows(page);
  const pin = rows.find((r) => r.aSubject.includes('品格提升工程'));
  await page.click(`#compare-grid tbody tr[data-row="${pin.row}"] td:nth-child(3)`);
  const a = await selectedMarks(page, 'a');
  const b = await selectedMarks(page, 'b');
  assert.deepEqual(a.texts, ['10个']);
  assert.deepEqual(b.texts, ['10个']);
  assert.ok(a.inView && b.inView, 'both texts scrolled to the pair');
  // the marks are the exact spans into each plan's text
  const [as, ae] = a.keys[0].split('-').map(Number);
  assert.equal([...fixture('003').text].slice(as, ae).join(''), '10个');
  const [bs, be] = b.keys[0].split('-').map(Number);
  assert.equal([...fixture('000').text].slice(bs, be).join(''), '10个');
  assert.equal(await page.getAttribute(`#compare-grid tr[data-row="${pin.row}"]`, 'aria-selected'), 'true');
  assert.match(await page.textContent('#compare .visually-hidden'), /品格提升工程/);
  // a mark in B's text selects its row
  const ban = rows.find((r) => r.aSubject.includes('名班主任') && r.aQty === '100名' && r.bQty === '100名');
  await page.click(`#compare-grid tbody tr[data-row="${ban.row}"] td:nth-child(2)`);
  const banKey = (await selectedMarks(page, 'b')).keys[0];
  await page.click(`#compare-grid tbody tr[data-row="${pin.row}"] td:nth-child(2)`);
  await page.click(`#compare-text-b mark[data-s="${banKey}"]`);
  assert.equal(await page.getAttribute(`#compare-grid tr[data-row="${ban.row}"]`, 'aria-selected'), 'true');
  assert.equal(await page.getAttribute(`#compare-grid tr[data-row="${pin.row}"]`, 'aria-selected'), 'false');
  // keyboard: roles, roving tabindex, arrows and Enter
  assert.equal(await page.getAttribute('#compare-grid', 'role'), 'grid');
  assert.equal(await page.$$eval('#compare-grid td[tabindex="0"]', (x) => x.length), 1);
  await page.focus('#compare-grid td[data-r="0"][data-c="0"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.r, document.activeElement.dataset.c]), ['1', '1']);
  await page.keyboard.press('Enter');
  const second = (await gridRows(page))[1];
  assert.equal(second.selected, 'true');
  await page.keyboard.press('Control+End');
  const last = await page.evaluate(() => [document.activeElement.dataset.r, document.activeElement.dataset.c]);
  assert.deepEqual(last, [String((await gridRows(page)).length - 1), '8']);
  // English labels
  await page.click('#lang-toggle');
  assert.match(await page.textContent('#compare-grid thead'), /A subject/);
  assert.match(await page.textContent('#compare-summary'), /annual plan of A/);
  await ctx.close();
});

test('exports: CSV with BOM parses back to the comparison, Markdown and JSON (planlens-compare/1)', async () => {
  const { ctx, page } = await load003vs000();
  const csv = await download(page, '#compare-export-csv');
  assert.match(csv.name, /\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  assert.deepEqual(rows[0], 'kind,status,a_subject,a_quantity,a_when,a_span,a_text,b_subject,b_quantity,b_when,b_span,b_text,difference,similarity'.split(','));
  const body = rows.slice(1).filter((r) => r.length > 1);
  assert.ok(body.every((r) => r.length === rows[0].length), 'every row has every column');
  const pairs = body.filter((r) => r[0] === 'pair');
  assert.equal(pairs.length, 15);
  const pin = body.find((r) => r[0] === 'annual' && r[2].includes('品格提升工程'));
  assert.ok(pin && pin[1] === 'met' && pin[3] === '10个' && pin[8] === '10个', JSON.stringify(pin));
  assert.ok(body.some((r) => r[0] === 'flag_a' && r[2].includes('校企协同创新中心')));
  assert.equal(body.filter((r) => r[0] === 'only_a').length, Number((await page.textContent('#compare-summary')).match(/仅 A (\d+)/)[1]));
  const md = (await download(page, '#compare-export-md')).bytes.toString('utf8');
  assert.match(md, /品格提升工程/);
  assert.match(md, /\|---/);
  const json = JSON.parse((await download(page, '#compare-export-json')).bytes.toString('utf8'));
  assert.equal(json.schema, 'planlens-compare/1');
  assert.equal(json.mode, 'annual_in_period');
  assert.equal(json.pairs.length, 15);
  // the same object the engine returns for the same two texts
  const direct = await page.evaluate(([a, b]) => globalThis.planlens.call('compare', a, b), [fixture('003').text, fixture('000').text]);
  assert.deepEqual(json.summary, direct.summary);
  await ctx.close();
});

const XSS_B = [
  '<script>window.__xss=1</script>2023年<img src=x onerror="window.__xss=2">工作要点',
  '一、<b onmouseover="window.__xss=3">学前教育</b><img src=x onerror=window.__xss=4>',
  '1.创建省市优质园<svg onload=window.__xss=5>8所</svg>以上。"><iframe src="javascript:window.__xss=6"></iframe>',
  '2.新增品格提升工程10个，<a href="javascript:window.__xss=8">点击</a><style>body{display:none}</style>。',
].join('\n');

test('an XSS payload as plan B stays inert text in the grid, the texts and the exports', async () => {
  const { ctx, page, log } = await open('?sample=003');
  await page.waitForSelector('#text-view mark', { timeout: 30_000 });
  await page.click('#compare-toggle');
  await page.fill('#compare-input', XSS_B);
  await page.waitForFunction(() => (document.getElementById('compare-text-b')?.textContent || '').includes('onerror'), null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  const injected = await page.$$eval('#compare :is(script,img,svg,iframe,style,b,a)', (x) => x.map((e) => e.outerHTML));
  assert.deepEqual(injected, []);
  assert.equal(await page.textContent('#compare-text-b'), XSS_B, 'plan B shown exactly as given, as text');
  assert.equal(await page.$$eval('#compare [style]', (x) => x.length), 0, 'no style attributes (CSP)');
  // every row (all filters) and both exports still inert
  await filter(page, 'all');
  for (const td of await page.$$('#compare-grid tbody tr[data-row] td:nth-child(5)')) await td.click();
  const md = (await download(page, '#compare-export-md')).bytes.toString('utf8');
  assert.match(md, /优质园/);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('plan B from a file (open dialog) and from a drop on the compare pane; plan A untouched; usable at 360 px', async () => {
  const { ctx, page } = await open('?sample=003');
  await page.waitForSelector('#text-view mark', { timeout: 30_000 });
  const a = await page.inputValue('#source-input');
  await page.click('#compare-toggle');
  await page.setInputFiles('#compare-file', path.join(ROOT, 'tests', 'fixtures', fixture('000').name));
  await compared(page, '三年行动方案', '2023年武进教育工作要点');
  assert.equal(await page.inputValue('#compare-input'), fixture('000').text);
  // a dropped file on the pane becomes plan B, not the page's text
  const g = await page.getAttribute('#compare', 'data-gen');
  const t002 = fixture('002').text;
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], '002.txt', { type: 'text/plain' }));
    return d;
  }, t002);
  await page.dispatchEvent('#compare-input', 'drop', { dataTransfer: dt });
  await page.waitForFunction((g0) => document.getElementById('compare').dataset.gen !== g0
    && document.getElementById('compare-input').value.includes('惠山区2022'), g, { timeout: 30_000 });
  await compared(page, '三年行动方案', '惠山');
  assert.equal(await page.inputValue('#source-input'), a, 'plan A kept');
  assert.equal(await page.inputValue('#compare-input'), t002);
  // 360 px: the page does not scroll sideways (the grid scrolls in its own box)
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForTimeout(200);
  const [sw, iw] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
  assert.ok(sw <= iw, `no horizontal page scroll at 360 px (${sw} > ${iw})`);
  // closing hides the pane
  await page.click('#compare-close');
  assert.equal(await page.isVisible('#compare'), false);
  await ctx.close();
});

test('plan B is kept across a reload (like plan A); a ?compare= link does not overwrite it; closing forgets it', async () => {
  const { ctx, page } = await open();
  await page.selectOption('#sample-select', fixture('003').name); // saved, unlike a ?sample= link
  await page.waitForSelector('#text-view mark', { timeout: 30_000 });
  await page.click('#compare-toggle');
  // select-all + type a short plan B, as a user would
  const b = '2023年教育工作要点\n一、学前教育\n创建省市优质园8所以上。';
  await page.fill('#compare-input', b);
  await compared(page, '三年行动方案', '2023年教育工作要点');
  await page.waitForTimeout(400); // the debounced save
  await page.goto(`${env.server.origin}/`);
  await page.waitForSelector('#app[data-started]');
  assert.equal(await page.isVisible('#compare'), true, 'the pane reopens');
  assert.equal(await page.inputValue('#compare-input'), b);
  await compared(page, '三年行动方案', '2023年教育工作要点');
  // following a link with another plan B leaves the saved one alone
  await page.goto(`${env.server.origin}/?compare=000`);
  await page.waitForFunction(() => document.getElementById('compare-input').value.includes('武进教育工作要点'), null, { timeout: 30_000 });
  await page.goto(`${env.server.origin}/`);
  await page.waitForSelector('#app[data-started]');
  assert.equal(await page.inputValue('#compare-input'), b);
  // closing forgets plan B
  await page.click('#compare-close');
  await page.goto(`${env.server.origin}/`);
  await page.waitForSelector('#app[data-started]');
  assert.equal(await page.isVisible('#compare'), false);
  assert.equal(await page.inputValue('#compare-input'), '');
  await ctx.close();
});

test('?engine=inline: the same comparison on the page thread (the fallback), opened by ?compare=', async () => {
  const { ctx, page } = await open('?engine=inline&sample=003&compare=000');
  await compared(page, '三年行动方案', '2023年武进教育工作要点');
  assert.equal(await page.getAttribute('#compare', 'data-engine'), 'inline');
  await filter(page, 'pairs');
  assert.equal((await gridRows(page)).length, 15);
  await ctx.close();
});

test('no request left the origin, no CSP violation, no page error', async () => {
  const all = contexts.flatMap((c) => c.seen);
  assert.ok(all.length > 0);
  const foreign = all.filter((r) => !r.url.startsWith(env.server.origin) && !/^(data|blob):/.test(r.url));
  assert.deepEqual(foreign, []);
  assert.deepEqual(contexts.flatMap((c) => c.log.errors), []);
});
