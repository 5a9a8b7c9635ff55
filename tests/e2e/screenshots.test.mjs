// The README's screenshots show the current build: each one linked from README.md is remade
// from dist/ and must have the file's pixel size and nearly its byte size (a changed layout —
// a grid that scrolls sideways, a detail card out of view — changes the picture far more).
// Run after a trunk build: `node --test tests/e2e/screenshots.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.mjs';
import { SHOTS, SHOTS_DIR, takeShots } from './screenshots.mjs';

/** Width and height of a PNG (its IHDR chunk). */
function pngSize(file) {
  const b = fs.readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('the screenshots linked from the README match the current build', { timeout: 180_000 }, async () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const linked = [...readme.matchAll(/docs\/screenshots\/([\w-]+)\.png/g)].map((m) => m[1]);
  assert.ok(linked.includes('targets-003-1440') && linked.includes('targets-003-phone'), linked.join());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlens-shots-'));
  for (const name of linked) {
    assert.ok(SHOTS.some((s) => s.name === name), `${name} is made by screenshots.mjs`);
    const [fresh] = await takeShots(name, tmp);
    const kept = path.join(SHOTS_DIR, `${name}.png`);
    assert.deepEqual(pngSize(fresh), pngSize(kept), `${name}: pixel size`);
    const [a, b] = [fs.statSync(fresh).size, fs.statSync(kept).size];
    assert.ok(Math.abs(a - b) / b < 0.15, `${name}: ${a} B fresh vs ${b} B in docs/ — run \`node tests/e2e/screenshots.mjs ${name}\``);
  }
});
