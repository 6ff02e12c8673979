/**
 * Own-data journeys on the built app, with real files from ../shared/data/real (the test fails, it
 * does not skip, when they are missing under CI=true):
 * 1. From the demo to an empty analysis («Ny analyse»), upload only real files (population by single
 *    age, the Grønt hefte index, SSB's 1994–2024 grouping), follow the checklist's buttons to a model
 *    and a key on real municipalities — no demo residue, no synthetic label; a reload stays there.
 * 2. Demo + one real file: the «partly synthetic» label with its share on the badge, every view,
 *    the charts, the table export and the scripts; «Fjern demodata» then removes it all in one step.
 * 3. The same start as 1 with a population file in which one municipality sums to 0 and one to a
 *    negative number: the key names each (zero or negative), not «mangler verdi».
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openView, waitForResults, expectNoSeriousAxeViolations, shot, switchLanguage } from './support/fixtures';

const REAL = process.env.KNL_REAL_DIR ?? path.resolve('../shared/data/real');
const POP = `${REAL}/ssb-07459-population-by-age-csv/Personer2022.csv`;
const INDEX = `${REAL}/kmd-gront-hefte-cost-index-per-municipality/dki-2025.A-k-samlet.json`;
const GROUPS = `${REAL}/ssb-statbank-kommune-aggregation-1994-2024-xlsx/kommuner-1994-2024.xlsx`;
test.skip(!existsSync(REAL) && process.env.CI !== 'true', 'the real files in ../shared/data/real are not here');
// Long journeys with several full pipeline runs: a generous limit for a loaded machine (a wait, not a speed test).
test.setTimeout(900_000);

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await dl.path())!).toString('utf8');
}

async function upload(page: Page, files: string[]): Promise<void> {
  await openView(page, 'data');
  const before = await page.getByTestId('queue-item').count();
  await page.getByTestId('file-input').setInputFiles(files);
  const items = page.getByTestId('queue-item');
  await expect(items).toHaveCount(before + files.length);
  for (let i = before; i < before + files.length; i++) await expect(items.nth(i)).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await waitForResults(page);
}

test('own data from an empty start: the checklist leads to a model and a key on real municipalities', async ({ page }) => {
  await page.goto('/#data');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 240_000 });
  await waitForResults(page);

  // «Ny analyse»: nothing of the demo is left.
  await page.getByTestId('new-analysis').click();
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
  await expect(page.getByTestId('file-card')).toHaveCount(0);
  await waitForResults(page);
  await expect(page.locator('[data-check="population"]')).toHaveAttribute('data-status', 'todo');

  await upload(page, [POP, INDEX, GROUPS]);
  const years = page.locator('[data-check="years"]');
  await expect(years).toHaveAttribute('data-status', 'todo');
  await expect(years).toContainText('ingen felles år');
  await expect(years.getByTestId('check-years')).toContainText('Personer2022.csv: 2022');
  await expect(years.getByTestId('check-years')).toContainText('dki-2025.A-k-samlet.json: 2025');
  await shot(page, 'own-data-checklist-nb');
  await expectNoSeriousAxeViolations(page, { label: 'data view with the checklist' });

  // Follow the first button of each open item, as the checklist proposes.
  const order: string[] = [];
  for (let step = 0; step < 8; step++) {
    const open = page.locator('[data-testid="check-item"]:is([data-status="todo"], [data-status="warn"]) [data-testid="check-action"]');
    if ((await open.count()) === 0) break;
    const button = open.first();
    order.push((await button.getAttribute('data-action')) ?? '');
    await button.click();
    await waitForResults(page);
    await expect(page.getByTestId('check-action').first()).toBeEnabled();
  }
  expect(order).toEqual(['population-from-ages', 'age-shares', 'year-as', 'change-table', 'make-model']);
  for (const id of ['population', 'dependent', 'criteria', 'years', 'names', 'structure', 'model']) {
    await expect(page.locator(`[data-check="${id}"]`)).toHaveAttribute('data-status', 'ok');
  }
  await expect(page.locator('[data-testid="file-card"][data-file="dki-2025.A-k-samlet.json"] [data-testid="year-as"]')).toContainText('2022');
  await shot(page, 'own-data-checklist-done-nb');

  // The key, on real municipality numbers of the 2024 structure, with no synthetic note anywhere.
  await openView(page, 'costkey');
  await waitForResults(page);
  const weights = page.getByTestId('costkey-weights-table');
  await expect(weights).toContainText('Andel innbyggere 80+ år');
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
  await shot(page, 'own-data-costkey-nb');
  await openView(page, 'redistribution');
  await waitForResults(page);
  const table = page.getByTestId('redistribution-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const units = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit') ?? ''));
  expect(units.length).toBeGreaterThan(10);
  expect(units.every((u) => /^\d{4}$/.test(u) && !u.startsWith('9'))).toBe(true);
  await expect(page.getByTestId('chart-synthetic')).toHaveCount(0);
  await page.getByTestId('redistribution-search').fill('Halden');
  await expect(table.locator('tbody tr[data-unit="3101"]')).toBeVisible();
  // A chart of real municipalities as a slide: its source line names the real files, no synthetic note.
  await page.getByTestId('redistribution-scatter').getByTestId('add-slide').click();
  await openView(page, 'share');
  await page.getByTestId('start-presentation').click();
  await page.keyboard.press('End');
  await expect(page.getByTestId('slide-item')).toHaveAttribute('data-found', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('slide-title')).toHaveText('Endring per innbygger mot folketall (logaritmisk skala)');
  const foot = page.getByTestId('slide').locator('.kl-slide-foot');
  await expect(foot).toContainText('Personer2022.csv');
  await expect(foot).not.toContainText('Syntetiske');
  await shot(page, 'own-data-slide-nb');
  await page.keyboard.press('Escape');
  await openView(page, 'redistribution');
  await switchLanguage(page, 'en');
  await shot(page, 'own-data-redistribution-en');
  await expectNoSeriousAxeViolations(page, { label: 'redistribution on real data' });
  await openView(page, 'data');
  await shot(page, 'own-data-checklist-done-en');

  // The exports say nothing about synthetic data; a reload keeps the real analysis (no demo).
  await openView(page, 'share');
  const r = await download(page, () => page.getByTestId('download-r').click());
  expect(r).not.toContain('syntetiske');
  await page.reload();
  await expect(page.getByTestId('restore-prompt')).toBeVisible({ timeout: 60_000 });
  await waitForResults(page);
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
});

test('demo + real data: partly synthetic, said everywhere; «Fjern demodata» removes it in one step', async ({ page }) => {
  await page.goto('/#data');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 240_000 });
  await waitForResults(page);
  await upload(page, [POP]);

  // The badge and the notice on every view give the share of synthetic rows.
  await expect(page.getByTestId('synthetic-badge')).toContainText(/Syntetiske demodata \(\d+ %\)/);
  const notice = page.getByTestId('synthetic-notice');
  await expect(notice).toContainText(/Delvis syntetiske data: \d+ % av radene/);
  for (const view of ['variables', 'models', 'explained', 'stability', 'costkey', 'total-key', 'redistribution', 'my-municipality', 'share']) {
    await openView(page, view);
    await expect(page.getByTestId('synthetic-notice')).toContainText('Delvis syntetiske data');
  }
  await openView(page, 'redistribution');
  await waitForResults(page);
  const notes = page.getByTestId('chart-synthetic');
  await expect(notes.first()).toBeVisible();
  for (const t of await notes.allTextContents()) expect(t).toMatch(/Delvis syntetiske data: \d+ %/);
  await shot(page, 'mixed-redistribution-nb');

  // Exports and scripts.
  await openView(page, 'share');
  await waitForResults(page);
  await expect(page.getByTestId('table-synthetic').first()).toContainText('Delvis syntetiske data');
  const group = page.getByTestId('share-table-export');
  const csv = await download(page, () => group.getByRole('button', { name: 'CSV' }).click());
  expect(csv).toMatch(/Delvis syntetiske data: \d+ % av radene/);
  const r = await download(page, () => page.getByTestId('download-r').click());
  expect(r).toContain('MERK: analysen bruker syntetiske demodata');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('synthetic-notice')).toContainText('Partly synthetic data');
  await shot(page, 'mixed-share-en');
  await switchLanguage(page, 'nb');

  // One step: the demo files, models and keys go; the real file stays and the label with them.
  await page.getByTestId('remove-demo').click();
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
  await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
  await openView(page, 'data');
  await expect(page.getByTestId('file-card')).toHaveCount(1);
  await expect(page.getByTestId('file-card')).toHaveAttribute('data-file', 'Personer2022.csv');
  await waitForResults(page);
  await expect(page.locator('[data-check="model"]')).not.toHaveAttribute('data-status', 'ok');
  await openView(page, 'models');
  await expect(page.getByRole('button', { name: /Dagens nøkkel/ })).toHaveCount(0);

  // The demo comes back in one click.
  await page.getByTestId('load-demo').click();
  await page.getByTestId('start-confirm-yes').click();
  await expect(page.getByTestId('synthetic-badge')).toHaveText('Syntetiske demodata', { timeout: 60_000 });
});

/**
 * Personer2022.csv with Halden's (3001) ages summing to 0 (its «0 years» set to minus the rest: a row
 * of only zeros would be read as a code not in use that year) and Moss's (3002) «0 years» −100 000.
 */
function impossiblePopulations(dir: string): string {
  const lines = readFileSync(POP, 'latin1').split('\n');
  const count = (l: string) => Number(l.trimEnd().split(';').pop());
  const put = (i: number, v: number) => {
    const cells = lines[i].split(';');
    cells[cells.length - 1] = `${v}${lines[i].endsWith('\r') ? '\r' : ''}`;
    lines[i] = cells.join(';');
  };
  const halden = lines.flatMap((l, i) => (l.startsWith('"K-3001 ') ? [i] : []));
  put(halden[0], -halden.slice(1).reduce((a, i) => a + count(lines[i]), 0));
  put(lines.findIndex((l) => l.startsWith('"K-3002 ') && l.includes('"0 years"')), -100_000);
  const file = path.join(dir, 'Personer2022.csv');
  writeFileSync(file, lines.join('\n'), 'latin1');
  return file;
}

test('a zero and a negative population in an uploaded file: the key names each as such, not «mangler verdi»', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kl-population-'));
  try {
    await page.goto('/#data');
    await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 240_000 });
    await waitForResults(page);
    await page.getByTestId('new-analysis').click();
    await waitForResults(page);
    await upload(page, [impossiblePopulations(dir), INDEX, GROUPS]);
    for (let step = 0; step < 8; step++) {
      const open = page.locator('[data-testid="check-item"]:is([data-status="todo"], [data-status="warn"]) [data-testid="check-action"]');
      if ((await open.count()) === 0) break;
      await open.first().click();
      await waitForResults(page);
    }
    await expect(page.locator('[data-check="model"]')).toHaveAttribute('data-status', 'ok');

    // The key's messages: one group, both municipalities (Halden 3101 and Moss 3103 in the 2024 structure).
    await openView(page, 'costkey');
    await waitForResults(page);
    const messages = page.getByTestId('costkey-problems');
    const group = messages.locator('[data-problem-code="population-not-positive"]');
    await expect(group).toHaveAttribute('data-count', '2');
    await group.getByRole('button', { name: 'Vis alle 2' }).click();
    await expect(group).toContainText('Enhet 3101 har befolkning 0 (null eller negativ) og får ingen indeks.');
    await expect(group).toContainText(/Enhet 3103 har befolkning −\d+ \(null eller negativ\) og får ingen indeks\./);
    await expect(messages).not.toContainText(/Enhet 310[13] mangler verdi/);
    await expectNoSeriousAxeViolations(page, { label: 'cost key with impossible populations' });
    await shot(page, 'population-not-positive-costkey-nb');

    // «Min kommune» gives the same reason for Halden.
    await openView(page, 'my-municipality');
    const my = page.getByTestId('my-view');
    await my.getByTestId('my-search').fill('Halden');
    await my.getByTestId('my-hits').getByRole('button').first().click();
    const why = my.getByTestId('my-left-out');
    await expect(why).toHaveAttribute('data-reason', 'population-not-positive');
    await expect(why).toContainText('Grunnen: folketallet er null eller negativt i 2022');
    await switchLanguage(page, 'en');
    await expect(why).toContainText('The reason: the population is zero or negative in 2022');
    await shot(page, 'population-not-positive-my-en');
    await switchLanguage(page, 'nb');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
