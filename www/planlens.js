// planlens.js — the public, stable-named ES module (no bundler needed):
//
//   <script type="module" src="https://their-host/planlens/planlens.js"></script>
//   <plan-lens></plan-lens>
//
//   import { ready, analyze } from 'https://their-host/planlens/planlens.js';
//   await ready; const result = await analyze(text);   // a planlens/1 object
//
// It finds the wasm, the extras wasm (compare / check / .docx ops) and the keywords wasm (fetched
// by the engine on the first call of one of their ops) and worker.js relative to its own URL (import.meta.url), runs the engine in a
// module Web Worker (ready handshake, one request at a time from a queue, restart on crash), and
// falls back to the page's own thread when Worker is unavailable or the page URL says
// `?engine=inline` (tests). It also sets `globalThis.planlens = {ready, analyze, call, version}`
// synchronously, which is how the page's Rust UI reaches it, and defines <plan-lens>.
// Loading it twice (two URLs) reuses the first instance's engine and element.
//
// User text is only ever put into the DOM with textContent / text nodes.
// Rendered by tools/post_build.mjs (the "__PLANLENS_…__" placeholders).

const BUILD = "__PLANLENS_BUILD__";
const OPS = "__PLANLENS_OPS__";
const ASSETS = "__PLANLENS_ASSETS__";
const GLUE_URL = new URL("__PLANLENS_GLUE__", import.meta.url).href;
const WASM_URL = new URL("__PLANLENS_WASM__", import.meta.url).href;
/** The extras and the keywords module (not part of the first load) and the ops each implements. */
const EXTRAS_GLUE_URL = new URL("__PLANLENS_EXTRAS_GLUE__", import.meta.url).href;
const EXTRAS_WASM_URL = new URL("__PLANLENS_EXTRAS_WASM__", import.meta.url).href;
const EXTRA_OPS = "__PLANLENS_EXTRA_OPS__";
const KEYWORDS_GLUE_URL = new URL("__PLANLENS_KEYWORDS_GLUE__", import.meta.url).href;
const KEYWORDS_WASM_URL = new URL("__PLANLENS_KEYWORDS_WASM__", import.meta.url).href;
const KEYWORD_OPS = "__PLANLENS_KEYWORD_OPS__";
/** Ops whose module has no analysis core: they get the first-load module's analysis of their
 *  text as one more argument (keywords → keywords(text, analyzeJson(text))). */
const WITH_ANALYSIS = "__PLANLENS_WITH_ANALYSIS__";
/** Ops answered by JSON.parse of another export's JSON text (analyze → analyzeJson). */
const JSON_OPS = "__PLANLENS_JSON_OPS__";
const WORKER_URL = new URL('./worker.js', import.meta.url).href;
const TAG = 'planlens-api/1';

/** Default bound on one request; past it the worker is presumed hung, restarted, and the request
 *  rejected (code "timeout"). A 10 MB plan takes a few seconds. */
let requestTimeout = 120_000;
/** More crashes than this within CRASH_WINDOW ms and the engine gives up (code "engine-failed"). */
const MAX_CRASHES = 5;
const CRASH_WINDOW = 60_000;

/** Every error this module rejects with. `code` is one of: init-failed, engine-crashed,
 *  engine-failed, timeout, unknown-op, bad-input, engine-error. */
export class PlanlensError extends Error {
  constructor(message, code, cause) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'PlanlensError';
    this.code = code;
  }
}

function emit(type, detail, cancelable = false) {
  if (typeof globalThis.dispatchEvent !== 'function' || typeof CustomEvent !== 'function') return true;
  return globalThis.dispatchEvent(new CustomEvent(type, { detail, cancelable }));
}

const describe = (err) => (err && err.message) || String(err);

// ---------------------------------------------------------------------------------------------
// The wasm on this thread (the page's UI lives in the same wasm; the inline engine uses it too).

let compiled = null;
/** The page wasm compiled once, as its bytes arrive (the document preloads it): this thread's
 *  instance and every worker's are made from it, so a worker, and each restart, skips the
 *  compilation (≈ 35 ms of the cold start on a 2-core VM, BENCHMARKS.md). null if it cannot be
 *  (a wrong MIME type, say): each then loads the wasm by URL, as the glue does by itself. */
function wasmModule() {
  if (!compiled) compiled = WebAssembly.compileStreaming(fetch(WASM_URL)).catch(() => null);
  return compiled;
}

let gluePromise = null;
/** The wasm-bindgen module, initialised once on this thread. For the page's boot.js. */
export function loadGlue() {
  if (!gluePromise) {
    gluePromise = (async () => {
      const glue = await import(GLUE_URL);
      await glue.default({ module_or_path: (await wasmModule()) || WASM_URL });
      return glue;
    })();
  }
  return gluePromise;
}

/** A lazily loaded module, initialised once on this thread on first use (the inline engine's twin
 *  of worker.js's lazyModule); a failed load is retried on the next call. */
function lazyModule(glueUrl, wasmUrl) {
  let promise = null;
  return () => {
    if (!promise) {
      promise = (async () => {
        const glue = await import(glueUrl);
        await glue.default({ module_or_path: wasmUrl });
        return glue;
      })();
      promise.catch(() => { promise = null; });
    }
    return promise;
  };
}
const loadExtras = lazyModule(EXTRAS_GLUE_URL, EXTRAS_WASM_URL);
const loadKeywords = lazyModule(KEYWORDS_GLUE_URL, KEYWORDS_WASM_URL);

/** Fetches the data an op needs once and hands it to `<op>Ready(text)` of the module `glue`
 *  that implements the op (same rule as worker.js). */
function assetLoader(base) {
  const loaded = new Map();
  return async (op, glue) => {
    const file = ASSETS[op];
    const init = glue[op + 'Ready'];
    if (!file || typeof init !== 'function') return;
    if (!loaded.has(op)) {
      const p = (async () => {
        const res = await fetch(new URL(file, base));
        if (!res.ok) throw new Error(`planlens: could not load ${file} (HTTP ${res.status})`);
        init(await res.text());
      })();
      p.catch(() => loaded.delete(op));
      loaded.set(op, p);
    }
    await loaded.get(op);
  };
}

class InlineEngine {
  constructor() {
    this.kind = 'inline';
    this.broken = null;
    this.ready = loadGlue().then((glue) => {
      this.glue = glue;
      this.ensureAsset = assetLoader(import.meta.url);
    });
  }

  async call(op, args) {
    if (this.broken) throw this.broken;
    let mod = this.glue;
    const lazy = EXTRA_OPS.includes(op) ? ['extras', loadExtras] : KEYWORD_OPS.includes(op) ? ['keywords', loadKeywords] : null;
    if (lazy) {
      try {
        mod = await lazy[1]();
      } catch (err) {
        throw new PlanlensError(`planlens: the engine could not load its ${lazy[0]} module (${describe(err)})`, 'engine-error', err);
      }
    }
    const fn = JSON_OPS[op] || op;
    if (typeof mod[fn] !== 'function') throw new PlanlensError(`planlens: "${op}" is not in this build`, 'unknown-op');
    try {
      await this.ensureAsset(op, mod);
      const full = WITH_ANALYSIS[op] ? [...args, this.glue[WITH_ANALYSIS[op]](args[0])] : args;
      const out = await mod[fn](...full);
      return JSON_OPS[op] ? JSON.parse(out) : out;
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) {
        // A trapped instance cannot be re-initialised on this thread: say so, for good.
        this.broken = new PlanlensError(`planlens: the engine failed (${describe(err)}); reload the page`, 'engine-failed', err);
        emit('planlens:engine', { state: 'failed', engine: 'inline', message: this.broken.message }, true);
        throw this.broken;
      }
      throw new PlanlensError(`planlens: ${describe(err)}`, 'engine-error', err);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The worker engine.

/** How to start the worker, in order of preference:
 *  - "blob": a same-origin blob module that imports worker.js. A worker started from a blob URL
 *    inherits the CSP of the page that made it (a worker from an http URL would only have the CSP
 *    of its own response headers, which static hosting rarely sets), so the page's
 *    `connect-src 'self'` binds the engine too. It is also the only way to start the worker when
 *    planlens.js is embedded from another origin (Worker() takes same-origin URLs only; the import
 *    is then a CORS fetch). Needs `worker-src blob:`. It imports the wasm-bindgen glue as well,
 *    so the two are fetched in parallel.
 *  - "url": worker.js directly, same origin only (a CSP without blob: in worker-src). */
function spawnWorker(mode) {
  if (mode === 'url') {
    if (typeof location !== 'undefined' && new URL(WORKER_URL).origin !== location.origin) {
      throw new Error('worker.js is on another origin; a blob: worker is needed (worker-src blob:)');
    }
    return { worker: new Worker(WORKER_URL, { type: 'module', name: 'planlens' }), revoke() {} };
  }
  // The glue is imported here too, beside worker.js, so that both are fetched at once: worker.js
  // imports it only once it runs (one more round trip before the engine is ready).
  const blob = new Blob([`import ${JSON.stringify(GLUE_URL)};\nimport ${JSON.stringify(WORKER_URL)};\n`], { type: 'text/javascript' });
  const url = URL.createObjectURL(blob);
  try {
    return { worker: new Worker(url, { type: 'module', name: 'planlens' }), revoke: () => URL.revokeObjectURL(url) };
  } catch (err) {
    URL.revokeObjectURL(url);
    throw err;
  }
}

class WorkerEngine {
  constructor(mode) {
    this.kind = 'worker';
    this.mode = mode;
    this.queue = [];
    this.current = null;
    this.worker = null;
    this.state = 'starting';
    this.everReady = false;
    this.crashes = [];
    this.failure = null;
    this.seq = 0;
    this.ready = new Promise((resolve, reject) => {
      this.firstReady = resolve;
      this.firstFail = reject;
    });
    this.start();
  }

  start() {
    this.state = 'starting';
    let spawned;
    try {
      spawned = spawnWorker(this.mode);
    } catch (err) {
      this.lost(null, new PlanlensError(`planlens: cannot start the engine worker (${describe(err)})`, 'init-failed', err));
      return;
    }
    const w = spawned.worker;
    this.worker = w;
    this.revoke = spawned.revoke;
    w.onmessage = (e) => this.onMessage(w, e.data);
    w.onerror = (e) => {
      if (e && typeof e.preventDefault === 'function') e.preventDefault();
      const what = (e && e.message) || 'the worker script failed';
      this.lost(w, new PlanlensError(`planlens: the engine stopped (${what})`, 'engine-crashed'));
    };
    w.onmessageerror = () => this.lost(w, new PlanlensError('planlens: the engine sent an unreadable message', 'engine-crashed'));
    // the worker waits for this before it instantiates (worker.js); a module that cannot be
    // posted is sent as null, and the worker fetches the wasm itself
    wasmModule().then((module) => {
      if (w !== this.worker) return;
      try {
        w.postMessage({ type: 'module', module });
      } catch {
        w.postMessage({ type: 'module', module: null });
      }
    });
  }

  onMessage(w, msg) {
    if (w !== this.worker || !msg) return;
    if (msg.type === 'ready') {
      this.revoke();
      this.state = 'ready';
      if (!this.everReady) {
        this.everReady = true;
        this.firstReady();
      } else {
        emit('planlens:engine', { state: 'restarted', engine: 'worker', message: 'planlens: the engine was restarted' });
      }
      this.pump();
      return;
    }
    if (msg.type === 'init-error') {
      this.lost(w, new PlanlensError(`planlens: the engine failed to load (${msg.error && msg.error.message})`, 'init-failed'));
      return;
    }
    const req = this.current;
    if (!req || msg.id !== req.id) return;
    this.current = null;
    clearTimeout(req.timer);
    if (msg.ok) {
      req.resolve(msg.result);
      this.pump();
      return;
    }
    const message = (msg.error && msg.error.message) || 'unknown error';
    if (msg.fatal) {
      const err = new PlanlensError(`planlens: the engine failed on this input (${message}); it is being restarted`, 'engine-crashed');
      req.reject(err);
      this.lost(w, err);
    } else {
      req.reject(new PlanlensError(message.startsWith('planlens') ? message : `planlens: ${message}`, 'engine-error'));
      this.pump();
    }
  }

  /** The worker is gone or untrustworthy: reject what it was doing, start a fresh one. */
  lost(w, err) {
    if (w && w !== this.worker) return;
    if (this.worker) {
      this.worker.onmessage = this.worker.onerror = this.worker.onmessageerror = null;
      this.worker.terminate();
      this.revoke();
      this.worker = null;
    }
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.reject(err.code === 'engine-crashed' || err.code === 'timeout' ? err
        : new PlanlensError(`planlens: the engine stopped while working (${err.message})`, 'engine-crashed', err));
      this.current = null;
    }
    if (!this.everReady) {
      // It never came up (CSP without worker-src, no module workers, wasm not fetchable from the
      // worker): the caller decides whether to fall back to the inline engine.
      this.state = 'failed';
      this.failure = err;
      this.firstFail(err);
      return;
    }
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < CRASH_WINDOW).concat(now);
    if (this.crashes.length > MAX_CRASHES) {
      this.state = 'failed';
      this.failure = new PlanlensError(`planlens: the engine keeps failing (${err.message}); reload the page`, 'engine-failed', err);
      for (const r of this.queue.splice(0)) r.reject(this.failure);
      emit('planlens:engine', { state: 'failed', engine: 'worker', message: this.failure.message }, true);
      return;
    }
    emit('planlens:engine', { state: 'crashed', engine: 'worker', message: err.message }, true);
    this.start();
  }

  call(op, args) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.seq, op, args, resolve, reject });
      this.pump();
    });
  }

  pump() {
    if (this.state !== 'ready' || this.current || this.queue.length === 0) return;
    const req = this.queue.shift();
    this.current = req;
    const w = this.worker;
    req.timer = setTimeout(() => {
      if (this.current === req) {
        this.lost(w, new PlanlensError(`planlens: "${req.op}" took longer than ${requestTimeout} ms; the engine was restarted`, 'timeout'));
      }
    }, requestTimeout);
    try {
      w.postMessage({ id: req.id, op: req.op, args: req.args });
    } catch (err) {
      clearTimeout(req.timer);
      this.current = null;
      req.reject(new PlanlensError(`planlens: these arguments cannot be sent to the engine (${describe(err)})`, 'bad-input', err));
      this.pump();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The API object (shared by every copy of this module on the page).

function wantsInline() {
  if (typeof Worker !== 'function') return true;
  try {
    return new URLSearchParams(globalThis.location.search).get('engine') === 'inline';
  } catch {
    return false;
  }
}

function createApi() {
  let engine = null;
  let isReady = false;
  let failure = null;

  const ready = (async () => {
    for (const mode of wantsInline() ? [] : ['blob', 'url']) {
      const w = new WorkerEngine(mode);
      try {
        await w.ready;
        engine = w;
        break;
      } catch (err) {
        if (globalThis.console) console.warn(`planlens: ${mode} worker unavailable: ${err.message}`);
      }
    }
    if (!engine && !wantsInline() && globalThis.console) console.warn("planlens: running the engine on the page's thread");
    if (!engine) {
      const inline = new InlineEngine();
      try {
        await inline.ready;
      } catch (err) {
        throw new PlanlensError(`planlens: the engine failed to load (${describe(err)})`, 'init-failed', err);
      }
      engine = inline;
    }
    isReady = true;
    emit('planlens:engine', { state: 'ready', engine: engine.kind, message: 'planlens: ready' });
  })();
  ready.catch((err) => {
    failure = err;
  });
  // What callers await: resolves to undefined; its rejection is handled here too, so a page that
  // never awaits it gets no "unhandled rejection" (the error still reaches those who await).
  const publicReady = ready.then(() => undefined);
  publicReady.catch(() => {});

  function call(op, ...args) {
    if (typeof op !== 'string' || !OPS.includes(op)) {
      return Promise.reject(new PlanlensError(`planlens: "${op}" is not an operation (this build has: ${OPS.join(', ')})`, 'unknown-op'));
    }
    if (failure) return Promise.reject(failure);
    // a call made before the engine is up waits for it (and fails as `ready` does)
    if (!isReady) return ready.then(() => engine.call(op, args));
    return engine.call(op, args);
  }

  function analyze(text) {
    if (typeof text !== 'string') {
      return Promise.reject(new PlanlensError(`planlens: analyze() takes a string, not ${text === null ? 'null' : typeof text}`, 'bad-input'));
    }
    return call('analyze', text);
  }

  return {
    __tag: TAG,
    ready: publicReady,
    analyze,
    call,
    version: BUILD,
    ops: OPS.slice(),
    get engine() {
      return engine ? engine.kind : null;
    },
    /** How the worker was started ("blob" or "url"), null for the inline engine. */
    get workerMode() {
      return engine && engine.kind === 'worker' ? engine.mode : null;
    },
    get isReady() {
      return isReady;
    },
    configure(options = {}) {
      if (Number.isFinite(options.timeout) && options.timeout > 0) requestTimeout = options.timeout;
    },
    loadGlue,
  };
}

const existing = globalThis.planlens;
const shared = existing && existing.__tag === TAG ? existing : null;
const api = shared || createApi();
if (!shared && existing === undefined) globalThis.planlens = api;

/** Resolves when the engine is up (worker or inline); rejects with code "init-failed". */
export const ready = api.ready;
/** The build id (changes with every build). */
export const version = api.version;
/** Analyses a plan; resolves to its planlens/1 object. */
export function analyze(text) {
  return api.analyze(text);
}
/** Calls another allow-listed wasm export in the engine: `call('analyzeJson', text)`. */
export function call(op, ...args) {
  return api.call(op, ...args);
}
/** `configure({timeout})`: the per-request bound in ms. */
export function configure(options) {
  api.configure(options);
}
/** "worker" or "inline" once ready, else null. */
export function engine() {
  return api.engine;
}

// ---------------------------------------------------------------------------------------------
// <plan-lens>: outline + targets of a plan in a shadow DOM.

const LABELS = {
  zh: {
    input: '粘贴规划、计划或工作要点全文', outline: '提纲', targets: '目标', none: '（无）',
    col: ['目标', '指标', '时限', '所在部分'], working: '分析中…', summary: (h, t) => `${h} 个标题 · ${t} 项目标`,
    more: (n) => `另有 ${n} 项未显示`, notReady: '引擎加载中…',
  },
  en: {
    input: 'Paste the full text of a plan', outline: 'Outline', targets: 'Targets', none: '(none)',
    col: ['Target', 'Subject', 'Deadline', 'Section'], working: 'Analysing…', summary: (h, t) => `${h} headings · ${t} targets`,
    more: (n) => `${n} more not shown`, notReady: 'Loading the engine…',
  },
};
const MAX_ROWS = 500;
const MAX_NODES = 2000;

const CSS = `
:host { display: block; font: inherit; color: inherit; }
:host([hidden]) { display: none; }
textarea { box-sizing: border-box; width: 100%; min-height: 8em; font: inherit; }
:host([no-input]) textarea { display: none; }
.status:empty { display: none; }
.status { margin: .5em 0; }
.status.error { color: #b00020; }
.summary { margin: .5em 0; font-weight: 600; }
ol { margin: .25em 0; padding-left: 1.5em; }
.marker { margin-right: .35em; opacity: .75; }
.count { margin-left: .5em; font-size: .85em; opacity: .7; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid rgba(127,127,127,.35); padding: .25em .4em; text-align: left; vertical-align: top; }
h2 { font-size: 1.05em; margin: .8em 0 .3em; }
`;

let sheet = null;
function applyStyle(root) {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet]; // CSSOM: allowed by a style-src 'self' CSP
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function labelsFor(node) {
  const lang = (node.closest('[lang]') || document.documentElement).getAttribute('lang') || 'zh';
  return lang.toLowerCase().startsWith('en') ? LABELS.en : LABELS.zh;
}

/** Number of targets under each outline path ("1.0" style keys). */
function countByPath(targets) {
  const counts = new Map();
  for (const t of targets) {
    const p = Array.isArray(t.path) ? t.path : [];
    for (let i = 1; i <= p.length; i++) {
      const key = p.slice(0, i).join('.');
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  return counts;
}

function renderOutline(outline, counts, L) {
  const root = el('ol');
  let shown = 0;
  // Iterative walk (no recursion on input-shaped data).
  const stack = [{ nodes: outline, list: root, prefix: [] }];
  while (stack.length) {
    const { nodes, list, prefix } = stack.pop();
    for (let i = 0; i < nodes.length && shown < MAX_NODES; i++) {
      const n = nodes[i] || {};
      const path = prefix.concat(i);
      const li = el('li');
      if (n.marker) li.append(el('span', 'marker', n.marker));
      li.append(el('span', 'title', n.title || ''));
      const c = counts.get(path.join('.'));
      if (c) li.append(el('span', 'count', `(${c})`));
      list.append(li);
      shown++;
      if (Array.isArray(n.children) && n.children.length) {
        const sub = el('ol');
        li.append(sub);
        stack.push({ nodes: n.children, list: sub, prefix: path });
      }
    }
  }
  if (!outline.length) root.append(el('li', 'none', L.none));
  return root;
}

function sectionTitle(outline, path) {
  let nodes = outline;
  let node = null;
  for (const i of Array.isArray(path) ? path : []) {
    node = nodes && nodes[i];
    if (!node) break;
    nodes = node.children;
  }
  return node ? `${node.marker || ''}${node.title || ''}` : '';
}

function renderTargets(targets, outline, L) {
  const table = el('table');
  const head = el('tr');
  for (const c of L.col) head.append(el('th', null, c));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  for (const t of targets.slice(0, MAX_ROWS)) {
    const tr = el('tr');
    tr.append(el('td', 'text', t.text), el('td', 'subject', t.subject || ''), el('td', 'deadline', t.deadline || ''),
      el('td', 'section', sectionTitle(outline, t.path)));
    body.append(tr);
  }
  table.append(body);
  const frag = document.createDocumentFragment();
  frag.append(table);
  if (targets.length > MAX_ROWS) frag.append(el('p', 'more', L.more(targets.length - MAX_ROWS)));
  if (!targets.length) frag.append(el('p', 'none', L.none));
  return frag;
}

function defineElement() {
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return;
  if (customElements.get('plan-lens')) return; // loaded twice: the first definition stays

  class PlanLensElement extends HTMLElement {
    static get observedAttributes() {
      return ['text'];
    }

    #text = '';
    #seq = 0;
    #timer = 0;
    #result = null;
    #parts;

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      applyStyle(root);
      const input = el('textarea');
      input.setAttribute('part', 'input');
      input.spellcheck = false;
      input.addEventListener('input', () => {
        this.#text = input.value;
        this.#schedule(300);
      });
      const status = el('div', 'status');
      status.setAttribute('part', 'status');
      status.setAttribute('role', 'status');
      const summary = el('div', 'summary');
      summary.setAttribute('part', 'summary');
      const outline = el('section', 'outline');
      outline.setAttribute('part', 'outline');
      const targets = el('section', 'targets');
      targets.setAttribute('part', 'targets');
      root.append(input, status, summary, outline, targets);
      this.#parts = { input, status, summary, outline, targets };
    }

    connectedCallback() {
      const L = labelsFor(this);
      this.#parts.input.setAttribute('aria-label', L.input);
      this.#parts.input.placeholder = L.input;
      // A `text` property set before the element was defined shadows the accessor: take it over.
      if (Object.prototype.hasOwnProperty.call(this, 'text')) {
        const v = this.text;
        delete this.text;
        this.text = v;
      } else if (this.#text) {
        this.#schedule(0);
      }
    }

    attributeChangedCallback(name, _old, value) {
      if (name === 'text' && value !== null && value !== this.#text) this.text = value;
    }

    /** The plan text shown and analysed. */
    get text() {
      return this.#text;
    }

    set text(value) {
      this.#text = value === null || value === undefined ? '' : String(value);
      this.#parts.input.value = this.#text;
      this.#schedule(0);
    }

    /** The last planlens/1 result, or null. */
    get result() {
      return this.#result;
    }

    #schedule(delay) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#run(), delay);
    }

    async #run() {
      const seq = ++this.#seq;
      const text = this.#text;
      const L = labelsFor(this);
      const { status } = this.#parts;
      status.className = 'status';
      status.textContent = api.isReady ? L.working : L.notReady;
      let result;
      try {
        await api.ready;
        if (seq !== this.#seq) return;
        result = await api.analyze(text);
      } catch (err) {
        if (seq !== this.#seq) return;
        status.className = 'status error';
        status.textContent = describe(err);
        this.dispatchEvent(new CustomEvent('planlens:error', { detail: err, bubbles: true, composed: true }));
        return;
      }
      if (seq !== this.#seq) return;
      status.textContent = '';
      this.#result = result;
      this.#render(result, L);
      this.dispatchEvent(new CustomEvent('planlens:analyzed', { detail: result, bubbles: true, composed: true }));
    }

    #render(result, L) {
      const outline = Array.isArray(result.outline) ? result.outline : [];
      const targets = Array.isArray(result.targets) ? result.targets : [];
      let headings = 0;
      const stack = [outline];
      while (stack.length) {
        for (const n of stack.pop()) {
          headings++;
          if (n && Array.isArray(n.children)) stack.push(n.children);
        }
      }
      const { summary, outline: o, targets: t } = this.#parts;
      const title = result.document && result.document.title;
      summary.replaceChildren();
      if (title) summary.append(el('div', 'doc-title', title));
      summary.append(el('div', 'counts', L.summary(headings, targets.length)));
      o.replaceChildren(el('h2', null, L.outline), renderOutline(outline, countByPath(targets), L));
      t.replaceChildren(el('h2', null, L.targets), renderTargets(targets, outline, L));
    }
  }

  customElements.define('plan-lens', PlanLensElement);
}

defineElement();
