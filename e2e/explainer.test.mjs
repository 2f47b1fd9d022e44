// End-to-end: the served release build in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ExplainerPage } from './page.mjs';
import { startServer } from './server.mjs';

// Every test runs against the release build served with the strict CSP.
let browser, site;
before(async () => {
  browser = await launch();
  site = await startServer({ root: process.env.DIST ?? 'dist', csp: true });
});
after(async () => { await browser?.close(); await site?.close(); });

async function openPage(viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  const page = await browser.newPage({ viewport, colorScheme });
  const p = new ExplainerPage(page, site.url);
  await p.open();
  return p;
}

test('all three charts draw, with takeaways and credits, and no console errors', async () => {
  const p = await openPage();
  for (const id of ['correlation', 'flows', 'burn']) {
    const s = await p.canvasState(id);
    assert.ok(s.inked > 20000, `${id}: ${s.inked} pixels drawn`);
    assert.ok((await p.takeaway(id)).length > 40, `${id}: takeaway`);
    const source = await p.section(id).locator('.source').textContent();
    assert.match(source, /Data as of \d{1,2} [A-Z][a-z]{2} \d{4}/);
  }
  assert.match(await p.section('correlation').locator('.source').textContent(), /Yahoo Finance/);
  assert.match(await p.section('flows').locator('.source').textContent(), /Farside Investors/);
  assert.match(await p.section('burn').locator('.source').textContent(), /CryptoQuant.*model/s);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

/** Clicks `control` and asserts the chart of `id` changed. */
async function assertChanges(p, id, label, click) {
  const before = await p.canvasState(id);
  await click();
  await p.page.waitForTimeout(60);
  const after = await p.canvasState(id);
  assert.notEqual(after.hash, before.hash, `${id}: "${label}" did not change the chart`);
  assert.ok(after.inked > 5000, `${id}: "${label}" left an empty chart`);
}

test('every control of the correlation chart changes it', async () => {
  const p = await openPage();
  for (const name of ['Ether (ETH)', 'S&P 500 (SPY)', 'Commodities (DBC)', '10-year yield', 'Gold (GLD)']) {
    await assertChanges(p, 'correlation', name, () => p.button('correlation', name).click());
  }
  for (const name of ['30d', '60d', '180d', '90d']) {
    await assertChanges(p, 'correlation', name, () => p.button('correlation', name).click());
  }
  // The tinted periods: the Nasdaq-100 against commodities, then against gold again.
  for (const name of ['vs Commodities (DBC)', 'vs Gold (GLD)']) {
    await assertChanges(p, 'correlation', name, () => p.button('correlation', name).click());
  }
  for (const name of ['3M', '6M', '1Y', '5Y', 'All', '2Y']) {
    await assertChanges(p, 'correlation', name, () => p.button('correlation', name).click());
  }
  await assertChanges(p, 'correlation', 'custom range', () => p.setRange('correlation', '2025-01-02', '2025-12-31'));
  assert.match(await p.takeaway('correlation'), /on 31 Dec 2025/);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('every control of the flows chart changes it', async () => {
  const p = await openPage();
  for (const name of ['Weekly', 'Monthly', 'Daily', 'By fund', 'Total']) {
    await assertChanges(p, 'flows', name, () => p.button('flows', name).click());
  }
  for (const name of ['3M', '6M', '1Y', '2Y', 'All']) {
    await assertChanges(p, 'flows', name, () => p.button('flows', name).click());
  }
  await assertChanges(p, 'flows', 'custom range', () => p.setRange('flows', '2025-10-01', '2025-12-31'));
  await p.button('flows', 'By fund').click();
  for (const name of ['IBIT', 'FBTC', 'Others']) {
    await assertChanges(p, 'flows', name, () => p.button('flows', name).click());
  }
  await assertChanges(p, 'flows', 'Ether ETFs', () => p.button('flows', 'Ether ETFs').click());
  assert.match(await p.takeaway('flows'), /ether ETFs/);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('every control of the burn chart changes it', async () => {
  const p = await openPage();
  await assertChanges(p, 'burn', 'Daily', () => p.button('burn', 'Daily').click());
  await assertChanges(p, 'burn', '7-day mean', () => p.button('burn', '7-day mean').click());
  for (const name of ['ETH burned', 'ETH issued (model)', 'Since London', 'Since the Merge']) {
    await assertChanges(p, 'burn', name, () => p.button('burn', name).click());
  }
  for (const name of ['3M', '6M', '1Y', '2Y', 'All']) {
    await assertChanges(p, 'burn', name, () => p.button('burn', name).click());
  }
  // The burn starts in August 2021: five years back reaches past it, so 5Y shows All.
  const all = await p.canvasState('burn');
  await p.button('burn', '5Y').click();
  await p.page.waitForTimeout(60);
  assert.equal((await p.canvasState('burn')).hash, all.hash);
  await assertChanges(p, 'burn', 'custom range', () => p.setRange('burn', '2022-09-15', '2023-12-31'));
  assert.match(await p.takeaway('burn'), /From 15 Sep 2022 to 31 Dec 2023/);
  // The view switch: the burn in US$ (with its own smoothing) and the share of fees burned.
  await assertChanges(p, 'burn', 'Burn in US$', () => p.button('burn', 'Burn in US$').click());
  assert.match(await p.takeaway('burn'), /From 15 Sep 2022 to 31 Dec 2023, ETH worth \$[\d.]+(m|bn) was burned in all/);
  assert.equal(await p.button('burn', 'Since London').count(), 0, 'the supply chips belong to the supply view');
  await assertChanges(p, 'burn', 'Daily (US$)', () => p.button('burn', 'Daily').click());
  await assertChanges(p, 'burn', 'Share of fees burned', () => p.button('burn', 'Share of fees burned').click());
  assert.match(await p.takeaway('burn'), /From Sep 2022 to Dec 2023 \(16 months\), [\d.]+% of all fees paid were burned/);
  assert.match(await p.settledUrl(), /b\.view=share/);
  await assertChanges(p, 'burn', 'Supply', () => p.button('burn', 'Supply').click());
  assert.doesNotMatch(await p.settledUrl(), /b\.view/);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('the data tables hold the regime periods, the lead–lag and the model error', async () => {
  const p = await openPage();
  await p.open('?c.range=All');
  const open = async (id) => {
    await p.section(id).locator('.table-toggle').click();
    return p.page.locator(`#${id}-table-stats`);
  };
  const flows = await open('flows');
  const lags = flows.locator('table.stat-table[data-stat=leadlag] tbody tr');
  assert.equal(await lags.count(), 21, 'lags −10 … +10');
  assert.match(await lags.first().innerText(), /^−10\s+[−\d.]+\s+\d+\s+0\.\d+\s+(yes|no)$/);
  const corr = await open('correlation');
  const regimes = corr.locator('table.stat-table[data-stat=regimes]');
  assert.match(await regimes.locator('caption').innerText(), /Regime periods, Nasdaq-100 vs gold/);
  const findings = await p.section('correlation').locator('.findings li').count();
  assert.equal(await regimes.locator('tbody tr').count(), findings - 1, 'one row per period listed (after the rule)');
  const burn = await open('burn');
  const months = burn.locator('table.stat-table[data-stat=model-error] tbody tr');
  assert.ok(await months.count() >= 40, `${await months.count()} months checked`);
  assert.match(await months.first().innerText(), /^[A-Z][a-z]{2} 202\d\s+[\d,]+\s+[\d,]+\s+[+−][\d,]+\s+[+−][\d.]+%$/);
  // A measured month on the cumulative panel: the measured point and the model's error.
  await p.setRange('burn', '2024-06-01', '2024-07-31');
  const tip = await p.hoverUntil('burn', '1 Jul 2024');
  assert.match(tip, /Since London, measured \(Coin Metrics, change since 1 Sep 2021\)\+3,0[\d,]+model − measured since 1 Sep 2021: [+−][\d,]+ ETH \([+−][\d.]+% of measured issuance\)/, tip);
  assert.match(tip, /Since the Merge, measured \(Coin Metrics, change since 1 Oct 2022\)/, tip);
  // A range too short for the lead–lag says so, with the minimum.
  await p.setRange('flows', '2025-11-03', '2025-11-10');
  const short = await open('flows');
  assert.match(await short.locator('.stat-empty').innerText(), /too short to compare lags: it needs at least \d+ trading days/);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('hovering 2025-11-20 on the BTC flows chart shows −903.2', async () => {
  const p = await openPage();
  await p.setRange('flows', '2025-11-01', '2025-11-30');
  const tooltip = await p.hoverUntil('flows', '20 Nov 2025');
  assert.match(tooltip, /Net flow\s*−\u2060?\$903\.2m/);
  // Moving away hides it; the base chart was not redrawn by hovering.
  const base = await p.canvasState('flows');
  await p.page.mouse.move(5, 5);
  assert.equal(await p.section('flows').locator('.tooltip').count(), 0);
  assert.equal((await p.canvasState('flows')).hash, base.hash);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('keyboard: focus a chart and step through dates with the arrow keys', async () => {
  const p = await openPage();
  await p.section('burn').locator('.chart-figure').focus();
  await p.page.keyboard.press('End');
  const title = await p.section('burn').locator('.tooltip-title').textContent();
  assert.equal(title, '10 Apr 2026');
  await p.page.keyboard.press('ArrowLeft');
  assert.equal(await p.section('burn').locator('.tooltip-title').textContent(), '9 Apr 2026');
  await p.page.close();
});

test('a 375 px phone viewport works: no sideways scroll, every chart drawn, touch hover', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const p = new ExplainerPage(page, site.url);
  await p.open();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 375, `page is ${scrollWidth}px wide`);
  for (const id of ['correlation', 'flows', 'burn']) {
    const s = await p.canvasState(id);
    assert.ok(s.width >= 600, `${id}: backing store ${s.width}px is not 2× the CSS width`);
    assert.ok(s.inked > 20000, `${id}: ${s.inked} pixels drawn`);
  }
  const overlay = p.section('flows').locator('canvas.overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  // A finger reads the point in the strip above the plot, not in a tooltip over it.
  await page.waitForTimeout(100);
  assert.equal(await p.section('flows').locator('.tooltip').count(), 0);
  assert.match(await p.section('flows').locator('.readout-body').textContent(), /\d{4}/);
  assert.deepEqual(p.errors, []);
  await context.close();
});

test('320 px and 1440 px viewports: no sideways scroll, charts fill their column', async () => {
  for (const width of [320, 1440]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const p = new ExplainerPage(page, site.url);
    await p.open();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${width}: page is ${scrollWidth}px wide`);
    for (const id of ['correlation', 'flows', 'burn']) {
      const box = await p.section(id).locator('canvas.base').boundingBox();
      assert.ok(box.width >= Math.min(width - 40, 1000) * 0.9, `${width}: ${id} canvas is ${box.width}px`);
      assert.ok((await p.canvasState(id)).inked > 10000, `${width}: ${id} not drawn`);
    }
    assert.deepEqual(p.errors, []);
    await page.close();
  }
});

test('dark colour scheme draws dark charts', async () => {
  const p = await openPage({ width: 1280, height: 900 }, 'dark');
  const corner = await p.page.locator('#flows canvas.base').evaluate((c) => Array.from(c.getContext('2d').getImageData(1, 1, 1, 1).data));
  assert.ok(corner[0] < 60 && corner[1] < 60 && corner[2] < 60, `background ${corner}`);
  await p.page.close();
});

test('a range that misses a chart\'s data says where the data are, once, in place of the chart', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Hand-typed links: before the market data, before the ETFs, after the burn data.
  await page.goto(`${site.url}?c.range=1990-01-01..1991-01-01&f.range=2022-01-01..2022-06-01&b.range=2030-01-01..2030-06-01`);
  const want = {
    correlation: ['No market data in this range: the price data begin on 2 Jan 2018.', '1 Jan 1990 – 1 Jan 1991'],
    flows: ['No flows in this range: US spot bitcoin ETFs began trading on 11 Jan 2024.', '1 Jan 2022 – 1 Jun 2022'],
    burn: ['No burn data in this range: the burn data end on 10 Apr 2026.', '1 Jan 2030 – 1 Jun 2030'],
  };
  for (const [id, [why, range]] of Object.entries(want)) {
    const section = page.locator(`#${id}`);
    const box = section.locator('.chart-error');
    await box.waitFor({ state: 'visible', timeout: 20000 });
    assert.equal((await box.innerText()).trim(), why, id);
    // Said once to the eye, in place of the chart; once to a screen reader, by the live
    // summary (visually hidden then), the box hidden from it. Not again in the takeaway
    // or the notes.
    assert.equal(await box.getAttribute('aria-hidden'), 'true', id);
    const summary = section.locator('.summary');
    assert.equal((await summary.textContent()).trim(), why, id);
    assert.equal(await summary.getAttribute('aria-live'), 'polite');
    assert.match(await summary.getAttribute('class'), /visually-hidden/, id);
    const text = await section.innerText();
    assert.equal(text.split(why).length - 1, 2, `${id}: said ${text.split(why).length - 1} times (box and hidden summary)`);
    assert.equal((await section.locator('.takeaway').textContent()).trim(), '', id);
    assert.equal(await section.locator('canvas').count(), 0, `${id}: no chart`);
    assert.equal((await section.locator('.range-dates').innerText()).trim(), range, `${id}: the range as asked`);
    // Nothing to download or tabulate; the link to the view and the controls stay.
    for (const name of ['CSV', 'PNG', 'Table']) {
      assert.equal(await section.getByRole('button', { name, exact: true }).count(), 0, `${id}: ${name}`);
    }
    assert.ok(await section.getByRole('button', { name: 'Link', exact: true }).isVisible(), `${id}: Link`);
    assert.ok(await section.getByRole('button', { name: 'All', exact: true }).isVisible(), `${id}: All`);
  }
  // The brush's keys start from the data's edge: a key on a handle of a span that missed
  // the data panicked (a clamp whose bounds were the wrong way round).
  const flows = page.locator('#flows');
  await flows.locator('.brush-from').press('ArrowRight');
  await flows.locator('.brush-from').press('Home');
  await flows.locator('.brush-to').press('End');
  await flows.locator('canvas.base').waitFor({ state: 'visible', timeout: 10000 });
  assert.equal((await flows.locator('.range-dates').innerText()).trim(), '11 Jan 2024 – 21 Aug 2026');
  // Picking All brings the chart back.
  await page.locator('#burn').getByRole('button', { name: 'All', exact: true }).click();
  await page.locator('#burn canvas.base').waitFor({ state: 'visible', timeout: 10000 });
  assert.equal(await page.locator('#burn .chart-error').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
