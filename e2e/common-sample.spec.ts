/**
 * A criterion with missing values is added to today's key. The comparison is on the
 * rows both models can use (N stated once), so ΔR² equals the criterion's last-in increment in the
 * decomposition; choosing each model's own sample shows both Ns next to ΔR² with a warning.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, loadDemo, waitForResults, shot, expectNoSeriousAxeViolations, switchLanguage } from './support/fixtures';

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await dl.path())!).toString('utf8');
}

test('a criterion with missing values: the common-sample ΔR² and N', async ({ page }) => {
  await loadDemo(page, 'explained');
  const view = page.getByTestId('explained-view');
  // Today's key alone, so the only candidate is the criterion the user adds.
  await view.getByTestId('decomposition-model').selectOption('bv_dagens');
  await waitForResults(page);
  await view.getByTestId('add-candidate-picker-input').click();
  await view.getByTestId('add-candidate-picker-input').fill('psykisk helsevern under 18');
  await view.getByRole('option', { name: /Pasienter i psykisk helsevern under 18 år per innbygger/ }).click();
  await view.getByTestId('add-candidate').click();
  await waitForResults(page);

  const comparison = page.getByTestId('comparison-table');
  await expect(comparison.locator('thead th').last()).toContainText('phv_under_18_pi');
  // N once, across the columns.
  const commonN = comparison.getByTestId('comparison-table-common-n');
  await expect(commonN).toContainText('3 335');
  await expect(comparison.getByTestId('comparison-table-n')).toHaveCount(0);
  await expect(comparison.getByTestId('comparison-table-sample-note')).toContainText('Pasienter i psykisk helsevern under 18 år');
  const delta = await comparison.getByTestId('delta-r2').last().textContent();
  expect(delta).toBe('0,0195');
  // The decomposition of today's key + the candidate: its last-in increment is the same number.
  const row = page.getByTestId('decomposition-table').locator('tbody tr', { hasText: 'Pasienter i psykisk helsevern under 18 år' });
  await expect(row.locator('td').nth(2)).toHaveText(delta!);
  await shot(page, 'explained-common-sample-nb');
  await expectNoSeriousAxeViolations(page);

  const csv = await download(page, () => page.getByTestId('comparison-table-export').getByRole('button', { name: 'CSV' }).click());
  expect(csv).toContain('samme utvalg for alle modellene');
  expect(csv).toMatch(/samme 3\s335 radene/);

  // Each model's own sample: both Ns next to ΔR², and a warning.
  await page.getByTestId('comparison-sample').getByLabel('Hver modell på sitt eget utvalg').check();
  await waitForResults(page);
  await expect(comparison.getByTestId('comparison-table-own-warning')).toBeVisible();
  await expect(comparison.getByTestId('delta-r2').last()).toContainText('0,0334');
  await expect(comparison.getByTestId('delta-r2-n').last()).toContainText('N 3 335 mot 3 487');
  await shot(page, 'explained-own-sample-nb');
  await expectNoSeriousAxeViolations(page);

  await switchLanguage(page, 'en');
  await expect(comparison.getByTestId('delta-r2-n').last()).toContainText('N 3,335 vs 3,487');
  await shot(page, 'explained-own-sample-en');
  await page.getByTestId('comparison-sample').getByLabel('Common sample', { exact: false }).check();
  await waitForResults(page);
  await expect(comparison.getByTestId('comparison-table-common-n')).toContainText('3,335');
  await shot(page, 'explained-common-sample-en');
});
