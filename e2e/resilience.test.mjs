// End-to-end: the page always says something. Each test breaks one thing on the way to
// the reader (the wasm, the JS glue, boot.js, JavaScript itself, the data file) and
// asserts a readable message in place of a blank page. The tests run concurrently (most
// of their time is waiting for timeouts); set SCREENSHOT_DIR to keep a PNG of each state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './page.mjs';
import { startServer } from './server.mjs';

const SNAPSHOT = readFileSync(join(process.env.DIST ?? 'dist', 'data', 'snapshot.txt'), 'utf8');
const isSnapshot = (url) => url.pathname.endsWith('/data/snapshot.txt');

/**
 * The snapshot file with token `index` of the value column `key` of block `header` replaced
 * by `token`, sealed again as the builder would: content_sha256 is the sha256 of the
 * significant lines (not blank, not `#`), trimmed, without the checksum line, joined by
 * `\n` (ARCHITECTURE.md, "The snapshot file"). An independent implementation of that rule.
 */
function damaged(header, key, index, token) {
  return damage([[header, key, index, () => token]]);
}

/** Each edit `[header, key, index, f]` replaces that token by `f(token)`; then sealed. */
function damage(edits) {
  const lines = SNAPSHOT.split('\n');
  for (const [header, key, index, f] of edits) {
    let i = lines.indexOf(header);
    assert.ok(i >= 0, header);
    while (!lines[i].startsWith(`${key} `)) i++;
    let seen = 0;
    for (let j = i + 1; lines[j].startsWith('>'); j++) {
      const tokens = lines[j].slice(1).trim().split(/\s+/);
      if (index < seen + tokens.length) {
        tokens[index - seen] = f(tokens[index - seen]);
        lines[j] = `> ${tokens.join(' ')}`;
        break;
      }
      seen += tokens.length;
    }
  }
  const significant = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const at = significant.findIndex((l) => l.split(/\s+/)[0] === 'content_sha256');
  significant.splice(at, 1);
  const digest = createHash('sha256').update(significant.join('\n')).digest('hex');
  return lines.map((l) => (l.startsWith('content_sha256 ') ? `content_sha256 ${digest}` : l)).join('\n');
}

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

  test('the snapshot as shipped verifies by the stated rule (an unchanged reseal is the same file)', () => {
    assert.equal(damaged('[series btc_usd]', 'values', 0, SNAPSHOT.split('\n').find((l) => l.startsWith('> ')).split(' ')[1]), SNAPSHOT);
  });

  test('a NaN in the ETH burn column (checksum matching): only the burn chart says why', async (t) => {
    const body = damaged('[series eth_burn]', 'values', 100, 'NaN');
    assert.notEqual(body, SNAPSHOT);
    const page = await open(t, {
      route: (p) => p.route(isSnapshot, (r) => r.fulfill({ status: 200, contentType: 'text/plain', body })),
    });
    const alert = page.locator('#burn [role=alert]');
    await alert.waitFor({ state: 'visible', timeout: 20000 });
    assert.match(await alert.innerText(), /ETH burn series in the data file is damaged \(\d+ of its \d+ values are unusable, for example burn NaN ETH on 2021-11-13 is not a number\)/);
    for (const id of ['correlation', 'flows']) {
      await page.locator(`#${id} canvas.base`).waitFor({ timeout: 20000 });
      assert.equal(await page.locator(`#${id} [role=alert]`).count(), 0, `${id} has no error`);
    }
    await screenshot(page, 'snapshot-nan-in-burn');
  });

  test('an out-of-range integer in one fund cell (checksum matching): every chart still draws', async (t) => {
    const body = damaged('[flows btc]', 'column IBIT', 30, '123456789012345678901234567890');
    const page = await open(t, {
      route: (p) => p.route(isSnapshot, (r) => r.fulfill({ status: 200, contentType: 'text/plain', body })),
    });
    for (const id of ['correlation', 'flows', 'burn']) {
      await page.locator(`#${id} canvas.base`).waitFor({ timeout: 20000 });
      assert.equal(await page.locator(`#${id} [role=alert]`).count(), 0, `${id} has no error`);
    }
    // The core leaves that day out of the table and the flows chart says so.
    assert.match(await page.locator('#flows .note').innerText(), /Data check: 1 day left out/);
  });

  test('a changed number without a new checksum: no chart, a reader\'s sentence', async (t) => {
    const body = SNAPSHOT.replace('> ', '> 1');
    const page = await open(t, {
      route: (p) => p.route(isSnapshot, (r) => r.fulfill({ status: 200, contentType: 'text/plain', body })),
    });
    const alert = page.locator('#flows [role=alert]');
    await alert.waitFor({ state: 'visible', timeout: 20000 });
    assert.match(await alert.innerText(), /modified/i);
  });

  test('values validation set aside are noted on the chart that draws them, and only there', async (t) => {
    const page = await open(t, {
      route: (p) => p.route(isSnapshot, (r) => r.fulfill({
        status: 200,
        contentType: 'text/plain',
        body: damage([
          ['[flows btc]', 'column IBIT', 12, () => 'five'], // 2024-01-30: the row is set aside
          // One burn of 1e12 ETH, outside the plausible bounds: the delta column steps up by
          // 1e15 thousandths and back down the next day.
          ['[series eth_burn]', 'values', 100, (t) => String(Number(t) + 1e15)],
          ['[series eth_burn]', 'values', 101, (t) => String(Number(t) - 1e15)],
        ]),
      })),
    });
    const flowsNote = page.locator('#flows .note');
    await flowsNote.waitFor({ state: 'visible', timeout: 20000 });
    const flows = await flowsNote.innerText();
    assert.match(flows, /Data check: 1 day left out because a fund.s flow is unusable: IBIT "?five"? on 2024-01-30/, flows);
    assert.match(flows, /1 trading day set aside by the data checks \(the first on 30 Jan 2024\).*the cumulative line breaks there/s);
    const burn = await page.locator('#burn .note').innerText();
    assert.match(burn, /Data check: 1 value outside plausible bounds set aside: /, burn);
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
      route: (p) => p.route(isSnapshot, () => {}),
      waitUntil: 'domcontentloaded', // the preload of the held file would delay "load"
    });
    // The app runs; the start-up screen stays, saying so, until there is something to show.
    await page.locator('#boot-status').getByText('Loading the data…').waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(await page.locator('#boot-charts').count(), 1, 'the prerendered findings stay meanwhile');
    // 15 s for each of two attempts, plus the pause between them.
    const alert = page.locator('#flows [role=alert]');
    await alert.waitFor({ state: 'visible', timeout: 40000 });
    assert.match(await alert.innerText(), /The data file did not arrive\. Check your connection and reload to try again\./);
    assert.ok(await alert.getByRole('link', { name: 'Retry' }).isVisible(), 'Retry link');
    assert.ok(!(await page.getByText('Loading the data…').first().isVisible()), 'no longer loading');
    assert.equal(await page.locator('#boot, #boot-charts').count(), 0, 'the start-up screen is gone');
    await alert.locator('summary').click();
    assert.match(await alert.locator('details code').innerText(), /no answer for data\/snapshot\.txt within 15 s/);
    await screenshot(page, 'snapshot-timeout');
  });
});
