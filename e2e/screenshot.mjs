// Screenshots of the served page: node e2e/screenshot.mjs [url] [outdir]
// Light and dark at 1280 px and 375 px, full page, into a git-ignored folder.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const out = process.argv[3] ?? 'e2e/artifacts';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [];
for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: width < 500 ? 2 : 1, colorScheme: scheme });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${scheme} ${width}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${scheme} ${width}: ${e.message}`));
    await page.goto(url);
    await page.waitForSelector('#burn canvas.base', { timeout: 20000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/page-${width}-${scheme}.png`, fullPage: true });
    for (const id of ['correlation', 'flows', 'burn']) {
      await page.locator(`#${id}`).screenshot({ path: `${out}/${id}-${width}-${scheme}.png` });
    }
    await page.close();
  }
}
await browser.close();
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log(`screenshots in ${out}`);
