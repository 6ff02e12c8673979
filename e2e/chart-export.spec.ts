/**
 * Every chart on every view exports to PNG (2×) and SVG, and each file is a
 * real picture of it: the PNG has twice the SVG's size and coloured (non-white) pixels, the SVG parses
 * and carries the chart's title, the source line and the synthetic-data note.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, openView, waitForResults, switchLanguage } from './support/fixtures';

/** Views with charts on the demo data, and how many charts each shows at least. */
const VIEWS: { id: string; min: number }[] = [
  { id: 'describe', min: 1 },
  { id: 'explained', min: 1 },
  { id: 'stability', min: 2 },
  { id: 'total-key', min: 1 },
  { id: 'redistribution', min: 3 },
  { id: 'my-municipality', min: 1 },
];

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(file!) };
}

/** Size from the IHDR chunk, and the share of non-white pixels counted by the browser's own decoder. */
async function pngFacts(page: Page, bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const inked = await page.evaluate(async (b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 230 || px[i + 1] < 230 || px[i + 2] < 230)) n++;
    return n / (px.length / 4);
  }, bytes.toString('base64'));
  return { width, height, inked };
}

async function svgFacts(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: doc.querySelector('svg > title')?.textContent ?? '',
      text: Array.from(doc.querySelectorAll('text')).map((n) => n.textContent ?? '').join('\n'),
      external: Array.from(doc.querySelectorAll('*')).flatMap((n) => Array.from(n.attributes).filter((a) => /href$/i.test(a.name) && !a.value.startsWith('#')).map((a) => a.value)),
      scripts: doc.querySelectorAll('script, foreignObject').length,
    };
  }, text);
}

/** loadDemo with a wait for a machine shared by many test runs (a wait, not a speed assertion). */
async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 300_000 });
  await waitForResults(page);
}

for (const lang of ['nb', 'en'] as const) {
  test(`every chart on every view exports to PNG and SVG (${lang})`, async ({ page }) => {
    test.setTimeout(900_000);
    await openDemo(page);
    if (lang === 'en') await switchLanguage(page, 'en');
    const source = lang === 'nb' ? 'Kilde:' : 'Source:';
    const note = lang === 'nb' ? 'Syntetiske data' : 'Synthetic data';
    let total = 0;
    for (const v of VIEWS) {
      await openView(page, v.id);
      if (v.id === 'my-municipality') {
        await page.getByTestId('my-search').fill('9');
        await page.getByTestId('my-hits').getByRole('button').first().click();
      }
      const groups = page.locator('main [data-chart-export]');
      await expect.poll(() => groups.count(), { message: `charts on ${v.id}` }).toBeGreaterThanOrEqual(v.min);
      const n = await groups.count();
      for (let i = 0; i < n; i++) {
        const g = groups.nth(i);
        const title = (await g.getAttribute('data-chart-export'))!;
        const svg = await download(page, g.getByRole('button', { name: 'SVG' }));
        expect(svg.name).toMatch(/\.svg$/);
        const sf = await svgFacts(page, svg.bytes.toString('utf8'));
        const where = `${v.id} «${title}»`;
        expect(sf.error, where).toBeNull();
        expect(sf.root, where).toBe('svg');
        expect(sf.title, where).toBe(title);
        expect(sf.text, where).toContain(title);
        expect(sf.text, where).toContain(source);
        expect(sf.text, where).toContain(note);
        expect(sf.external, where).toEqual([]);
        expect(sf.scripts, where).toBe(0);
        const png = await download(page, g.getByRole('button', { name: 'PNG' }));
        expect(png.name).toMatch(/\.png$/);
        const pf = await pngFacts(page, png.bytes);
        expect(pf.width, where).toBe(Math.round(sf.width * 2));
        expect(pf.height, where).toBe(Math.round(sf.height * 2));
        // A chart with its title, axes and bars inks well over 1 % of the picture; a blank canvas none.
        expect(pf.inked, where).toBeGreaterThan(0.01);
        total++;
      }
    }
    expect(total).toBeGreaterThanOrEqual(VIEWS.reduce((a, v) => a + v.min, 0));
  });
}
