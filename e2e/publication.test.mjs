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
  assert.ok(top < 812, `the first chart starts ${Math.round(top)} px down`);
  // Its headline states a finding (computed), not a topic, and comes before the chart.
  const h2 = await p.section('correlation').locator('h2').textContent();
  assert.match(h2, /Bitcoin (now moves more|moves about as much)/);
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
    await p.page.close();
    const q = await open(`?embed=${chart}&controls=1`, { width: 375, height: 812 });
    assert.ok(await q.page.locator('.controls').count() > 0, `${chart}: controls=1 shows no controls`);
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
  await p.page.locator('.lens select').selectOption('2025-10-10');
  await p.page.waitForTimeout(200);
  assert.match(p.page.url(), /lens=2025-10-10/);
  const rows = await p.page.locator('.lens-table tbody tr').count();
  assert.ok(rows >= 4, `${rows} rows`);
  const cells = await p.page.locator('.lens-table tbody td').allTextContents();
  assert.ok(cells.some((c) => /n = 20/.test(c)), cells.join(' | '));
  for (const id of ['correlation', 'flows']) {
    const text = await p.section(id).locator('.summary').textContent();
    assert.match(text, /(Sep|Oct|Nov) 2025/, `${id}: ${text}`);
  }
  assert.deepEqual(p.errors, []);
  await p.page.close();
});
