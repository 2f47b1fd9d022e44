// Starts the WebAssembly app from a file rather than an inline script, so the page runs
// under a strict Content-Security-Policy:
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'
// Trunk writes the hashed file names into this tag's data attributes (Trunk.toml,
// pattern_script); URLs resolve relative to this file, so any sub-path works.
//
// Until the app mounts, #boot-status in index.html says what is happening: the download of
// the wasm (bytes, and a progress bar where Content-Length gives the total), after
// STILL_LOADING_MS a "still loading" note with a Retry link, and, if the JS glue or the
// wasm fails (HTTP error, corrupt file, instantiation or start-up error), a message for
// readers with Retry and the technical detail behind a disclosure. Once the app has
// mounted (init resolved: main ran and mounted into body), #boot is removed.

const STILL_LOADING_MS = 8000;

const boot = document.getElementById('boot');
const status = document.getElementById('boot-status');
let failed = false;

/** An element with attributes and children (text or nodes); never parses HTML. */
function el(name, attrs = {}, ...children) {
  const e = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function retryLink(label) {
  const a = el('a', { href: location.href, class: 'boot-retry' }, label);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    location.reload();
  });
  return a;
}

const kb = (bytes) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

// Loading: a line, a progress bar (indeterminate until a total is known) and the amount.
const message = el('p', { class: 'boot-message' }, 'Loading the interactive charts…');
const bar = el('progress', { class: 'boot-progress', 'aria-label': 'Downloading the interactive charts' });
const amount = el('span', { class: 'boot-amount', 'aria-hidden': 'true' });
status?.replaceChildren(message, bar, amount);

function progress(loaded, total) {
  if (failed) return;
  if (total > 0) {
    bar.max = total;
    bar.value = Math.min(loaded, total);
    amount.textContent = `${kb(Math.min(loaded, total))} of ${kb(total)}`;
  } else {
    amount.textContent = `${kb(loaded)} downloaded`;
  }
}

const slowTimer = setTimeout(() => {
  if (failed) return;
  message.replaceChildren(
    'Still loading the interactive charts… This is taking longer than usual. ',
    retryLink('Retry'),
  );
}, STILL_LOADING_MS);

function fail(what, error) {
  failed = true;
  clearTimeout(slowTimer);
  const detail = `${what}: ${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`;
  status?.replaceChildren(
    el('p', { class: 'boot-message boot-failed', role: 'alert' },
      'The interactive charts could not be started. Check your connection and reload the page to try again. ',
      retryLink('Retry')),
    el('details', {}, el('summary', {}, 'Technical detail'), el('code', {}, detail)),
  );
  console.error(`crypto-repricing: ${detail}`);
}

/** Fetches the wasm, reporting progress, as a Response the glue can compile while it streams. */
async function fetchWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  // A compressed transfer's Content-Length counts compressed bytes: no total then.
  const encoding = response.headers.get('Content-Encoding');
  const total = encoding && encoding !== 'identity' ? 0 : Number(response.headers.get('Content-Length')) || 0;
  progress(0, total);
  if (!response.body) return response;
  let loaded = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      progress(loaded, total);
      controller.enqueue(chunk);
    },
  }));
  return new Response(counted, { status: 200, headers: { 'Content-Type': 'application/wasm' } });
}

async function start() {
  const tag = document.querySelector('script[data-js][data-wasm]');
  if (!tag) throw Object.assign(new Error('no <script data-js data-wasm> tag (page not built by Trunk?)'), { what: 'start-up' });
  const base = new URL('.', tag.src);
  const jsUrl = new URL(tag.dataset.js, base);
  const wasmUrl = new URL(tag.dataset.wasm, base);
  const [glue, wasm] = await Promise.all([
    import(jsUrl.href).catch((e) => { throw Object.assign(e, { what: `loading ${jsUrl.pathname}` }); }),
    fetchWasm(wasmUrl).catch((e) => { throw Object.assign(e, { what: `downloading ${wasmUrl.pathname}` }); }),
  ]);
  try {
    await glue.default({ module_or_path: wasm });
  } catch (e) {
    throw Object.assign(e instanceof Error ? e : new Error(String(e)), { what: `starting ${wasmUrl.pathname}` });
  }
}

try {
  await start();
  clearTimeout(slowTimer);
  boot?.remove();
} catch (e) {
  fail(e?.what ?? 'start-up', e);
}
