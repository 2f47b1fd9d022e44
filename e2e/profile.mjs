// Where the page's main-thread time goes (prints; asserts nothing). Run by scripts/profile.sh,
// which builds a copy of the release build whose wasm keeps its function names:
//   node e2e/profile.mjs <dist> [--from MARK] [--to MARK] [--click SECTION:LABEL] [--loads N] [--top N]
//                       [--callers NAME]
// Each load is traced in headless Chromium (Chrome's trace: the page's User Timing marks, the
// main thread's tasks and V8's sampled CPU profile share one clock), and what falls in the
// window between two marks is printed as the mean over the loads:
//  - the main thread's trace events by self time (style, layout, paint, wasm compilation, GC);
//  - the sampled JavaScript and wasm functions, by self and by inclusive time.
// Default window: navigation start → `chart-drawn:burn` (the whole load). With --click, the
// window is one click on a control after the page has loaded: from the click to the
// `chart-drawn:<section>` mark after it (add --second to profile a repeat of that click).
// Marks the page sets: snapshot-fetched, snapshot-read, snapshot-parsed,
// chart-draw-start:<chart>, chart-drawn:<chart> (src/data.rs, components/chart_canvas.rs).
import { launch } from './page.mjs';
import { startServer } from './server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = args[0] && !args[0].startsWith('--') ? args[0] : 'target/profile-dist';
const LOADS = Number(option('loads', 5));
const TOP = Number(option('top', 25));
const click = option('click');
const second = args.includes('--second');
// --callers NAME: for the sampled functions whose name contains NAME, the chains of calls
// that led to them (CALLER_DEPTH frames), by self time.
const callersOf = option('callers', '');
const CALLER_DEPTH = 5;
const from = option('from');
const to = option('to', 'chart-drawn:burn');
const CHARTS = ['correlation', 'flows', 'burn'];
// --no-samples: without V8's sampling profiler, which logs every function V8 compiles
// (`wasm.LogCode`) and so inflates compilation; the trace events are then closer to a
// plain load.
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing',
  'v8', 'v8.execute', 'v8.wasm', 'toplevel',
  ...(args.includes('--no-samples') ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

const site = await startServer({ root: dist, gzip: true });
const browser = await launch();
const events = new Map(); // trace event name → self µs
const selfTime = new Map(); // function → µs
const inclusive = new Map();
const callers = new Map(); // chain of callers of a --callers function → self µs
let windowTotal = 0;
let counted = 0; // loads whose window was found

const add = (map, key, v) => map.set(key, (map.get(key) ?? 0) + v);

/** The events of one trace on the renderer's main thread, and its CPU profile samples. */
function read(trace) {
  const all = trace.traceEvents ?? trace;
  // The page's renderer: the one with the page's marks (a navigation can move the page
  // to another renderer process than the one it started in).
  const pageMark = all.find((e) => e.cat?.includes('blink.user_timing') && /^(chart-|snapshot-|profile-)/.test(e.name));
  const main = all.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && (!pageMark || e.pid === pageMark.pid));
  if (!main) return { onMain: [], marks: [], nodes: new Map(), samples: [] };
  const onMain = all.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const marks = all.filter((e) => e.pid === main.pid && e.cat?.includes('blink.user_timing'));
  // The main thread's profile: a `Profile` event (its start) and `ProfileChunk`s with its id.
  const profile = onMain.find((e) => e.name === 'Profile');
  const nodes = new Map();
  const samples = [];
  let ts = profile?.args?.data?.startTime ?? 0;
  const chunks = all.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profile?.id)
    .sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const p = e.args?.data?.cpuProfile ?? {};
    for (const n of p.nodes ?? []) nodes.set(n.id, n);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (p.samples ?? []).forEach((id, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ id, ts });
    });
  }
  return { onMain, marks, nodes, samples };
}

function markTs(marks, name, after = 0) {
  const m = marks.filter((e) => e.name === name && e.ts > after).sort((a, b) => a.ts - b.ts)[0];
  return m?.ts;
}

function summarise({ onMain, nodes, samples }, start, end) {
  windowTotal += end - start;
  counted += 1;
  // Trace events: self time = duration minus the children's (complete events nest on a thread).
  const spans = onMain.filter((e) => e.ph === 'X' && e.dur > 0 && e.ts < end && e.ts + e.dur > start)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const clip = (e) => Math.min(end, e.ts + e.dur) - Math.max(start, e.ts);
  for (const e of spans) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) add(events, parent.name, -clip(e));
    // Style and layout asked for by script (a forced, synchronous layout) apart from the
    // browser's own, once per frame.
    const forced = ['Layout', 'UpdateLayoutTree'].includes(e.name)
      && stack.some((a) => ['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'v8.callFunction'].includes(a.name));
    add(events, forced ? `${e.name} (forced by script)` : e.name, clip(e));
    stack.push(e);
  }
  // Samples: each counts until the next one.
  const parentOf = new Map();
  for (const n of nodes.values()) for (const c of n.children ?? []) parentOf.set(c, n.id);
  for (const n of nodes.values()) if (n.parent !== undefined) parentOf.set(n.id, n.parent);
  // The calls that led to a sampled function (--callers), innermost first.
  const chain = (from) => {
    const out = [];
    for (let id = parentOf.get(from); id !== undefined && out.length < CALLER_DEPTH; id = parentOf.get(id)) {
      const f = nodes.get(id)?.callFrame ?? {};
      out.push((f.functionName || '?').replace(/::h[0-9a-f]{16}$/, '').slice(0, 90));
    }
    return out.join(' ← ');
  };
  samples.forEach((s, i) => {
    const next = samples[i + 1]?.ts ?? s.ts;
    if (s.ts < start || s.ts >= end) return;
    const dt = Math.min(next, end) - s.ts;
    const names = new Set();
    let id = s.id;
    let first = true;
    while (id !== undefined) {
      const n = nodes.get(id);
      if (!n) break;
      const f = n.callFrame ?? {};
      const name = f.functionName || `(${(f.url ?? '').split('/').pop()}:${f.lineNumber})`;
      if (first) {
        add(selfTime, name, dt);
        if (callersOf && name.includes(callersOf)) add(callers, chain(id), dt);
      }
      first = false;
      if (!names.has(name)) add(inclusive, name, dt);
      names.add(name);
      id = parentOf.get(id);
    }
  });
}

for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const drawn = () => page.waitForFunction((charts) =>
    charts.every((c) => performance.getEntriesByName(`chart-drawn:${c}`).length), CHARTS, { timeout: 30000 });
  if (click) {
    await page.goto(site.url);
    await drawn();
    await page.waitForTimeout(300);
  }
  await browser.startTracing(page, { categories: CATEGORIES });
  if (click) {
    const [id, label] = click.split(':');
    const press = () => page.evaluate(([id, label]) => {
      const b = [...document.querySelectorAll(`#${id} button`)].find((x) => x.textContent.trim() === label);
      if (!b) throw new Error(`no button "${label}" in #${id}`);
      performance.mark('profile-click');
      b.click();
    }, [id, label]);
    const settle = () => page.waitForTimeout(300);
    if (second) {
      await press();
      await settle();
      await page.evaluate(([id, label]) => {
        // Back to another option of the same control, so the profiled click changes the view.
        const b = [...document.querySelectorAll(`#${id} button`)].find((x) => x.textContent.trim() === label);
        const other = [...(b?.parentElement?.querySelectorAll('button') ?? [])].find((x) => x !== b);
        other?.click();
      }, [id, label]);
      await settle();
    }
    await press();
    await settle();
  } else {
    await page.goto(site.url);
    await drawn();
  }
  await page.waitForTimeout(200); // the last events reach the trace buffer
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const parsed = read(trace);
  let start;
  let end;
  if (click) {
    const clicks = parsed.marks.filter((e) => e.name === 'profile-click').map((e) => e.ts).sort((a, b) => a - b);
    start = clicks[clicks.length - 1];
    end = markTs(parsed.marks, `chart-drawn:${click.split(':')[0]}`, start);
  } else {
    const nav = parsed.onMain.find((e) => e.name === 'navigationStart' || e.name === 'markAsMainFrame')?.ts
      ?? parsed.onMain.reduce((min, e) => (e.ts > 0 && e.ts < min ? e.ts : min), Infinity);
    start = from ? markTs(parsed.marks, from) : nav;
    end = markTs(parsed.marks, to, start ?? 0);
    if (start !== undefined && end !== undefined) {
      const at = (t) => ((t - nav) / 1000).toFixed(1);
      console.log(`load ${i}: ${from ?? 'navigation'} at ${at(start)} ms → ${to} at ${at(end)} ms`);
    }
  }
  if (start === undefined || end === undefined) {
    console.log(`load ${i}: a mark of the window is missing (from ${from ?? 'navigation'}, to ${to})`);
  } else {
    if (click) console.log(`load ${i}: click → chart-drawn ${((end - start) / 1000).toFixed(2)} ms`);
    summarise(parsed, start, end);
  }
  await context.close();
}

const ms = (us) => (us / 1000 / Math.max(1, counted)).toFixed(2).padStart(8);
const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)
  .map(([k, v]) => `${ms(v)}  ${k.slice(0, 150)}`).join('\n');
console.log(`\nwindow: ${ms(windowTotal)} ms per load (mean of ${counted} of ${LOADS} loads)`);
console.log(`\nmain thread, trace events by self time (ms per load):\n${top(events)}`);
if (selfTime.size) {
  console.log(`\nsampled functions, self (ms per load):\n${top(selfTime)}`);
  console.log(`\nsampled functions, inclusive (ms per load):\n${top(inclusive)}`);
}
if (callersOf) console.log(`\ncallers of "${callersOf}" (self ms per load):\n${top(callers)}`);
await browser.close();
site.close?.();
process.exit(0);
