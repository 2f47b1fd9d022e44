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
  assert.doesNotMatch(zh.page.url(), /lang=/);
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
  assert.match(p.page.url(), /[?&]lang=zh-CN/);
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
  assert.match(p.page.url(), /[?&]lang=en/);
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
    const p = await open('?lang=zh-CN', { viewport: { width, height: 900 } });
    // Open every disclosure so the method text is checked too.
    await p.page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
    // Known gap, left out here and named in the issue: the builder's series notes and the
    // events file's labels are English provider metadata, shown verbatim (the chart notes
    // and the event picker, and the events listed under each chart) until the builder
    // writes them as message ids.
    const text = await p.page.evaluate(() => [document.querySelector('header.masthead'), document.querySelector('main'), document.querySelector('footer')]
      .map((el) => {
        if (!el) return '';
        const copy = el.cloneNode(true);
        copy.querySelectorAll('.note, .lens select, .chart-events .event-open').forEach((n) => n.remove());
        document.body.appendChild(copy);
        const t = copy.innerText;
        copy.remove();
        return t;
      }).join('\n'));
    const english = [...new Set(text.match(/[A-Za-z]+/g) ?? [])].filter((w) => !ALLOWED.test(w));
    // The language switch names English in English, on purpose.
    assert.deepEqual(english.filter((w) => w !== 'English'), [], `width ${width}`);
    assert.deepEqual(p.errors, []);
    await p.page.context().close();
  }
});
