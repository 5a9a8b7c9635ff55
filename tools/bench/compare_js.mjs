// The JavaScript alternatives planlens is compared with (issue 7), for tools/bench/browser.mjs:
// jieba-wasm runs in Chromium next to planlens (this module installs it and says where its web
// build is); Microsoft Recognizers-Text (pure JS, Chinese numbers) runs here in Node's V8, since
// its npm bundles need a bundler to load in a page.
//
//   node tools/bench/compare_js.mjs [--runs 3] [--quick]     # Recognizers-Text alone
//
// The npm packages are installed by this script into target/bench/npm (a scratch dir, never
// committed; pinned versions; skipped when already there). Figures are medians of timed runs after
// one warm-up. Recognizers-Text reads the five seeds once (47.6 k chars): at about 10 k chars/s the
// 1.33 M text would take minutes per run; its figure is chars/s all the same. Nothing here fails
// on a timing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRATCH = path.join(ROOT, 'target', 'bench', 'npm');
const PKGS = { 'jieba-wasm': '2.4.0', '@microsoft/recognizers-text-number': '1.3.1' };

export function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i < 0 ? dflt : process.argv[i + 1];
}

/** The seed plans, each repeated `reps` times, as separate documents (5 × reps). */
export function seedDocs(reps) {
  const dir = path.join(ROOT, 'tests', 'fixtures');
  const one = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  return Array(reps).fill(one).flat();
}

/** Seeds concatenated (one '\n' between), repeated `reps` times. */
export function seedText(reps) {
  return seedDocs(reps).join('\n');
}

/** The 20 k-char "pasted plan" of the cold-start figures: the seeds concatenated, cut at the
 *  last line break before 20 000. */
export function plan20k() {
  const all = seedText(1);
  const cut = all.lastIndexOf('\n', 20_000);
  return all.slice(0, cut > 0 ? cut : 20_000);
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function ensurePackages() {
  const have = (n) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(SCRATCH, 'node_modules', n, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  const missing = Object.entries(PKGS).filter(([n, v]) => have(n) !== v).map(([n, v]) => `${n}@${v}`);
  if (!missing.length) return;
  fs.mkdirSync(SCRATCH, { recursive: true });
  if (!fs.existsSync(path.join(SCRATCH, 'package.json'))) fs.writeFileSync(path.join(SCRATCH, 'package.json'), '{"private":true}\n');
  console.error(`[bench] npm install ${missing.join(' ')} into ${path.relative(ROOT, SCRATCH)}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...missing], { cwd: SCRATCH, stdio: 'inherit' });
}

function timeRuns(runs, fn) {
  fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/**
 * Recognizers-Text (Chinese numbers, incl. percentages and ordinals), one line at a time, on the
 * seeds × 1: init ms (require + first pass), chars/s, numbers found.
 */
export function recognizers({ runs = 3, quick = false } = {}) {
  ensurePackages();
  const req = createRequire(path.join(SCRATCH, 'package.json'));
  const small = seedText(1);
  const lines = small.split('\n').filter((l) => l.trim());
  const t = performance.now();
  const rec = req('@microsoft/recognizers-text-number');
  const count = () => lines.reduce((s, l) => s + rec.recognizeNumber(l, rec.Culture.Chinese).length, 0);
  const found = count();
  const init = performance.now() - t;
  const ms = timeRuns(quick ? 1 : Math.min(runs, 3), count);
  const dir = path.dirname(req.resolve('@microsoft/recognizers-text-number'));
  return { tool: `Recognizers-Text ${PKGS['@microsoft/recognizers-text-number']} number zh-cn (Node ${process.version})`,
    gzip: gz(path.join(dir, 'recognizers-text-number.umd.js')), init, chars: small.length, ms, finds: `${found} numbers (bare values)` };
}

/** Where the jieba-wasm web build is (for the browser comparison). */
export function jiebaWebDir() {
  ensurePackages();
  return path.join(SCRATCH, 'node_modules', 'jieba-wasm', 'pkg', 'web');
}

export function printCompare(rows, base) {
  console.log('tool'.padEnd(52) + 'gzip KB'.padStart(8) + 'init ms'.padStart(9) + 'chars'.padStart(9)
    + 'M chars/s'.padStart(10) + 'planlens ×'.padStart(11) + '  finds');
  for (const r of rows) {
    const rate = r.chars / r.ms / 1000;
    console.log(r.tool.padEnd(52) + (r.gzip / 1024).toFixed(0).padStart(8) + (r.init == null ? 'n/a' : r.init.toFixed(0)).padStart(9)
      + String(r.chars).padStart(9) + rate.toFixed(2).padStart(10) + (base / rate).toFixed(1).padStart(11) + '  ' + r.finds);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = recognizers({ runs: Number(arg('--runs', 3)), quick: process.argv.includes('--quick') });
  printCompare([r], r.chars / r.ms / 1000);
}
