#!/usr/bin/env node
// Draws the planlens icons (no downloads, no image tools): a blue tile with three text lines and a
// magnifying lens. Writes www/icons/icon.svg and PNGs (192, 512, maskable 512) with a tiny PNG
// encoder on node:zlib. Run `node tools/make_icons.mjs` after changing the design; the output is
// committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www', 'icons');
const BLUE = [31, 78, 121], WHITE = [255, 255, 255], GOLD = [242, 184, 48];

// Shapes in a 0..1 unit square; `safe` shrinks them into the maskable safe zone (80 % circle).
function shapes(safe) {
  const s = safe ? 0.62 : 0.8, o = (1 - s) / 2, p = (x) => o + x * s;
  return {
    lines: [[0.12, 0.2, 0.62], [0.12, 0.38, 0.5], [0.12, 0.56, 0.34]].map(([x, y, w]) => [p(x), p(y), w * s, 0.07 * s]),
    lens: [p(0.62), p(0.62), 0.2 * s, 0.06 * s],
    handle: [p(0.76), p(0.76), p(0.92), p(0.92), 0.055 * s],
  };
}

function colorAt(x, y, sh, rounded) {
  const r = 0.18;
  if (rounded) {
    const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
    if (Math.hypot(x - cx, y - cy) > r) return null;
  }
  for (const [lx, ly, w, h] of sh.lines) if (x >= lx && x <= lx + w && y >= ly && y <= ly + h) return WHITE;
  const [cx, cy, rr, t] = sh.lens;
  const d = Math.hypot(x - cx, y - cy);
  if (Math.abs(d - rr) <= t / 2) return GOLD;
  const [x1, y1, x2, y2, hw] = sh.handle;
  const vx = x2 - x1, vy = y2 - y1, k = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
  if (Math.hypot(x - (x1 + k * vx), y - (y1 + k * vy)) <= hw) return GOLD;
  return BLUE;
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, maskable) {
  const sh = shapes(maskable), SS = 4, raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
        const c = colorAt((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size, sh, !maskable);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
      }
      const n = SS * SS, i = y * (size * 4 + 1) + 1 + x * 4, cov = a / 255;
      raw[i] = cov ? Math.round(r / cov) : 0; raw[i + 1] = cov ? Math.round(g / cov) : 0;
      raw[i + 2] = cov ? Math.round(b / cov) : 0; raw[i + 3] = Math.round(a / n);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function svg() {
  const sh = shapes(false), f = (v) => (v * 100).toFixed(2), rgb = (c) => `rgb(${c.join(',')})`;
  const lines = sh.lines.map(([x, y, w, h]) => `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="${rgb(WHITE)}"/>`).join('');
  const [cx, cy, r, t] = sh.lens, [x1, y1, x2, y2, hw] = sh.handle;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="${rgb(BLUE)}"/>${lines}` +
    `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="none" stroke="${rgb(GOLD)}" stroke-width="${f(t)}"/>` +
    `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${rgb(GOLD)}" stroke-width="${f(hw * 2)}" stroke-linecap="round"/></svg>\n`;
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'icon.svg'), svg());
fs.writeFileSync(path.join(OUT, 'icon-192.png'), png(192, false));
fs.writeFileSync(path.join(OUT, 'icon-512.png'), png(512, false));
fs.writeFileSync(path.join(OUT, 'icon-maskable-512.png'), png(512, true));
console.log('icons written to', OUT);
