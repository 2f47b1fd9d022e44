// Screenshots of every story step: node e2e/story-shots.mjs URL OUTDIR (1280 and 375 px, light).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const out = process.argv[3] ?? 'e2e/artifacts';
const steps = Number(process.argv[4] ?? 7);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: width < 500 ? 740 : 900 }, deviceScaleFactor: 1 });
  for (let n = 1; n <= steps; n++) {
    await page.goto(`${url}?step=${n}`);
    await page.waitForSelector('#burn canvas.base', { timeout: 20000 });
    await page.waitForTimeout(900);
    await page.screenshot({ path: `${out}/step-${n}-${width}.png` });
  }
  await page.goto(`${url}?embed=story&step=2`);
  await page.waitForSelector('canvas.base', { timeout: 20000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/embed-story-${width}.png`, fullPage: true });
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
