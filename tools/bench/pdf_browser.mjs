// Pages per second of the page's PDF reader in headless Chromium: the engine's worker reads each
// PDF's text layer (`pdfText`, the extras wasm), as the page does for an opened file.
//
//   node tools/bench/pdf_browser.mjs FILE.pdf [FILE.pdf …] [--runs N]
//
// Serves dist/ (PLANLENS_DIST), loads the page without a service worker, reads each file once to
// load the extras module, then N times (default 5); prints the median and best, with pages/s
// (pages counted by the native reader's rule: the PDF's page objects).
import fs from 'node:fs';
import path from 'node:path';
import { assertDist, DIST, engineReady, launch, serve } from '../../tests/e2e/lib.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 5;
if (args.length === 0) {
  console.error('usage: node tools/bench/pdf_browser.mjs FILE.pdf [FILE.pdf …] [--runs N]');
  process.exit(2);
}
assertDist();
const server = await serve(DIST);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/?nosw`);
  await engineReady(page);
  for (const file of args) {
    const bytes = fs.readFileSync(file);
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    const times = await page.evaluate(async ([b64, n]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const out = [];
      await globalThis.planlens.call('pdfText', bytes); // loads the extras module
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await globalThis.planlens.call('pdfText', bytes);
        out.push(performance.now() - t0);
      }
      return out;
    }, [bytes.toString('base64'), runs]);
    times.sort((a, b) => a - b);
    const med = times[Math.floor(times.length / 2)];
    console.log(`${path.basename(file)}: ${pages} pages, median ${med.toFixed(0)} ms (${(pages / med * 1000).toFixed(0)} pages/s), best ${times[0].toFixed(0)} ms, ${runs} runs`);
  }
} finally {
  await browser.close();
  await server.stop();
}
