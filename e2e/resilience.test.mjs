// End-to-end: the page always says something. Each test breaks one thing on the way to
// the reader (the wasm, the JS glue, boot.js, JavaScript itself, the data file) and
// asserts a readable message in place of a blank page. The tests run concurrently (most
// of their time is waiting for timeouts); set SCREENSHOT_DIR to keep a PNG of each state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { launch } from './page.mjs';
import { startServer } from './server.mjs';

let browser, site;
before(async () => {
  browser = await launch();
  site = await startServer({ root: process.env.DIST ?? 'dist', csp: true });
});
after(async () => { await browser?.close(); await site?.close(); });

/** A fresh page (own context, so routes never leak) with `route` applied first. */
async function open(t, { route, context = {}, waitUntil = 'load' } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...context });
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  if (route) await route(page);
  await page.goto(site.url, { waitUntil });
  return page;
}

async function screenshot(page, name) {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/boot-${name}.png`, fullPage: true });
}

/** The page shows its title and some sentences, whatever else failed. */
async function assertNotBlank(page) {
  await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
  const text = await page.locator('body').innerText();
  assert.ok(text.trim().length > 150, `too little text on the page: ${JSON.stringify(text)}`);
}

/** The start-up failure: a reader's sentence, Retry, and the technical detail folded away. */
async function assertBootFailure(page, detailPattern) {
  const alert = page.locator('#boot-status .boot-failed');
  await alert.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await alert.innerText(), /The interactive charts could not be started\. .*reload/i);
  const retry = alert.getByRole('link', { name: 'Retry' });
  assert.ok(await retry.isVisible(), 'Retry link');
  const details = page.locator('#boot-status details');
  assert.equal(await details.getAttribute('open'), null, 'detail is folded away');
  assert.ok(!(await details.locator('code').isVisible()), 'detail hidden until asked for');
  await details.locator('summary').click();
  assert.match(await details.locator('code').innerText(), detailPattern);
  await assertNotBlank(page);
}

/** The snapshot text with `edit` applied to its JSON and its checksum recomputed (the
 *  core's rule: sha256 of the text with the field blanked), so only validation objects. */
function resealed(text, edit) {
  const v = JSON.parse(text);
  edit(v);
  v.content_sha256 = '';
  const blank = JSON.stringify(v).trim();
  const digest = createHash('sha256').update(blank).digest('hex');
  return blank.replace('"content_sha256":""', `"content_sha256":"${digest}"`);
}

/** Serves the real snapshot damaged by `edit`. */
const damagedSnapshot = (edit) => (p) => p.route((u) => u.pathname.endsWith('/data/snapshot.json'), async (r) => {
  const real = await r.fetch();
  await r.fulfill({ response: real, body: resealed(await real.text(), edit) });
});

const isWasm = (url) => url.pathname.endsWith('.wasm');
const isGlue = (url) => /\/crypto-repricing-[^/]*\.js$/.test(url.pathname);

describe('the page always says something', { concurrency: true }, () => {
  test('wasm 404: a failure message with Retry and the HTTP status in the detail', async (t) => {
    const page = await open(t, {
      route: (p) => p.route(isWasm, (r) => r.fulfill({ status: 404, body: 'not found' })),
    });
    await assertBootFailure(page, /downloading .*\.wasm: Error: HTTP 404/);
    await screenshot(page, 'wasm-404');
  });

  test('corrupt wasm: a failure message, the compile error in the detail', async (t) => {
    const page = await open(t, {
      route: (p) => p.route(isWasm, (r) => r.fulfill({
        status: 200, contentType: 'application/wasm', body: Buffer.from('this is not WebAssembly at all'),
      })),
    });
    await assertBootFailure(page, /CompileError/);
  });

  test('JS glue 404: a failure message naming the glue file', async (t) => {
    const page = await open(t, {
      route: (p) => p.route(isGlue, (r) => r.fulfill({ status: 404, body: 'not found' })),
    });
    await assertBootFailure(page, /loading .*crypto-repricing-.*\.js/);
  });

  test('boot.js 404: the static message, then a reload hint after 8 s', async (t) => {
    const page = await open(t, {
      route: (p) => p.route((u) => u.pathname.endsWith('/boot.js'), (r) => r.fulfill({ status: 404, body: '' })),
    });
    await assertNotBlank(page);
    assert.ok(await page.getByText('Loading the interactive charts…').isVisible());
    assert.ok(!(await page.locator('.boot-slow').isVisible()), 'hint not yet');
    await page.locator('.boot-slow').waitFor({ state: 'visible', timeout: 12000 });
    assert.match(await page.locator('.boot-slow').innerText(), /taking longer .*Reload the page/);
    assert.ok(await page.getByRole('link', { name: 'Reload the page' }).isVisible());
  });

  test('JavaScript disabled: the <noscript> explanation, no endless loading line', async (t) => {
    const page = await open(t, { context: { javaScriptEnabled: false } });
    await assertNotBlank(page);
    // (Playwright's text locators skip <noscript>: read the rendered text instead.)
    assert.match(await page.locator('body').innerText(),
      /The interactive charts need JavaScript, .* Turn JavaScript on and reload the page to see them\./);
    assert.ok(await page.locator('#boot .boot-failed').isVisible(), 'noscript message visible');
    assert.ok(!(await page.getByText('Loading the interactive charts…').isVisible()), 'no loading line');
  });

  test('slow wasm: "still loading" with Retry after 8 s, then the charts', async (t) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const page = await open(t, {
      route: (p) => p.route(isWasm, async (r) => { await held; await r.continue(); }),
      waitUntil: 'commit',
    });
    await page.locator('#boot-status progress').waitFor({ state: 'visible' });
    assert.match(await page.locator('#boot-status').innerText(), /Loading the interactive charts…/);
    await page.getByText('Still loading the interactive charts').waitFor({ state: 'visible', timeout: 12000 });
    assert.ok(await page.locator('#boot-status').getByRole('link', { name: 'Retry' }).isVisible());
    release();
    await page.locator('#flows canvas.base').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('#boot').count(), 0, 'the boot message is gone once the app mounted');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one title');
  });

  test('values validation set aside are noted on the chart that draws them, and only there', async (t) => {
    const page = await open(t, {
      route: damagedSnapshot((v) => {
        v.etf_flows.btc.by_fund[0][12] = 'five'; // 2024-01-30: the row is set aside
        v.series.eth_burn.values[100] = 1e300; // outside the burn's plausible bounds
      }),
    });
    const flowsNote = page.locator('#flows .note');
    await flowsNote.waitFor({ state: 'visible', timeout: 20000 });
    const flows = await flowsNote.innerText();
    assert.match(flows, /Data check: 1 day left out because a fund.s flow is unusable: IBIT "five" on 2024-01-30/, flows);
    assert.match(flows, /1 trading day\(s\) set aside by the data checks \(the first on 30 Jan 2024\).*the cumulative line breaks there/s);
    const burn = await page.locator('#burn .note').innerText();
    assert.match(burn, /Data check: 1 value outside plausible bounds set aside: .*1e\+?300/s, burn);
    assert.doesNotMatch(burn, /2024-01-30/);
    const corr = await page.locator('#correlation .note').innerText();
    assert.doesNotMatch(corr, /Data check/, corr);
    // Each chart still draws.
    for (const id of ['correlation', 'flows', 'burn']) {
      assert.equal(await page.locator(`#${id} canvas`).first().isVisible(), true, id);
      assert.equal(await page.locator(`#${id} .chart-error`).count(), 0, id);
    }
    // The line breaks at the day set aside: the tooltip there has no value for it.
    await page.goto(`${site.url}?f.range=2024-01-22..2024-02-09#flows`);
    await page.locator('#flows .note').waitFor({ state: 'visible', timeout: 20000 });
    const table = page.locator('#flows .table-toggle');
    await table.click();
    const row = page.locator('#flows-table tr', { has: page.locator('th', { hasText: '30 Jan 2024' }) });
    assert.match(await row.innerText(), /no value\s+no value/, 'bar and cumulative are gaps that day');
    const next = page.locator('#flows-table tr', { has: page.locator('th', { hasText: '31 Jan 2024' }) });
    assert.doesNotMatch(await next.innerText(), /no value/);
    await screenshot(page, 'validation-notes');
  });

  test('a snapshot request that never answers: "Loading" gives way to an error with Retry', async (t) => {
    const page = await open(t, {
      // Held forever: never fulfilled, continued or aborted (the app's deadline aborts it).
      route: (p) => p.route((u) => u.pathname.endsWith('/data/snapshot.json'), () => {}),
      waitUntil: 'domcontentloaded', // the preload of the held file would delay "load"
    });
    await page.getByText('Loading the data…').waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(await page.locator('#boot').count(), 0, 'the app mounted');
    // 15 s for each of two attempts, plus the pause between them.
    const alert = page.locator('#flows [role=alert]');
    await alert.waitFor({ state: 'visible', timeout: 40000 });
    assert.match(await alert.innerText(), /The data file did not arrive\. Check your connection and reload to try again\./);
    assert.ok(await alert.getByRole('link', { name: 'Retry' }).isVisible(), 'Retry link');
    assert.ok(!(await page.getByText('Loading the data…').isVisible()), 'no longer loading');
    await alert.locator('summary').click();
    assert.match(await alert.locator('details code').innerText(), /no answer for data\/snapshot\.json within 15 s/);
    await screenshot(page, 'snapshot-timeout');
  });
});
