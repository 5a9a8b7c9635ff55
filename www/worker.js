// planlens engine worker (a module Web Worker started by planlens.js).
//
// It instantiates the wasm the page compiled (one download, one compilation), then answers requests one
// at a time. Protocol (structured-clone messages):
//   page → worker  {type: 'module', module}                first: the page's compiled wasm
//                                                          (WebAssembly.Module), or null → the
//                                                          worker loads it from WASM itself
//   worker → page  {type: 'ready', build, ops}            after the wasm is initialised
//                  {type: 'init-error', error}             if it could not be
//   page → worker  {id, op, args}                          op ∈ ops (wasm exports, allow-listed)
//   worker → page  {id, ok: true, result}
//                  {id, ok: false, error, fatal}           fatal: the wasm trapped (a Rust panic
//                                                          or `unreachable`), the instance is no
//                                                          longer trustworthy → page restarts us
// Lazily needed code and data are fetched here, not on the page, relative to this file's own URL:
// the extras wasm (compare, check, .docx: EXTRA_OPS) and the keywords wasm (KEYWORD_OPS), neither
// part of the first load, on the first request for one of their ops, and the keyword dictionary
// on the first keywords request.
// Rendered by tools/post_build.mjs (the "__PLANLENS_…__" placeholders).

const GLUE = new URL("__PLANLENS_GLUE__", import.meta.url).href;
const WASM = new URL("__PLANLENS_WASM__", import.meta.url).href;
const EXTRAS_GLUE = new URL("__PLANLENS_EXTRAS_GLUE__", import.meta.url).href;
const EXTRAS_WASM = new URL("__PLANLENS_EXTRAS_WASM__", import.meta.url).href;
const BUILD = "__PLANLENS_BUILD__";
const OPS = new Set("__PLANLENS_OPS__");
const KEYWORDS_GLUE = new URL("__PLANLENS_KEYWORDS_GLUE__", import.meta.url).href;
const KEYWORDS_WASM = new URL("__PLANLENS_KEYWORDS_WASM__", import.meta.url).href;
/** The ops of the extras and the keywords module (the rest are the first-load module's). */
const EXTRA_OPS = new Set("__PLANLENS_EXTRA_OPS__");
const KEYWORD_OPS = new Set("__PLANLENS_KEYWORD_OPS__");
/** Ops whose module has no analysis core: they get the first-load module's analysis of their
 *  text as one more argument (keywords → keywords(text, analyzeJson(text))). */
const WITH_ANALYSIS = "__PLANLENS_WITH_ANALYSIS__";
/** Ops answered by JSON.parse of another export's JSON text (analyze → analyzeJson). */
const JSON_OPS = "__PLANLENS_JSON_OPS__";

/** Data files an op needs, fetched once on first use and passed to `<op>Ready(text)` if the wasm
 *  exports such an initialiser (e.g. keywords → keywordsReady(dict)). */
const ASSETS = "__PLANLENS_ASSETS__";

const errorOf = (err) => ({
  name: (err && err.name) || 'Error',
  message: (err && err.message) || String(err),
});

let glue = null;
const loaded = new Map(); // op → Promise<void> for its asset

/** A loader of a lazily loaded module: the Promise of its glue, initialised once (retried after
 *  a failure). */
function lazyModule(glueUrl, wasmUrl) {
  let promise = null;
  return () => {
    if (!promise) {
      promise = (async () => {
        const g = await import(glueUrl);
        await g.default({ module_or_path: wasmUrl });
        return g;
      })();
      promise.catch(() => { promise = null; });
    }
    return promise;
  };
}
const loadExtras = lazyModule(EXTRAS_GLUE, EXTRAS_WASM);
const loadKeywords = lazyModule(KEYWORDS_GLUE, KEYWORDS_WASM);

/** The initialised module that implements `op`. */
const moduleFor = (op) => (EXTRA_OPS.has(op) ? loadExtras() : KEYWORD_OPS.has(op) ? loadKeywords() : glue);

async function ensureAsset(op, mod) {
  const file = ASSETS[op];
  const init = mod[op + 'Ready'];
  if (!file || typeof init !== 'function') return;
  if (!loaded.has(op)) {
    loaded.set(op, (async () => {
      const res = await fetch(new URL(file, import.meta.url));
      if (!res.ok) throw new Error(`planlens: could not load ${file} (HTTP ${res.status})`);
      init(await res.text());
    })());
    loaded.get(op).catch(() => loaded.delete(op)); // retry on the next request
  }
  await loaded.get(op);
}

async function handle({ id, op, args }) {
  try {
    if (!OPS.has(op)) throw new TypeError(`planlens: unknown operation "${op}"`);
    const mod = await moduleFor(op);
    const fn = JSON_OPS[op] || op;
    if (typeof mod[fn] !== 'function') throw new TypeError(`planlens: unknown operation "${op}"`);
    await ensureAsset(op, mod);
    const given = Array.isArray(args) ? args : [];
    const full = WITH_ANALYSIS[op] ? [...given, glue[WITH_ANALYSIS[op]](given[0])] : given;
    const out = await mod[fn](...full);
    const result = JSON_OPS[op] ? JSON.parse(out) : out;
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, ok: false, error: errorOf(err), fatal });
  }
}

let pageModule;
const gotModule = new Promise((resolve) => { pageModule = resolve; });

// Requests that arrive while the wasm is still loading wait for it, in order.
const booted = (async () => {
  glue = await import(GLUE);
  await glue.default({ module_or_path: (await gotModule) || WASM });
  const ops = [...OPS].filter((op) => EXTRA_OPS.has(op) || KEYWORD_OPS.has(op) || typeof glue[JSON_OPS[op] || op] === 'function');
  self.postMessage({ type: 'ready', build: BUILD, ops });
})();
booted.catch((err) => self.postMessage({ type: 'init-error', error: errorOf(err) }));

// Once ready, compile every pattern of the pipeline (glue.warmUp: ~0.3 s the first analysis
// would otherwise pay) before the first request is taken: the page is still being shown and the
// user has not pasted yet. A request that comes meanwhile waits for it, as it would have waited
// for the compilation anyway.
let chain = booted.then(() => {
  try {
    if (typeof glue.warmUp === 'function') glue.warmUp();
  } catch {
    // a failed warm-up is no failed engine: the first request compiles what it needs
  }
});
self.onmessage = (event) => {
  const msg = event.data;
  if (msg && msg.type === 'module') return pageModule(msg.module);
  if (!msg || typeof msg.id !== 'number') return;
  chain = chain.then(() => handle(msg), () => self.postMessage({ id: msg.id, ok: false, error: { name: 'PlanlensInitError', message: 'planlens: the engine failed to load' }, fatal: true }));
};
