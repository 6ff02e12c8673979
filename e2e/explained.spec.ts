/** Add a candidate criterion and see ΔR², the R² decomposition and the stability charts change. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect, loadDemo, waitForResults, openView, shot, expectNoSeriousAxeViolations, pickVariable } from './support/fixtures';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

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
  // A year's estimate carries its reading in one <title> (hover tooltip, screen readers): «2021: b [low; high]».
  await expect(charts.first().locator('svg circle > title').first()).toHaveText(/^\d{4}: \S+ \[\S+; \S+\]$/);

  // Add a criterion no barnevern model has (disability recipients 18–49 per inhabitant). Not «the first
  // the picker offers»: that is frie inntekter in kroner, collinear with the model's own control, so
  // the model is rightly refused and ΔR² is «–».
  await openView(page, 'explained');
  await pickVariable(view, 'add-candidate-picker', 'ufore_18_49_pi');
  await expect(view.getByTestId('add-candidate')).toBeEnabled();
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

test('the decomposed and the stability-checked model are chosen; tables export to xlsx and CSV', async ({ page }) => {
  test.setTimeout(180_000);
  await loadDemo(page, 'explained');
  const view = page.getByTestId('explained-view');

  // The demo decomposes bv_phv; switch to today's key and see the decomposition follow.
  const decomp = view.getByTestId('decomposition-model');
  await expect(decomp).toHaveValue('bv_phv');
  const lmgRows = page.getByTestId('lmg-chart').locator('.kl-chart-alt tbody tr');
  const before = await lmgRows.count();
  await decomp.selectOption('bv_dagens');
  await waitForResults(page);
  await expect(lmgRows).toHaveCount(before - 1);

  // Comparison table → xlsx, read back: report layout with numbers as numbers.
  const group = page.getByTestId('comparison-table-export');
  const xlsx = await download(page, () => group.getByRole('button', { name: 'Excel' }).click());
  expect(xlsx.name).toBe('modellsammenligning.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(String(ws.getCell('A1').value)).toContain('Modellsammenligning');
  expect(ws.getCell('A2').value).toBe('Variabel');
  const labels: string[] = [];
  ws.eachRow((row) => labels.push(String(row.getCell(1).value ?? '')));
  expect(labels).toContain('ΔR² mot dagens nøkkel');
  const dRow = labels.indexOf('ΔR² mot dagens nøkkel') + 1;
  expect(typeof ws.getRow(dRow).getCell(3).value).toBe('number');

  // Stability: pick today's key explicitly; the label and the per-year table follow; CSV export.
  await openView(page, 'stability');
  const stab = page.getByTestId('stability-model');
  await stab.selectOption('bv_dagens');
  await waitForResults(page);
  await expect(page.getByTestId('stability-model-label')).toContainText('Dagens nøkkel barnevern');
  await expect(page.getByTestId('stability-table')).toBeVisible();
  const csv = await download(page, () => page.getByTestId('stability-table-export').getByRole('button', { name: 'CSV' }).click());
  expect(csv.name).toBe('stabilitet-per-aar.csv');
  const text = csv.bytes.toString('utf8');
  expect(text).toContain('Koeffisienter per år – Dagens nøkkel barnevern');
  expect(text).toContain('Samme fortegn alle år');
  expect(text).toContain('Syntetiske data');
  const loyo = await download(page, () => page.getByTestId('loyo-export').getByRole('button', { name: 'CSV' }).click());
  expect(loyo.bytes.toString('utf8')).toContain('Ingen (alle år)');
  await shot(page, 'stability-model-picked');
  await expectNoSeriousAxeViolations(page);
});
