// Throughput of one wasm build of planlens in Node's V8 (no browser, no worker): for comparing
// build settings (opt-level, wasm-opt) with tools/bench/wasm_size.sh, whose output it reads.
//
//   node tools/bench/wasm_speed.mjs [GLUE.js WASM] [--reps 28] [--runs 5]
//
// Defaults to target/wasm-size/out/planlens.js + planlens_bg.wasm. Prints the median ms and
// M chars/s of analyze() (= JSON.parse(analyzeJson), as the engine does) on the five seeds × reps (one call), by wall and by CPU time. Measures only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { arg, median, seedText } from './compare_js.mjs';

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
JSON.parse(m.analyzeJson(text)); // what the engine's analyze op does
// wall time, and this process's CPU time: on a busy machine the CPU time still compares builds
const ts = [], cs = [];
for (let i = 0; i < runs; i++) {
  t = performance.now();
  const c = process.cpuUsage();
  JSON.parse(m.analyzeJson(text)); // what the engine's analyze op does
  const d = process.cpuUsage(c);
  ts.push(performance.now() - t);
  cs.push((d.user + d.system) / 1000);
}
const ms = median(ts), cpu = median(cs);
console.log(`${path.relative(ROOT, wasm)}: ${fs.statSync(wasm).size} B, init ${init.toFixed(0)} ms; analyze ${text.length} chars: ` +
  `median ${ms.toFixed(1)} ms wall = ${(text.length / ms / 1000).toFixed(2)} M chars/s, ${cpu.toFixed(1)} ms CPU = ` +
  `${(text.length / cpu / 1000).toFixed(2)} M chars/s (Node ${process.version}, ${runs} runs)`);
