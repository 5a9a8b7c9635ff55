// Shared helpers for the browser tests (node --test, playwright-core, Debian's /usr/bin/chromium).
//
// - `serve(dir)`: a static server for dist/ on 127.0.0.1 with a random port that logs every
//   request it gets; it can be stopped and restarted on the same port (offline / redeploy tests)
//   and pointed at another directory (a "deployed" new build). `cors: true` adds
//   Access-Control-Allow-Origin: * (what an embedder's host needs).
// - `launch()`: headless Chromium with the project's flags; nothing but loopback is reachable.
// - `servedBrowser()`: the usual pair for one test file, dist/ served and Chromium launched
//   before its tests and both stopped after them.
// - `recordRequests(context)`: every request any page, worker or service worker of a context made.
// - `cli(...args)`: the native command line's stdout, so a test checks the page against it.
// Everything is bounded in time: each wait has an explicit timeout.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The build under test: dist/, or PLANLENS_DIST (a private build dir while others build dist/). */
export const DIST = process.env.PLANLENS_DIST || path.join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps',
  '--disable-domain-reliability', '--no-pings', '--disable-features=Translate,OptimizationHints,MediaRouter'];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', '.ico': 'image/x-icon', '.docx': 'application/octet-stream',
};

/** The sample plans (tests/fixtures/*.txt), sorted. */
export function fixtures() {
  const dir = path.join(ROOT, 'tests', 'fixtures');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** The native binary: the release one when there is one, else the debug one `cargo test` builds. */
export const BIN = ['release', 'debug']
  .map((p) => path.join(ROOT, 'target', p, 'planlens'))
  .find((b) => fs.existsSync(b)) ?? path.join(ROOT, 'target', 'release', 'planlens');

/** The files of a zip archive: name → Buffer (stored or deflated entries, from the central
 *  directory), enough to read back an .xlsx the page wrote. */
export function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const files = new Map();
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const [method, size] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 20)];
    const [nameLen, extra, comment] = [buf.readUInt16LE(at + 28), buf.readUInt16LE(at + 30), buf.readUInt16LE(at + 32)];
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    files.set(name, method === 8 ? zlib.inflateRawSync(raw) : raw);
    at += 46 + nameLen + extra + comment;
  }
  return files;
}

/** The rows of an .xlsx's first sheet as strings: inline strings and shared strings unescaped,
 *  numbers as written. */
export function xlsxRows(buf) {
  const files = unzip(buf);
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const text = (x) => [...x.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => unescape(m[1])).join('');
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>(.*?)<\/si>/gs)].map((m) => text(m[1]));
  const sheet = files.get('xl/worksheets/sheet1.xml').toString('utf8');
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) => [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((c) => {
    const body = c[2] ?? '';
    if (/t="inlineStr"/.test(c[1])) return text(body);
    const v = unescape(body.match(/<v>([^<]*)<\/v>/)?.[1] ?? '');
    return /t="s"/.test(c[1]) ? shared[Number(v)] : v;
  }));
}

/** Drops `files` ({name, b64}) on the page, as a reader drags them in. */
export function dropFiles(page, files) {
  return page.evaluate((fs_) => {
    const dt = new DataTransfer();
    for (const f of fs_) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    document.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** The sample plans as files to drop. */
export const seedFiles = () => fixtures().map((f) => ({ name: f.name, b64: Buffer.from(f.text, 'utf8').toString('base64') }));

/** Puts `text` into the page's input at once and fires one `input` event, as a paste does
 *  (Playwright's `fill` types a long multi-line text into the textarea for minutes). */
export async function setText(page, text) {
  await page.evaluate((t) => {
    const ta = document.getElementById('source-input');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Runs `planlens ...args` and returns its stdout. */
export function cli(...args) {
  if (!fs.existsSync(BIN)) throw new Error(`no ${BIN}: run cargo build`);
  return execFileSync(BIN, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function assertDist() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no ${DIST}/index.html: run \`trunk build --release --offline\` (./x test does)`);
}

/** A static file server on 127.0.0.1. */
export async function serve(dir, { cors = false, port = 0, routes = {} } = {}) {
  const state = { dir, requests: [], server: null, sockets: new Set(), port };
  const handler = (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const entry = { method: req.method, path: url.pathname, headers: req.headers, status: 0 };
    state.requests.push(entry);
    res.on('finish', () => { entry.status = res.statusCode; });
    const headers = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    if (cors) {
      headers['access-control-allow-origin'] = '*';
      headers['cross-origin-resource-policy'] = 'cross-origin';
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...headers, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': '*' });
      return res.end();
    }
    if (routes[url.pathname]) {
      const r = routes[url.pathname];
      res.writeHead(200, { ...headers, 'content-type': r.type || 'text/html; charset=utf-8', ...(r.headers || {}) });
      return res.end(r.body);
    }
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, headers);
      return res.end();
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(state.dir, '.' + rel);
    if (!file.startsWith(path.resolve(state.dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      return res.end('not found');
    }
    // ETag revalidation, so tests can tell a transfer (200) from a cache confirmation (304).
    const st = fs.statSync(file);
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...headers, etag });
      return res.end();
    }
    res.writeHead(200, { ...headers, etag, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  };
  const api = {
    get origin() {
      return `http://127.0.0.1:${state.port}`;
    },
    get port() {
      return state.port;
    },
    requests: state.requests,
    setDir(d) {
      state.dir = d;
    },
    async start() {
      state.server = http.createServer(handler);
      state.server.on('connection', (s) => {
        state.sockets.add(s);
        s.on('close', () => state.sockets.delete(s));
      });
      await new Promise((resolve, reject) => {
        state.server.once('error', reject);
        state.server.listen(state.port, '127.0.0.1', resolve);
      });
      state.port = state.server.address().port;
      return api;
    },
    /** Stops listening and cuts open connections: from now on the origin is unreachable. */
    async stop() {
      if (!state.server) return;
      const s = state.server;
      state.server = null;
      for (const sock of state.sockets) sock.destroy();
      await new Promise((resolve) => s.close(() => resolve()));
    },
  };
  return api.start();
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Serves dist/ and launches Chromium around one test file's tests (node:test before/after).
 *  Returns a holder: `server` and `browser` are set once the file's `before` has run. */
export function servedBrowser() {
  const env = {};
  before(async () => {
    assertDist();
    env.server = await serve(DIST);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Clicks `selector` and returns the download it starts: its suggested name and bytes. */
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(selector)]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

/** RFC 4180 parser (quotes, doubled quotes, newlines inside quotes). */
export function parseCsv(s) {
  const rows = [];
  let row = [], cell = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Records every request of a context (pages, dedicated workers, service workers). */
export function recordRequests(context) {
  const seen = [];
  context.on('request', (r) => seen.push({ url: r.url(), type: r.resourceType(), sw: !!r.serviceWorker() }));
  return seen;
}

/** Console errors and uncaught page errors, for assertions and for failure messages. */
export function watchPage(page) {
  const log = { errors: [], console: [] };
  page.on('pageerror', (e) => log.errors.push(String(e && e.stack ? e.stack : e)));
  page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  return log;
}

/** Resolves once the page's engine is ready; returns which engine ("worker" or "inline"). */
export async function engineReady(page, timeout = 30_000) {
  await page.waitForFunction(() => globalThis.planlens && globalThis.planlens.isReady, null, { timeout });
  return page.evaluate(() => globalThis.planlens.engine);
}

/** Waits until <plan-lens> `selector` has rendered an analysis; returns a summary of its shadow DOM. */
export async function lensSummary(page, selector = 'plan-lens', timeout = 30_000) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && el.result && el.shadowRoot.querySelector('.outline li');
  }, selector, { timeout });
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return {
      headings: root.querySelectorAll('.outline li').length,
      targets: root.querySelectorAll('.targets tbody tr').length,
      firstTitle: root.querySelector('.outline .title')?.textContent || '',
      summary: root.querySelector('.summary')?.textContent || '',
      status: root.querySelector('.status')?.textContent || '',
    };
  }, selector);
}

/** A deadline for a whole test file, so a hung browser fails instead of stalling CI. */
export function bounded(ms, fn) {
  return async (t) => {
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`test exceeded ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([fn(t), limit]);
    } finally {
      clearTimeout(timer);
    }
  };
}
