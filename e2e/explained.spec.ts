/** Issue 6: add a candidate criterion and see ΔR², the R² decomposition and the stability charts change. */
import { test, expect, loadDemo, waitForResults, openView, shot, expectNoSeriousAxeViolations } from './support/fixtures';

test('a candidate criterion adds a ΔR² column, an LMG bar and a stability chart', async ({ page }) => {
  // Two views, two recomputations and two accessibility scans of chart-heavy pages.
  test.setTimeout(180_000);
  await loadDemo(page, 'explained');
  const view = page.getByTestId('explained-view');
  const comparison = page.getByTestId('comparison-table');
  const headers = comparison.locator('thead th');
  await expect(headers.first()).toBeVisible();
  const colsBefore = await headers.count();
  const lmgRows = page.getByTestId('lmg-chart').locator('.kl-chart-alt tbody tr');
  const lmgBefore = await lmgRows.count();
  expect(lmgBefore).toBeGreaterThan(0);

  await openView(page, 'stability');
  await waitForResults(page);
  const charts = page.getByTestId('stability-chart');
  await expect(charts.first()).toBeVisible();
  const chartsBefore = await charts.count();

  // Add the first variable the picker offers as a candidate criterion.
  await openView(page, 'explained');
  const picker = view.getByLabel('Legg til kandidatkriterium');
  const value = await picker.locator('option').nth(1).getAttribute('value');
  expect(value).toBeTruthy();
  await picker.selectOption(value!);
  await view.getByTestId('add-candidate').click();
  await waitForResults(page);

  await expect(headers).toHaveCount(colsBefore + 1);
  await expect(comparison.locator('thead th').last()).toContainText('+');
  const delta = comparison.getByTestId('delta-r2').last();
  await expect(delta).toHaveText(/^[−-]?\d+,\d{4}$/);
  await expect(lmgRows).toHaveCount(lmgBefore + 1);
  await shot(page, 'explained-candidate');
  await expectNoSeriousAxeViolations(page);

  await openView(page, 'stability');
  await waitForResults(page);
  await expect(charts).toHaveCount(chartsBefore + 1);
  await expect(page.getByTestId('stability-charts')).toHaveAttribute('data-count', String(chartsBefore + 1));
  await shot(page, 'stability-candidate');
  await expectNoSeriousAxeViolations(page);
});
