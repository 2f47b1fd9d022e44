// Screenshots of the served page and of each embed, for review:
//   node e2e/screenshot.mjs [url] [outdir] [widths]
// Light and dark at 320, 375, 768, 1280 and 1440 px (or the comma-separated `widths`):
// the full page, each section, and each embed (`?embed=correlation` …), into a git-ignored
// folder. Phones (< 800 px) are shot at 2× with touch and a coarse pointer, as a phone is.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const out = process.argv[3] ?? 'e2e/artifacts';
const widths = (process.argv[4] ?? '320,375,768,1280,1440').split(',').map(Number);
const CHARTS = ['correlation', 'flows', 'burn'];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [];
const report = [];
for (const scheme of ['light', 'dark']) {
  for (const width of widths) {
    const phone = width < 800;
    const context = await browser.newContext({
      viewport: { width, height: phone ? 800 : 900 },
      deviceScaleFactor: phone ? 2 : 1,
      hasTouch: phone,
      isMobile: phone,
      colorScheme: scheme,
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${scheme} ${width}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${scheme} ${width}: ${e.message}`));
    await page.goto(url);
    await page.waitForSelector('#burn canvas.base', { timeout: 20000 });
    await page.waitForTimeout(500);
    const facts = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      firstChartTop: Math.round(document.querySelector('#correlation canvas.base').getBoundingClientRect().top + window.scrollY),
      height: document.documentElement.scrollHeight,
    }));
    report.push(`${scheme} ${width}: page ${facts.height} px tall, first chart at ${facts.firstChartTop} px, scroll width ${facts.scrollWidth}`);
    // A viewport as tall as the page rather than a full-page capture: the capture's own
    // device-metrics override drops the coarse pointer (and so the touch readout) and can
    // show canvases a frame out of place.
    // (The event lens is built once it is near the viewport: the page grows, so measure again.)
    let height = facts.height;
    for (let i = 0; i < 3; i++) {
      await page.setViewportSize({ width, height: Math.min(height, 9000) });
      await page.waitForTimeout(300);
      const now = await page.evaluate(() => document.documentElement.scrollHeight);
      if (now === height) break;
      height = now;
    }
    await page.screenshot({ path: `${out}/page-${width}-${scheme}.png` });
    for (const id of CHARTS) {
      await page.locator(`#${id}`).screenshot({ path: `${out}/${id}-${width}-${scheme}.png` });
    }
    for (const id of CHARTS) {
      await page.setViewportSize({ width, height: phone ? 800 : 900 });
      await page.goto(`${url}?embed=${id}`);
      await page.waitForSelector('canvas.base', { timeout: 20000 });
      await page.waitForTimeout(400);
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      report.push(`${scheme} ${width}: embed ${id} ${h} px tall`);
      await page.setViewportSize({ width, height: h });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/embed-${id}-${width}-${scheme}.png` });
    }
    await context.close();
  }
}
await browser.close();
console.log(report.join('\n'));
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log(`screenshots in ${out}`);
