// Page object of the explainer for the end-to-end tests.
import { chromium } from 'playwright-core';


export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** How long the view must be still before the page writes it to the address bar
 *  (`URL_SETTLE` in src/lib.rs). */
export const URL_SETTLE_MS = 250;

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export class ExplainerPage {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} baseUrl the page's URL (ends with `/`)
   */
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.errors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  async open(query = '') {
    await this.page.goto(this.baseUrl + query);
    const embed = new URLSearchParams(query).get('embed');
    const ids = ['correlation', 'flows', 'burn'].filter((id) => !embed || !['correlation', 'flows', 'burn'].includes(embed) || id === embed);
    for (const id of ids) {
      await this.page.waitForSelector(`#${id} canvas.base`, { timeout: 20000 });
    }
    await this.page.waitForTimeout(100);
  }

  section(id) { return this.page.locator(`#${id}`); }

  /** A fingerprint of the section's chart pixels, and how many pixels are inked. */
  async canvasState(id) {
    return this.page.locator(`#${id} canvas.base`).evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let h = 2166136261 >>> 0, inked = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) inked++;
        h = Math.imul(h ^ d[i] ^ (d[i + 1] << 8) ^ (d[i + 2] << 16), 16777619) >>> 0;
      }
      return { hash: h, inked, width: c.width, height: c.height };
    });
  }

  async takeaway(id) { return (await this.section(id).locator('.takeaway').textContent()).trim(); }

  button(id, name) { return this.section(id).getByRole('button', { name, exact: true }); }

  /** Sets a chart's range through the URL (the brush's keyboard and pointer are tested in story.test.mjs). */
  async setRange(id, from, to) {
    const key = { correlation: 'c', flows: 'f', burn: 'b' }[id] + '.range';
    const url = new URL(await this.settledUrl());
    url.searchParams.set(key, `${from}..${to}`);
    await this.open(url.search);
    await this.section(id).locator('canvas.overlay').scrollIntoViewIfNeeded();
  }

  /** The address bar once it has followed the view: the page writes it
   *  {@link URL_SETTLE_MS} after the view last changed (and when the page is left). */
  async settledUrl() {
    await this.page.waitForTimeout(URL_SETTLE_MS + 100);
    return this.page.url();
  }

  /** The URL's query parameters, once the address bar has followed the view. */
  async params() { return new URL(await this.settledUrl()).searchParams; }

  /** Scrolls to the end of the charts, as a reader does, so the event lens (built only
   *  when the reader comes near it, or an event is picked) is built; waits for it. */
  async reachLens() {
    await this.page.locator('.lens-place').scrollIntoViewIfNeeded();
    await this.page.locator('.lens select').waitFor();
  }

  /** Moves the pointer across the chart until the tooltip title equals `title`. */
  async hoverUntil(id, title) {
    const overlay = this.section(id).locator('canvas.overlay');
    await overlay.scrollIntoViewIfNeeded();
    const box = await overlay.boundingBox();
    const tooltip = this.section(id).locator('.tooltip');
    // 1 px steps: on a long daily view the points are closer than 2 px.
    for (let x = 2; x < box.width - 2; x += 1) {
      await this.page.mouse.move(box.x + x, box.y + box.height / 2);
      // A provisional day's title carries a note after the date.
      if (await tooltip.count() && (await tooltip.locator('.tooltip-title').textContent()).startsWith(title)) {
        return (await tooltip.textContent()).trim();
      }
    }
    throw new Error(`no tooltip titled ${title}`);
  }
}
