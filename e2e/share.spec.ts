/**
 * Share view: downloads are captured and read back (project file, R/Stata scripts, xlsx and CSV of the
 * results table), a saved project opens again, and a hostile file gives a Norwegian message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect, openView, waitForResults, ARTIFACTS } from './support/fixtures';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(file!) };
}

// Exports of the spec do not need finished results: wait only for the demo to be loaded, so these
// tests do not depend on how long other views' stages take.
test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'share');
});

test('project file: save with data, open again, reject a hostile file', async ({ page }) => {
  const saved = await download(page, () => page.getByTestId('save-project').click());
  expect(saved.name).toMatch(/\.knl\.json$/);
  const project = JSON.parse(saved.bytes.toString('utf8'));
  expect(project.format).toBe('kostnadsnokkel-lab-project');
  expect(project.spec.version).toBe(2);
  // The view state (chosen municipality, slides, CSV style) travels beside the analysis.
  expect(project.view).toMatchObject({ csvStyle: 'nb', slides: [] });
  // Demo data are embedded byte for byte: compare with the files the app serves.
  for (const d of project.data ?? []) {
    const onDisk = readFileSync(path.resolve('public/demo', d.source.fileName));
    expect(Buffer.from(d.base64, 'base64').equals(onDisk)).toBe(true);
  }
  expect((project.data ?? []).length).toBe(project.spec.data.sources.length);

  await page.getByTestId('open-project').setInputFiles({ name: saved.name, mimeType: 'application/json', buffer: saved.bytes });
  await expect(page.getByTestId('project-message')).toContainText('Prosjektet er åpnet');

  await page.getByTestId('open-project').setInputFiles({ name: 'ond.knl.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"=cmd|x"') });
  await expect(page.getByTestId('project-message')).toContainText('ikke gyldig JSON');
  await page.screenshot({ path: path.join(ARTIFACTS, 'share-view.png'), fullPage: true });
});

test('R and Stata scripts download', async ({ page }) => {
  const r = await download(page, () => page.getByTestId('download-r').click());
  expect(r.name).toMatch(/\.R$/);
  const text = r.bytes.toString('utf8');
  expect(text).toContain('read.csv(');
  expect(text).toContain('ISO-8859-1');
  const stata = await download(page, () => page.getByTestId('download-stata').click());
  expect(stata.bytes.toString('utf8')).toContain('import delimited');
});

test('results table to xlsx and CSV', async ({ page }) => {
  await waitForResults(page);
  const group = page.getByTestId('share-table-export');
  test.skip(!(await group.isVisible()), 'the demo analysis has no model results to export');
  const xlsx = await download(page, () => group.getByRole('button', { name: 'Excel' }).click());
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(String(ws.getCell('A1').value)).toContain('Regresjonsresultater');
  expect(ws.getCell('A2').value).toBe('Variabel');
  expect(typeof ws.getCell('B3').value).toBe('number');
  expect(wb.worksheets.at(-1)!.name).toBe('Om analysen');

  const csv = await download(page, () => group.getByRole('button', { name: 'CSV' }).click());
  const text = csv.bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.split('\r\n')[1].startsWith('Variabel;')).toBe(true);
  expect(text).toContain('Syntetiske data');

  // The CSV follows the chosen CSV style, not the screen: English screen, Norwegian CSV, and back.
  await page.getByRole('button', { name: 'English' }).click();
  const nbOnEn = (await download(page, () => group.getByRole('button', { name: 'CSV' }).click())).bytes.toString('utf8');
  expect(nbOnEn.split('\r\n')[1].startsWith('Variabel;')).toBe(true);
  expect(nbOnEn).toMatch(/\d,\d/);
  await page.getByRole('radio', { name: /International/ }).check();
  const en = (await download(page, () => group.getByRole('button', { name: 'CSV' }).click())).bytes.toString('utf8');
  expect(en.split('\r\n')[1].startsWith('Variable,')).toBe(true);
  expect(en).toContain('Synthetic data');
  expect(en).not.toMatch(/\d;\d/);
});

test('analysis data CSV: the table the scripts read, missing as empty', async ({ page }) => {
  await waitForResults(page);
  const dl = await download(page, () => page.getByTestId('download-analysis-data').click());
  expect(dl.name).toBe('analysedata.csv');
  const text = dl.bytes.toString('utf8');
  // No BOM: R's read.csv would otherwise misname the first column.
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  const lines = text.trimEnd().split('\n');
  const header = lines[0].split(',');
  expect(header.slice(0, 3)).toEqual(['kommune', 'navn', 'aar']);
  expect(header.length).toBeGreaterThan(10);
  // One row per kommune × år; every row has the header's number of fields (names hold no commas here).
  expect(lines.length).toBeGreaterThan(100);
  for (const l of lines.slice(1, 50)) {
    const cells = l.split(',');
    expect(cells.length).toBe(header.length);
    expect(cells[0]).toMatch(/^\d{4}$/);
    expect(cells[2]).toMatch(/^\d{4}$/);
    for (const c of cells.slice(3)) expect(c).toMatch(/^(|-?\d+(\.\d+)?(e[+-]?\d+)?)$/);
  }
  // The derived variables of the demo spec are columns too (the R script rebuilds nothing it cannot read).
  expect(header).toContain('size_class');
});
