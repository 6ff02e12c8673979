/**
 * A model's dropped rows, a page at a time: an uploaded indicator for years the demo lacks makes every
 * model drop hundreds of rows (their other variables are missing); the list opens on the first 50
 * with a count in Norwegian format, and «Neste side» (from the keyboard) shows the next 50.
 */
import { test, expect, loadDemo, openView, waitForResults, expectNoSeriousAxeViolations, shot, switchLanguage } from './support/fixtures';

/** Twelve of the demo's (synthetic) municipalities, 1965–2014: 600 rows with nothing but the indicator. */
const units = Array.from({ length: 12 }, (_, i) => String(9001 + i));
const lines = ['kommune;år;egen_indikator'];
for (const k of units) for (let year = 1965; year < 2015; year++) lines.push(`${k};${year};${(1 + (year % 7) / 10).toFixed(1).replace('.', ',')}`);
const own = lines.join('\n');
const nb = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

test('the dropped rows open on a page of 50 with a count, and the next page is one key press away', async ({ page }) => {
  await loadDemo(page, 'data');
  await page.getByTestId('file-input').setInputFiles([{ name: 'egen.csv', mimeType: 'text/csv', buffer: Buffer.from(own, 'utf8') }]);
  await expect(page.getByTestId('queue-item').first()).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await waitForResults(page);

  await openView(page, 'models');
  const list = page.getByTestId('dropped-units').first();
  const summary = list.locator('summary');
  await expect(summary).toContainText(/Utelatte observasjoner \(\d/);
  const count = Number((await summary.innerText()).match(/Utelatte observasjoner \(([\d\s\u00a0]+)\)/)![1].replace(/\D/g, ''));
  // The upload's 600 rows and the demo's own.
  expect(count).toBeGreaterThan(600);
  await expect(summary).toContainText(`(${nb(count)})`);

  await summary.click();
  const showing = list.getByTestId('dropped-showing');
  await expect(showing).toHaveText(`Viser 1–50 av ${nb(count)}`);
  await expect(list.locator('tbody tr')).toHaveCount(50);
  await expect(list.getByTestId('dropped-prev')).toBeDisabled();
  const firstRow = await list.locator('tbody tr').first().innerText();

  await list.getByTestId('dropped-next').focus();
  await page.keyboard.press('Enter');
  await expect(showing).toHaveText(`Viser 51–100 av ${nb(count)}`);
  await expect(list.locator('tbody tr')).toHaveCount(50);
  await expect(list.locator('tbody tr').first()).not.toHaveText(firstRow);
  await expect(list.getByTestId('dropped-prev')).toBeEnabled();
  // Each row still says which variable kept it out, and why.
  const cells = list.locator('tbody tr').first().locator('td');
  await expect(cells.nth(0)).toHaveText(/^\d{4}$/);
  await expect(cells.nth(3)).not.toHaveText('');
  await expect(cells.nth(4)).not.toHaveText('');

  await list.scrollIntoViewIfNeeded();
  await shot(page, 'dropped-rows-page-2-nb');
  await expectNoSeriousAxeViolations(page);
  await switchLanguage(page, 'en');
  await expect(showing).toHaveText(`Showing 51–100 of ${nb(count).replace(/\s/g, ',')}`);
  await shot(page, 'dropped-rows-page-2-en');
});
