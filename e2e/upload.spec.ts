/**
 * Journey: upload two small files through the file picker in the built app, see per-file progress,
 * the mapping step, the catalogue and a validation warning; then a hostile file shows a Norwegian
 * error next to its name and the data imported earlier stays.
 */
import { test, expect, waitForResults, openView, expectNoSeriousAxeViolations, ARTIFACTS } from './support/fixtures';

const folk = [
  '"Befolkning 1. januar"',
  '',
  '"region";"år";"Personer"',
  ...['0301 Oslo', '1101 Eigersund', '1103 Stavanger', '1106 Haugesund', '1108 Sandnes', '1111 Sokndal', '1112 Lund', '1114 Bjerkreim', '1119 Hå', '1120 Klepp', '1121 Time', '1122 Gjesdal'].map(
    (r, i) => `"${r}";"2022";"${(1000 + i * 37).toLocaleString('nb-NO').replace(/\s/g, ' ')}"`,
  ),
].join('\r\n');

const utgift = [
  'kommune;år;utgift (1000 kr)',
  ...['0301', '1101', '1103', '1106', '1108', '1111', '1112', '1114', '1119', '1120'].map((k, i) => `${k};2022;${k === '1112' ? '..' : `${50 + i},5`}`),
  '1121;2022;99999999',
].join('\n');

test('upload, map, join, catalogue and validation; a hostile file does not lose data', async ({ page }) => {
  // A first visit opens on the demo; upload once it has loaded (the uploads are added to it).
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
  await openView(page, 'data');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'folk.csv', mimeType: 'text/csv', buffer: Buffer.from(folk, 'latin1') },
    { name: 'utgift.csv', mimeType: 'text/csv', buffer: Buffer.from(utgift, 'utf8') },
  ]);
  const items = page.getByTestId('queue-item');
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId('file-progress')).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(items.nth(1)).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await waitForResults(page);

  const folkCard = page.locator('[data-testid="file-card"][data-file="folk.csv"]');
  await expect(folkCard.getByTestId('file-summary')).toContainText('windows-1252');
  await expect(folkCard.getByTestId('file-summary')).toContainText('12 kommuner');
  await expect(folkCard.getByTestId('file-summary')).toContainText('Overskriftslinje: 3');

  // The mapping step: preview and the proposed columns; applying it re-reads the file the same way.
  await folkCard.getByTestId('mapping-step').locator('summary').click();
  await expect(folkCard.getByTestId('preview-table')).toContainText('0301 Oslo');
  await expect(folkCard.getByTestId('map-unit')).toHaveValue('region');
  await expect(folkCard.getByTestId('map-year')).toHaveValue('år');
  await expect(folkCard.getByTestId('resulting-variables')).toContainText('personer');
  await folkCard.getByTestId('apply-mapping').click();
  await waitForResults(page);

  const catalogue = page.getByTestId('catalogue-table');
  await expect(catalogue).toContainText('personer');
  // The catalogue shows 50 rows at a time; the search (over all rows) finds the expenditure file's.
  await page.getByTestId('catalogue-search').fill('utgift.csv');
  await expect(page.getByTestId('catalogue-row')).toHaveCount(1);
  await expect(page.getByTestId('catalogue-row')).toContainText('utgift_1000_kr');

  // Validation: the files lack municipalities the others have; 1121 is far out (flagged, kept).
  const validation = page.getByTestId('validation');
  await expect(validation.locator('[data-file="utgift.csv"] summary')).toContainText('Kommuner som finnes i andre filer, men ikke her');
  const outliers = page.getByTestId('outlier-table');
  await expect(outliers.locator('tr', { hasText: 'utgift_1000_kr' }).first()).toContainText('1121');
  await page.screenshot({ path: `${ARTIFACTS}/upload-joined.png`, fullPage: true });
  await expectNoSeriousAxeViolations(page);

  // A hostile file: binary bytes named .csv.
  await page.getByTestId('file-input').setInputFiles([{ name: 'skadet.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]) }]);
  await expect(items).toHaveCount(3);
  // Nothing of it can be read: the queue says so with the reason, and it is not added (issue 17).
  await expect(items.nth(2)).toHaveAttribute('data-state', 'failed', { timeout: 180_000 });
  await expect(items.nth(2).getByTestId('queue-error')).toContainText('binær');
  await expect(page.locator('[data-testid="file-card"][data-file="skadet.csv"]')).toHaveCount(0);
  await waitForResults(page);
  await page.getByTestId('catalogue-search').fill('');
  await expect(page.getByTestId('catalogue-table')).toContainText('personer');
  await page.getByTestId('catalogue-search').fill('utgift_1000_kr');
  await expect(page.getByTestId('catalogue-row')).toHaveCount(1);
  await page.screenshot({ path: `${ARTIFACTS}/upload-hostile.png`, fullPage: true });
});
