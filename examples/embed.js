// The embedding example's own script (a file, because the example's CSP allows no inline script).
import { ready, analyze } from 'https://their-host/planlens/planlens.js';

// A call made before the engine is up waits for it: no need to await `ready` first.
const early = analyze('一、总体目标\n到2025年，覆盖率达到95%以上。').then((r) => r, (e) => ({ name: e.name, code: e.code, message: e.message }));

await ready;
const lens = document.getElementById('lens');
const result = await analyze(lens.text);
const out = document.getElementById('summary');
out.textContent = `${result.document.title || '（无标题）'}：${result.outline.length} 个一级标题，${result.targets.length} 项目标`;
lens.addEventListener('planlens:analyzed', (e) => {
  out.textContent = `${e.detail.document.title || '（无标题）'}：${e.detail.targets.length} 项目标`;
});
window.embedDemo = { early: await early, result };
