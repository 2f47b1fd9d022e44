// End-to-end: phones and interaction — weekly flow bars by default below 768 px without
// the viewport leaking into links, the touch readout strip instead of a tooltip, numbered
// event markers with their list, and opening the event lens from a chart's event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ExplainerPage } from './page.mjs';
import { startServer } from './server.mjs';

const CHARTS = ['correlation', 'flows', 'burn'];
let browser, site;
before(async () => {
  browser = await launch();
  site = await startServer({ root: process.env.DIST ?? 'dist', csp: true });
});
after(async () => { await browser?.close(); await site?.close(); });

const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

async function open(query = '', options = DESKTOP) {
  const context = await browser.newContext(options);
  const p = new ExplainerPage(await context.newPage(), site.url);
  await p.open(query);
  return p;
}

/** The link the flows section's Link button offers. */
async function shareLink(p) {
  await p.button('flows', 'Link').click();
  const link = await p.section('flows').locator('.share-panel textarea').inputValue();
  await p.button('flows', 'Link').click();
  return new URL(link);
}

/** The event buttons under a chart: date, number (or null) and where its mark is (CSS px). */
async function events(p, id) {
  return p.section(id).locator('.event-open').evaluateAll((bs) => bs.map((b) => ({
    date: b.dataset.date,
    number: b.dataset.number ? Number(b.dataset.number) : null,
    at: b.dataset.at.split(',').map(Number),
    text: b.textContent.trim(),
  })));
}

test('a 375 px phone starts on weekly flow bars, and no link carries that default', async () => {
  const p = await open('', PHONE);
  assert.equal(await p.button('flows', 'Weekly').getAttribute('aria-pressed'), 'true');
  assert.match(await p.section('flows').locator('.subtitle').textContent(), /Weekly/i);
  assert.equal((await p.params()).get('f.agg'), null, `address bar: ${p.page.url()}`);
  const link = await shareLink(p);
  assert.equal(link.searchParams.get('f.agg'), null, `share link: ${link}`);
  // The embed snippet neither.
  await p.button('flows', 'Embed').click();
  const snippet = await p.section('flows').locator('.share-panel textarea').inputValue();
  assert.doesNotMatch(snippet, /f\.agg/, snippet);
  // The same untouched link opened on a desktop draws daily bars.
  const desk = await open(link.search);
  assert.equal(await desk.button('flows', 'Daily').getAttribute('aria-pressed'), 'true');
  assert.deepEqual([...p.errors, ...desk.errors], []);
  await p.page.context().close();
  await desk.page.context().close();
});

test('an explicit daily link stays daily on a phone, and a choice made on a phone is kept', async () => {
  for (const q of ['?f.agg=day', '?f.agg=daily']) {
    const p = await open(q, PHONE);
    assert.equal(await p.button('flows', 'Daily').getAttribute('aria-pressed'), 'true', q);
    assert.equal((await shareLink(p)).searchParams.get('f.agg'), 'day', q);
    await p.page.context().close();
  }
  const p = await open('', PHONE);
  await p.button('flows', 'Monthly').click();
  await p.page.waitForTimeout(50);
  assert.equal((await p.params()).get('f.agg'), 'month');
  assert.equal((await shareLink(p)).searchParams.get('f.agg'), 'month');
  await p.page.context().close();
});

test('a finger reads values in the strip above the plot; a mouse keeps the tooltip', async () => {
  const p = await open('', PHONE);
  const section = p.section('correlation');
  const strip = section.locator('.readout');
  const readout = strip.locator('.readout-body');
  assert.equal(await strip.isVisible(), true, 'the strip holds its room before the first touch');
  const canvasTop = async () => (await section.locator('canvas.base').boundingBox()).y;
  const overlay = section.locator('canvas.overlay');
  await overlay.scrollIntoViewIfNeeded();
  const before = await canvasTop();
  const box = await overlay.boundingBox();
  await p.page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.6);
  await p.page.waitForTimeout(100);
  const text = (await readout.textContent()).trim();
  assert.match(text, /^\d{1,2} [A-Z][a-z]{2} \d{4}/, text);
  assert.match(text, /\d\.\d\d/, `values: ${text}`);
  assert.equal(await section.locator('.tooltip').count(), 0, 'no tooltip over the chart');
  // The strip is above the plot, and the plot did not move under the finger.
  const room = await strip.boundingBox();
  assert.ok(room.y + room.height <= (await canvasTop()) + 1, 'strip above the plot');
  // At 375 px the correlation readout (two panels, five values) fits its two lines.
  const shown = await readout.boundingBox();
  assert.ok(shown.y + shown.height <= room.y + room.height + 1, `the readout runs ${Math.round(shown.y + shown.height - room.y - room.height)} px over the chart`);
  assert.ok(Math.abs((await canvasTop()) - before) < 1, 'the chart moved when the strip filled');
  // Keyboard announcements still go to the live region, not to the strip.
  assert.equal((await section.locator('.chart-live').textContent()).trim(), '');
  // A tap in the next chart reads there (the first chart's blur must not clear it).
  const flows = p.section('flows');
  const next = flows.locator('canvas.overlay');
  await next.scrollIntoViewIfNeeded();
  const nbox = await next.boundingBox();
  await p.page.touchscreen.tap(nbox.x + nbox.width * 0.7, nbox.y + nbox.height * 0.6);
  await p.page.waitForTimeout(100);
  const flowsText = (await flows.locator('.readout-body').textContent()).trim();
  assert.match(flowsText, /\d{4}.*\$/, flowsText);
  assert.doesNotMatch((await readout.textContent()).trim(), /^\d/, 'the first chart still reads');
  await p.page.keyboard.press('Escape');
  await p.page.waitForTimeout(50);
  assert.doesNotMatch((await flows.locator('.readout-body').textContent()).trim(), /^(Week|\d)/, 'Esc clears the strip');
  assert.deepEqual(p.errors, []);
  await p.page.context().close();

  const d = await open();
  await d.hoverUntil('correlation', '2 Jan 2026');
  assert.equal(await d.section('correlation').locator('.tooltip').count(), 1);
  assert.equal(await d.section('correlation').locator('.readout').isVisible(), false);
  assert.equal(await d.section('correlation').locator('.readout-body').isVisible(), false);
  await d.page.context().close();
});

test('every drawn event has a label or a number; phones number them and list them under the chart', async () => {
  const p = await open('', PHONE);
  const numberedCharts = [];
  for (const id of CHARTS) {
    const list = await events(p, id);
    assert.ok(list.length > 0, `${id}: no event drawn`);
    const numbered = list.filter((e) => e.number !== null);
    if (numbered.length) {
      numberedCharts.push(id);
      // On a phone a chart numbers every event or none, left to right, each with its own
      // number (its place among the chart's events, the same in every range).
      assert.ok(numbered.length === list.length, `${id}: some events unnumbered`);
      assert.ok(list.every((e, i) => i === 0 || e.number > list[i - 1].number), `${id}: ${list.map((e) => e.number)}`);
      assert.equal(await p.section(id).locator('.chart-events').isVisible(), true, `${id}: list hidden`);
      for (const e of list) assert.match(e.text, new RegExp(`^#${e.number} · \\d{1,2} [A-Z][a-z]{2} \\d{4} · .+`), e.text);
    }
    // Every mark sits on the chart, inside the canvas.
    const box = await p.section(id).locator('canvas.overlay').boundingBox();
    for (const e of list) assert.ok(e.at[0] >= 0 && e.at[0] <= box.width && e.at[1] >= 0 && e.at[1] <= box.height, `${id}: ${e.text} at ${e.at}`);
  }
  assert.ok(numberedCharts.includes('flows'), `flows numbers its six events at 375 px: ${numberedCharts}`);
  // A shorter range leaves out the first events; the others keep their numbers.
  const all = await events(p, 'flows');
  await p.page.context().close();
  const later = await open(`?f.range=${all[2].date}..2026-08-21`, PHONE);
  const some = await events(later, 'flows');
  assert.deepEqual(some.map((e) => [e.date, e.number]), all.slice(2).map((e) => [e.date, e.number]));
  await later.page.context().close();

  const d = await open();
  for (const id of CHARTS) {
    const list = await events(d, id);
    assert.ok(list.length > 0, `${id}: no event drawn at 1280 px`);
    // Wide, labels stay; only events too crowded for a label are numbered.
    assert.ok(list.some((e) => e.number === null), `${id}: no label at 1280 px`);
    // Labelled events are listed out of sight until the keyboard reaches them.
    const labelled = d.section(id).locator('li.labelled .event-open').first();
    const width = async () => (await labelled.evaluate((b) => b.closest('li').getBoundingClientRect().width));
    assert.ok(await width() <= 1, `${id}: labelled event listed in sight`);
    await labelled.focus();
    assert.ok(await width() > 40, `${id}: focused event button out of sight`);
  }
  assert.deepEqual(d.errors, []);
  await d.page.context().close();
});

test('tapping a numbered marker, clicking a label or pressing Enter on a listed event opens the lens there', async () => {
  // A tap on the phone's marker.
  const p = await open('', PHONE);
  const [first] = await events(p, 'flows');
  const overlay = p.section('flows').locator('canvas.overlay');
  await overlay.scrollIntoViewIfNeeded();
  let box = await overlay.boundingBox();
  // A tap beside the marker, clear of its target, opens nothing.
  await p.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height - 30);
  await p.page.waitForTimeout(100);
  assert.equal((await p.params()).get('lens'), null, 'a tap in the plot opened the lens');
  await p.page.touchscreen.tap(box.x + first.at[0], box.y + first.at[1]);
  await p.page.waitForTimeout(200);
  assert.equal((await p.params()).get('lens'), first.date);
  assert.equal(await p.page.locator('.lens select').inputValue(), first.date);
  assert.ok(await p.page.locator('.lens-table tbody tr').count() >= 4);
  assert.deepEqual(p.errors, []);
  await p.page.context().close();

  // A click on a wide chart's label.
  const d = await open();
  const label = (await events(d, 'burn')).find((e) => e.number === null);
  const burn = d.section('burn').locator('canvas.overlay');
  await burn.scrollIntoViewIfNeeded();
  box = await burn.boundingBox();
  await d.page.mouse.click(box.x + label.at[0], box.y + label.at[1]);
  await d.page.waitForTimeout(200);
  assert.equal((await d.params()).get('lens'), label.date, `clicked ${label.text}`);
  await d.page.context().close();

  // Enter on a listed event, from the keyboard.
  const k = await open();
  const target = (await events(k, 'correlation'))[0];
  const button = k.section('correlation').locator(`.event-open[data-date="${target.date}"]`);
  await button.focus();
  await k.page.keyboard.press('Enter');
  await k.page.waitForTimeout(200);
  assert.equal((await k.params()).get('lens'), target.date);
  assert.equal(await k.page.evaluate(() => document.activeElement?.closest('.lens') !== null), true, 'focus moves to the lens');
  assert.deepEqual(k.errors, []);
  await k.page.context().close();
});
