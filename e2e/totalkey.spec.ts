/**
 * The total key from sub-keys with sector weights. Open «Samlet nøkkel» on the demo,
 * see the sector weights add up to 1, change a sector's spending figure and see a named
 * municipality's total index and amount change, search a municipality, apply the 2026 sector-weight
 * preset; axe-clean, with a screenshot.
 */
import type { Page } from '@playwright/test';
import { test, expect, loadDemo, openView, waitForResults, expectNoSeriousAxeViolations, shot } from './support/fixtures';

/** Full-page screenshot with every section painted: the view lets off-screen sections skip
 *  rendering (content-visibility: auto), which a full-page screenshot would show as empty boxes. */
async function fullShot(page: Page, name: string): Promise<void> {
  await page.addStyleTag({ content: '.kl-tk-lazy, .kl-tk-sector, .kl-tk-preset { content-visibility: visible !important; }' });
  await shot(page, name);
}

test('total key: sector weights add up to 1, a spending figure moves a named municipality, search finds it', async ({ page }) => {
  await loadDemo(page);
  await openView(page, 'total-key');
  const view = page.getByTestId('totalkey-view');
  await expect(view.getByRole('heading', { level: 1, name: 'Samlet nøkkel' })).toBeVisible();
  const sum = view.getByTestId('tk-weight-sum');
  await expect(sum).toHaveAttribute('data-ok', 'true');
  await expect(sum).toHaveText('1,0000');
  await expect(view.getByTestId('tk-checks')).toHaveAttribute('data-ok', 'true');
  await expect(view.getByTestId('tk-chart')).toBeVisible();

  // The named municipality: the first row in number order.
  const table = view.getByTestId('tk-table');
  await table.getByRole('button', { name: 'Nr.' }).click();
  const firstRow = table.locator('tbody tr').first();
  const unit = (await firstRow.getAttribute('data-unit')) ?? '';
  const name = ((await firstRow.locator('td').nth(1).textContent()) ?? '').trim();
  expect(unit).toMatch(/^\d{4}$/);
  const index = view.getByTestId(`tk-index-${unit}`);
  const need = view.getByTestId(`tk-need-${unit}`);
  const indexBefore = await index.textContent();
  const needBefore = await need.textContent();
  const vBefore = await view.getByTestId('tk-v-sosialhjelp').textContent();

  // Sosialhjelp's national spending typed in kroner instead of taken from the data.
  await view.getByTestId('tk-spending-kind-sosialhjelp').selectOption('typed');
  await view.getByTestId('tk-spending-kr-sosialhjelp').fill('20000');
  await waitForResults(page);
  await expect(view.getByTestId('tk-v-sosialhjelp')).not.toHaveText(vBefore ?? '');
  await expect(index).not.toHaveText(indexBefore ?? '');
  await expect(need).not.toHaveText(needBefore ?? '');
  await expect(sum).toHaveAttribute('data-ok', 'true');
  await expect(view.getByTestId('tk-checks')).toHaveAttribute('data-ok', 'true');

  // Search by name: the table shows that municipality.
  await view.getByTestId('tk-search').fill(name);
  await expect(table.locator(`tbody tr[data-unit="${unit}"]`)).toBeVisible();
  await expect(view.getByTestId('tk-showing')).toContainText(/av \d+/);
  await view.getByTestId('tk-search').fill('');
  await expectNoSeriousAxeViolations(page, { label: 'Samlet nøkkel' });
  await fullShot(page, 'totalkey-edited');
});

test('total key: the 2026 sector-weight preset gives typed weights that add up to 1', async ({ page }) => {
  await loadDemo(page);
  await openView(page, 'total-key');
  const view = page.getByTestId('totalkey-view');
  await expect(view.getByTestId('tk-weight-sum')).toHaveAttribute('data-ok', 'true');
  await view.getByTestId('tk-preset-sektorvekter-2026').click();
  await expect(view.getByTestId('tk-mode-manual')).toBeChecked();
  await view.getByTestId('tk-per-capita').fill('60000');
  await waitForResults(page);
  await expect(view.getByTestId('tk-weight-sum')).toHaveAttribute('data-ok', 'true');
  await expect(view.getByTestId('tk-v-barnevern')).toHaveText('0,0422');
  await expect(view.getByTestId('tk-v-grunnskole')).toHaveText('0,2299');
  await expect(view.getByTestId('tk-checks')).toHaveAttribute('data-ok', 'true');
  await expect(view.getByTestId('tk-chart')).toBeVisible();
  // A typed weight that breaks the sum is refused.
  await view.getByTestId('tk-weight-barnevern').fill('0,5');
  await waitForResults(page);
  await expect(view.getByTestId('tk-weight-sum')).toHaveAttribute('data-ok', 'false');
  await expectNoSeriousAxeViolations(page, { label: 'Samlet nøkkel, forhåndsvalg' });
  await fullShot(page, 'totalkey-preset');
});

test('cost key, method C: the total spending is a labelled select of the data\'s variables', async ({ page }) => {
  await loadDemo(page);
  await openView(page, 'costkey');
  await page.getByRole('radio', { name: 'C. Delfunksjonsregel' }).check();
  const select = page.getByLabel('Samlet utgift per innbygger (variabel)');
  await expect(select).toBeVisible();
  await expect(select.locator('option[value="sosialhjelp_pi"]')).toHaveCount(1);
  await select.selectOption('sosialhjelp_pi');
  await expect(select).toHaveValue('sosialhjelp_pi');
  await waitForResults(page);
  await expectNoSeriousAxeViolations(page, { label: 'Kostnadsnøkkel, metode C' });
});
