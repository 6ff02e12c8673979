/**
 * Refusals in the dashboard: a year that cannot be estimated says why in its own column of
 * «Stabilitet over år» while the other years stand; the cost key of a pooled model says which year's
 * effect ŷ holds, and the base year is one click away.
 */
import path from 'node:path';
import { test, expect, loadDemo, openView, waitForResults, expectNoSeriousAxeViolations, shot, switchLanguage, pickVariable, ARTIFACTS } from './support/fixtures';

/** An indicator the demo lacks: twelve municipalities in 2023, one in 2024. */
const units = Array.from({ length: 12 }, (_, i) => String(9001 + i)); // the demo's (synthetic) numbers
const own = ['kommune;år;egen_indikator', ...units.map((k, i) => `${k};2023;${(1.5 + i * 0.37).toFixed(2).replace('.', ',')}`), '9001;2024;2,5'].join('\n');

test('per year: a year with one observation is reported in its column, the other years stand', async ({ page }) => {
  await loadDemo(page, 'data');
  // A file's row count in the Norwegian number format («3 570 rader», no-break space), not «3570 rader».
  const card = page.locator('[data-testid="file-card"][data-file="kostra-utgifter-12367.csv"]');
  await expect(card.getByTestId('file-summary')).toContainText(/ · \d{1,3}(\u00a0\d{3})+ rader · /);
  await card.getByTestId('file-summary').screenshot({ path: path.join(ARTIFACTS, 'data-file-summary.png') });
  await page.getByTestId('file-input').setInputFiles([{ name: 'egen.csv', mimeType: 'text/csv', buffer: Buffer.from(own, 'utf8') }]);
  await expect(page.getByTestId('queue-item').first()).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await waitForResults(page);

  await openView(page, 'models');
  const builder = page.getByTestId('model-builder');
  await page.getByRole('button', { name: /Legg til modell/ }).click();
  await builder.getByLabel('Navn på modellen').fill('Egen indikator');
  await builder.getByLabel('Navn på modellen').blur();
  await builder.getByLabel('Avhengig variabel (utgift)').selectOption('barnevern_pi');
  await pickVariable(builder, 'criteria-picker', 'egen_indikator');
  await waitForResults(page);

  await openView(page, 'stability');
  await page.getByTestId('stability-model').selectOption({ label: 'Egen indikator' });
  await waitForResults(page);
  const table = page.getByTestId('stability-table');
  await expect(table.locator('thead')).toContainText('2023');
  const errors = table.getByTestId('stability-year-errors');
  await expect(errors.locator('td[data-year="2024"]')).toContainText('2024: bare 1 observasjon');
  await expect(errors.locator('td[data-year="2023"]')).toHaveText('');
  // 2023 fitted: its coefficient is a number in the criterion's row.
  await expect(table.locator('tbody tr').nth(1)).toContainText(/\d,\d/);
  await shot(page, 'stability-year-error-nb');
  await expectNoSeriousAxeViolations(page);
  await switchLanguage(page, 'en');
  await expect(errors.locator('td[data-year="2024"]')).toContainText('2024: only 1 observation');
  await shot(page, 'stability-year-error-en');
});

test('cost key of a pooled model: ŷ holds the key year’s effect, the base year is an option', async ({ page }) => {
  await loadDemo(page, 'costkey');
  const view = page.getByTestId('costkey-view');
  const stated = view.getByTestId('costkey-yhat-year');
  await expect(stated).toContainText('ŷ bruker årseffekten for 2024 (nøkkelåret)');
  const weights = page.getByTestId('costkey-weights-table');
  const basic = weights.locator('tr[data-criterion="__basic__"] td').nth(4);
  const basicAtKeyYear = await basic.innerText();

  const choice = view.getByTestId('costkey-year-effect');
  await choice.getByLabel(/Basisåret \(2015/).check();
  await waitForResults(page);
  await expect(stated).toContainText('ŷ bruker årseffekten for 2015 (basisåret): 0');
  // Only ŷ, and so the basic criterion's share, moves.
  await expect(basic).not.toHaveText(basicAtKeyYear);
  await shot(page, 'costkey-year-effect-nb');
  await expectNoSeriousAxeViolations(page);
  await switchLanguage(page, 'en');
  await expect(stated).toContainText('ŷ uses the year effect of 2015 (the base year)');
  await choice.getByLabel(/The key year \(2024\)/).check();
  await waitForResults(page);
  await expect(stated).toContainText('ŷ uses the year effect of 2024 (the key year)');
  await expect(basic).toHaveText(basicAtKeyYear.replace(',', '.').replace('\u2212', '-'));
  await shot(page, 'costkey-year-effect-en');
});
