// Screenshots of the page for the README and review: `node tests/e2e/screenshots.mjs [name]`
// after a trunk build. Writes docs/screenshots/*.png (seed 002 and 003 loaded, light and dark,
// a phone). screenshots.test.mjs remakes the README's ones and compares them with the files.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, DIST, ROOT, assertDist, watchPage, dropFiles, seedFiles } from './lib.mjs';

export const SHOTS_DIR = path.join(ROOT, 'docs', 'screenshots');
export const SHOTS = [
  // the targets grid at 1440 px with row 18's detail open, and the same on a phone
  { name: 'targets-003-1440', sample: '003', w: 1440, h: 1000, tab: '#tab-targets', click: 'tr[data-t="17"] td.q' },
  { name: 'targets-003-phone', sample: '003', w: 390, h: 844, tab: '#tab-targets', click: 'tr[data-t="17"] td.q', mobile: true },
  { name: 'seed-002-overview', sample: '002', w: 1440, h: 1000 },
  { name: 'seed-003-dark-outline', sample: '003', w: 1280, h: 900, dark: true, click: '#outline-tree [data-path="2"] .title' },
  { name: 'seed-002-mobile-360', sample: '002', w: 360, h: 780, full: false },
  { name: 'seed-003-keywords', sample: '003', w: 1280, h: 900, tab: '#tab-keywords', wait: '.chip' },
  { name: 'seed-003-tables', sample: '003', w: 1440, h: 900, tab: '#tab-tables' },
  { name: 'seed-002-english-outline', sample: '002', w: 1440, h: 900, en: true, click: '#outline-tree [data-path="1.2"] .title' },
  { name: 'empty-state', sample: null, w: 1280, h: 600 },
  // the compare view: seed 003 (plan A) against seed 000 (plan B), the 品格提升工程 row selected
  { name: 'compare-003-000', sample: '003&compare=000', w: 1440, h: 1400, wait: '#compare-grid tr[data-row]',
    click: '#compare-grid tr:has-text("品格提升工程") >> nth=0 >> td:nth-child(3)', scroll: '#compare' },
  // the corpus panel: the five samples dropped at once, 003 (the three-year plan) the reference
  { name: 'corpus-matrix', sample: null, w: 1440, h: 1000, corpus: '003', scroll: '#corpus-matrix-box' },
];

/** Drops the samples, makes the one named `reference` the reference and waits for the verdicts. */
async function openCorpus(page, reference) {
  await dropFiles(page, seedFiles());
  await page.waitForSelector('#corpus-matrix tbody tr', { timeout: 120_000 });
  const ref = seedFiles().find((f) => f.name.startsWith(reference)).name;
  await page.selectOption('#corpus-reference', ref);
  await page.waitForSelector('#corpus-matrix [data-status]', { timeout: 60_000 });
}

/** Takes the shots whose name includes `only` (all when empty) into `out`; returns the files. */
export async function takeShots(only = '', out = SHOTS_DIR) {
  assertDist();
  fs.mkdirSync(out, { recursive: true });
  const server = await serve(DIST);
  const browser = await launch();
  const files = [];
  try {
    for (const s of SHOTS) {
      if (only && !s.name.includes(only)) continue;
      files.push(await shoot(browser, server, s, out));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return files;
}

async function shoot(browser, server, s, out) {
  const ctx = await browser.newContext({ viewport: { width: s.w, height: s.h }, colorScheme: s.dark ? 'dark' : 'light', locale: 'zh-CN',
    isMobile: !!s.mobile, hasTouch: !!s.mobile });
  const page = await ctx.newPage();
  const log = watchPage(page);
  await page.goto(`${server.origin}/?nosw${s.sample ? `&sample=${s.sample}` : ''}`);
  await page.waitForSelector(s.sample ? '#text-view mark' : '.sample-chip', { timeout: 30000 });
  if (s.corpus) await openCorpus(page, s.corpus);
  if (s.en) await page.click('#lang-toggle');
  if (s.tab) await page.click(s.tab);
  if (s.wait) await page.waitForSelector(s.wait, { timeout: 30000 });
  if (s.click) {
    await page.locator(s.click).first().scrollIntoViewIfNeeded();
    await page.click(s.click);
  }
  if (s.scroll) await page.$eval(s.scroll, (e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8));
  // a selected row scrolled out of its grid's own scroll box: bring it near the top of the box
  if (s.scroll) await page.evaluate(() => {
    const row = document.querySelector('.cmp-grid tr[aria-selected="true"]');
    const box = row && row.closest('.cmp-grid-wrap');
    if (box) box.scrollTop = row.offsetTop - 120;
  });
  await page.waitForTimeout(300);
  const file = path.join(out, `${s.name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (log.errors.length) console.error(s.name, log.errors);
  await ctx.close();
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await takeShots(process.argv[2] || '')) console.log('wrote', path.relative(ROOT, f));
}
