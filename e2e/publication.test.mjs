// End-to-end: the publication pass — chart first on phones, computed headlines, embeds
// that are mostly chart, linked time across the three charts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ExplainerPage } from './page.mjs';
import { startServer } from './server.mjs';

let browser, site;
before(async () => {
  browser = await launch();
  site = await startServer({ root: process.env.DIST ?? 'dist', csp: true });
});
after(async () => { await browser?.close(); await site?.close(); });

async function open(query = '', viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const p = new ExplainerPage(page, site.url);
  await p.open(query);
  return p;
}

test('on a 375 px phone the first chart starts within the first screen', async () => {
  const p = await open('', { width: 375, height: 812 });
  const top = await p.page.locator('#correlation canvas.base').evaluate((c) => c.getBoundingClientRect().top + window.scrollY);
  // Headline, subtitle and summary above it, nothing else: most of the chart is in the
  // first screen too (474 px down when measured; the deck and the controls come later).
  assert.ok(top < 560, `the first chart starts ${Math.round(top)} px down`);
  // Its headline states a finding (computed), not a topic, and comes before the chart.
  const h2 = await p.section('correlation').locator('h2').textContent();
  assert.match(h2, /Bitcoin( now moves more|’s ties to .* are too close to rank)/);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('an embed shows headline, chart and source; controls only with controls=1; no Embed button', async () => {
  for (const chart of ['correlation', 'flows', 'burn']) {
    const p = await open(`?embed=${chart}`, { width: 375, height: 812 });
    assert.equal(await p.page.locator('.controls').count(), 0, `${chart}: controls shown`);
    assert.equal(await p.page.getByRole('button', { name: 'Embed', exact: true }).count(), 0, `${chart}: Embed button inside an embed`);
    assert.ok(await p.page.locator('.source').count() > 0);
    const top = await p.page.locator('canvas.base').evaluate((c) => c.getBoundingClientRect().top);
    assert.ok(top < 400, `${chart}: chart starts ${Math.round(top)} px down in the embed`);
    // Mostly chart: no findings list, lead–lag figure or table toggle without controls=1;
    // the description stays for screen readers only.
    for (const extra of ['.findings', '.mini', '.table-toggle', '.share']) {
      assert.equal(await p.page.locator(extra).count(), 0, `${chart}: ${extra} shown in the embed`);
    }
    assert.ok(await p.page.locator('.chart-desc.visually-hidden').count() === 1, `${chart}: description not kept for screen readers`);
    await p.page.close();
    const q = await open(`?embed=${chart}&controls=1`, { width: 375, height: 812 });
    assert.ok(await q.page.locator('.controls').count() > 0, `${chart}: controls=1 shows no controls`);
    assert.ok(await q.page.locator('.table-toggle').count() > 0, `${chart}: controls=1 shows no table toggle`);
    assert.ok(await q.page.locator('.share').count() > 0, `${chart}: controls=1 shows no Link/CSV/PNG`);
    if (chart === 'flows') assert.ok(await q.page.locator('.mini').count() > 0, 'flows: controls=1 hides the lead–lag figure');
    await q.page.close();
  }
});

test('pointing at a date in one chart shows its crosshair in the others (linked time)', async () => {
  const p = await open();
  // All three charts share 2026-01-02 in their default views.
  const others = ['flows', 'burn'];
  const before = await Promise.all(others.map((id) => p.page.locator(`#${id} canvas.overlay`).evaluate((c) => c.toDataURL())));
  await p.hoverUntil('correlation', '2 Jan 2026');
  await p.page.waitForTimeout(100);
  const after = await Promise.all(others.map((id) => p.page.locator(`#${id} canvas.overlay`).evaluate((c) => c.toDataURL())));
  for (const [i, id] of others.entries()) assert.notEqual(after[i], before[i], `${id}: no crosshair drawn`);
  // Only the chart being pointed at shows a tooltip.
  for (const id of others) assert.equal(await p.section(id).locator('.tooltip').count(), 0, `${id} shows a tooltip`);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('the event lens moves every chart to the window around the event and fills its table', async () => {
  const p = await open();
  // Not built while the page loads (it is far below), built when the reader comes near.
  await p.page.waitForTimeout(300);
  assert.equal(await p.page.locator('.lens').count(), 0, 'the lens was built at load');
  await p.reachLens();
  // And a few seconds after load without any scrolling (a screen reader's cursor).
  const still = await open();
  await still.page.locator('.lens select').waitFor({ timeout: 8000 });
  assert.equal(await still.page.evaluate(() => window.scrollY), 0);
  await still.page.context().close();
  await p.page.locator('.lens select').selectOption('2025-10-10');
  await p.page.waitForTimeout(200);
  assert.match(await p.settledUrl(), /lens=2025-10-10/);
  const rows = await p.page.locator('.lens-table tbody tr').count();
  assert.ok(rows >= 4, `${rows} rows`);
  const cells = await p.page.locator('.lens-table tbody td').allTextContents();
  // "n = 20" is kept on one line (no-break spaces).
  assert.ok(cells.some((c) => /n\u00a0=\u00a020/.test(c)), cells.join(' | '));
  for (const id of ['correlation', 'flows']) {
    const text = await p.section(id).locator('.summary').textContent();
    assert.match(text, /(Sep|Oct|Nov) 2025/, `${id}: ${text}`);
  }
  // The window choice: the table's n and the pressed button follow it (and a control of
  // another chart leaves the lens as it is).
  const days = (n) => p.page.locator('.lens button', { hasText: new RegExp(`^${n} days$`) });
  await days(60).click();
  await p.page.waitForTimeout(200);
  assert.match(await p.settledUrl(), /lens\.n=60/);
  assert.equal(await days(60).getAttribute('aria-pressed'), 'true');
  assert.equal(await days(20).getAttribute('aria-pressed'), 'false');
  const wider = await p.page.locator('.lens-table tbody td').allTextContents();
  assert.ok(wider.some((c) => /n\u00a0=\u00a060/.test(c)), wider.join(' | '));
  await p.button('burn', 'Daily').click();
  await p.page.waitForTimeout(200);
  assert.deepEqual(await p.page.locator('.lens-table tbody td').allTextContents(), wider);
  assert.equal(await days(60).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('before the wasm runs the page shows the default view’s findings; the page’s own replace them without a shift', async () => {
  const held = async (query, options = {}) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, ...options });
    const page = await context.newPage();
    await page.route(/\.wasm$/, () => {}); // never answered: the start-up screen stays
    await page.goto(site.url + query);
    await page.locator('#boot').waitFor();
    return { page, context };
  };
  const { page, context } = await held('');
  const early = await page.locator('#boot-charts h2').allInnerTexts();
  assert.equal(early.length, 3, 'three prerendered headlines');
  assert.ok(await page.locator('#boot-charts h2').first().isVisible());
  await context.close();
  // Another language or another view: not the English default view's words.
  for (const query of ['?lang=zh-CN', '?c.window=30', '?step=2', '?embed=flows']) {
    const h = await held(query);
    assert.equal(await h.page.locator('#boot-charts').count(), 0, `${query}: prerendered words shown`);
    await h.context.close();
  }
  // Without JavaScript they are the page (no grey chart placeholders).
  const off = await held('', { javaScriptEnabled: false });
  assert.equal((await off.page.locator('#boot-charts h2').allInnerTexts()).length, 3);
  assert.ok(!(await off.page.locator('.boot-chart').first().isVisible()));
  await off.context.close();
  // The page takes over with the same headlines (desktop view: daily flow bars), and
  // nothing on screen moved on the way.
  const live = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await live.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const p = new ExplainerPage(live, site.url);
  await p.open();
  assert.equal(await live.locator('#boot, #boot-charts').count(), 0);
  assert.equal(await live.locator('body.booting').count(), 0);
  const headlines = await live.locator('section.story > h2').allInnerTexts();
  assert.deepEqual(headlines, early);
  const shift = await live.evaluate(() => window.__shift);
  assert.ok(shift < 0.02, `layout shift ${shift}`);
  assert.deepEqual(p.errors, []);
  await live.close();
});

test('a link to an event says at the top which event every chart shows, with a way back to all the data', async () => {
  const plain = await open();
  assert.equal(await plain.page.locator('.lens-notice').count(), 0, 'no notice without an event');
  await plain.page.close();
  const p = await open('?lens=2025-10-10');
  const notice = p.page.locator('.lens-notice');
  assert.match(await notice.innerText(),
    /^Event lens: Liquidation cascade, 10 Oct 2025\. Every chart shows 31 Aug 2025 to 19 Nov 2025; the lens is at the foot of the page\./);
  // Above the first chart.
  const [n, c] = await Promise.all([notice, p.section('correlation')].map((l) => l.boundingBox()));
  assert.ok(n.y + n.height <= c.y, 'the notice is above the first chart');
  assert.equal((await p.section('flows').locator('.range-dates').innerText()).trim(), '31 Aug 2025 – 19 Nov 2025');
  await notice.getByRole('button', { name: 'Show all the data', exact: true }).click();
  await notice.waitFor({ state: 'detached' });
  assert.doesNotMatch(await p.settledUrl(), /lens=/);
  assert.notEqual((await p.section('flows').locator('.range-dates').innerText()).trim(), '31 Aug 2025 – 19 Nov 2025');
  assert.deepEqual(p.errors, []);
  await p.page.close();
});
