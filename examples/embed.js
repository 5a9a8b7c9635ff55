// The embedding example's own script (a file, because the example's CSP allows no inline script).
import { ready, analyze } from 'https://their-host/planlens/planlens.js';

// Calling before the engine is up is a clear error (code "not-ready"), not a hang.
const early = analyze('一、总体目标').then(() => null, (e) => ({ name: e.name, code: e.code, message: e.message }));

await ready;
const lens = document.getElementById('lens');
const result = await analyze(lens.text);
const out = document.getElementById('summary');
out.textContent = `${result.document.title || '（无标题）'}：${result.outline.length} 个一级标题，${result.targets.length} 项目标`;
lens.addEventListener('planlens:analyzed', (e) => {
  out.textContent = `${e.detail.document.title || '（无标题）'}：${e.detail.targets.length} 项目标`;
});
window.embedDemo = { early: await early, result };
