// What the first load is and how its bytes are counted: shared by the size test
// (size-budget.test.mjs, which CI runs) and the browser benchmark (tools/bench/browser.mjs, whose
// server sends exactly these gzip bodies), so the two print the same figure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const BUDGET = 400 * 1024;
/** What CI enforces: the budget itself, now that the first load fits (it was a ratchet above it). */
export const CEILING = BUDGET;
/** Paths (relative to dist/, '/'-separated) that are not part of the first load, and why. */
export const LAZY = [
  [/^planlens-extras-[0-9a-f]+(_bg\.wasm|\.js)$/, 'extras wasm + glue (compare, check, .docx): fetched by the engine on the first such op; a browser test of size-budget.test.mjs checks it is not fetched before the first result'],
  [/^planlens-keywords-[0-9a-f]+(_bg\.wasm|\.js)$/, 'keywords wasm + glue (jieba-rs): fetched by the engine on the first keywords op; a browser test of size-budget.test.mjs checks it is not fetched before the first result'],
  [/^planlens-corpus-panel-[0-9a-f]+(_bg\.wasm|\.js)$/, 'corpus panel wasm + glue: imported by boot.js only when several files or a folder are opened, or a kept corpus is restored; corpus.test.mjs checks it is not fetched before'],
  [/^dict\//, 'jieba dictionary: fetched by the worker only when keywords are shown'],
  [/^samples\//, 'sample plans: fetched only when the user picks one'],
  [/^icons\//, 'favicon, manifest and touch icons: the browser fetches them for its tab and install UI, never for a result'],
  [/^sw\.js$/, 'service worker: registered after the page works; its precache is a later download'],
  [/\.map$/, 'source maps: only with devtools open'],
  [/\.d\.ts$/, 'TypeScript declarations for embedders: never fetched by the page'],
];

function walk(dir, rel = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(dir, e.name), r) : [r];
  });
}

/**
 * gzip -9 size of a buffer: GNU gzip's when the `gzip` program is there (what "gzip -9" means,
 * and what system zlib gives too), else Node's zlib, whose level 9 (Chromium's zlib fork) comes
 * out 1.5-4 % larger on wasm — a stricter count, never a looser one.
 */
let haveGzip = null;
export function gzip9(buf) {
  if (haveGzip !== false) {
    try {
      const out = execFileSync('gzip', ['-9c', '-n'], { input: buf, maxBuffer: 1 << 28 });
      haveGzip = true;
      return out;
    } catch {
      haveGzip = false;
    }
  }
  return zlib.gzipSync(buf, { level: 9 });
}

export const gzipSize = (buf) => gzip9(buf).length;

/** Which compressor [`gzip9`] used: 'GNU gzip' or 'Node zlib' (null before the first call). */
export const gzipTool = () => (haveGzip === null ? null : haveGzip ? 'GNU gzip' : 'Node zlib');

/** The LAZY reason of a dist/-relative path, or null when it is part of the first load. */
export const lazyReason = (rel) => {
  const lazy = LAZY.find(([re]) => re.test(rel));
  return lazy ? lazy[1] : null;
};

/** Every file of `dist` with raw and gzip -9 sizes, and whether it is in the first load. */
export function firstLoad(dist) {
  return walk(dist).sort().map((rel) => {
    const buf = fs.readFileSync(path.join(dist, rel));
    return { rel, raw: buf.length, gzip: gzipSize(buf), lazy: lazyReason(rel) };
  });
}

