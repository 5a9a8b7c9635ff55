// The engine's start-up in Node, one fresh process per sample: instantiating the page's wasm,
// the pattern warm-up the worker runs before its first request (`warmUp`), and the first analysis
// of a 20 k-char plan after it. For comparing builds of dist/ on the part of the cold start that
// is planlens's own; the browser's part (worker start, fetches) is in tools/bench/browser.mjs.
//
//   node --liftoff-only tools/bench/warm_probe.mjs [DIST] [--runs 7]
//
// --liftoff-only keeps V8 in its baseline compiler, as the worker's run-once start-up code mostly
// is in Chromium. NO_WARM=1 skips warmUp, to see what the first analysis costs without it.
// Prints the median of each step over --runs processes. Measures only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { arg, median, plan20k } from './compare_js.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

if (process.env.PLANLENS_PROBE_CHILD) {
  const dist = process.env.PLANLENS_PROBE_CHILD;
  const js = fs.readdirSync(dist).find((f) => /^planlens-[0-9a-f]+\.js$/.test(f));
  const m = await import(pathToFileURL(path.join(dist, js)).href);
  const module = await WebAssembly.compile(fs.readFileSync(path.join(dist, js.replace('.js', '_bg.wasm'))));
  // CPU time beside wall time: on a shared machine the wall time of one step varies 2-3x with
  // the host's load, the process's CPU time much less
  const cpu = (c) => (c.user + c.system) / 1000;
  let t = performance.now();
  let c = process.cpuUsage();
  await m.default({ module_or_path: module });
  const init = performance.now() - t;
  const initCpu = cpu(process.cpuUsage(c));
  t = performance.now();
  c = process.cpuUsage();
  if (!process.env.NO_WARM) m.warmUp();
  const warm = performance.now() - t;
  const warmCpu = cpu(process.cpuUsage(c));
  const plan = plan20k(); // the browser bench's pasted plan
  t = performance.now();
  c = process.cpuUsage();
  JSON.parse(m.analyzeJson(plan));
  const first = performance.now() - t;
  const firstCpu = cpu(process.cpuUsage(c));
  console.log(JSON.stringify({ init, warm, first, initCpu, warmCpu, firstCpu }));
} else {
  const pos = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] || '').startsWith('--'));
  const dist = path.resolve(pos[0] || path.join(ROOT, 'dist'));
  const runs = Number(arg('--runs', 7));
  const flags = process.execArgv;
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [...flags, fileURLToPath(import.meta.url)], {
      env: { ...process.env, PLANLENS_PROBE_CHILD: dist },
    });
    rows.push(JSON.parse(String(out)));
  }
  const m = (k) => median(rows.map((r) => r[k])).toFixed(1);
  console.log(`${path.relative(ROOT, dist) || dist} (Node ${process.version} ${flags.join(' ')}, median of ${runs} processes):`);
  console.log(`  instantiate ${m('init')} ms, warmUp ${m('warm')} ms, first 20 k-char analysis ${m('first')} ms`);
  console.log(`  CPU time: instantiate ${m('initCpu')} ms, warmUp ${m('warmCpu')} ms, first 20 k-char analysis ${m('firstCpu')} ms`);
}
