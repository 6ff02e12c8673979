/**
 * Every table view exports xlsx and CSV, and the CSV follows the chosen CSV style
 * («Norsk Excel»: `;`, decimal comma, Norwegian headers) whatever the screen language. The screen is
 * switched to English with the bokmål style kept, so a view that wrote its CSV in the screen's
 * language (the bug) fails here.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, loadDemo, openView, switchLanguage } from './support/fixtures';

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** View, export group and a Norwegian header its CSV must carry. */
const TABLES: { view: string; group: string; header: RegExp }[] = [
  { view: 'describe', group: 'describe-export', header: /Variabel|År/ },
  { view: 'stability', group: 'stability-table-export', header: /Kriterium|Variabel|År/ },
  { view: 'costkey', group: 'costkey-weights-export', header: /Kriterium/ },
  { view: 'redistribution', group: 'redistribution-export', header: /Kommune;Innbyggere;Indeks/ },
  { view: 'my-municipality', group: 'my-export', header: /Nøkkel;Endring \(kr\);Per innbygger \(kr\)/ },
];

test('table exports: xlsx and CSV on every table view, CSV in the chosen style (bokmål) while the screen is in English', async ({ page }) => {
  test.setTimeout(600_000);
  await loadDemo(page);
  await openView(page, 'my-municipality');
  await page.getByTestId('my-search').fill('9');
  await page.getByTestId('my-hits').getByRole('button').first().click();
  await switchLanguage(page, 'en');
  for (const t of TABLES) {
    await openView(page, t.view);
    const group = page.getByTestId(t.group).first();
    await expect(group, t.view).toBeVisible();
    const xlsx = await download(page, group.getByRole('button', { name: 'Excel' }));
    expect(xlsx.name, t.view).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1'), t.view).toBe('PK');
    const csv = await download(page, group.getByRole('button', { name: 'CSV' }));
    expect(csv.name, t.view).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text, t.view).toMatch(t.header);
    expect(text, t.view).toContain(';');
    // Numbers with a decimal comma somewhere in the grid, none with a decimal point.
    expect(text, t.view).toMatch(/;-?\d+,\d+/);
    expect(text, t.view).not.toMatch(/;-?\d+\.\d+(;|\r?\n)/);
    expect(text, t.view).toContain('Syntetiske data');
  }
});
