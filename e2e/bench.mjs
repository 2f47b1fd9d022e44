// Benchmark (prints numbers, asserts nothing): node e2e/bench.mjs [dist] [peer-assets]
// Every figure is printed beside its target (issue 15) and, where there is one, the peer's:
// a plain uPlot page (e2e/peer/) doing the page's default computations on the same data.
//  - gzip size of every asset each page transfers, and the totals;
//  - navigation → first chart drawn and → all three charts drawn, both pages interleaved in
//    one run (fresh browser context each, served gzip-compressed as GitHub Pages does);
//  - control change → redraw done, hover → overlay drawn (p95);
//  - JS heap before and after 10,000 interactions (after a forced garbage collection), and
//    the wasm's linear memory (its allocator's heap) before and after them;
//  - Lighthouse (mobile and desktop presets), when tools/bench has it installed.
// Draw completion is read from each page's own User Timing marks (chart-drawn:<chart>,
// overlay-drawn:<chart>), set right after each canvas draw.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from './page.mjs';
import { startServer } from './server.mjs';

const dist = process.argv[2] ?? 'dist';
const benchTools = process.argv[3] ?? 'tools/bench/node_modules';
const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 15);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 10000);
const CHARTS = ['correlation', 'flows', 'burn'];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'met' : 'NOT met');
const row = (label, value, target, ok, peer = '') =>
  console.log(`  ${label.padEnd(44)} ${String(value).padStart(12)}   target ${target.padEnd(16)} ${verdict(ok).padEnd(8)}${peer}`);

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function transfer(dir, title) {
  console.log(`${title} (raw → gzip -9):`);
  let total = 0;
  for (const f of files(dir).filter((f) => /\.(html|js|wasm|css|json|txt)$/.test(f))) {
    const raw = readFileSync(f);
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(`  ${f.padEnd(64)} ${kb(raw.length).padStart(10)} → ${kb(gz).padStart(9)}`);
  }
  console.log(`  total: ${kb(total)}`);
  // Another language's files: fetched only by a reader who asks for that language.
  const other = files(dir).filter((f) => /\.(ftl|story)$/.test(f));
  if (other.length) {
    const gz = other.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    console.log(`  not in the total, fetched only for a reader of that language: ${other.join(', ')} → ${kb(gz)}`);
  }
  return total;
}

// The peer page: its files, uPlot from npm and the same data files the page loads.
const peerDir = 'target/bench-peer';
rmSync(peerDir, { recursive: true, force: true });
mkdirSync(peerDir, { recursive: true });
cpSync('e2e/peer', peerDir, { recursive: true });
const uplot = join(benchTools, 'uplot/dist');
if (!existsSync(uplot)) {
  console.error(`uPlot not found in ${benchTools}: run scripts/bench.sh (it installs tools/bench)`);
  process.exit(1);
}
cpSync(join(uplot, 'uPlot.iife.min.js'), join(peerDir, 'uPlot.iife.min.js'));
cpSync(join(uplot, 'uPlot.min.css'), join(peerDir, 'uPlot.min.css'));
cpSync(join(dist, 'data'), join(peerDir, 'data'), { recursive: true });

const ours = transfer(dist, 'page assets');
const peers = transfer(peerDir, 'peer page assets (uPlot)');

const site = await startServer({ root: dist, gzip: true, mounts: { '/peer/': peerDir } });
const browser = await launch();

async function load(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Every main-thread task over 50 ms while the page loads (issue 9: none over 200 ms).
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  const handle = await page.waitForFunction((charts) => {
    const at = charts.map((n) => performance.getEntriesByName(`chart-drawn:${n}`)[0]?.startTime);
    return at.every((t) => t !== undefined) ? { first: Math.min(...at), all: Math.max(...at) } : null;
  }, CHARTS, { timeout: 30000 });
  const times = await handle.jsonValue();
  times.longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  await context.close();
  return times;
}

const progress = (what) => process.stderr.write(`bench: ${what}\n`);
const runs = { page: [], peer: [] };
progress('navigations');
for (let i = 0; i < NAVIGATIONS; i++) {
  runs.page.push(await load(site.url));
  runs.peer.push(await load(`${site.origin}/peer/`));
}
const nav = (who, key) => median(runs[who].map((r) => r[key]));

// Redraw after a control change, and the overlay after a pointer move.
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on('crash', () => console.error('the page crashed'));
page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
await page.goto(site.url);
await page.waitForFunction(() => performance.getEntriesByName('chart-drawn:burn').length > 0);
const CLICKS = [
  ['correlation', ['30d', '60d', '90d', '180d']],
  ['flows', ['Weekly', 'Monthly', 'Daily', 'By fund', 'Total']],
  ['burn', ['Daily', '7-day mean', '1Y', 'All']],
];
progress('redraws');
const redraws = await page.evaluate(async (clicks) => {
  const out = [];
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
        if (!button) continue;
        const t0 = performance.now();
        button.click();
        out.push({ ms: (await wait(`chart-drawn:${id}`, t0)) - t0, round });
      }
    }
  }
  return out;
}, CLICKS);

// The first click on each control runs code the page has not run yet (V8 compiles each
// wasm function on its first call): reported apart from the clicks after it.
const firstClicks = redraws.filter((r) => r.round === 0).map((r) => r.ms);
const laterClicks = redraws.filter((r) => r.round > 0).map((r) => r.ms);
const redrawMs = redraws.map((r) => r.ms);

progress('hovers');
const hovers = await page.evaluate(async (charts) => {
  const out = [];
  for (const id of charts) {
    const overlay = document.querySelector(`#${id} canvas.overlay`);
    overlay.scrollIntoView();
    const box = overlay.getBoundingClientRect();
    for (let i = 0; i < 60; i++) {
      // Inside the plot (the margins draw nothing); a move that draws nothing within a
      // second is left out.
      const t0 = performance.now();
      overlay.dispatchEvent(new PointerEvent('pointermove', {
        clientX: box.left + box.width * (0.15 + (0.7 * i) / 60), clientY: box.top + box.height / 2, bubbles: true,
      }));
      const took = await new Promise((resolve) => {
        const check = () => {
          const e = performance.getEntriesByName(`overlay-drawn:${id}`).filter((m) => m.startTime > t0);
          if (e.length) resolve(e[0].startTime - t0);
          else if (performance.now() - t0 > 1000) resolve(null);
          else setTimeout(check, 0);
        };
        check();
      });
      if (took !== null) out.push(took);
    }
  }
  return out;
}, CHARTS);

// JS heap after many interactions: three pointer moves for each control click.
const cdp = await context.newCDPSession(page);
const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
};
// The wasm's own heap is its linear memory, outside the JS heap above: its size (a
// WebAssembly.Memory grows and never shrinks, so this is the high-water mark of the
// allocator), found through the one Memory object the page holds.
const wasmMemory = async () => {
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return result.value;
};
progress(`${INTERACTIONS} interactions`);
const heapBefore = await heap();
const wasmBefore = await wasmMemory();
await page.evaluate(async ({ clicks, charts, total }) => {
  const buttons = clicks.flatMap(([id, labels]) =>
    labels.map((l) => [...document.querySelectorAll(`#${id} button`)].find((b) => b.textContent.trim() === l)).filter(Boolean));
  const overlays = charts.map((id) => document.querySelector(`#${id} canvas.overlay`));
  for (let i = 0; i < total; i++) {
    if (i % 4 === 3) {
      buttons[(i >> 2) % buttons.length].click();
    } else {
      const o = overlays[i % overlays.length];
      const box = o.getBoundingClientRect();
      o.dispatchEvent(new PointerEvent('pointermove', {
        clientX: box.left + 40 + ((box.width - 80) * (i % 97)) / 97, clientY: box.top + box.height / 2, bubbles: true,
      }));
    }
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 0));
  }
}, { clicks: CLICKS, charts: CHARTS, total: INTERACTIONS });
const heapAfter = await heap();
const wasmAfter = await wasmMemory();
await context.close();
await browser.close();

// Lighthouse, each preset once, against the same gzip server.
// Asynchronous: the server runs in this process and must keep answering.
async function lighthouse(preset) {
  const bin = join(benchTools, '.bin/lighthouse');
  if (!existsSync(bin)) return null;
  const out = `target/lighthouse-${preset}.json`;
  const args = [site.url, '--quiet', '--output=json', `--output-path=${out}`,
    '--chrome-flags=--headless=new --no-sandbox', '--only-categories=performance,accessibility,best-practices,seo'];
  if (preset === 'desktop') args.push('--preset=desktop');
  try {
    await promisify(execFile)(bin, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 1 << 26,
    });
  } catch (e) {
    console.error(`lighthouse (${preset}) failed: ${e.message}`);
    return null;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
  return {
    performance: score('performance'), accessibility: score('accessibility'),
    bestPractices: score('best-practices'), seo: score('seo'),
    cls: r.audits['cumulative-layout-shift'].numericValue,
    lcp: r.audits['largest-contentful-paint'].numericValue,
    tbt: r.audits['total-blocking-time'].numericValue,
    tti: r.audits.interactive?.numericValue,
  };
}
progress('lighthouse');
const lh = { mobile: await lighthouse('mobile'), desktop: await lighthouse('desktop') };
await site.close();

console.log('\ntargets (issue 15):');
const ms = (x) => `${x.toFixed(0)} ms`;
row('total transfer (gzip)', kb(ours), '≤ 200 KB', ours <= 200 * 1024, `peer ${kb(peers)}`);
const allRatio = nav('page', 'all') / nav('peer', 'all');
const firstRatio = nav('page', 'first') / nav('peer', 'all');
row(`navigation → all three charts (median of ${NAVIGATIONS})`, ms(nav('page', 'all')), '≤ 1.0× peer', allRatio <= 1.0,
  `peer ${ms(nav('peer', 'all'))} (${allRatio.toFixed(2)}×)`);
row('navigation → first chart', ms(nav('page', 'first')), '≤ 0.7× peer all', firstRatio <= 0.7,
  `peer first ${ms(nav('peer', 'first'))} (${firstRatio.toFixed(2)}× of peer all)`);
const longest = (who) => Math.max(...runs[who].map((r) => r.longest));
row('longest main-thread task while loading', ms(longest('page')), '≤ 200 ms (9)', longest('page') <= 200,
  `peer ${ms(longest('peer'))}; median of the runs' longest ${ms(nav('page', 'longest'))}`);
row(`control change → redraw, p95 (${redrawMs.length})`, `${p95(redrawMs).toFixed(1)} ms`, '≤ 4 ms', p95(redrawMs) <= 4,
  `median ${median(redrawMs).toFixed(1)} ms; first click on each control median ${median(firstClicks).toFixed(1)} ms, `
  + `later clicks p95 ${p95(laterClicks).toFixed(1)} ms`);
row(`hover → overlay drawn, p95 (${hovers.length})`, `${p95(hovers).toFixed(1)} ms`, '≤ 2 ms', p95(hovers) <= 2,
  `median ${median(hovers).toFixed(1)} ms`);
const growth = (heapAfter - heapBefore) / 1048576;
row(`JS heap after ${INTERACTIONS} interactions`, `${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB`, '±5 MB', Math.abs(growth) <= 5,
  `${(heapBefore / 1048576).toFixed(1)} → ${(heapAfter / 1048576).toFixed(1)} MB`);
const wasmGrowth = (wasmAfter - wasmBefore) / 1048576;
row(`wasm memory after ${INTERACTIONS} interactions`, `+${wasmGrowth.toFixed(2)} MB`, '±5 MB', wasmGrowth <= 5,
  `${(wasmBefore / 1048576).toFixed(1)} → ${(wasmAfter / 1048576).toFixed(1)} MB (linear memory: grows, never shrinks)`);
for (const [preset, r] of Object.entries(lh)) {
  if (!r) {
    console.log(`  Lighthouse ${preset}: not run (tools/bench not installed)`);
    continue;
  }
  row(`Lighthouse ${preset}: Performance`, r.performance, '≥ 95', r.performance >= 95,
    `a11y ${r.accessibility}, best practices ${r.bestPractices}, SEO ${r.seo}`);
  row(`Lighthouse ${preset}: cumulative layout shift`, r.cls.toFixed(3), '≤ 0.1', r.cls <= 0.1);
  row(`Lighthouse ${preset}: largest contentful paint`, ms(r.lcp), preset === 'mobile' ? '≤ 2500 ms' : '(none)',
    preset !== 'mobile' || r.lcp <= 2500, `TBT ${ms(r.tbt)}, TTI ${r.tti ? ms(r.tti) : '—'}`);
}
