/**
 * File kinds in the browser, from an empty analysis («Ny analyse»):
 * 1. The file kinds the importer once misread (fixtures in test/ingest/fixtures, real SSB shapes):
 *    quarterly and monthly JSON-stat are read with the rule that makes years shown on the card, the
 *    user changes the rule there and the values follow; a CSV without a header row is read as data,
 *    with a note, and `301` is read as `0301`.
 * 2. A real 07459 download for 2019 (../shared/data/real; fails, does not skip, under CI=true when
 *    missing): in the 2024 structure the view lists which municipalities are left out because of the
 *    2020 splits and why; in the 2020 structure they are kept, marked as lacking the divided part.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openView, waitForResults, expectNoSeriousAxeViolations, shot, switchLanguage } from './support/fixtures';

const FIXTURES = path.resolve('test/ingest/fixtures');
const QUARTERLY = `${FIXTURES}/ssb-01222-quarterly.jsonstat2.json`;
const MONTHLY = `${FIXTURES}/monthly-unemployment.jsonstat2.json`;
const HEADERLESS = `${FIXTURES}/barnevern-utgifter.csv`;
const REAL = process.env.KNL_REAL_DIR ?? path.resolve('../shared/data/real');
const POP2019 = `${REAL}/ssb-07459-population-by-age-csv/Personer2019.csv`;
// Full pipeline runs on a loaded machine: a generous limit (a wait, not a speed test).
test.setTimeout(600_000);

async function startEmpty(page: Page): Promise<void> {
  await page.goto('/#data');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 240_000 });
  await waitForResults(page);
  await page.getByTestId('new-analysis').click();
  await expect(page.getByTestId('file-card')).toHaveCount(0);
  await waitForResults(page);
}

async function upload(page: Page, files: string[]): Promise<void> {
  await openView(page, 'data');
  await page.getByTestId('file-input').setInputFiles(files);
  const items = page.getByTestId('queue-item');
  await expect(items).toHaveCount(files.length);
  for (let i = 0; i < files.length; i++) await expect(items.nth(i)).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await waitForResults(page);
}



test('quarterly, monthly and headerless files: the rule that makes years is shown and chosen on the card', async ({ page }) => {
  await startEmpty(page);
  await upload(page, [QUARTERLY, MONTHLY, HEADERLESS]);
  // Small files are counted in kB with a decimal comma, not «0.00 av 0.00 MB».
  await expect(page.getByTestId('queue-item').first()).toContainText(/Ferdig · \d+(,\d)? kB av \d+(,\d)? kB/);

  // Quarters: population at the end of K4 (2018 has only K1–K2, so no value), births summed.
  const quarterly = page.locator('[data-testid="file-card"][data-file="ssb-01222-quarterly.jsonstat2.json"]');
  await expect(quarterly.getByTestId('file-summary')).toContainText('3 kommuner');
  const rule = quarterly.getByTestId('period-rule');
  await expect(rule).toContainText('Tiden i fila er kvartaler');
  await expect(rule).toContainText('K4');
  await expect(rule).toContainText('Ufullstendige år');
  await expect(rule).toContainText('2018');
  await expect(rule.getByTestId('period-rule-select')).toHaveValue('auto');

  // Monthly: the same control with months; 2022 (three months) is incomplete.
  const monthly = page.locator('[data-testid="file-card"][data-file="monthly-unemployment.jsonstat2.json"]');
  await expect(monthly.getByTestId('period-rule')).toContainText('Tiden i fila er måneder');
  await expect(monthly.getByTestId('period-rule')).toContainText('2022');
  await expect(monthly.getByTestId('period-rule-select').locator('option')).toHaveCount(1 + 12 + 2);

  // No header row: six municipalities (the first row is data), Oslo's `301` read as 0301, notes on the card.
  const headerless = page.locator('[data-testid="file-card"][data-file="barnevern-utgifter.csv"]');
  await expect(headerless.getByTestId('file-summary')).toContainText('6 kommuner');
  await expect(headerless.getByTestId('headerless')).toContainText('første rad er lest som data');
  await expect(headerless.locator('[data-testid="problem-group"][data-problem-code="no-header-row"]')).toHaveCount(1);
  const routine = headerless.getByTestId('problem-routine');
  await routine.locator('summary').click();
  await expect(routine.locator('[data-problem-code="codes-padded"]')).toContainText('0301');

  await shot(page, 'file-kinds-cards-nb');
  await expectNoSeriousAxeViolations(page, { label: 'data view with quarterly, monthly and headerless files' });

  // The user picks K1 for the quarterly file: the card says so, and 2018 gets its births (K1 exists).
  await rule.getByTestId('period-rule-select').selectOption('pick:1');
  await waitForResults(page);
  await expect(rule.getByTestId('period-rule-select')).toHaveValue('pick:1');
  await expect(rule).not.toContainText('Ufullstendige år');
  await expect(rule).toContainText('K1');

  // The sum: incomplete again for 2018.
  await rule.getByTestId('period-rule-select').selectOption('sum');
  await waitForResults(page);
  await expect(rule).toContainText('Ufullstendige år');

  await switchLanguage(page, 'en');
  await expect(rule).toContainText("The file's time is in quarters");
  await expect(headerless.getByTestId('headerless')).toContainText('the first row was read as data');
  await shot(page, 'file-kinds-cards-en');
  await expectNoSeriousAxeViolations(page, { label: 'data view with quarterly, monthly and headerless files (en)' });

  // The rule is part of the analysis: it survives a reload.
  await page.reload();
  await waitForResults(page);
  await expect(page.locator('[data-testid="file-card"][data-file="ssb-01222-quarterly.jsonstat2.json"] [data-testid="period-rule-select"]')).toHaveValue('sum', { timeout: 60_000 });
});

test('real 2019 population in the 2024 and 2020 structures: the municipalities the 2020 splits leave out, per year and why', async ({ page }) => {
  test.skip(!existsSync(REAL) && process.env.CI !== 'true', 'the real files in ../shared/data/real are not here');
  await startEmpty(page);
  await upload(page, [POP2019]);

  await page.getByTestId('structure').selectOption('2024');
  await waitForResults(page);
  const gaps = page.getByTestId('structure-gaps');
  await expect(gaps).toBeVisible();
  await gaps.locator('summary').click();
  const y2019 = gaps.locator('tr[data-year="2019"]');
  for (const name of ['5055 Heim', '5056 Hitra', '5059 Orkland', '1806 Narvik', '1875 Hamarøy']) await expect(y2019).toContainText(name);
  await expect(y2019).toContainText('5012 Snillfjord');
  // SSB's own name since 2019 (and the real file's name for 1849 has SSB's replacement characters: shown as delivered).
  await expect(y2019).toContainText('1850 Divtasvuodna - Tysfjord');
  await expect(gaps).toContainText('Ingen rad i strukturen');
  // The same municipalities are named in a message, not dropped silently.
  await expect(page.locator('[data-problem-code="split-left-out"]').first()).toContainText('5056 Hitra');
  await shot(page, 'structure-gaps-2024-nb');
  await expectNoSeriousAxeViolations(page, { label: 'structure gaps, 2024' });

  // 2020: kept, with the break marked.
  await page.getByTestId('structure').selectOption('2020');
  await waitForResults(page);
  await expect(gaps).toContainText('Med, men uten den delte delen');
  await expect(gaps.locator('tr[data-year="2019"]')).toContainText('5056 Hitra');
  await expect(gaps).not.toContainText('Ingen rad i strukturen');
  await switchLanguage(page, 'en');
  await expect(gaps).toContainText('Kept, without the divided part');
  await shot(page, 'structure-gaps-2020-en');
  await expectNoSeriousAxeViolations(page, { label: 'structure gaps, 2020 (en)' });
});
