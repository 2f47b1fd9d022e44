// End-to-end: the page's User Timing marks (read by e2e/bench.mjs) stay one per name, the
// latest, however often the charts redraw, so the performance timeline does not grow.
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

test('redraws and hovers keep one mark per name, the latest', async () => {
  const p = new ExplainerPage(await browser.newPage({ viewport: { width: 1280, height: 900 } }), site.url);
  // A quarter, so every trading day is more than a pixel wide for the hover sweep.
  await p.open('?f.range=2025-10-01..2025-12-31');
  const drawn = () => p.page.evaluate(() => performance.getEntriesByName('chart-drawn:flows').map((m) => m.startTime));
  const [first] = await drawn();
  for (let i = 0; i < 5; i++) {
    for (const name of ['Weekly', 'Monthly', 'Daily']) await p.button('flows', name).click();
  }
  await p.hoverUntil('flows', '20 Nov 2025');
  await p.page.waitForTimeout(100);
  const latest = await drawn();
  assert.equal(latest.length, 1, 'one chart-drawn:flows mark');
  assert.ok(latest[0] > first, 'it is the latest draw');
  const names = await p.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], `duplicate marks: ${names}`);
  assert.ok(names.includes('overlay-drawn:flows'), 'the hover left its mark');
  // The snapshot's parse is measured once, between its two marks.
  const parse = await p.page.evaluate(() => performance.getEntriesByName('snapshot-parse', 'measure').map((m) => m.duration));
  assert.equal(parse.length, 1, 'one snapshot-parse measure');
  assert.ok(parse[0] >= 0 && parse[0] < 5000, `snapshot-parse took ${parse[0]} ms`);
  console.log(`snapshot-parse: ${parse[0].toFixed(1)} ms`);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});
