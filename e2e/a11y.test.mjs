// Accessibility: axe-core finds no violation on the page and on each embed, with the data
// tables open, in light and dark, in English and in Chinese (zh-CN); the charts work from
// the keyboard and announce what they show through a live region.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launch, ExplainerPage } from './page.mjs';
import { startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const CHARTS = ['correlation', 'flows', 'burn'];

let browser, site, axeSource;
before(async () => {
  browser = await launch();
  site = await startServer({ root: process.env.DIST ?? 'dist', csp: true });
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});
after(async () => { await browser?.close(); await site?.close(); });

/** A page on `query`, its charts drawn. The strict CSP would block the injected axe. */
async function openPage(query = '', colorScheme = 'light', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  const p = new ExplainerPage(page, site.url);
  await p.open(query);
  return { p, context };
}

/** axe's violations on the page, as readable lines. */
async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document));
  assert.ok(result.passes.length > 20, `axe ran ${result.passes.length} passing rules`);
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function openTables(p, ids) {
  for (const id of ids) {
    const toggle = p.section(id).locator('button.table-toggle');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await p.section(id).locator('.data-table table tbody tr').first().waitFor();
  }
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violation on the page (${scheme})`, async () => {
    const { p, context } = await openPage('', scheme);
    await p.reachLens();
    assert.deepEqual(await violations(p.page), []);
    assert.deepEqual(p.errors, []);
    await context.close();
  });

  test(`axe finds no violation on the page in Chinese, tables open (${scheme})`, async () => {
    const { p, context } = await openPage('?lang=zh-CN', scheme);
    assert.equal(await p.page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await openTables(p, CHARTS);
    await p.reachLens();
    assert.deepEqual(await violations(p.page), []);
    assert.deepEqual(p.errors, []);
    await context.close();
  });
}

test('each chart has a table with a caption and scoped headers, at most 200 rows', async () => {
  const { p, context } = await openPage();
  await openTables(p, CHARTS);
  for (const id of CHARTS) {
    const table = p.section(id).locator('.data-table table');
    assert.ok((await table.locator('caption').textContent()).length > 20, `${id}: caption`);
    const columns = await table.locator('thead th[scope=col]').count();
    assert.ok(columns >= 2, `${id}: column headers`);
    const rows = await table.locator('tbody tr').count();
    assert.ok(rows > 3 && rows <= 200, `${id}: ${rows} rows`);
    assert.equal(await table.locator('tbody th[scope=row]').count(), rows, `${id}: row headers`);
    assert.equal(await table.locator('tbody td').count(), rows * (columns - 1), `${id}: one cell per series`);
  }
  // Closing a table hides it again.
  const toggle = p.section('flows').locator('button.table-toggle');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await p.section('flows').locator('.data-table').count(), 0);
  assert.deepEqual(p.errors, []);
  await context.close();
});

// The embeds (with their controls, controls=1: the table toggle is one) hold the page's
// sections one by one: auditing them with the table open covers every table in both themes.
for (const lang of ['en', 'zh-CN']) {
  test(`axe finds no violation on each embed, light and dark, table open (${lang})`, async () => {
    for (const chart of CHARTS) {
      for (const scheme of ['light', 'dark']) {
        const query = `?embed=${chart}&controls=1${lang === 'en' ? '' : `&lang=${lang}`}`;
        const { p, context } = await openPage(query, scheme, { width: 600, height: 900 });
        assert.equal(await p.page.evaluate(() => document.documentElement.lang), lang);
        await openTables(p, [chart]);
        assert.deepEqual(await violations(p.page), [], `${chart} ${scheme} ${lang}`);
        await context.close();
      }
    }
  });
}

test('the table of a long view is rolled up and says so; a short view lists every point', async () => {
  const { p, context } = await openPage('?c.range=All');
  await openTables(p, ['correlation']);
  const caption = p.section('correlation').locator('.data-table caption');
  assert.match(await caption.textContent(), /one row per (week|month)/);
  await p.button('correlation', '3M').click();
  await p.page.waitForTimeout(100);
  assert.match(await caption.textContent(), /one row per point/);
  const rows = await p.section('correlation').locator('.data-table tbody tr').count();
  assert.ok(rows > 40 && rows < 80, `3 months of market days: ${rows} rows`);
  await context.close();
});

test('keyboard: one tab stop per chart, arrows and PageDown move and announce, Esc closes', async () => {
  const { p, context } = await openPage();
  const page = p.page;
  // The first stop is the skip link; it leads to the charts.
  await page.keyboard.press('Tab');
  const skip = page.locator(':focus');
  assert.equal(await skip.getAttribute('class'), 'skip-link');
  assert.equal(await skip.isVisible(), true);
  assert.equal(await skip.getAttribute('href'), '#charts');
  // Tab on through the whole page: each chart is reached exactly once.
  const reached = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.classList.contains('chart-figure') ? el.closest('section')?.id : null;
    });
    if (id) reached.push(id);
    // The end of the page: focus leaves it or wraps round to the skip link.
    if (await page.evaluate(() => document.activeElement === document.body || document.activeElement?.classList.contains('skip-link'))) break;
  }
  assert.deepEqual(reached, CHARTS);

  const figure = p.section('correlation').locator('.chart-figure');
  const live = p.section('correlation').locator('.chart-live');
  const keys = p.section('correlation').locator('.chart-keys');
  assert.equal(await keys.isVisible(), false);
  await figure.focus();
  assert.equal(await keys.isVisible(), true, 'instructions shown on focus');
  assert.match(await keys.textContent(), /PageUp\/PageDown/);
  // Pointer moves show the tooltip but say nothing.
  const box = await figure.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(50);
  assert.equal((await live.textContent()).trim(), '');
  await page.mouse.move(0, 0);

  await page.keyboard.press('End');
  await page.waitForTimeout(50);
  const atEnd = (await live.textContent()).trim();
  assert.match(atEnd, /^\d{1,2} [A-Z][a-z]{2} \d{4}( \([^)]*\))?: .*\d/, atEnd);
  const tooltip = p.section('correlation').locator('.tooltip');
  assert.equal(await tooltip.count(), 1);
  assert.equal(atEnd.split(':')[0], (await tooltip.locator('.tooltip-title').textContent()).trim());

  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(50);
  const second = (await live.textContent()).trim();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(50);
  const third = (await live.textContent()).trim();
  assert.notEqual(second, third, '→ moves the point');
  const day = (s) => new Date(`${s.split(':')[0]} UTC`);
  assert.ok(day(third) > day(second));

  await page.keyboard.press('PageDown');
  await page.waitForTimeout(50);
  const month = (await live.textContent()).trim();
  const gap = (day(month) - day(third)) / 86400000;
  assert.ok(gap >= 26 && gap <= 34, `PageDown moved ${gap} days`);

  await page.keyboard.press('Escape');
  await page.waitForTimeout(50);
  assert.equal(await tooltip.count(), 0, 'Esc closes the tooltip');
  assert.deepEqual(p.errors, []);
  await context.close();
});

test('the tooltip stays while the pointer is over it', async () => {
  const { p, context } = await openPage();
  const overlay = p.section('correlation').locator('canvas.overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  await p.page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  const tooltip = p.section('correlation').locator('.tooltip');
  await tooltip.waitFor();
  const t = await tooltip.boundingBox();
  const title = await tooltip.locator('.tooltip-title').textContent();
  await p.page.mouse.move(t.x + t.width / 2, t.y + t.height / 2);
  await p.page.waitForTimeout(50);
  assert.equal(await tooltip.count(), 1);
  assert.equal(await tooltip.locator('.tooltip-title').textContent(), title);
  await p.page.keyboard.press('Escape');
  await p.page.waitForTimeout(50);
  assert.equal(await tooltip.count(), 0, 'Esc dismisses a pointer tooltip');
  await context.close();
});
