/**
 * Nothing is dropped silently (README «Forklart variasjon», «Stabilitet over år»): the messages that
 * come with a view's own results stand next to what they are about, as a user meets them on the demo.
 *  - «Forklart variasjon»: the R² decomposition of a robust model says it uses least squares; the
 *    rows listwise deletion left out of the decomposition's sample are counted by its N.
 *  - «Stabilitet over år»: after the file that a model's criterion comes from is removed, the view says
 *    why nothing is estimated (before, it showed the model picker and nothing else).
 * Also: the stability charts print (Chromium's print of the page has every chart's figures), though a
 * full-page screenshot leaves the charts outside the window blank (content-visibility: auto).
 */
import type { Locator } from '@playwright/test';
import { test, expect, loadDemo, waitForResults, openView, shot, expectNoSeriousAxeViolations, switchLanguage } from './support/fixtures';
import { squeeze, pdfPages } from './support/pdfText';

/** `box` stands right above `target` (nothing but a small gap between them). */
async function expectJustAbove(box: Locator, target: Locator): Promise<void> {
  const a = (await box.boundingBox())!;
  const b = (await target.boundingBox())!;
  expect(a.y + a.height).toBeLessThanOrEqual(b.y);
  expect(b.y - (a.y + a.height)).toBeLessThan(160);
}

test('the R² decomposition of a robust model says it is least squares, next to the decomposition', async ({ page }) => {
  await loadDemo(page, 'models');
  // «Sammenlign OLS, robust og median» on today's key: a robust and a median copy of it.
  await page.getByTestId('compare-estimators').click();
  await waitForResults(page);

  await openView(page, 'explained');
  const select = page.getByTestId('decomposition-model');
  const robust = await select.locator('option', { hasText: '– robust' }).getAttribute('value');
  await select.selectOption(robust!);
  await waitForResults(page);

  const box = page.getByTestId('decomposition-problems');
  await expect(box).toBeVisible();
  await expect(box.locator('li[data-problem-code="decomposition-ols"]')).toContainText('bruker minste kvadraters metode på samme variabler og utvalg');
  const heading = page.getByRole('heading', { name: 'Dekomponering av R²' });
  await expect(heading).toBeVisible();
  await expectJustAbove(box, heading);
  // N and what was dropped: the rows without a value of a model variable, counted.
  await expect(page.getByTestId('decomposition-dropped')).toContainText(/\d+ rader som mangler verdi på minst én av modellens variabler, er utelatt/);
  await box.scrollIntoViewIfNeeded();
  await shot(page, 'explained-decomposition-note-nb');
  await expectNoSeriousAxeViolations(page);

  await switchLanguage(page, 'en');
  await expect(box.locator('li[data-problem-code="decomposition-ols"]')).toContainText('uses least squares on the same variables and sample');
  await expect(page.getByTestId('decomposition-dropped')).toContainText('rows lacking a value');
});

test('stability says why nothing is estimated when a criterion’s file is gone; its charts print', async ({ page }) => {
  await loadDemo(page, 'stability');
  const view = page.getByTestId('stability-view');
  await view.getByTestId('stability-model').selectOption('bv_phv');
  await waitForResults(page);
  const charts = view.getByTestId('stability-chart');
  const n = await view.getByTestId('stability-charts').getAttribute('data-count');
  expect(Number(n)).toBeGreaterThan(2);
  await expect(charts).toHaveCount(Number(n));
  await expect(view.getByTestId('stability-problems')).toHaveCount(0);
  // Evidence for the report: a full-page screenshot (charts off screen are skipped by
  // content-visibility: auto), and a print of the page, which has every chart's title and ticks.
  await shot(page, 'stability-charts-fullpage');
  const lastTitle = (await charts.last().locator('.kl-chart-title').textContent())?.trim() ?? '';
  const printed = squeeze(pdfPages(await page.pdf({ format: 'A4', printBackground: true })).join(' '));
  expect(lastTitle.length).toBeGreaterThan(5);
  expect(printed).toContain(squeeze(lastTitle));

  // The file the criterion «Pasienter i psykisk helsevern under 18 år» is built from is removed.
  await openView(page, 'data');
  await page.getByRole('button', { name: 'Fjern fila: npr-psykisk-helse-tsb.csv' }).click();
  await waitForResults(page);
  await openView(page, 'stability');
  const box = view.getByTestId('stability-problems');
  await expect(box).toBeVisible();
  await expect(box).toContainText('Stabiliteten over år kan ikke beregnes');
  await expect(box).toContainText('phv_under_18_pi');
  await expect(view.getByTestId('stability-chart')).toHaveCount(0);
  // Under the model picker it is about.
  await expectJustAbove(view.getByTestId('stability-model-label'), box);
  await shot(page, 'stability-missing-variable-nb');
  await expectNoSeriousAxeViolations(page);
});
