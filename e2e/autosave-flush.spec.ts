/**
 * Autosave is debounced (400 ms, src/store/session.ts), so the last edit waits before it is written.
 * A reload inside that window used to restore the analysis without the edit. Now the page starts
 * every pending write when it is hidden or left (`pagehide`, `visibilitychange`): an edit followed by
 * a reload at once — the test waits on nothing in between — comes back.
 */
import { test, expect, loadDemo, waitForResults } from './support/fixtures';

test('an edit made just before a reload is restored (spec and view state)', async ({ page }) => {
  await loadDemo(page, 'redistribution');
  const phase = page.locator('#rd-phase');
  const groupBy = page.locator('#rd-groupby');
  await expect(phase).toBeVisible();
  // The demo's defaults, so the edits below are changes.
  await expect(phase).not.toHaveValue('3');
  await expect(groupBy).toHaveValue('size-class');

  // An analysis edit (the spec) and a view-state edit (apart from the spec), then the reload — in one
  // task of the page, as a user's last change and a quick F5 would be: nothing runs in between, so no
  // debounce can fire before the page is left (Playwright's own steps would each add a round trip).
  const navigated = page.waitForEvent('framenavigated');
  await page.evaluate(() => {
    const choose = (id: string, value: string) => {
      const select = document.getElementById(id) as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('rd-phase', '3');
    choose('rd-groupby', 'county');
    location.reload();
  });
  await navigated;

  await expect(page.locator('main#main')).toHaveAttribute('data-view', 'redistribution', { timeout: 180_000 });
  await waitForResults(page);
  await expect(page.locator('#rd-phase')).toHaveValue('3');
  await expect(page.locator('#rd-groupby')).toHaveValue('county');
});
