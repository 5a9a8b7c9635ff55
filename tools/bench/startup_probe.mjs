// Where the cold start goes (issue 7): timestamps from inside the page and the engine worker.
//
//   node tools/bench/startup_probe.mjs [--dist dist] [--runs 7]
//
// Copies DIST into a scratch directory and patches timestamps into its planlens.js and worker.js
// (each posts [step, epoch ms] on a BroadcastChannel), serves it gzip -9 like tools/bench/browser.mjs,
// and analyses the 20 k-char cold-start plan through the API in a fresh browser context per run.
// Prints each step's median time after navigation. Only a probe: the patched copy is never
// shipped, and the patches are string replacements on the minified output, so a step whose
// anchor is not found is reported missing rather than failing the run.
//
// --mode floor (or both) also loads a blank page that starts an empty module worker the same way
// (FLOOR_HTML): what the browser alone needs. PROBE_UI_AFTER_READY=1 starts the page's UI only once
// the engine is ready (an experiment: the worker then starts sooner, the UI competes with the
// warm-up instead; BENCHMARKS.md "Current figures" says what the cold start depends on). PROBE_ARGS passes Chromium flags.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzip9 } from '../../tests/e2e/first_load.mjs';
import { arg, median, plan20k } from './compare_js.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const RUNS = Number(arg('--runs', 7));
/** page | floor | both (default): the planlens page, the browser's floor (FLOOR_HTML), or both in turns. */
const MODE = arg('--mode', 'both');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** Extra Chromium flags, e.g. PROBE_ARGS=--js-flags=--liftoff-only */
const EXTRA = process.env.PROBE_ARGS ? process.env.PROBE_ARGS.split(' ') : [];
const { chromium } = createRequire(path.join(ROOT, 'tests', 'e2e', 'package.json'))('playwright-core');

const MARK = 'const __T=(n)=>{try{new BroadcastChannel("planlens-probe").postMessage([n,performance.timeOrigin+performance.now()])}catch{}};';

/** [file, anchor, replacement] — the replacement keeps the anchor and adds a mark. */
const PATCHES = [
  ['worker.js', /^/, `${MARK}__T("worker: evaluated");`],
  ['worker.js', 'glue=await import(GLUE),', 'glue=await import(GLUE),__T("worker: glue imported"),'],
  ['worker.js', 'return pageModule(', 'return __T("worker: module received"),pageModule('],
  ['worker.js', 'self.postMessage({type:"ready"', '__T("worker: ready"),self.postMessage({type:"ready"'],
  ['worker.js', 'glue.warmUp()', '(__T("worker: warm-up start"),glue.warmUp(),__T("worker: warm-up done"))'],
  ['worker.js', /await ensureAsset\((\w+),(\w+)\);/, 'await ensureAsset($1,$2);__T("worker: request taken");'],
  ['worker.js', 'r=JSON_OPS[t]?JSON.parse(o):o;', 'r=(__T("worker: analysed"),JSON_OPS[t]?JSON.parse(o):o);__T("worker: parsed");'],
  ['planlens.js', /^/, `${MARK}__T("page: planlens.js evaluated");`],
  ['planlens.js', /WebAssembly\.compileStreaming\(fetch\((\w+)\)\)/, '(__T("page: wasm compile start"),WebAssembly.compileStreaming(fetch($1)).then(m=>(__T("page: wasm compiled"),m)))'],
  ['boot.js', /^/, `${MARK}`],
  ['boot.js', /const (\w+)=(\w+)\((\w+)\);await (\w+)\(\)/, process.env.PROBE_UI_AFTER_READY ? 'const $1=$2($3);await globalThis.planlens.ready.catch(()=>{});__T("page: UI start");await $4();__T("page: UI started")' : 'const $1=$2($3);__T("page: UI start");await $4();__T("page: UI started")'],
  ['planlens.js', 'try{return{worker:new Worker(e,', 'try{return __T("page: worker constructed"),{worker:new Worker(e,'],
];

function patchedDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlens-probe-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const missing = [];
  for (const [file, anchor, repl] of PATCHES) {
    const f = path.join(dir, file);
    const src = fs.readFileSync(f, 'utf8');
    const out = src.replace(anchor, repl);
    if (out === src) missing.push(`${file}: ${anchor}`);
    fs.writeFileSync(f, out);
  }
  return { dir, missing };
}

async function serve(dir, onReport) {
  const cache = new Map();
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel === '/__probe/report' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { res.writeHead(204); res.end(); onReport(JSON.parse(body)); });
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const f = path.join(dir, rel);
    if (!f.startsWith(dir) || !fs.existsSync(f) || !fs.statSync(f).isFile()) { res.writeHead(404); return res.end(); }
    if (!cache.has(f)) cache.set(f, gzip9(fs.readFileSync(f)));
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'max-age=600' });
    res.end(cache.get(f));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** probe.js, the first script of the patched index.html (a classic script, so it runs before the
 *  page's modules): collects the marks, calls the API as soon as it exists, and posts the marks to
 *  the probe server once the result is there. */
const probeScript = (text) => `(() => {
  const marks = [];
  const at = (n, t) => marks.push([n, t - performance.timeOrigin]);
  new BroadcastChannel('planlens-probe').onmessage = (e) => at(e.data[0], e.data[1]);
  const tick = () => {
    const p = globalThis.planlens;
    if (!p || typeof p.analyze !== 'function') return setTimeout(tick, 1);
    at('page: API present', performance.timeOrigin + performance.now());
    Promise.resolve(p.ready).then(() => { at('page: ready', performance.timeOrigin + performance.now()); return p.analyze(${JSON.stringify(text)}); })
      .then(() => { at('page: result', performance.timeOrigin + performance.now()); return null; }, (e) => String(e))
      .then((error) => setTimeout(() => fetch('/__probe/report', { method: 'POST', body: JSON.stringify({ marks, error }) }), 50));
  };
  tick();
})();`;

/** The browser's own floor: a blank page that starts a module worker the way planlens.js does (a
 *  blob module importing a same-origin script), which posts back at once. No wasm, no UI. */
const FLOOR_HTML = '<!doctype html><meta charset="utf-8"><title>floor</title><script type="module" src="floor.js"></script>';
const FLOOR_JS = `const marks = [];
const at = (n, t) => marks.push([n, t - performance.timeOrigin]);
at('page: planlens.js evaluated', performance.timeOrigin + performance.now());
new BroadcastChannel('planlens-probe').onmessage = (e) => at(e.data[0], e.data[1]);
const url = URL.createObjectURL(new Blob(['import ' + JSON.stringify(new URL('floor-worker.js', location.href).href) + ';'], { type: 'text/javascript' }));
const w = new Worker(url, { type: 'module' });
w.onmessage = () => setTimeout(() => fetch('/__probe/report', { method: 'POST', body: JSON.stringify({ marks }) }), 50);`;
const FLOOR_WORKER_JS = `${MARK}__T("worker: evaluated");postMessage(1);`;

/** One cold load through Playwright (a fresh context: empty HTTP cache); resolves with the page's
 *  report. (Playwright pauses each new worker until it has attached to it; a bare Chromium
 *  process without CDP, tried on 2026-12-02, started the worker no sooner.) */
async function coldLoad(mode, origin, browser, reports) {
  const report = new Promise((resolve) => reports.push(resolve));
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(origin + (mode === 'floor' ? '/floor.html' : '/'), { waitUntil: 'commit' });
  const r = await report;
  await ctx.close();
  return r;
}

async function main() {
  const { dir, missing } = patchedDist();
  for (const m of missing) console.error(`[probe] anchor not found, step missing: ${m}`);
  fs.writeFileSync(path.join(dir, 'probe.js'), probeScript(plan20k()));
  const html = path.join(dir, 'index.html');
  fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace('<meta charset="utf-8">', '<meta charset="utf-8"><script src="probe.js"></script>'));
  fs.writeFileSync(path.join(dir, 'floor.html'), FLOOR_HTML);
  fs.writeFileSync(path.join(dir, 'floor.js'), FLOOR_JS);
  fs.writeFileSync(path.join(dir, 'floor-worker.js'), FLOOR_WORKER_JS);
  const reports = [];
  const srv = await serve(dir, (r) => reports.shift()?.(r));
  const modes = MODE === 'both' ? ['page', 'floor'] : [MODE];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', ...EXTRA] });
  const steps = new Map();
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const mode of modes) { // in turns, so the VM's drift falls on both
        const p = await coldLoad(mode, srv.origin, browser, reports);
        if (p.error) throw new Error(p.error);
        for (const [n, t] of p.marks) {
          const key = `${n}\u0000${mode}`;
          if (!steps.has(key)) steps.set(key, []);
          steps.get(key).push(t);
        }
      }
    }
  } finally {
    await browser.close();
    srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const names = [...new Set([...steps.keys()].map((k) => k.split('\u0000')[0]))];
  const med = (n, m) => (steps.has(`${n}\u0000${m}`) ? median(steps.get(`${n}\u0000${m}`)) : NaN);
  names.sort((a, b) => med(a, modes[0]) - med(b, modes[0]));
  const label = { page: 'planlens page', floor: 'blank page + empty worker (the floor)' };
  console.log(`${RUNS} cold loads of ${path.relative(ROOT, DIST) || DIST} per mode, ms after navigation (median [min–max])\n`);
  console.log(`| step | ${modes.map((m) => label[m]).join(' | ')} |\n|---|${modes.map(() => '---:').join('|')}|`);
  for (const n of names) {
    const cells = modes.map((m) => {
      const ts = steps.get(`${n}\u0000${m}`);
      return ts ? `${median(ts).toFixed(0)} [${Math.min(...ts).toFixed(0)}–${Math.max(...ts).toFixed(0)}]` : '–';
    });
    console.log(`| ${n} | ${cells.join(' | ')} |`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
