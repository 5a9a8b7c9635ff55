// One cold start in headless Chromium under the browser's tracer, summarised: where the engine
// worker's and the page's threads spend the time before the first `analyze()` result of the
// 20 k-char plan (tools/bench/compare_js.mjs `plan20k`, the same text as browser.mjs).
//
//   node tools/bench/startup_trace.mjs [--dist D] [--runs 3] [--top 25] [--keep trace.json]
//
// The wall-clock probes (startup_probe.mjs, browser.mjs --cold) drift by ±50 ms on a busy 2-core
// VM; the tracer's counts do not: how many functions V8 compiled lazily on the worker's thread
// (`wasm.CompileLazy`), how often the memory grew (`wasm.GrowMemory`), how long the optimising
// tier ran in the background (`wasm.TopTierCompilation`). The tracer slows everything down, so
// read the durations as shares, not as the cold start. Medians over --runs fresh browsers.
// Measures only; never fails on numbers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../../tests/e2e/lib.mjs';
import { arg, median, plan20k } from './compare_js.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const RUNS = Number(arg('--runs', 3));
const TOP = Number(arg('--top', 25));
const KEEP = arg('--keep', '');
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.wasm', 'v8.execute', 'blink', 'toplevel',
  'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-devtools.timeline'];

/** Total ms and count of every complete event, per thread name and event name. */
function summarise(events) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const key = `${threads.get(`${e.pid}:${e.tid}`) || '?'}\t${e.name}`;
    const s = sums.get(key) || { ms: 0, n: 0 };
    s.ms += e.dur / 1000;
    s.n += 1;
    sums.set(key, s);
  }
  return sums;
}

async function once(plan, file) {
  const server = await serve(DIST);
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await browser.startTracing(page, { path: file, categories: CATEGORIES });
    await page.goto(`http://127.0.0.1:${server.port}/index.html`);
    await page.waitForFunction(() => globalThis.planlens, null, { timeout: 30_000 });
    const at = await page.evaluate(async (text) => {
      await globalThis.planlens.ready;
      await globalThis.planlens.analyze(text);
      return performance.now();
    }, plan);
    await browser.stopTracing();
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { at, sums: summarise(Array.isArray(raw) ? raw : raw.traceEvents) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const plan = plan20k();
const file = KEEP || path.join(fs.mkdtempSync(path.join(ROOT, 'target', 'trace-')), 'trace.json');
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await once(plan, file));
const keys = new Set(runs.flatMap((r) => [...r.sums.keys()]));
const rows = [...keys].map((k) => {
  const ms = median(runs.map((r) => (r.sums.get(k) || { ms: 0 }).ms));
  const n = median(runs.map((r) => (r.sums.get(k) || { n: 0 }).n));
  const [thread, name] = k.split('\t');
  return { thread, name, ms, n };
});
// the events that say what the engine costs, whatever their rank
const WATCH = /^wasm\.(CompileLazy|CompileBaseline|GrowMemory|TopTierCompilation)$|^HandlePostMessage$/;
const shown = rows.filter((r) => WATCH.test(r.name)).concat(rows.sort((a, b) => b.ms - a.ms).slice(0, TOP));
const seen = new Set();
console.log(`${path.relative(ROOT, DIST) || DIST}: result at ${median(runs.map((r) => r.at)).toFixed(0)} ms after navigation (traced, median of ${RUNS})`);
console.log('| thread | event | ms (median) | count |\n|---|---|---:|---:|');
for (const r of shown) {
  const k = `${r.thread}\t${r.name}`;
  if (seen.has(k)) continue;
  seen.add(k);
  console.log(`| ${r.thread} | ${r.name} | ${r.ms.toFixed(1)} | ${r.n} |`);
}
if (!KEEP) fs.rmSync(path.dirname(file), { recursive: true, force: true });
