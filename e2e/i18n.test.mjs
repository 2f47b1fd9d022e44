// End-to-end: languages. `?lang=zh-CN` and a Chinese browser give the page in Chinese
// (dates and money included), the switch in the masthead changes text, charts and URL,
// the embed snippet carries the language, and a Chinese reader sees no English words
// except tickers, units and provider names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ExplainerPage } from './page.mjs';
import { startServer } from './server.mjs';

const DIST = process.env.DIST ?? 'dist';
const IDS = ['correlation', 'flows', 'burn'];
const HAN = /[\u4e00-\u9fff]/;
const ZH_DATE = /\d{4}年\d{1,2}月\d{1,2}日/;
const ZH_MONEY = /[\d,.]+(亿|万)美元/;

let browser, site;
before(async () => {
  browser = await launch();
  site = await startServer({ root: DIST, csp: true });
});
after(async () => { await browser?.close(); await site?.close(); });

async function open(query = '', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const p = new ExplainerPage(await context.newPage(), site.url);
  await p.open(query);
  return p;
}

const htmlLang = (p) => p.page.evaluate(() => document.documentElement.lang);
const h1 = async (p) => (await p.page.locator('header.masthead h1').textContent()).trim();
const headings = (p) => Promise.all(IDS.map(async (id) => (await p.section(id).locator('h2').textContent()).trim()));
const takeaways = (p) => Promise.all(IDS.map((id) => p.takeaway(id)));

/** Opens the embed panel of `id` and returns the snippet. */
async function embedSnippet(p, id, buttonName) {
  await p.button(id, buttonName).click();
  return p.section(id).locator('.share-panel textarea').inputValue();
}

test('?lang=zh-CN renders Chinese headings and takeaways with Chinese dates and money', async () => {
  const p = await open('?lang=zh-CN');
  assert.equal(await htmlLang(p), 'zh-CN');
  assert.match(await h1(p), HAN);
  assert.match(await p.page.title(), HAN);
  for (const h of await headings(p)) assert.match(h, HAN);
  const [corr, flows, burn] = await takeaways(p);
  for (const t of [corr, flows, burn]) {
    assert.match(t, HAN);
    assert.match(t, ZH_DATE, t);
    assert.doesNotMatch(t, /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/, t);
  }
  assert.match(flows, ZH_MONEY, flows);
  assert.doesNotMatch(flows, /\$[\d.,]+(m|bn)\b/, flows);
  assert.deepEqual(p.errors, []);
  await p.page.context().close();
});

test('a Chinese browser gets Chinese without lang=, an English one English', async () => {
  const zh = await open('', { locale: 'zh-CN' });
  assert.equal(await htmlLang(zh), 'zh-CN');
  assert.match(await h1(zh), HAN);
  assert.doesNotMatch(await zh.settledUrl(), /lang=/);
  const en = await open('', { locale: 'en-US' });
  assert.equal(await htmlLang(en), 'en');
  assert.doesNotMatch(await h1(en), HAN);
  // The URL beats the browser.
  const forced = await open('?lang=en', { locale: 'zh-CN' });
  assert.equal(await htmlLang(forced), 'en');
  assert.doesNotMatch(await h1(forced), HAN);
  for (const p of [zh, en, forced]) {
    assert.deepEqual(p.errors, []);
    await p.page.context().close();
  }
});

test('switching language on the page changes the text, the charts and the URL', async () => {
  const p = await open('', { locale: 'en-US' });
  const select = p.page.getByLabel('Language');
  const before = { h1: await h1(p), takeaways: await takeaways(p), charts: await Promise.all(IDS.map((id) => p.canvasState(id))) };
  await select.selectOption('zh-CN');
  await p.page.waitForSelector('#burn canvas.base');
  await p.page.waitForTimeout(300);
  assert.match(await h1(p), HAN);
  assert.match(await p.settledUrl(), /[?&]lang=zh-CN/);
  assert.equal(await htmlLang(p), 'zh-CN');
  // A keyboard reader stays on the switch.
  assert.ok(await p.page.evaluate(() => document.activeElement?.matches('.lang-switch select')));
  const after = await takeaways(p);
  after.forEach((t, i) => { assert.notEqual(t, before.takeaways[i]); assert.match(t, HAN); });
  // Axis labels are drawn in the new language: every chart's pixels change.
  const charts = await Promise.all(IDS.map((id) => p.canvasState(id)));
  charts.forEach((c, i) => { assert.ok(c.inked > 1000, IDS[i]); assert.notEqual(c.hash, before.charts[i].hash, IDS[i]); });
  // And back, with the switch now labelled in Chinese.
  await p.page.getByLabel('语言').selectOption('en');
  await p.page.waitForTimeout(300);
  assert.equal(await h1(p), before.h1);
  assert.deepEqual(await takeaways(p), before.takeaways);
  assert.match(await p.settledUrl(), /[?&]lang=en/);
  assert.equal(await htmlLang(p), 'en');
  assert.deepEqual(p.errors, []);
  await p.page.context().close();
});

test('the embed snippet carries lang= when the page is not in English', async () => {
  const zh = await open('', { locale: 'zh-CN' });
  const snippet = await embedSnippet(zh, 'flows', '嵌入');
  assert.match(snippet, /embed=flows/);
  assert.match(snippet, /[?&]lang=zh-CN/);
  assert.match(snippet, /title="[^"]*[\u4e00-\u9fff]/);
  const en = await open('', { locale: 'en-US' });
  assert.doesNotMatch(await embedSnippet(en, 'flows', 'Embed'), /lang=/);
  // The embedded chart itself speaks Chinese.
  const src = snippet.match(/src="([^"]+)"/)[1];
  const frame = await open(new URL(src).search, { locale: 'en-US' });
  assert.equal(await htmlLang(frame), 'zh-CN');
  assert.match(await frame.takeaway('flows'), HAN);
  for (const p of [zh, en, frame]) {
    assert.deepEqual(p.errors, []);
    await p.page.context().close();
  }
});

// Latin words a Chinese reader may see: tickers and other all-capital codes (QQQ, IBIT,
// ETF, ETH, UTC, CSV), units and statistics (US$, n, N, z, CI), provider names.
const ALLOWED = /^(?:[A-Z][A-Z0-9]{1,5}|US|n|N|r|z|Fisher|Yahoo|Finance|FRED|Federal|Reserve|Bank|of|St|Louis|Farside|Investors|CryptoQuant|Coin|Metrics|Ctrl|C)$/;

test('a zh-CN reader sees no English except tickers, units and provider names', async () => {
  for (const width of [1280, 375]) {
    // With an event picked, so the lens title, description and table are read too.
    const p = await open('?lang=zh-CN&lens=2025-10-10', { viewport: { width, height: 900 } });
    // Open every disclosure so the method text is checked too.
    await p.page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
    // Everything is read: the chart notes (the builder's series notes, translated in the
    // locale file) and the event picker (the events file's labels) included.
    const text = await p.page.evaluate(() => [document.querySelector('header.masthead'), document.querySelector('main'), document.querySelector('footer')]
      .map((el) => el?.innerText ?? '').join('\n'));
    assert.match(text, /连环清算/, 'the event picker speaks Chinese');
    assert.match(text, /收盘价/, 'the series notes speak Chinese');
    const english = [...new Set(text.match(/[A-Za-z]+/g) ?? [])].filter((w) => !ALLOWED.test(w));
    // The language switch names English in English, on purpose.
    assert.deepEqual(english.filter((w) => w !== 'English'), [], `width ${width}`);
    assert.deepEqual(p.errors, []);
    await p.page.context().close();
  }
});

// The start-up screens speak before the wasm runs (public/boot.js), in the language the
// app will choose: lang= first, else the browser's.
const isWasm = (url) => url.pathname.endsWith('.wasm');

/** A page whose wasm is held back (`hold`) or refused (404), and what #boot says. */
async function boot(query, { locale = 'en-US', wasm = 'hold' } = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(isWasm, async (r) => {
    if (wasm === '404') return r.fulfill({ status: 404, body: 'not found' });
    await held;
    return r.continue().catch(() => {});
  });
  await page.goto(`${site.url}${query}`, { waitUntil: 'domcontentloaded' });
  return { page, context, release };
}

const bootText = (page) => page.locator('#boot').innerText();

test('the loading screen speaks Chinese for lang=zh-CN and for a Chinese browser, English otherwise', async () => {
  for (const [query, locale, chinese] of [['?lang=zh-CN', 'en-US', true], ['', 'zh-CN', true], ['', 'en-US', false], ['?lang=en', 'zh-CN', false]]) {
    const { page, context, release } = await boot(query, { locale });
    await page.locator('#boot-status progress').waitFor({ state: 'attached' });
    const text = await bootText(page);
    if (chinese) {
      assert.match(text, /正在加载交互式图表/, `${query} ${locale}: ${text}`);
      assert.match(await page.locator('#boot h1').innerText(), HAN);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.match(await page.locator('#boot-status progress').getAttribute('aria-label'), HAN);
      const english = [...new Set(text.match(/[A-Za-z]+/g) ?? [])].filter((w) => !ALLOWED.test(w));
      assert.deepEqual(english, [], `${query} ${locale}`);
    } else {
      assert.match(text, /Loading the interactive charts…/, `${query} ${locale}`);
      assert.doesNotMatch(text, HAN);
    }
    release();
    // The app then mounts in the same language.
    await page.locator('#boot').waitFor({ state: 'detached', timeout: 30000 });
    assert.equal(HAN.test(await h1({ page })), chinese, `${query} ${locale}`);
    await context.close();
  }
});

test('the start-up failure speaks Chinese: message, Retry and the detail label', async () => {
  const { page, context } = await boot('?lang=zh-CN', { wasm: '404' });
  const alert = page.locator('#boot-status .boot-failed');
  await alert.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await alert.innerText(), /无法启动交互式图表/);
  assert.ok(await alert.getByRole('link', { name: '重试' }).isVisible());
  assert.equal((await page.locator('#boot-status summary').innerText()).trim(), '技术细节');
  assert.match(await page.title(), HAN);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/boot-zh-failed.png`, fullPage: true });
  await context.close();
});

test('the story is told in Chinese: every step of zh-CN.story, no English but tickers and names', async () => {
  const p = await open('?lang=zh-CN&step=1', { viewport: { width: 375, height: 800 } });
  const count = await p.page.locator('.story-count').innerText();
  const total = Number(count.match(/共(\d+)步/)?.[1]);
  assert.ok(total >= 6, count);
  for (let n = 1; n <= total; n++) {
    if (n > 1) await p.page.locator('.story-next').click();
    const text = await p.page.locator('.story-text').innerText();
    assert.match(text, HAN, `step ${n}`);
    assert.match(await p.page.locator('.story-title').innerText(), HAN, `step ${n}: title`);
    const english = [...new Set(text.match(/[A-Za-z]+/g) ?? [])].filter((w) => !ALLOWED.test(w));
    assert.deepEqual(english, [], `step ${n}: ${text}`);
  }
  assert.deepEqual(p.errors, []);
  await p.page.context().close();
});

test('only a reader who asks for Chinese downloads it; the page waits for it, then shows Chinese', async () => {
  const requests = async (query, options = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    const urls = [];
    page.on('request', (r) => urls.push(new URL(r.url()).pathname));
    const p = new ExplainerPage(page, site.url);
    await p.open(query);
    return { p, urls };
  };
  const en = await requests('');
  assert.deepEqual(en.urls.filter((u) => u.includes('/i18n/')), [], 'an English reader fetched another language');
  assert.doesNotMatch(await h1(en.p), HAN);
  await en.p.page.context().close();
  const zh = await requests('', { locale: 'zh-CN' });
  assert.deepEqual(zh.urls.filter((u) => u.includes('/i18n/')).sort(), ['/i18n/zh-CN.ftl', '/i18n/zh-CN.story']);
  // The first sections shown are already Chinese (no English page first).
  assert.match(await h1(zh.p), HAN);
  assert.match(await zh.p.takeaway('correlation'), HAN);
  assert.deepEqual(zh.p.errors, []);
  await zh.p.page.context().close();
});

test('a switch right after the charts appear, and back, leaves no error behind', async () => {
  const p = await open();
  await p.page.locator('.lang-switch select').selectOption('zh-CN');
  await p.page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('header.masthead h1').textContent));
  await p.page.locator('.lang-switch select').selectOption('en');
  await p.page.waitForTimeout(400);
  assert.equal(await htmlLang(p), 'en');
  assert.deepEqual(p.errors, []);
  await p.page.context().close();
});

test('when Chinese cannot be fetched the page stays in English and says why', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  await context.route('**/i18n/zh-CN.story', (r) => r.fulfill({ status: 404, body: 'not here' }));
  const p = new ExplainerPage(await context.newPage(), site.url);
  await p.open('?lang=zh-CN');
  const note = p.page.locator('.lang-switch-status');
  await note.waitFor();
  assert.match(await note.textContent(), /could not be loaded, so the page stays in English/);
  assert.match(await note.locator('[title]').getAttribute('title'), /HTTP 404.*zh-CN\.story/);
  assert.doesNotMatch(await h1(p), HAN);
  for (const id of IDS) assert.ok((await p.canvasState(id)).inked > 1000, id);
  // The note sits in the masthead's flow: it does not cover the title.
  const [n, t] = await Promise.all([note.boundingBox(), p.page.locator('header.masthead h1').boundingBox()]);
  assert.ok(n.y + n.height <= t.y, `note ${JSON.stringify(n)} over title ${JSON.stringify(t)}`);
  // Choosing English again clears the note (it was about Chinese).
  await p.page.locator('.lang-switch select').selectOption('en');
  await p.page.waitForTimeout(200);
  assert.equal((await note.textContent()).trim(), '');
  assert.deepEqual(p.errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});
