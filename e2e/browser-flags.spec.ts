/**
 * The tests' and benches' Chromium (scripts/chromiumArgs.ts) runs only the page: no omnibox popup
 * pages (chrome://omnibox-popup.top-chrome), which Chromium 156 otherwise renders for every new
 * window and which took ~0,8 s of CPU during each cold load on a 2-core machine. If a Chromium update
 * renames the feature, this says so instead of the timings quietly getting worse.
 */
import { test, expect } from './support/fixtures';

test('the test browser runs the page and no omnibox popup pages', async ({ page, browser }) => {
  await page.goto('/');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const urls = targetInfos.map((t) => t.url);
    expect(urls.some((u) => u.startsWith('http://127.0.0.1'))).toBe(true);
    expect(urls.filter((u) => u.startsWith('chrome://'))).toEqual([]);
  } finally {
    await cdp.detach();
  }
});
