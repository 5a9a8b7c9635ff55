// boot.js — the page's loader. trunk's default loader is an inline <script>, which the page's CSP
// forbids; Trunk.toml's `pattern_script` points index.html here instead.
//
//  1. imports ./planlens.js, so `globalThis.planlens` (the worker engine) exists before the UI;
//  2. initialises the same wasm on this thread (one URL, shared with the worker) and calls the
//     UI's exported start_app(); if the build has no UI yet, or it rendered nothing, it shows the
//     <plan-lens> element instead, so the page is always usable;
//  3. registers the service worker (offline; after the first result, see below) and turns its lifecycle into a `planlens:update`
//     event; engine trouble arrives as `planlens:engine`. Both are cancelable: the UI calls
//     preventDefault() when it shows its own notice, otherwise a small notice is shown here.
// Rendered by tools/post_build.mjs.

import { loadGlue } from './planlens.js';

const BUILD = "__PLANLENS_BUILD__";
/** The corpus panel, a wasm module of its own (not part of the first load). */
const CORPUS_GLUE = new URL("__PLANLENS_CORPUS_GLUE__", import.meta.url).href;
const CORPUS_WASM = new URL("__PLANLENS_CORPUS_WASM__", import.meta.url).href;
/** Set by the corpus panel while it keeps documents (IndexedDB): the page then restores it. */
const CORPUS_KEPT = 'planlens.corpus';
/** How long the service worker waits for a first result before it installs anyway (ms). */
const FIRST_RESULT_WAIT = 5000;

const TEXT = {
  update: '新版本已就绪。 A new version is ready.',
  reload: '重新载入 Reload',
  crashed: '分析引擎出错，已自动重启；您的文本仍在，请重试。 The analysis engine failed and was restarted; your text is kept — please try again.',
  failed: '分析引擎无法运行，请重新载入页面。 The analysis engine stopped working; please reload the page.',
  dismiss: '关闭 Dismiss',
  noWasm: 'planlens 无法启动：WebAssembly 未能加载。 planlens could not start: its WebAssembly did not load.',
};

/** A notice bar built with textContent only, styled through CSSOM (the CSP forbids style=""). */
function showNotice(kind, message, action) {
  const id = `planlens-notice-${kind}`;
  document.getElementById(id)?.remove();
  const bar = document.createElement('div');
  bar.id = id;
  bar.className = 'planlens-notice';
  bar.dataset.notice = kind;
  bar.setAttribute('role', kind === 'update' ? 'status' : 'alert');
  const css = { position: 'fixed', left: '1em', right: '1em', bottom: '1em', padding: '.75em 1em', background: '#fff8e1',
    color: '#222', border: '1px solid #c9a227', 'border-radius': '6px', 'z-index': '2147483647', display: 'flex', gap: '1em',
    'align-items': 'center', 'box-shadow': '0 2px 8px rgba(0,0,0,.2)' };
  for (const [k, v] of Object.entries(css)) bar.style.setProperty(k, v);
  const span = document.createElement('span');
  span.textContent = message;
  span.style.setProperty('flex', '1');
  bar.append(span);
  if (action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.action = action.name;
    b.textContent = action.label;
    b.addEventListener('click', action.run);
    bar.append(b);
  }
  const x = document.createElement('button');
  x.type = 'button';
  x.dataset.action = 'dismiss';
  x.textContent = '×';
  x.setAttribute('aria-label', TEXT.dismiss);
  x.addEventListener('click', () => bar.remove());
  bar.append(x);
  document.body.append(bar);
}

function mountFallback(app) {
  const lens = document.createElement('plan-lens');
  lens.id = 'planlens-fallback';
  app.replaceChildren(lens);
}

async function startUi() {
  const app = document.getElementById('app');
  let glue = null;
  try {
    glue = await loadGlue();
  } catch (err) {
    console.error('planlens: the page could not load its WebAssembly', err);
    showNotice('engine', `${TEXT.noWasm} (${err && err.message ? err.message : err})`,
      { name: 'reload', label: TEXT.reload, run: () => location.reload() });
    return;
  }
  const start = glue && (glue.start_app || glue.startApp);
  if (typeof start === 'function') {
    try {
      start();
    } catch (err) {
      console.error('planlens: start_app failed', err);
    }
  }
  if (app && !app.querySelector(':scope > :not(noscript)')) {
    console.warn('planlens: no UI rendered; showing <plan-lens>');
    mountFallback(app);
  }
}

function watchEngine() {
  window.addEventListener('planlens:engine', (e) => {
    const { state } = e.detail || {};
    if (e.defaultPrevented || (state !== 'crashed' && state !== 'failed')) return;
    showNotice('engine', state === 'crashed' ? TEXT.crashed : TEXT.failed,
      state === 'failed' ? { name: 'reload', label: TEXT.reload, run: () => location.reload() } : null);
  });
}

async function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (new URLSearchParams(location.search).has('nosw')) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only after the user asked for the new version (the first install also changes controller).
    if (reloading) location.reload();
  });
  const offer = (waiting) => {
    const detail = {
      build: BUILD,
      reload() {
        reloading = true;
        waiting.postMessage({ type: 'skip-waiting' });
      },
    };
    const ev = new CustomEvent('planlens:update', { detail, cancelable: true });
    if (window.dispatchEvent(ev)) showNotice('update', TEXT.update, { name: 'reload', label: TEXT.reload, run: detail.reload });
  };
  let reg;
  try {
    reg = await navigator.serviceWorker.register('./sw.js', { scope: './' });
  } catch (err) {
    console.warn('planlens: offline mode unavailable', err);
    return;
  }
  if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    if (!w) return;
    w.addEventListener('statechange', () => {
      if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
    });
  });
  // Long-lived tabs look for a new build when they come back into view.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reg.update().catch(() => {});
  });
}

/** Resolves on the page's first result (`planlens:rendered`), or after `ms` if none comes (an
 *  empty page, the <plan-lens> fallback). */
function firstResult(ms) {
  return new Promise((resolve) => {
    window.addEventListener('planlens:rendered', resolve, { once: true });
    setTimeout(resolve, ms);
  });
}

let corpusPromise = null;
/** The corpus panel's module, imported and initialised once on first use; a failed load is
 *  retried on the next use. */
function loadCorpus() {
  if (!corpusPromise) {
    corpusPromise = import(CORPUS_GLUE).then(async (m) => {
      await m.default({ module_or_path: CORPUS_WASM });
      return m;
    });
    corpusPromise.catch((err) => {
      corpusPromise = null;
      console.error('planlens: the corpus panel could not load', err);
    });
  }
  return corpusPromise;
}

/** The page's UI asks for the corpus panel with `planlens:corpus` ({files, folder}) when several
 *  files or a folder are opened. */
function watchCorpus() {
  window.addEventListener('planlens:corpus', (e) => {
    const { files = [], folder = false } = e.detail || {};
    loadCorpus().then((m) => m.corpusOpen(files, folder)).catch(() => {});
  });
}

function keptCorpus() {
  try {
    return localStorage.getItem(CORPUS_KEPT) !== null;
  } catch {
    return false;
  }
}

// Listening before the UI starts, so a fast first result is not missed.
const rendered = firstResult(FIRST_RESULT_WAIT);
watchCorpus();
await startUi();
// Registered after the UI so its own listeners run first and can claim the event.
watchEngine();
// The service worker's install downloads every precached file, the extras and keywords wasm too
// (compare, keywords, .docx: not needed for the first result): so it starts only once the first result is
// on screen, and the first load stays the first load (tests/e2e/size-budget.test.mjs checks it).
rendered.then(registerServiceWorker);
// A corpus kept from an earlier visit comes back after the first result, never before it.
rendered.then(() => keptCorpus() && loadCorpus().then((m) => m.corpusRestore()).catch(() => {}));
