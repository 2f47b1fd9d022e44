// Benchmark (prints numbers, asserts nothing): node e2e/bench.mjs [url] [dist]
//  - gzip size of every asset the page transfers, and the total;
//  - navigation → all three charts drawn (median of 5 loads);
//  - control change → redraw done (p95 over many clicks);
//  - hover → overlay drawn (p95 over many pointer moves).
// Draw completion is read from the page's own User Timing marks (chart-drawn:<chart>,
// overlay-drawn:<chart>), set right after each canvas draw.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from './page.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const dist = process.argv[3] ?? 'dist';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

console.log('asset sizes (raw → gzip -9):');
let total = 0;
for (const f of files(dist).filter((f) => /\.(html|js|wasm|css|json|txt)$/.test(f))) {
  const raw = readFileSync(f);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`  ${f.padEnd(60)} ${kb(raw.length).padStart(10)} → ${kb(gz).padStart(9)}`);
}
console.log(`  total transfer (gzip): ${kb(total)}`);

const browser = await launch();
const loads = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  const t = await page.waitForFunction(() => {
    const names = ['correlation', 'flows', 'burn'].map((n) => performance.getEntriesByName(`chart-drawn:${n}`));
    return names.every((e) => e.length) ? Math.max(...names.map((e) => e[0].startTime)) : null;
  }, null, { timeout: 20000 });
  loads.push(await t.jsonValue());
  await page.close();
}
console.log(`navigation → three charts drawn: median ${median(loads).toFixed(0)} ms (runs: ${loads.map((x) => x.toFixed(0)).join(', ')})`);

const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.waitForFunction(() => performance.getEntriesByName('chart-drawn:burn').length > 0);
const redraws = await page.evaluate(async () => {
  const out = [];
  const clicks = [
    ['correlation', ['30d', '60d', '90d', '180d']],
    ['flows', ['Weekly', 'Monthly', 'Daily', 'By fund', 'Total']],
    ['burn', ['Daily', '7-day mean', '1Y', 'All']],
  ];
  const wait = (name, after) => new Promise((resolve) => {
    const check = () => {
      const e = performance.getEntriesByName(name).filter((m) => m.startTime > after);
      if (e.length) resolve(e[0].startTime); else setTimeout(check, 0);
    };
    check();
  });
  for (let round = 0; round < 5; round++) {
    for (const [id, labels] of clicks) {
      for (const label of labels) {
        const button = [...document.querySelectorAll(`#${id} button`)].find((b) => b.textContent.trim() === label);
        const t0 = performance.now();
        button.click();
        out.push((await wait(`chart-drawn:${id}`, t0)) - t0);
      }
    }
  }
  return out;
});
console.log(`control change → redraw done: p95 ${p95(redraws).toFixed(1)} ms, median ${median(redraws).toFixed(1)} ms over ${redraws.length} clicks`);

const hovers = await page.evaluate(async () => {
  const out = [];
  for (const id of ['correlation', 'flows', 'burn']) {
    const overlay = document.querySelector(`#${id} canvas.overlay`);
    overlay.scrollIntoView();
    const box = overlay.getBoundingClientRect();
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      overlay.dispatchEvent(new PointerEvent('pointermove', {
        clientX: box.left + 60 + ((box.width - 120) * i) / 60, clientY: box.top + box.height / 2, bubbles: true,
      }));
      const got = await new Promise((resolve) => {
        const check = () => {
          const e = performance.getEntriesByName(`overlay-drawn:${id}`).filter((m) => m.startTime > t0);
          if (e.length) resolve(e[0].startTime); else setTimeout(check, 0);
        };
        check();
      });
      out.push(got - t0);
    }
  }
  return out;
});
console.log(`hover → overlay drawn: p95 ${p95(hovers).toFixed(1)} ms, median ${median(hovers).toFixed(1)} ms over ${hovers.length} moves`);
await browser.close();
