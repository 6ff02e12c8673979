/** Edit a cost-key weight and see a named municipality's amount change; find my municipality. */
import { test, expect, loadDemo, openView, waitForResults, expectNoSeriousAxeViolations, shot } from './support/fixtures';

test('editing a weight changes a named municipality\'s amount', async ({ page }) => {
  await loadDemo(page, 'redistribution');
  const view = page.getByTestId('redistribution-view');
  const table = view.getByTestId('redistribution-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // The named municipality: the first row in number order.
  await table.getByRole('button', { name: 'Nr.' }).click();
  const firstRow = table.locator('tbody tr').first();
  const unit = (await firstRow.getAttribute('data-unit')) ?? '';
  const name = (await firstRow.locator('td').nth(1).textContent()) ?? '';
  expect(unit).toMatch(/^\d{4}$/);
  const cell = view.getByTestId(`change-${unit}`);
  const before = await cell.textContent();

  const input = view.locator('input[type="number"][data-testid^="rd-weight-"]:not([data-testid$="__basic__"])').first();
  const old = Number(await input.inputValue());
  await input.fill(String(Math.round((old + 0.05) * 1000) / 1000));
  await expect(cell).not.toHaveText(before ?? '');
  await expect(view.getByTestId('rd-weight-sum')).toHaveAttribute('data-ok', 'true');
  await expect(view.getByTestId('costkey-checks')).toHaveAttribute('data-ok', 'true');
  // After the worker has recomputed in full, the edited key is still shown.
  await waitForResults(page);
  await expect(cell).not.toHaveText(before ?? '');
  await shot(page, 'costkey-redistribution-edited');

  // My municipality: find it by name, see its change.
  await openView(page, 'my-municipality');
  const my = page.getByTestId('my-view');
  await my.getByTestId('my-search').fill(name.trim());
  await my.getByTestId('my-hits').getByRole('button').first().click();
  await expect(my.getByTestId('my-name')).toContainText(unit);
  await expect(my.getByTestId('my-change')).toHaveText(/\d/);
  await expect(my.getByTestId('my-criteria')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('cost-key, redistribution and district views pass axe', async ({ page }) => {
  await loadDemo(page, 'costkey');
  await expect(page.getByTestId('costkey-weights-table')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await openView(page, 'redistribution');
  await expect(page.getByTestId('redistribution-chart')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await openView(page, 'district');
  await page.getByTestId('district-example').click();
  await waitForResults(page);
  const row = page.getByTestId('district-results').locator('tr[data-district="Heimdal"]');
  await expect(row.locator('td[data-key="BV_alt2"]')).toHaveText('28,3');
  await expectNoSeriousAxeViolations(page);
});

test('a preset of today\'s key: map its criteria, fill the weights, use it as today\'s key', async ({ page }) => {
  await loadDemo(page, 'costkey');
  const view = page.getByTestId('costkey-view');
  // The demo compares with a key computed from a model, and says so.
  await expect(view.getByTestId('current-key-text')).toContainText('beregnet fra modellen «Dagens nøkkel barnevern» (metode A) – ikke en publisert nøkkel');
  await view.locator('li[data-preset="barnevern-2017"]').getByRole('button', { name: /^Legg til/ }).click();
  const preset = view.getByTestId('preset-barnevern-2017');
  await expect(preset).toBeVisible();
  // The preset's criteria are found among the demo's variables, under their published names.
  await expect(preset.getByLabel('Variabel for «Personer med lavinntekt»')).toHaveValue('lavinntekt_pi');
  const use = preset.getByRole('button', { name: 'Bruk som dagens nøkkel' });
  await expect(use).toBeDisabled();
  await preset.getByLabel('Vekt for «Barn 0–15 år med enslig forsørger»').fill('0.3');
  await preset.getByLabel('Vekt for «Personer med lavinntekt»').fill('0.5');
  await preset.getByLabel('Vekt for «Innbyggere 0–22 år»').fill('0.2');
  await expect(use).toBeEnabled();
  await use.click();
  await waitForResults(page);
  await expect(page.getByTestId('costkey-weights-table').locator('tr[data-criterion="lavinntekt_pi"] td').nth(5)).toHaveText('0,5000');
  await expect(page.getByText(/kriteriet «.*», som ikke finnes i dataene/)).toHaveCount(0);
  await expect(view.getByTestId('current-key')).toHaveAttribute('data-kind', 'saved');
  await shot(page, 'costkey-preset');
  await expectNoSeriousAxeViolations(page);
  await openView(page, 'redistribution');
  await expect(page.getByTestId('rd-against')).toContainText('Sammenlignet med dagens nøkkel: «Barnevern, kostnadsnøkkel 2017–2024');
});

/** The autosaved view state (IndexedDB `view`): what the app restores after a reload. */
function savedView(page: import('@playwright/test').Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown> | null>((ok) => {
        const req = indexedDB.open('kostnadsnokkel-lab');
        req.onerror = () => ok(null);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('session')) return ok(null);
          const get = db.transaction('session', 'readonly').objectStore('session').get('view');
          get.onsuccess = () => ok((get.result as Record<string, unknown> | undefined) ?? null);
          get.onerror = () => ok(null);
        };
      }),
  );
}

test('the chosen municipality and the grouping are view state: kept over a reload, not part of the analysis', async ({ page }) => {
  await loadDemo(page, 'my-municipality');
  const my = page.getByTestId('my-view');
  await my.getByTestId('my-search').fill('9');
  await my.getByTestId('my-hits').getByRole('button').nth(1).click();
  const unit = ((await my.getByTestId('my-name').textContent()) ?? '').match(/\((\d{4})\)/)?.[1] ?? '';
  expect(unit).toMatch(/^\d{4}$/);
  await openView(page, 'redistribution');
  await page.getByLabel('Grupper etter').selectOption('county');
  await expect(page.getByTestId('redistribution-groups')).toContainText('Fylke');
  await expect.poll(() => savedView(page), { timeout: 20_000 }).toMatchObject({ myMunicipality: unit, redistributionGroupBy: 'county' });

  await page.reload();
  await waitForResults(page);
  await expect(page.getByLabel('Grupper etter')).toHaveValue('county');
  await openView(page, 'my-municipality');
  await expect(page.getByTestId('my-name')).toContainText(unit);
});
