// End-to-end: the story bar (every step's view and numbers), the story embed, and the
// range brush by pointer and keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, ExplainerPage } from './page.mjs';
import { startServer } from './server.mjs';

let browser, site;
before(async () => {
  browser = await launch();
  site = await startServer({ root: process.env.DIST ?? 'dist', csp: true });
});
after(async () => { await browser?.close(); await site?.close(); });

/** The steps of the story file, read with the format of its header. */
function storySteps() {
  const text = readFileSync(new URL('../crates/core/story/en.story', import.meta.url), 'utf8');
  const steps = [];
  let field = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) { field = null; continue; }
    if (line === '[step]') { steps.push({ title: '', view: '', text: '' }); field = null; continue; }
    const step = steps[steps.length - 1];
    if (/^\s/.test(raw) && field) { step[field] += (field === 'view' ? '' : ' ') + line; continue; }
    const i = raw.indexOf('=');
    field = raw.slice(0, i).trim();
    step[field] = raw.slice(i + 1).trim();
  }
  return steps;
}

async function openPage(query = '', viewport = { width: 1280, height: 900 }, reducedMotion = 'no-preference') {
  const page = await browser.newPage({ viewport, reducedMotion });
  const p = new ExplainerPage(page, site.url);
  await p.open(query);
  return p;
}

test('Next walks through every step: count, title, the step view in the URL, no blank text', async () => {
  const steps = storySteps();
  assert.ok(steps.length >= 6 && steps.length <= 8, `${steps.length} steps`);
  const p = await openPage();
  const bar = p.page.locator('.story-bar');
  await bar.getByRole('button', { name: 'Read the story step by step' }).click();
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) await bar.getByRole('button', { name: /Next/ }).click();
    await p.page.waitForTimeout(150);
    assert.equal((await bar.locator('.story-count').textContent()).trim(), `Step ${i + 1} of ${steps.length}`);
    assert.equal((await bar.locator('.story-title').textContent()).trim(), steps[i].title);
    assert.equal(await bar.locator('.story-error').count(), 0, `step ${i + 1} shows an error`);
    const text = (await bar.locator('.story-text').textContent()).trim();
    assert.ok(text.length > 80 && !text.includes('{'), `step ${i + 1}: ${text}`);
    const params = await p.params();
    assert.equal(params.get('step'), String(i + 1));
    for (const pair of steps[i].view.split('&')) {
      const [k, v] = pair.split('=');
      const defaultValue = { 'c.with': 'qqq,gld', 'c.window': '90', 'f.etf': 'btc', 'f.agg': 'day', 'b.smooth': '7d', 'b.range': 'All' }[k];
      assert.equal(params.get(k) ?? defaultValue, v, `step ${i + 1}: ${k}`);
    }
  }
  assert.ok(await bar.getByRole('button', { name: /Next/ }).isDisabled());
  // Arrow keys while the bar has focus.
  await bar.focus();
  await p.page.keyboard.press('ArrowLeft');
  await p.page.waitForTimeout(100);
  assert.equal((await p.params()).get('step'), String(steps.length - 1));
  await p.page.keyboard.press('ArrowRight');
  await p.page.waitForTimeout(100);
  assert.equal((await p.params()).get('step'), String(steps.length));
  await bar.getByRole('button', { name: 'Explore on your own' }).click();
  await p.page.waitForTimeout(100);
  assert.equal((await p.params()).get('step'), null);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('the numbers in the story equal what the charts show for those dates', async () => {
  const steps = storySteps();
  const flowsStep = steps.findIndex((s) => s.text.includes('{flows-day btc 2025-11-20}')) + 1;
  assert.ok(flowsStep > 0);
  const p = await openPage(`?step=${flowsStep}`, { width: 1280, height: 900 }, 'reduce');
  // With reduced motion the step's chart is in place at once, just under the bar.
  const barBottom = (await p.page.locator('.story-bar').boundingBox()).y + (await p.page.locator('.story-bar').boundingBox()).height;
  const chartTop = (await p.section('flows').locator('.chart').boundingBox()).y;
  assert.ok(Math.abs(chartTop - barBottom - 8) < 12, `chart at ${chartTop}, bar ends at ${barBottom}`);
  const values = await p.page.locator('.story-bar .story-value').allTextContents();
  const tooltip = await p.hoverUntil('flows', '20 Nov 2025');
  // The day's outflow as the story prints it is the tooltip's.
  const day = values.find((v) => v.startsWith('−') && v.endsWith('m'));
  assert.ok(day, values.join(' | '));
  assert.ok(tooltip.includes(day), `${day} not in ${tooltip}`);
  const corrStep = steps.findIndex((s) => s.text.includes('{corr-latest qqq 90}')) + 1;
  await p.open(`?step=${corrStep}`);
  const corr = await p.page.locator('.story-bar .story-value').allTextContents();
  // The latest value is on the last day that is not provisional (as the chart's takeaway).
  const latest = corr.find((v) => v.includes('20 Aug 2026'));
  assert.ok(latest, corr.join(' | '));
  const r = latest.split(' ')[0];
  assert.ok((await p.takeaway('correlation')).includes(`${r} on 20 Aug 2026`));
  const tip = await p.hoverUntil('correlation', '20 Aug 2026');
  assert.ok(tip.includes(r), `${r} not in ${tip}`);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});

test('a link opens at its step; a bad step value falls back to no step', async () => {
  const p = await openPage('?step=3');
  assert.match(await p.page.locator('.story-count').textContent(), /^Step 3 of/);
  assert.equal((await p.params()).get('section'), 'flows');
  await p.open('?step=banana');
  assert.equal(await p.page.locator('.story-count').count(), 0);
  assert.equal(await p.page.getByRole('button', { name: 'Read the story step by step' }).count(), 1);
  await p.page.close();
});

test('embed=story: one iframe page with the bar and the step chart; chart embeds still work', async () => {
  const steps = storySteps();
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const p = new ExplainerPage(page, site.url);
  await page.goto(site.url + '?embed=story');
  await page.waitForSelector('.story-bar .story-count');
  await page.waitForSelector('#correlation canvas.base');
  assert.equal(await page.locator('section.story').count(), 1);
  assert.equal(await page.locator('.masthead').count(), 0);
  const flowsStep = steps.findIndex((s) => s.view.includes('section=flows')) + 1;
  for (let i = 1; i < flowsStep; i++) await page.getByRole('button', { name: /Next/ }).click();
  await page.waitForSelector('#flows canvas.base');
  assert.equal(await page.locator('section.story').count(), 1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width}px wide at 375`);
  await p.open('?embed=flows');
  assert.equal(await page.locator('.story-bar').count(), 0);
  assert.deepEqual(p.errors, []);
  await page.close();
});

test('the range brush: arrow keys, Page Up, End, a drag and a double-click change the URL range', async () => {
  const p = await openPage('?section=flows&f.range=2025-01-01..2025-06-30');
  const from = p.section('flows').getByRole('slider', { name: 'From' });
  const to = p.section('flows').getByRole('slider', { name: 'To' });
  assert.equal(await from.getAttribute('aria-valuetext'), '1 Jan 2025');
  await from.focus();
  await p.page.keyboard.press('ArrowRight');
  await p.page.waitForTimeout(100);
  assert.equal((await p.params()).get('f.range'), '2025-01-02..2025-06-30');
  await p.page.keyboard.press('PageUp');
  await p.page.waitForTimeout(100);
  assert.equal((await p.params()).get('f.range'), '2025-02-02..2025-06-30');
  assert.equal(await from.getAttribute('aria-valuetext'), '2 Feb 2025');
  await to.focus();
  await p.page.keyboard.press('ArrowLeft');
  await p.page.waitForTimeout(100);
  assert.equal((await p.params()).get('f.range'), '2025-02-02..2025-06-29');
  await p.page.keyboard.press('End');
  await p.page.waitForTimeout(100);
  assert.match((await p.params()).get('f.range'), /^2025-02-02\.\.2026-08-21$/);
  // Drag on the track selects a new span (with the brush in sight, once the page has
  // settled after the key).
  const track = p.section('flows').locator('.brush-track');
  await track.scrollIntoViewIfNeeded();
  let box = await track.boundingBox();
  for (let i = 0; i < 20; i++) {
    await p.page.waitForTimeout(80);
    const again = await track.boundingBox();
    if (again.y === box.y) break;
    box = again;
  }
  const y = box.y + box.height / 2;
  await p.page.mouse.move(box.x + box.width * 0.2, y);
  await p.page.mouse.down();
  await p.page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
  await p.page.mouse.move(box.x + box.width * 0.55, y, { steps: 5 });
  await p.page.mouse.up();
  await p.page.waitForTimeout(150);
  const dragged = (await p.params()).get('f.range');
  assert.match(dragged, /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
  const [a, b] = dragged.split('..');
  assert.ok(a < b && a > '2024-01-01' && b < '2026-08-21', dragged);
  // The brush stayed under the pointer although what is above it (the events listed
  // under the chart, the summary) changed with the range.
  const after = await track.boundingBox();
  assert.ok(Math.abs(after.y - box.y) < 1.5, `the brush moved from ${box.y} to ${after.y} after the drag`);
  // Drag the band: same width, later.
  const band = await p.section('flows').locator('.brush-band').boundingBox();
  const by = band.y + band.height / 2;
  await p.page.mouse.move(band.x + band.width / 2, by);
  await p.page.mouse.down();
  await p.page.mouse.move(band.x + band.width / 2 + box.width * 0.1, by, { steps: 5 });
  await p.page.mouse.up();
  // The address bar follows once the page has handled the drag (slower on a busy machine).
  await p.page.waitForFunction((before) => new URL(location.href).searchParams.get('f.range') !== before, dragged, { timeout: 5000 })
    .catch(() => {});
  const [a2, b2] = (await p.params()).get('f.range').split('..');
  assert.ok(a2 > a && b2 > b, `${a2}..${b2} after ${a}..${b}`);
  const days = (s, e) => (Date.parse(e) - Date.parse(s)) / 864e5;
  assert.equal(days(a2, b2), days(a, b));
  // Double-click: back to the chart's default range (All: not in the URL).
  await track.dblclick({ position: { x: 5, y: box.height / 2 } });
  await p.page.waitForTimeout(150);
  assert.equal((await p.params()).get('f.range'), null);
  assert.deepEqual(p.errors, []);
  await p.page.close();
});
