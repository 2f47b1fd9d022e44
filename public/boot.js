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
// mounted (init resolved: main ran and mounted into body) it says "Loading the data…";
// the app removes #boot (and the prerendered #boot-charts) when its first chart is built.

const STILL_LOADING_MS = 8000;

// The words of these screens in each language: copies of lines of
// crates/core/locales/<tag>.ftl (placeholders written `{ $name }`), kept as JSON so a host
// test (text::locale::tests::the_start_up_words_are_the_locale_files_lines) can check each
// against its file. Change the .ftl line, then its copy here.
const WORDS = {
  "en": {
    "page-kicker": "Data explainer",
    "page-title": "The 2025–26 crypto repricing, in three charts",
    "boot-intro": "Bitcoin's correlation with tech stocks and gold, the money flowing in and out of US spot bitcoin and ether ETFs, and Ethereum's fee burn against its issuance — three interactive charts computed in your browser from real data.",
    "boot-loading": "Loading the interactive charts…",
    "loading": "Loading the data…",
    "boot-progress": "Downloading the interactive charts",
    "boot-amount": "{ $loaded } of { $total }",
    "boot-downloaded": "{ $loaded } downloaded",
    "boot-kb": "{ $n } KB",
    "boot-still-loading": "Still loading the interactive charts… This is taking longer than usual.",
    "boot-failed": "The interactive charts could not be started. Check your connection and reload the page to try again.",
    "retry": "Retry",
    "error-detail": "Technical detail"
  },
  "zh-CN": {
    "page-kicker": "数据解读",
    "page-title": "三张图\u200b看懂\u200b2025–\u206026年\u200b加密资产\u200b重新定价",
    "boot-intro": "比特币与科技股和黄金的相关性、流入和流出美国现货比特币及以太坊ETF的资金，以及以太坊的手续费销毁与发行量之比——三张交互式图表，在您的浏览器中根据真实数据计算。",
    "boot-loading": "正在加载交互式图表…",
    "loading": "正在加载数据…",
    "boot-progress": "正在下载交互式图表",
    "boot-amount": "{ $loaded }，共{ $total }",
    "boot-downloaded": "已下载{ $loaded }",
    "boot-kb": "{ $n } KB",
    "boot-still-loading": "仍在加载交互式图表…加载时间比平常长。",
    "boot-failed": "无法启动交互式图表。请检查网络连接，然后重新加载页面重试。",
    "retry": "重试",
    "error-detail": "技术细节"
  }
};

/** The language the app will choose: `lang=` in the URL, else the browser's (the first
 *  of navigator.languages a table serves), else English; the rule of the core's
 *  `Locale::negotiate` (exact tag in any case, else the same primary subtag). */
function negotiate(wanted) {
  const w = String(wanted ?? '').trim().replace(/_/g, '-');
  if (!w || w.length > 35 || !/^[A-Za-z0-9-]+$/.test(w)) return null;
  const tags = Object.keys(WORDS);
  const primary = (t) => t.split('-')[0].toLowerCase();
  return tags.find((t) => t.toLowerCase() === w.toLowerCase())
    ?? tags.find((t) => primary(t) === primary(w)) ?? null;
}
const browserLangs = navigator.languages?.length ? navigator.languages : [navigator.language];
const LANG = negotiate(new URLSearchParams(location.search).get('lang'))
  ?? browserLangs.map(negotiate).find(Boolean) ?? 'en';

/** The space between a sentence and the link after it: none after a Chinese full stop. */
const gap = LANG.startsWith('zh') ? '' : ' ';

/** Message `id` in the reader's language (else English) with `{ $name }` filled from `args`. */
function w(id, args = {}) {
  const text = WORDS[LANG]?.[id] ?? WORDS.en[id] ?? id;
  return text.replace(/\{ *\$([a-z]+) *\}/g, (m, name) => (name in args ? String(args[name]) : m));
}

const boot = document.getElementById('boot');
const status = document.getElementById('boot-status');
let failed = false;

// index.html is written in English; another language replaces its words. The app reads
// the English title when it starts (it keeps it for a switch back to English), so the
// title is English again while the app starts, and the app sets its own.
const englishTitle = document.title;
// The page title without its heading's break marks (U+200B, U+2060): a tab does not wrap.
const plainTitle = () => w('page-title').replace(/[\u200b\u2060]/g, '');
function speakReaderLanguage() {
  if (LANG === 'en') return;
  document.documentElement.lang = LANG;
  document.title = plainTitle();
  for (const [selector, id] of [['.kicker', 'page-kicker'], ['h1', 'page-title'], ['.intro', 'boot-intro']]) {
    const node = boot?.querySelector(selector);
    if (node) node.textContent = w(id);
  }
}
speakReaderLanguage();

// index.html's #boot-charts holds the default view's words in English (written at build
// time): not the words of another view (any setting in the URL but the theme) or of
// another language.
const viewSettings = [...new URLSearchParams(location.search).keys()].filter((k) => k !== 'theme');
if (LANG !== 'en' || viewSettings.length > 0) document.getElementById('boot-charts')?.remove();

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

// Kilobytes with thousands separated by commas, as the app writes numbers. (Not
// Intl.NumberFormat: the first one a page makes loads the browser's ICU data, which took
// about 20 ms of the main thread here, before the first paint.)
const kb = (bytes) => w('boot-kb', { n: String(Math.round(bytes / 1024)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') });

// Loading: a line, a progress bar (indeterminate until a total is known) and the amount.
const message = el('p', { class: 'boot-message' }, w('boot-loading'));
const bar = el('progress', { class: 'boot-progress', 'aria-label': w('boot-progress') });
const amount = el('span', { class: 'boot-amount', 'aria-hidden': 'true' });
status?.replaceChildren(message, bar, amount);

// The stream delivers many small chunks: the bar is updated once per frame at most.
let pending = null;
function progress(loaded, total) {
  if (pending === null) requestAnimationFrame(() => { show(pending.loaded, pending.total); pending = null; });
  pending = { loaded, total };
}

function show(loaded, total) {
  if (failed) return;
  if (total > 0) {
    bar.max = total;
    bar.value = Math.min(loaded, total);
    amount.textContent = w('boot-amount', { loaded: kb(Math.min(loaded, total)), total: kb(total) });
  } else {
    amount.textContent = w('boot-downloaded', { loaded: kb(loaded) });
  }
}

const slowTimer = setTimeout(() => {
  if (failed) return;
  message.replaceChildren(`${w('boot-still-loading')}${gap}`, retryLink(w('retry')));
}, STILL_LOADING_MS);

function fail(what, error) {
  failed = true;
  clearTimeout(slowTimer);
  const detail = `${what}: ${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`;
  if (LANG !== 'en') document.title = plainTitle();
  status?.replaceChildren(
    el('p', { class: 'boot-message boot-failed', role: 'alert' },
      `${w('boot-failed')}${gap}`,
      retryLink(w('retry'))),
    el('details', {}, el('summary', {}, w('error-detail')), el('code', {}, detail)),
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

/** Resolves after the first paint (or 100 ms, in a tab that does not paint). */
const afterFirstPaint = () => new Promise((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 100);
});

async function start() {
  const tag = document.querySelector('script[data-js][data-wasm]');
  if (!tag) throw Object.assign(new Error('no <script data-js data-wasm> tag (page not built by Trunk?)'), { what: 'start-up' });
  const base = new URL('.', tag.src);
  const jsUrl = new URL(tag.dataset.js, base);
  const wasmUrl = new URL(tag.dataset.wasm, base);
  // The words first: the downloads start once they are on screen. The data file, and for
  // a reader of another language its words and story, are fetched alongside the wasm (the
  // app's requests for them are then answered by these), not one round trip after it.
  await afterFirstPaint();
  const files = ['data/snapshot.txt', ...(LANG === 'en' ? [] : [`i18n/${LANG}.ftl`, `i18n/${LANG}.story`])];
  for (const file of files) {
    document.head.append(el('link', { rel: 'preload', href: new URL(file, base).href, as: 'fetch', crossorigin: 'anonymous' }));
  }
  const [glue, wasm] = await Promise.all([
    import(jsUrl.href).catch((e) => { throw Object.assign(e, { what: `loading ${jsUrl.pathname}` }); }),
    fetchWasm(wasmUrl).catch((e) => { throw Object.assign(e, { what: `downloading ${wasmUrl.pathname}` }); }),
  ]);
  document.title = englishTitle;
  try {
    await glue.default({ module_or_path: wasm });
  } catch (e) {
    throw Object.assign(e instanceof Error ? e : new Error(String(e)), { what: `starting ${wasmUrl.pathname}` });
  }
}

try {
  await start();
  clearTimeout(slowTimer);
  // The app runs and fetches its data; it removes #boot once it has something to show
  // (its first chart, or why there is none).
  if (!failed && document.getElementById('boot')) {
    message.replaceChildren(w('loading'));
    bar.remove();
    amount.remove();
  }
} catch (e) {
  fail(e?.what ?? 'start-up', e);
}
