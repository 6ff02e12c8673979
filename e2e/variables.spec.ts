/**
 * Build child-welfare expenditure from the demo KOSTRA file, add a formula variable,
 * use both in a model and see the model's result; then look at them in the descriptives.
 */
import { readFileSync } from 'node:fs';
import { test, expect, loadDemo, waitForResults, openView, shot, expectNoSeriousAxeViolations, switchLanguage, pickVariable } from './support/fixtures';

test('builds expenditure and a formula variable and uses both in a model', async ({ page }) => {
  await loadDemo(page, 'variables');
  const view = page.getByTestId('variables-view');

  // 1. Child-welfare expenditure (244+251+252) from the preset.
  await view.getByTestId('preset-utg_barnevern').click();
  await waitForResults(page);
  const bvRow = view.getByTestId('derived-utg_barnevern');
  await expect(bvRow).toContainText('244, 251, 252');
  await expect(bvRow.getByTestId('mean-utg_barnevern')).toHaveText(/^\d+,\d+$/);

  // 2. A formula: an unsafe one is refused with the position, a valid one is added.
  const form = view.getByTestId('formula-form');
  await form.getByTestId('formula-input').fill('innbyggere + import("fs")');
  await expect(form.getByTestId('formula-error')).toContainText('import');
  await expect(form.getByTestId('formula-error')).toContainText('tegn 14');
  await expect(form.getByTestId('formula-add')).toBeDisabled();
  await form.getByTestId('formula-input').fill('innbyggere ^ 1.2 / innbyggere');
  await expect(form.getByTestId('formula-ok')).toBeVisible();
  // The worker previews the column before it is added: min, max, mean, missing.
  await expect(form.getByTestId('formula-preview')).toContainText(/Forhåndsvisning: min \d+,\d+, maks \d+,\d+, gjennomsnitt \d+,\d+; \d+ av [\d\s\u00a0]+ mangler/);
  await form.getByTestId('formula-name').fill('urb_e2e');
  await form.getByLabel('Etikett').fill('Urbanitet (e2e)');
  await form.getByTestId('formula-add').click();
  await waitForResults(page);
  const urbRow = view.getByTestId('derived-urb_e2e');
  await expect(urbRow).toContainText('Urbanitet (e2e)');
  await expect(urbRow.getByTestId('mean-urb_e2e')).toHaveText(/^\d+,\d+$/);
  await shot(page, 'variables-built-nb');
  await expectNoSeriousAxeViolations(page);

  // 3. Both in a model: expenditure as the dependent, the formula as a criterion.
  await openView(page, 'models');
  const builder = page.getByTestId('model-builder');
  await page.getByRole('button', { name: /Legg til modell/ }).click();
  await builder.getByLabel('Avhengig variabel (utgift)').selectOption('utg_barnevern');
  await pickVariable(builder, 'criteria-picker', 'urb_e2e');
  await waitForResults(page);
  const table = page.getByTestId('results-table');
  const headers = table.locator('thead th[data-model]');
  const last = (await headers.count()) - 1;
  await expect(table.locator('tr[data-coef="urb_e2e"] td').nth(last)).toContainText(/\(\d/);
  await expect(table.getByTestId('row-n').locator('td').nth(last)).toHaveText(/^\d[\d\s\u00a0]*$/);

  // 4. The descriptives show the new variables, the correlation heat map and the size-class chart.
  await openView(page, 'describe');
  await page.getByTestId('describe-picker').getByLabel('Legg til variabel').selectOption('urb_e2e');
  await waitForResults(page);
  const byYear = page.getByTestId('describe-by-year');
  await expect(byYear).toContainText('Urbanitet (e2e)');
  await expect(page.getByTestId('correlation-heatmap')).toBeVisible();
  await expect(page.getByTestId('size-class-chart')).toBeVisible();

  // 5. Choose the correlation matrix's variables and the bar chart's variable; export the tables.
  const corr = page.getByTestId('correlation-picker');
  const heat = page.getByTestId('correlation-heatmap');
  const rowsBefore = await heat.locator('tbody tr').count();
  await corr.getByTestId('correlation-picker-add').selectOption('urb_e2e');
  await corr.getByTestId('correlation-picker-add').selectOption('utg_barnevern');
  await waitForResults(page);
  // Lower triangle: one more row per added variable.
  await expect(heat.locator('tbody tr')).toHaveCount(rowsBefore + 2);
  await expect(heat).toContainText('Urbanitet (e2e)');
  await page.getByTestId('size-class-variable').selectOption('urb_e2e');
  await waitForResults(page);
  await expect(page.getByRole('heading', { name: /Urbanitet \(e2e\) etter kommunestørrelse/ })).toBeVisible();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('describe-export').getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(dl.suggestedFilename()).toBe('beskrivende-statistikk.csv');
  const csv = readFileSync((await dl.path())!, 'utf8');
  for (const title of ['Gjennomsnitt og standardavvik per år', 'Persentiler', 'Korrelasjonsmatrise', 'Urbanitet (e2e): gjennomsnitt etter størrelsesklasse']) {
    expect(csv).toContain(title);
  }
  await shot(page, 'describe-nb');
  await expectNoSeriousAxeViolations(page);
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Descriptive statistics', level: 1 })).toBeVisible();
});
