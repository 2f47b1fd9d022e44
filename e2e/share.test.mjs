// End-to-end: permalinks, hostile URLs, iframe embeds, exports, sub-path hosting, CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, ExplainerPage } from './page.mjs';
import { startServer } from './server.mjs';

const DIST = process.env.DIST ?? 'dist';
let browser, site;
before(async () => {
  browser = await launch();
  site = await startServer({ root: DIST, csp: true });
});
after(async () => { await browser?.close(); await site?.close(); });

async function open(query = '', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const p = new ExplainerPage(page, site.url);
  await p.open(query);
  return p;
}

/** Pressed state of every toggle and segmented button, per section (the event lens's too:
 *  scrolled to, as it is built only near the viewport). */
async function controlState(p) {
  await p.reachLens();
  return p.page.evaluate(() => [...document.querySelectorAll('section button[aria-pressed]')]
    .map((b) => `${b.closest('section').id}:${b.textContent.trim()}=${b.getAttribute('aria-pressed')}`));
}

test('the address bar follows the view once it is still, and a page left right after a change keeps it', async () => {
  const p = await open();
  // A burst of changes (as a brush drag makes) is one history write, after the last.
  await p.page.evaluate(() => {
    window.__writes = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (state, title, url) => { window.__writes.push(String(url)); replace(state, title, url); };
  });
  for (const label of ['30d', '60d', '180d']) await p.button('correlation', label).click();
  assert.doesNotMatch(p.page.url(), /c\.window/, 'written while the view was still changing');
  assert.match(await p.settledUrl(), /c\.window=180/);
  assert.deepEqual((await p.page.evaluate(() => window.__writes)).length, 1);
  // Left before the address bar followed: the change is written as the page goes, and
  // Back returns to it.
  await p.button('burn', 'Daily').click();
  await p.page.goto('about:blank');
  await p.page.goBack();
  await p.page.waitForSelector('#burn canvas.base');
  assert.equal(await p.button('burn', 'Daily').getAttribute('aria-pressed'), 'true');
  assert.match(p.page.url(), /b\.smooth=daily/);
  assert.deepEqual(p.errors, []);
  await p.page.context().close();
});

test('the URL round-trips every control', async () => {
  const p = await open();
  await p.button('correlation', 'Ether (ETH)').click();
  await p.button('correlation', 'Nasdaq-100 (QQQ)').click();
  await p.button('correlation', '180d').click();
  await p.setRange('correlation', '2025-03-03', '2026-06-30');
  await p.button('flows', 'Ether ETFs').click();
  await p.button('flows', 'By fund').click();
  await p.button('flows', 'Weekly').click();
  await p.button('flows', 'ETHA').click();
  await p.button('flows', '1Y').click();
  await p.button('burn', 'Daily').click();
  await p.button('burn', 'Since London').click();
  await p.button('burn', '2Y').click();
  await p.page.waitForTimeout(50);
  const url = await p.settledUrl();
  assert.match(url, /c\.with=gld,eth/);
  assert.match(url, /c\.range=2025-03-03\.\.2026-06-30/);
  assert.match(url, /f\.hide=ETHA/);
  const controls = await controlState(p);
  const takeaways = await Promise.all(['correlation', 'flows', 'burn'].map((id) => p.takeaway(id)));
  const charts = await Promise.all(['correlation', 'flows', 'burn'].map((id) => p.canvasState(id)));

  const q = await open(new URL(url).search);
  assert.deepEqual(await controlState(q), controls);
  assert.deepEqual(await Promise.all(['correlation', 'flows', 'burn'].map((id) => q.takeaway(id))), takeaways);
  const again = await Promise.all(['correlation', 'flows', 'burn'].map((id) => q.canvasState(id)));
  assert.deepEqual(again.map((c) => c.hash), charts.map((c) => c.hash));
  assert.deepEqual([...p.errors, ...q.errors], []);
  await p.page.context().close();
  await q.page.context().close();
});

test('hostile query strings leave the page working and unmodified', async () => {
  const clean = await open();
  const defaults = await controlState(clean);
  const takeaway = await clean.takeaway('correlation');
  const elements = await clean.page.evaluate(() => document.querySelectorAll('*').length);
  await clean.page.context().close();
  for (const q of [
    '?embed=%3Cscript%3Ealert(1)%3C/script%3E&theme=%22%3E%3Csvg/onload=alert(1)%3E',
    '?c.with=javascript:alert(1)&c.window=1000000000&f.range=9999-99-99..0&b.range=%',
    '?c.window=-1&c.window=1e309&f.hide=%3Cimg%20src=x%20onerror=alert(1)%3E&f.etf=doge&section=javascript:alert(1)',
    '?' + 'c.with=%3Cx%3E&'.repeat(400),
  ]) {
    const p = await open(q);
    let dialogs = 0;
    p.page.on('dialog', (d) => { dialogs++; d.dismiss(); });
    assert.deepEqual(await controlState(p), defaults, q);
    assert.equal(await p.takeaway('correlation'), takeaway, q);
    assert.equal(await p.page.evaluate(() => document.querySelectorAll('*').length), elements, q);
    assert.equal(await p.page.evaluate(() => document.querySelectorAll('script:not([src]), svg, img, iframe').length), 0);
    for (const id of ['correlation', 'flows', 'burn']) assert.ok((await p.canvasState(id)).inked > 5000);
    assert.equal(dialogs, 0);
    assert.deepEqual(p.errors, [], q);
    await p.page.context().close();
  }
});

test('an article on another origin embeds a chart at 320, 600 and 1000 px and the iframe height follows the content', async () => {
  // With its controls (controls=1): the test changes the chart inside the embed.
  const embedUrl = `${site.url}?embed=flows&controls=1`;
  const article = `<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head><body style="margin:0">
    <p>Some article text.</p>
    ${[320, 600, 1000].map((w) => `<div style="width:${w}px"><iframe id="w${w}" src="${embedUrl}" title="US spot ETF flows" loading="eager" width="100%" height="150" style="border:0;width:100%" data-crypto-repricing="flows"></iframe></div>`).join('\n')}
    <script src="${site.url}embed.js" async></script></body></html>`;
  const host = await startServer({ root: DIST, pages: { '/article.html': article } });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.origin}/article.html`);
  const heights = {};
  for (const w of [320, 600, 1000]) {
    const frame = page.frameLocator(`#w${w}`);
    await frame.locator('#flows canvas.base').waitFor({ timeout: 20000 });
    await page.waitForFunction((id) => parseInt(document.getElementById(id).style.height || '0', 10) > 300, `w${w}`, { timeout: 10000 })
      .catch(async (e) => {
        const hs = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => `${f.id}:${f.style.height}`));
        throw new Error(`${e.message}; heights ${hs}; errors ${errors}`);
      });
    await page.waitForTimeout(300);
    const outer = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, `w${w}`);
    const inner = await page.frame({ url: /embed=flows/ }) && await page.locator(`#w${w}`).evaluate((f) => f.contentWindow.document.body.scrollHeight).catch(() => null);
    // Cross-origin: the article cannot read the frame; compare with what the frame itself reports.
    const reported = await frame.locator('body').evaluate((b) => b.scrollHeight + b.offsetTop * 2);
    assert.ok(Math.abs(outer - reported) <= 2, `${w}px: iframe ${outer}px, content ${reported}px`);
    assert.equal(inner, null, 'the article must not be able to read the embed (other origin)');
    heights[w] = outer;
    // Embed mode: no page chrome, a link back, the chart's own controls, takeaway and credit.
    // Its one heading is the chart's title, as the frame's h1 (the page's masthead is absent).
    assert.equal(await frame.locator('h1').count(), 1);
    assert.equal(await frame.locator('.masthead').count(), 0);
    assert.equal(await frame.locator('#correlation').count(), 0);
    assert.match(await frame.locator('.embed-link a').getAttribute('href'), /section=flows(&controls=1)?#flows$/);
    assert.match(await frame.locator('.source').textContent(), /Farside Investors/);
    const scrollWidth = await frame.locator('html').evaluate((h) => h.scrollWidth);
    assert.ok(scrollWidth <= w, `${w}px: embed is ${scrollWidth}px wide`);
  }
  assert.ok(heights[320] > heights[1000], `narrow embeds are taller: ${JSON.stringify(heights)}`);
  // Changing a control inside the embed resizes the iframe too.
  const frame = page.frameLocator('#w600');
  const before = heights[600];
  await frame.getByRole('button', { name: 'By fund', exact: true }).click();
  await page.waitForFunction(([id, h]) => Math.abs(document.getElementById(id).getBoundingClientRect().height - h) > 5, ['w600', before]);
  assert.deepEqual(errors, []);
  await page.close();
  await host.close();
});

test('copy link works on the page and inside an iframe; embed code is ready to paste', async () => {
  const p = await open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  await p.button('flows', 'Monthly').click();
  await p.section('flows').getByRole('button', { name: 'Link', exact: true }).click();
  const link = await p.section('flows').locator('.share-panel textarea').inputValue();
  assert.equal(link, `${site.url}?section=flows&f.agg=month#flows`);
  await p.section('flows').getByRole('button', { name: 'Copy', exact: true }).click();
  await p.page.waitForFunction(() => document.querySelector('#flows .share-status').textContent.length > 0);
  assert.equal(await p.section('flows').locator('.share-status').textContent(), 'Copied.');
  assert.equal(await p.page.evaluate(() => navigator.clipboard.readText()), link);

  await p.section('flows').getByRole('button', { name: 'Embed', exact: true }).click();
  const snippet = await p.section('flows').locator('.share-panel textarea').inputValue();
  assert.match(snippet, /^<iframe src="[^"]+\?embed=flows&f\.agg=month" title="US spot bitcoin and ether ETF daily net flows — interactive chart" loading="lazy" width="100%" height="\d+"/);
  assert.match(snippet, /<script src="[^"]+\/embed\.js" async><\/script>$/);
  await p.page.context().close();

  // Inside an iframe the link points at the full page, not at the embed.
  const e = await open('?embed=burn&b.smooth=daily&controls=1');
  await e.section('burn').getByRole('button', { name: 'Link', exact: true }).click();
  const embedLink = await e.section('burn').locator('.share-panel textarea').inputValue();
  assert.equal(embedLink, `${site.url}?section=burn&b.smooth=daily#burn`);
  await e.page.context().close();
});

test('the CSV holds exactly the values the tooltip shows', async () => {
  const p = await open();
  await p.setRange('flows', '2025-11-01', '2025-11-30');
  const tooltip = await p.hoverUntil('flows', '20 Nov 2025');
  assert.match(tooltip, /−\u2060?\$903\.2m/);
  const [download] = await Promise.all([
    p.page.waitForEvent('download'),
    p.section('flows').getByRole('button', { name: 'CSV', exact: true }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^# US spot bitcoin and ether ETF daily net flows\n# Source: Farside Investors\n# Data as of 2026-08-21\n/);
  // The frame's rows, then one block per statistic (here the lead–lag, too short to compute).
  const [frameBlock, leadlag, ...more] = csv.split('\n\n');
  assert.equal(more.length, 0);
  assert.match(leadlag, /^# Lead–lag of ETF net flows and bitcoin’s daily returns, 3 Nov 2025 – 28 Nov 2025\n# This range is too short to compare lags: it needs at least \d+ trading days\.\n$/);
  const rows = frameBlock.split('\n').filter((l) => l && !l.startsWith('#'));
  assert.equal(rows[0], 'date,Net flow,Cumulative since launch');
  const row = rows.find((r) => r.startsWith('2025-11-20,')).split(',');
  assert.equal(row[1], '-903.20');
  assert.equal(rows.length - 1, 19, 'one row per trading day of November 2025');
  const cumulative = Number(row[2]);
  assert.match(tooltip, new RegExp(`\\$${(cumulative / 1000).toFixed(1)}bn`));

  // Correlations too: the tooltip's two-decimal value is the CSV's, rounded.
  await p.setRange('correlation', '2026-01-02', '2026-08-21');
  const text = await p.hoverUntil('correlation', '21 Aug 2026');
  const [d2] = await Promise.all([
    p.page.waitForEvent('download'),
    p.section('correlation').getByRole('button', { name: 'CSV', exact: true }).click(),
  ]);
  const lines = (await readFile(await d2.path(), 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
  const header = lines[0].split(',');
  const last = lines.find((l) => l.startsWith('2026-08-21,')).split(',');
  const qqq = Number(last[header.indexOf('Nasdaq-100 (QQQ) · corr.')]);
  assert.ok(text.includes(`Nasdaq-100 (QQQ) · corr.${qqq.toFixed(2)}`), `${text} vs ${qqq}`);
  assert.deepEqual(p.errors, []);
  await p.page.context().close();
});

test('PNG export is the chart at 2×, under its headline', async () => {
  const p = await open();
  const [download] = await Promise.all([
    p.page.waitForEvent('download'),
    p.section('burn').getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'crypto-repricing-burn.png');
  const png = await readFile(await download.path());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.equal(png.readUInt32BE(16), 2000, 'width: 1000 CSS px at 2×');
  assert.ok(png.readUInt32BE(20) > 1000);
  assert.ok(png.length > 50_000, `${png.length} bytes`);
  // The headline is written from the left edge (8 CSS px) in the top band, where the
  // chart itself draws nothing left of its axis labels: ink there is the headline.
  const ink = await p.page.evaluate(async (b64) => {
    // (Decoded from bytes: the page's CSP allows no data: images.)
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const band = ctx.getImageData(0, 0, 60, 70).data;
    const bg = ctx.getImageData(c.width - 1, 0, 1, 1).data;
    let n = 0;
    for (let i = 0; i < band.length; i += 4) {
      if (Math.abs(band[i] - bg[0]) + Math.abs(band[i + 1] - bg[1]) + Math.abs(band[i + 2] - bg[2]) > 200) n++;
    }
    return n;
  }, png.toString('base64'));
  assert.ok(ink > 100, `no headline in the image's top-left band (${ink} inked pixels)`);
  await p.page.context().close();
});

test('theme=dark forces the dark theme; theme=light forces light under a dark system', async () => {
  const dark = await open('?theme=dark');
  const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(22, 24, 28)');
  await dark.page.context().close();
  const light = await open('?theme=light', { colorScheme: 'dark' });
  assert.equal(await light.page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  const corner = await light.page.locator('#flows canvas.base').evaluate((c) => Array.from(c.getContext('2d').getImageData(1, 1, 1, 1).data));
  assert.deepEqual(corner.slice(0, 3), [255, 255, 255]);
  await light.page.context().close();
});

test('the built site works under a sub-path with no 404', async () => {
  const sub = await startServer({ root: DIST, prefix: '/crypto-repricing/', csp: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const p = new ExplainerPage(page, sub.url);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await p.open('?embed=correlation');
  await p.open();
  for (const id of ['correlation', 'flows', 'burn']) assert.ok((await p.canvasState(id)).inked > 5000);
  assert.deepEqual(failed, []);
  assert.deepEqual(sub.notFound, []);
  assert.deepEqual(p.errors, []);
  await page.close();
  await sub.close();
});
