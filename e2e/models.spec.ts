/** Build two models in the dashboard and compare them side by side. */
import {
  test,
  expect,
  loadDemo,
  waitForResults,
  shot,
  expectNoSeriousAxeViolations,
  switchLanguage,
  pickVariable,
} from './support/fixtures';

test('builds two models and compares them side by side', async ({ page }) => {
  await loadDemo(page, 'models');
  const tabs = page.getByTestId('model-tab');
  const before = await tabs.count();
  const builder = page.getByTestId('model-builder');

  // Model A: today's child-welfare criteria.
  await page.getByRole('button', { name: /Legg til modell/ }).click();
  await expect(tabs).toHaveCount(before + 1);
  await builder.getByLabel('Navn på modellen').fill('Modell A');
  await builder.getByLabel('Navn på modellen').blur();
  await builder.getByLabel('Avhengig variabel (utgift)').selectOption('barnevern_pi');
  await pickVariable(builder, 'criteria-picker', 'enslig_forsorger_pi');
  await pickVariable(builder, 'criteria-picker', 'lavinntekt_pi');

  // Model B: a copy of A plus the psychiatric indicator, with HC1 errors.
  await page.getByRole('button', { name: 'Dupliser' }).click();
  await expect(tabs).toHaveCount(before + 2);
  await expect(builder.getByLabel('Navn på modellen')).toHaveValue('Modell A (kopi)');
  await pickVariable(builder, 'criteria-picker', 'phv_under_18_pi');
  await builder.getByLabel('Standardfeil').selectOption('hc1');
  await waitForResults(page);

  const table = page.getByTestId('results-table');
  const headers = table.locator('thead th[data-model]');
  const ids = await headers.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-model')));
  const colA = ids.length - 2;
  const colB = ids.length - 1;
  await expect(headers.nth(colA)).toContainText('Modell A');
  await expect(headers.nth(colB)).toContainText('Modell A (kopi)');

  const cell = (coef: string, col: number) => table.locator(`tr[data-coef="${coef}"] td`).nth(col);
  // Both models estimate the shared criterion; only B has the psychiatric indicator.
  await expect(cell('enslig_forsorger_pi', colA)).toContainText(/\d/);
  await expect(cell('enslig_forsorger_pi', colB)).toContainText(/\d/);
  await expect(cell('phv_under_18_pi', colA)).toHaveText('');
  await expect(cell('phv_under_18_pi', colB)).toContainText(/\(\d/);

  const n = table.getByTestId('row-n').locator('td');
  const r2 = table.getByTestId('row-r2').locator('td');
  await expect(n.nth(colA)).toHaveText(/^\d[\d\s\u00a0]*$/);
  await expect(r2.nth(colB)).toHaveText(/^0,\d{3}$/);
  const r2A = Number((await r2.nth(colA).innerText()).replace(',', '.'));
  const r2B = Number((await r2.nth(colB).innerText()).replace(',', '.'));
  // Adding a regressor on the same or a smaller sample: the demo's indicator is built to add fit.
  expect(r2B).toBeGreaterThan(r2A);
  await expect(table.locator('tfoot tr').last().locator('td').nth(colB)).toHaveText('HC1');

  // Dropped rows are listed with the variable and the reason.
  const dropped = page.getByTestId('dropped-units').filter({ hasText: 'Modell A (kopi)' });
  await dropped.locator('summary').click();
  await expect(dropped.locator('tbody tr').first()).toBeVisible();
  // The rows cross packed (src/results/droppedPack.ts) and are built when the list opens: the count
  // in the summary is the rows listed, each with unit, name, year, variable and reason.
  const count = Number((await dropped.locator('summary').innerText()).match(/Utelatte observasjoner \(([\d\s\u00a0]+)\)/)![1].replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  // A page of 50 at a time (paging itself: e2e/dropped-rows.spec.ts).
  await expect(dropped.locator('tbody tr')).toHaveCount(Math.min(count, 50));
  const cells = dropped.locator('tbody tr').first().locator('td');
  await expect(cells.nth(0)).toHaveText(/^\d{4}$/);
  await expect(cells.nth(1)).not.toHaveText('');
  await expect(cells.nth(2)).toHaveText(/^20\d\d$/);
  await expect(cells.nth(3)).not.toHaveText('');
  await expect(cells.nth(4)).not.toHaveText('');

  await shot(page, 'models-two-side-by-side-nb');
  await expectNoSeriousAxeViolations(page);
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
  await shot(page, 'models-two-side-by-side-en');
});

test('a model that cannot be estimated shows a Norwegian refusal in its column', async ({ page }) => {
  await loadDemo(page, 'models');
  const builder = page.getByTestId('model-builder');
  await page.getByRole('button', { name: /Legg til modell/ }).click();
  await builder.getByLabel('Avhengig variabel (utgift)').selectOption('barnevern_pi');
  await pickVariable(builder, 'criteria-picker', 'lavinntekt_pi');
  // Unit fixed effects on a single year leave nothing to estimate.
  await builder.getByLabel('Faste kommuneeffekter (within)').check();
  await builder.getByRole('group', { name: 'År' }).getByText('2020').click();
  await waitForResults(page);
  const refusal = page.getByTestId('results-table').getByTestId('refusal');
  await expect(refusal).toBeVisible();
  await expect(refusal).not.toHaveText('');
  await shot(page, 'models-refusal');
});
