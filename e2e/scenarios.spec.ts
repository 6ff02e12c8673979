/**
 * Scenarios: define three scenarios in Omfordeling (the proposed key, a model's key, typed
 * weights), find a municipality whose sign differs between them with the filter, see it under every
 * scenario in Min kommune, the same comparison in Samlet nøkkel, and export the comparison to xlsx:
 * one sheet per scenario plus a comparison sheet, numbers as numbers.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect, loadDemo, openView, waitForResults, expectNoSeriousAxeViolations, shot, switchLanguage } from './support/fixtures';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

const TYPED: Record<string, string> = { __basic__: '0,5', andel_0_22: '0,3', lavinntekt_pi: '0,2', enslig_forsorger_pi: '0', phv_under_18_pi: '0' };

test('three scenarios side by side: a municipality changes sign, Min kommune, Samlet nøkkel and the xlsx export', async ({ page }) => {
  // A long journey (four views, two languages, several recomputations) on a busy machine.
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await loadDemo(page, 'redistribution');
  const panel = page.getByTestId('redistribution-view').getByTestId('scenario-panel');
  await expect(panel.getByTestId('scenario-none')).toBeVisible();

  // Scenario 1: the proposed key (the first one added).
  await panel.getByTestId('scenario-add').click();
  await expect(panel.getByTestId('scenario-source-0')).toHaveValue('proposed');
  // Scenario 2: the key of the social assistance model, named.
  await panel.getByTestId('scenario-add').click();
  await panel.getByTestId('scenario-source-1').selectOption('model:sh_dagens');
  await panel.getByTestId('scenario-name-1').fill('Sosialhjelpsmodellen');
  // Scenario 3: typed weights.
  await panel.getByTestId('scenario-add').click();
  await panel.getByTestId('scenario-source-2').selectOption('weights');
  await panel.getByTestId('scenario-name-2').fill('Egen vekting');
  const fields = panel.getByTestId('scenario-weights-2');
  for (const [c, v] of Object.entries(TYPED)) {
    const input = fields.locator(`input[data-criterion="${c}"]`);
    if ((await input.count()) > 0) await input.fill(v);
  }
  await expect(panel.getByTestId('scenario-sum-2')).toHaveText('Sum av vektene: 1,0000');
  await waitForResults(page);
  await expect(panel.getByTestId('scenario-problem-2')).toHaveCount(0);

  // Every scenario keeps the identities; the filter finds the municipalities whose sign changes.
  const summary = panel.getByTestId('scenario-summary');
  await expect(summary.locator('li')).toHaveCount(3);
  await expect(summary.locator('li[data-checks-ok="true"]')).toHaveCount(3);
  const count = panel.getByTestId('scenario-sign-count');
  await expect(count).toContainText(/\d+ av \d+ kommuner skifter fortegn mellom scenarioene/);
  const nSign = Number((await count.innerText()).match(/^(\d+)/)?.[1]);
  expect(nSign).toBeGreaterThan(0);
  await panel.getByTestId('scenario-only-sign').check();
  await expect(panel.getByTestId('scenario-showing')).toContainText(`av ${nSign}`);
  const row = panel.getByTestId('scenario-table').locator('tbody tr').first();
  await expect(row).toHaveAttribute('data-sign-changes', 'true');
  const unit = (await row.getAttribute('data-unit')) ?? '';
  expect(unit).toMatch(/^\d{4}$/);
  const values = await row.locator('td[data-value]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  expect(values).toHaveLength(3);
  expect(values.some((v) => v > 0)).toBe(true);
  expect(values.some((v) => v < 0)).toBe(true);

  // The chart follows the chosen scenario.
  const chart = panel.getByTestId('scenario-chart');
  await chart.getByTestId('scenario-sort-by').selectOption({ label: 'Egen vekting' });
  await expect(chart).toHaveAttribute('data-sorted-by', /sc\d/);
  await expect(panel.getByTestId('scenario-groups').locator('tbody tr').first()).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'scenarios-redistribution-nb');
  await expectNoSeriousAxeViolations(page, { label: 'scenarios in redistribution' });

  // xlsx: one sheet per scenario plus the comparison sheet; the municipality is marked there.
  const xlsx = await download(page, () => panel.getByTestId('scenario-export').getByRole('button', { name: 'Excel' }).click());
  expect(xlsx.name).toBe('scenarioer.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  expect(names.slice(0, 4)).toEqual(['Scenario Foreslått nøkkel', 'Scenario Sosialhjelpsmodellen', 'Scenario Egen vekting', 'Sammenligning av scenarioer']);
  const cmp = wb.getWorksheet('Sammenligning av scenarioer')!;
  let found = 0;
  cmp.eachRow((r, n) => {
    if (String(r.getCell(2).value) === unit) found = n;
  });
  expect(found).toBeGreaterThan(0);
  const cmpRow = cmp.getRow(found);
  expect(String(cmpRow.getCell(cmpRow.cellCount).value)).toBe('ja');
  const sheet = wb.getWorksheet('Scenario Egen vekting')!;
  let perCapita: unknown = null;
  sheet.eachRow((r) => {
    if (String(r.getCell(2).value) === unit) perCapita = r.getCell(7).value;
  });
  expect(typeof perCapita).toBe('number');
  expect(perCapita as unknown as number).toBeCloseTo(values[2], 6);

  // Min kommune: gain under one scenario, loss under another.
  await openView(page, 'my-municipality');
  const my = page.getByTestId('my-view');
  await my.getByTestId('my-search').fill(unit);
  await my.getByTestId('my-hits').getByRole('button').first().click();
  const mine = my.getByTestId('my-scenarios');
  await expect(mine.locator('tbody tr')).toHaveCount(3);
  await expect(mine.locator('tr[data-sign="1"]').first()).toContainText('vinner');
  await expect(mine.locator('tr[data-sign="-1"]').first()).toContainText('taper');
  await mine.scrollIntoViewIfNeeded();
  await shot(page, 'scenarios-my-nb');
  await expectNoSeriousAxeViolations(page, { label: 'scenarios in my municipality' });

  // Samlet nøkkel shows the same comparison.
  await openView(page, 'total-key');
  const tk = page.getByTestId('totalkey-view').getByTestId('scenario-panel');
  await expect(tk.getByTestId('scenario-sign-count')).toContainText(`${nSign} av`);
  await tk.scrollIntoViewIfNeeded();
  await shot(page, 'scenarios-totalkey-nb');
  await expectNoSeriousAxeViolations(page, { label: 'scenarios in total key' });

  // English.
  await switchLanguage(page, 'en');
  await openView(page, 'redistribution');
  const en = page.getByTestId('redistribution-view').getByTestId('scenario-panel');
  await expect(en.getByTestId('scenario-sign-count')).toContainText(`${nSign} of`);
  await en.scrollIntoViewIfNeeded();
  await shot(page, 'scenarios-redistribution-en');
  await expectNoSeriousAxeViolations(page, { label: 'scenarios in redistribution en' });
});
