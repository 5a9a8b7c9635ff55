// Plans printed to PDF the way a reader keeps a web page: each .txt of a directory rendered as a
// plain HTML page (one paragraph a line, justified, first-line indent) and printed by headless
// Chromium (page.pdf(): A4, a running head with the title and a foot with "第 N 页 共 M 页").
//
//   node tools/print_pdf.mjs DOCS_DIR OUT_DIR [--pages N | --html]
//
// OUT_DIR gets DOCS_DIR's stems as .pdf. `--pages N` instead writes one plan (the first .txt)
// repeated until the PDF has at least N pages (a long plan for timing), as OUT_DIR/long.pdf;
// `--html` writes the HTML pages only (for a word processor to open, as an office would).
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/lib.mjs';

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The HTML page of a plan's text: the first line as its heading when it is short enough to be
 *  a title (a text that is one long line is one paragraph), every other line a paragraph. */
export function planHtml(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const [title, ...body] = lines[0] && lines[0].length <= 60 ? lines : ['', ...lines];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title.slice(0, 60))}</title><style>
body { font-family: "WenQuanYi Micro Hei", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16px; line-height: 1.75; }
h1 { font-size: 22px; text-align: center; font-weight: normal; margin: 0 0 1.5em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
</style></head><body>${title ? `<h1>${esc(title)}</h1>` : ''}
${body.map((l) => `<p>${esc(l)}</p>`).join('\n')}
</body></html>`;
}

const HEAD = (title) => `<div style="font-size:9px;width:100%;text-align:center;color:#555">${esc(title)}</div>`;
const FOOT = '<div style="font-size:9px;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

/** Prints `html` to `out` (A4, running head and page-numbered foot); returns the page count. */
export async function printPdf(browser, html, out, title) {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({
      path: out, format: 'A4', printBackground: false, displayHeaderFooter: true,
      headerTemplate: HEAD(title.slice(0, 40)), footerTemplate: FOOT,
      margin: { top: '25mm', bottom: '25mm', left: '26mm', right: '26mm' },
    });
  } finally {
    await page.close();
  }
  const pdf = fs.readFileSync(out, 'latin1');
  return (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
}

async function main() {
  const args = process.argv.slice(2);
  const pagesAt = args.indexOf('--pages');
  const want = pagesAt >= 0 ? Number(args.splice(pagesAt, 2)[1]) : 0;
  const htmlOnly = args.includes('--html');
  const [docs, out] = args.filter((a) => a !== '--html');
  if (!docs || !out) {
    console.error('usage: node tools/print_pdf.mjs DOCS_DIR OUT_DIR [--pages N]');
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });
  const files = fs.readdirSync(docs).filter((f) => f.endsWith('.txt')).sort();
  if (htmlOnly) {
    for (const f of files) fs.writeFileSync(path.join(out, f.replace(/\.txt$/, '.html')), planHtml(fs.readFileSync(path.join(docs, f), 'utf8')));
    return;
  }
  const browser = await launch();
  try {
    if (want > 0) {
      const text = fs.readFileSync(path.join(docs, files[0]), 'utf8');
      const title = text.trim().split('\n')[0];
      let copies = 1;
      for (;;) {
        const n = await printPdf(browser, planHtml(Array(copies).fill(text).join('\n')), path.join(out, 'long.pdf'), title);
        if (n >= want || copies > 64) {
          console.log(`long.pdf: ${n} pages (${copies} copies of ${files[0]})`);
          break;
        }
        copies = Math.max(copies + 1, Math.ceil((copies * want) / Math.max(n, 1)));
      }
      return;
    }
    for (const f of files) {
      const text = fs.readFileSync(path.join(docs, f), 'utf8');
      const title = text.trim().split('\n')[0];
      const n = await printPdf(browser, planHtml(text), path.join(out, f.replace(/\.txt$/, '.pdf')), title);
      console.log(`${f.replace(/\.txt$/, '.pdf')}: ${n} pages`);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
