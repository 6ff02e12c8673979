/**
 * Autosave is debounced (400 ms) and IndexedDB writes are asynchronous, so the last edit used to be
 * lost when the page was reloaded at once. Each edit is now journaled synchronously in localStorage
 * (src/store/journal.ts) and applied at start when it is newer than the IndexedDB copy. The edits and
 * the reload run in one task of the page (as a user's last change and a quick F5): no debounce can
 * fire in between, and nothing waits on anything.
 */
import { test, expect, loadDemo, waitForResults, waitForAutosave } from './support/fixtures';

const JOURNAL = ['kostnadsnokkel-lab:journal:spec', 'kostnadsnokkel-lab:journal:view'];

test('an edit made just before a reload comes back (spec and view state), and the journal is then cleared', async ({ page }) => {
  await loadDemo(page, 'redistribution');
  const phase = page.locator('#rd-phase');
  const groupBy = page.locator('#rd-groupby');
  await expect(phase).toBeVisible();
  // The demo's defaults, so the edits below are changes.
  await expect(phase).not.toHaveValue('3');
  await expect(groupBy).toHaveValue('size-class');

  const navigated = page.waitForEvent('framenavigated');
  const journaled = await page.evaluate((keys) => {
    const choose = (id: string, value: string) => {
      const select = document.getElementById(id) as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('rd-phase', '3');
    choose('rd-groupby', 'county');
    // What the journal holds at the moment the page is left: the edits, synchronously.
    const held = keys.map((k) => localStorage.getItem(k) ?? '');
    location.reload();
    return held;
  }, JOURNAL);
  await navigated;
  expect(journaled[0]).toContain('"phaseInYears":3');
  expect(journaled[1]).toContain('"redistributionGroupBy":"county"');

  await expect(page.locator('main#main')).toHaveAttribute('data-view', 'redistribution', { timeout: 180_000 });
  await waitForResults(page);
  await expect(page.locator('#rd-phase')).toHaveValue('3');
  await expect(page.locator('#rd-groupby')).toHaveValue('county');

  // The restored edits reach IndexedDB, and then the journal is gone (nothing older lingers).
  await waitForAutosave(page, '"phaseInYears":3');
  await waitForAutosave(page, '"redistributionGroupBy":"county"', 'view');
  await expect.poll(() => page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), JOURNAL), { timeout: 60_000 }).toEqual([null, null]);
});
