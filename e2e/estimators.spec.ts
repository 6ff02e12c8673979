/**
 * The reports' other estimators in the dashboard (docs/REFERENCES.md): SINTEF 2014 Tables 10.1–10.2
 * (OLS, robust and median regression year by year with t-values) and Table 10.3 (random effects with
 * the Hausman test), and Model 4 of Nordlandsforskning/HELED 2021 (criterion × year with the test of
 * equal effects).
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, loadDemo, waitForResults, shot, expectNoSeriousAxeViolations, switchLanguage, openView, pickVariable, ARTIFACTS } from './support/fixtures';

/** The whole page and the table with its notes, to look at. */
async function shots(page: Page, part: Locator, name: string): Promise<void> {
  await shot(page, name);
  await part.screenshot({ path: path.join(ARTIFACTS, `${name}-table.png`) });
}

test('OLS, robust and median side by side per year with t-values; random effects with Hausman; criterion × year', async ({ page }) => {
  // A long journey (three views, two languages, four axe runs): more time than one view's test.
  test.setTimeout(900_000);
  await loadDemo(page, 'models');
  const builder = page.getByTestId('model-builder');
  const table = page.getByTestId('results-table');

  // One per-year OLS model of child-welfare spending.
  await page.getByRole('button', { name: /Legg til modell/ }).click();
  await builder.getByLabel('Navn på modellen').fill('Seed 003');
  await builder.getByLabel('Navn på modellen').blur();
  await builder.getByLabel('Avhengig variabel (utgift)').selectOption('barnevern_pi');
  await pickVariable(builder, 'criteria-picker', 'enslig_forsorger_pi');
  await pickVariable(builder, 'criteria-picker', 'lavinntekt_pi');
  await builder.getByLabel('Ett tverrsnitt per år').check();
  // Only this model in the table, two years, as a compact version of Table 10.2.
  const tabs = page.getByTestId('model-tab');
  const count = await tabs.count();
  for (let i = 0; i < count - 1; i++) {
    await tabs.nth(i).click();
    await builder.getByLabel('Vis i tabellen').uncheck();
  }
  await tabs.nth(count - 1).click();
  await builder.getByRole('group', { name: 'År' }).getByText('2021').click();
  await builder.getByRole('group', { name: 'År' }).getByText('2022').click();
  await waitForResults(page);

  // One click adds the robust (rreg) and median copies and switches to SINTEF 2014's layout.
  await page.getByTestId('compare-estimators').click();
  await expect(tabs).toHaveCount(count + 2);
  await waitForResults(page);
  await expect(table).toHaveAttribute('data-parens', 't');
  const heads = table.locator('thead th[data-model]');
  await expect(heads).toHaveCount(6);
  // Year by year: each year's OLS, robust and median together.
  await expect(heads.nth(0)).toContainText('2021');
  await expect(heads.nth(1)).toContainText('robust');
  await expect(heads.nth(2)).toContainText('median');
  await expect(heads.nth(3)).toContainText('2022');
  const est = table.getByTestId('row-estimator').locator('td');
  await expect(est.nth(0)).toHaveText('OLS');
  await expect(est.nth(1)).toHaveText('Robust (rreg)');
  await expect(est.nth(2)).toHaveText('Median');
  // Every column estimated; t-values (two decimals) in parentheses; no R² for robust and median.
  await expect(table.getByTestId('refusal')).toHaveCount(0);
  const lav = table.locator('tr[data-coef="lavinntekt_pi"] td');
  for (let c = 0; c < 6; c++) await expect(lav.nth(c).locator('.kl-se')).toHaveText(/^\(−?\d+,\d{2}\)$/);
  const r2 = table.getByTestId('row-r2').locator('td');
  await expect(r2.nth(0)).toHaveText(/^0,\d{3}$/);
  await expect(r2.nth(1)).toHaveText('–');
  await expect(table.locator('tfoot tr').last().locator('td').nth(1)).toHaveText('pseudoverdier (rreg)');
  // Nordlandsforskning/HELED 2021's stars.
  await page.getByTestId('star-scheme').selectOption('strict');
  await expect(page.locator('.kl-footnote').first()).toContainText('p < 0,001');
  await shot(page, 'estimators-ols-robust-median-nb');
  await expectNoSeriousAxeViolations(page, { label: 'OLS / robust / median' });
  await switchLanguage(page, 'en');
  await expect(table.getByTestId('row-estimator').locator('td').nth(1)).toHaveText('Robust (rreg)');
  await shot(page, 'estimators-ols-robust-median-en');
  await switchLanguage(page, 'nb');

  // Random effects with the Hausman test, and free income × year with its Wald test.
  await page.getByRole('button', { name: /Legg til modell/ }).click();
  await builder.getByLabel('Navn på modellen').fill('Panel TE');
  await builder.getByLabel('Navn på modellen').blur();
  await builder.getByLabel('Avhengig variabel (utgift)').selectOption('barnevern_pi');
  await pickVariable(builder, 'criteria-picker', 'enslig_forsorger_pi');
  await pickVariable(builder, 'criteria-picker', 'lavinntekt_pi');
  await builder.getByLabel('Tilfeldige kommuneeffekter (GLS) med Hausman-test').check();
  await expect(builder.getByTestId('se-fixed')).toHaveText('Klassiske (GLS), z-verdier');
  await builder.getByTestId('interaction-variable').selectOption('lavinntekt_pi');
  await builder.getByTestId('interaction-with').selectOption('year');
  await builder.getByRole('button', { name: 'Legg til samspill' }).click();
  await expect(builder.getByTestId('interactions')).toContainText('× år');
  await waitForResults(page);
  // The random-effects model alone in the table (the comparison stays in the model list).
  for (let i = count - 1; i < count + 2; i++) {
    await tabs.nth(i).click();
    await builder.getByLabel('Vis i tabellen').uncheck();
  }
  await tabs.nth(count + 2).click();
  await expect(table.locator('thead th[data-model]')).toHaveCount(1);
  const hausman = table.getByTestId('row-hausman').locator('td').last();
  await expect(hausman).toHaveText(/^χ²\(\d+\) = \d+,\d{2}; p = (< )?0,\d{3}$/);
  await expect(table.locator('tr.kl-group-row')).toContainText('× år');
  await expect(table.getByTestId('row-wald-lavinntekt_pi').locator('td').last()).toHaveText(/^F\(\d+, ∞\) = \d+,\d{2}; p = /);
  await shot(page, 'estimators-random-effects-nb');
  await expectNoSeriousAxeViolations(page, { label: 'random effects' });
  await switchLanguage(page, 'en');
  await expect(table.getByTestId('row-hausman').locator('th')).toHaveText('Hausman test (fixed vs random)');
  await shot(page, 'estimators-random-effects-en');
  await switchLanguage(page, 'nb');

  // The stability view tests the same question for every criterion of its model.
  await openView(page, 'stability');
  await waitForResults(page);
  const eq = page.getByTestId('equal-years-table');
  await expect(eq.locator('tbody tr').first()).toBeVisible();
  await expect(eq.locator('tbody tr').first().locator('td').nth(1)).toHaveText(/^\d+, \d+$/);
  await shot(page, 'estimators-stability-equal-years-nb');
  await expectNoSeriousAxeViolations(page, { label: 'stability' });
});

test('one criterion at a time on a robust and a median model: why R² is «–», and the median fit\'s pseudo R²', async ({ page }) => {
  test.setTimeout(300_000);
  await loadDemo(page, 'models');
  const builder = page.getByTestId('model-builder');
  // The demo decomposes «+ pasienter psykisk helsevern 0–17» (bv_phv): make it a robust regression.
  await page.getByTestId('model-tab').filter({ hasText: 'pasienter psykisk helsevern 0–17' }).click();
  await builder.getByTestId('estimator').selectOption('robust');
  await waitForResults(page);
  await openView(page, 'explained');
  await waitForResults(page);
  const one = page.getByTestId('one-at-a-time');
  await expect(one.getByTestId('r2-cell')).toHaveCount(4);
  for (const cell of await one.getByTestId('r2-cell').all()) await expect(cell).toHaveText('–');
  const note = page.getByTestId('one-at-a-time-fit-note');
  await expect(note).toContainText('R² finnes ikke for robust regresjon (rreg)');
  await expect(note).toContainText('Velg en modell med minste kvadraters metode (OLS) under «Modeller»');
  await expect(one.getByTestId('pseudo-r2-cell')).toHaveCount(0);
  await shots(page, one, 'explained-one-at-a-time-robust-nb');

  // Median: the estimator's own measure, Koenker–Machado's pseudo R², in a row of its own.
  await openView(page, 'models');
  await page.getByTestId('model-tab').filter({ hasText: 'pasienter psykisk helsevern 0–17' }).click();
  await builder.getByTestId('estimator').selectOption('median');
  await waitForResults(page);
  await openView(page, 'explained');
  await waitForResults(page);
  await expect(one.getByTestId('pseudo-r2-cell')).toHaveCount(4);
  for (const cell of await one.getByTestId('pseudo-r2-cell').all()) await expect(cell).toHaveText(/^0,\d{3}$/);
  await expect(one.locator('tr', { has: page.getByTestId('pseudo-r2-cell') }).locator('th')).toHaveText('Pseudo-R² (Koenker–Machado)');
  await expect(note).toContainText('R² finnes ikke for kvantil- og medianregresjon');
  await expect(note).toContainText('pseudo-R² (Koenker–Machado');
  await shots(page, one, 'explained-one-at-a-time-median-nb');
  await expectNoSeriousAxeViolations(page, { label: 'one at a time, median' });
  await switchLanguage(page, 'en');
  await expect(note).toContainText('R² does not exist for quantile and median regression');
  await expect(one.locator('tr', { has: page.getByTestId('pseudo-r2-cell') }).locator('th')).toHaveText('Pseudo R² (Koenker–Machado)');
  await shots(page, one, 'explained-one-at-a-time-median-en');
});
