// Throughput of one wasm build of planlens in Node's V8 (no browser, no worker): for comparing
// build settings (opt-level, wasm-opt) with tools/bench/wasm_size.sh, whose output it reads.
//
//   node tools/bench/wasm_speed.mjs [GLUE.js WASM] [--reps 28] [--runs 5]
//
// Defaults to target/wasm-size/out/planlens.js + planlens_bg.wasm. Prints the median ms and
// M chars/s of analyze() (= JSON.parse(analyzeJson), as the engine does) on the five seeds × reps,
// as one call and as one call per document (the real workload: per-document work shows only
// there), by wall and by CPU time. Measures only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { arg, median, seedDocs, seedText } from './compare_js.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pos = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] || '').startsWith('--'));
const glue = path.resolve(pos[0] || path.join(ROOT, 'target/wasm-size/out/planlens.js'));
const wasm = path.resolve(pos[1] || path.join(path.dirname(glue), 'planlens_bg.wasm'));
const reps = Number(arg('--reps', 28));
const runs = Number(arg('--runs', 5));
const m = await import(pathToFileURL(glue).href);
let t = performance.now();
await m.default({ module_or_path: fs.readFileSync(wasm) });
const init = performance.now() - t;
const text = seedText(reps);
const docs = seedDocs(reps);
const analyze = (t) => JSON.parse(m.analyzeJson(t)); // what the engine's analyze op does
analyze(text);
for (const d of docs) analyze(d);
// wall time, and this process's CPU time: on a busy machine the CPU time still compares builds
function time(work) {
  const ts = [], cs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c = process.cpuUsage();
    work();
    const d = process.cpuUsage(c);
    ts.push(performance.now() - t0);
    cs.push((d.user + d.system) / 1000);
  }
  return [median(ts), median(cs)];
}
const chars = docs.reduce((n, d) => n + d.length, 0);
const rate = (n, ms) => (n / ms / 1000).toFixed(2);
const [ms, cpu] = time(() => analyze(text));
const [dms, dcpu] = time(() => { for (const d of docs) analyze(d); });
console.log(`${path.relative(ROOT, wasm)}: ${fs.statSync(wasm).size} B, init ${init.toFixed(0)} ms (Node ${process.version}, median of ${runs} runs)`);
console.log(`  one call of ${text.length} chars: ${ms.toFixed(1)} ms wall = ${rate(text.length, ms)} M chars/s, ${cpu.toFixed(1)} ms CPU = ${rate(text.length, cpu)} M chars/s`);
console.log(`  ${docs.length} calls, one per document (${chars} chars): ${dms.toFixed(1)} ms wall = ${rate(chars, dms)} M chars/s, ${dcpu.toFixed(1)} ms CPU = ${rate(chars, dcpu)} M chars/s`);
