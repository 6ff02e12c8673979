/**
 * «Min kommune» as a one-page municipal report. A link `#kommune=NNNN` opens it with
 * that municipality chosen (over the saved view state); the report says what the key is and what it
 * is compared with, draws the index from 1,0 with a total bar and a 1,0 line, lists five comparable
 * municipalities sorted by change, and prints (Chromium page.pdf, print stylesheet) to one A4 page that
 * carries the name, the index and the change. A number that is not in the data gets a plain reason.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, loadDemo, openView, switchLanguage, expectNoSeriousAxeViolations, waitForResults } from './support/fixtures';
import { pdfPages, squeeze } from './support/pdfText';

/** Two demo municipality numbers, from the search as a user finds them. */
async function demoCodes(page: Page): Promise<string[]> {
  await openView(page, 'my-municipality');
  await page.getByTestId('my-search').fill('9');
  const hits = page.getByTestId('my-hits').getByRole('button');
  await expect(hits.nth(1)).toBeVisible();
  const texts = await hits.allTextContents();
  return texts.map((t) => /\((\d{4})\)/.exec(t)?.[1] ?? '').filter(Boolean);
}

/** Opens the address as a link from outside would: a fresh load of the page. */
async function openLink(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
  await expect(page.locator('main#main')).toHaveAttribute('data-view', 'my-municipality');
}

test('a link #kommune=NNNN opens a one-page report that prints to one A4 page with the name, index and change', async ({ page }, testInfo) => {
  test.setTimeout(420_000);
  await loadDemo(page);
  const [first, second] = await demoCodes(page);
  // The saved view state points at the first; the link must win.
  await page.getByTestId('my-hits').getByRole('button').first().click();
  await expect(page.getByTestId('my-name')).toContainText(first);

  await openLink(page, `#kommune=${second}`);
  const report = page.getByTestId('my-report');
  await expect(page.getByTestId('my-name')).toContainText(`(${second})`);
  const name = ((await page.getByTestId('my-name').textContent()) ?? '').replace(/\s*\(\d{4}\)\s*$/, '').trim();
  expect(name.length).toBeGreaterThan(1);

  // What the key is and what it is compared with, and why «Foreslått» and «Beregnet» may agree.
  await expect(page.getByTestId('my-what')).toContainText('Kostnadsnøkkel for');
  await expect(page.getByTestId('my-what')).toContainText('Endringen er målt mot');
  await expect(page.getByTestId('my-what')).toContainText(/år \d{4}/);
  const summary = (await page.getByTestId('my-summary').textContent()) ?? '';
  const index = /Indeks (\d,\d{4})/.exec(summary)?.[1] ?? '';
  expect(index, summary).toMatch(/^\d,\d{4}$/);
  expect(summary).toContain('1,0 er landsgjennomsnittet');
  const change = ((await page.getByTestId('my-change').textContent()) ?? '').trim();
  expect(change).toMatch(/\d/);
  expect(summary).toContain(change);

  // The waterfall: from the national average to the index, a total bar and the 1,0 line.
  const chart = page.getByTestId('my-waterfall');
  await expect(chart.getByTestId('waterfall-one-line')).toHaveCount(1);
  await expect(chart.locator('svg text', { hasText: /^Landsgjennomsnitt$/ })).toHaveCount(1);
  await expect(chart.locator('svg text', { hasText: `Indeks ${name}` })).toHaveCount(1);

  // Five peers and the municipality itself, sorted by the change per inhabitant.
  const peers = page.getByTestId('my-peers-table').locator('tbody tr');
  await expect(peers).toHaveCount(6);
  await expect(page.getByTestId('my-peers-table').locator('tbody tr[data-mine="true"]')).toHaveCount(1);
  const perCapita = (await peers.locator('td:last-child').allTextContents()).map((t) => Number(t.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-')));
  expect([...perCapita].sort((a, b) => a - b)).toEqual(perCapita);

  // Criteria in readable units, not raw fractions.
  await expect(page.getByTestId('my-criteria')).toContainText(/per 1 000 innb\.|%/);

  await expectNoSeriousAxeViolations(page, { label: 'Min kommune' });
  await report.screenshot({ path: testInfo.outputPath('min-kommune-nb.png') });
  await testInfo.attach('min-kommune-nb', { path: testInfo.outputPath('min-kommune-nb.png'), contentType: 'image/png' });

  // Print: one A4 page with the name, the index and the change.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(testInfo.outputPath('min-kommune-nb.pdf'), pdf);
  await testInfo.attach('min-kommune-nb.pdf', { path: testInfo.outputPath('min-kommune-nb.pdf'), contentType: 'application/pdf' });
  const pages = pdfPages(pdf);
  expect(pages, 'pages of the printed report').toHaveLength(1);
  const text = squeeze(pages[0]);
  expect(text).toContain(squeeze(name));
  expect(text).toContain(squeeze(index));
  expect(text).toContain(squeeze(change));
  // What the paper looks like: the print stylesheet on an A4-wide page, kept for the reviewers.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: testInfo.outputPath('min-kommune-print-nb.png') });
  await testInfo.attach('min-kommune-print-nb', { path: testInfo.outputPath('min-kommune-print-nb.png'), contentType: 'image/png' });
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1366, height: 768 });
  // No navigation or controls on paper.
  expect(text).not.toContain(squeeze('Forklart variasjon'));
  expect(text).not.toContain(squeeze('Skriv ut'));

  await switchLanguage(page, 'en');
  await expect(page.getByTestId('my-what')).toContainText('The change is measured against');
  await expect(page.getByTestId('my-summary')).toContainText('1.0 is the national average');
  await report.screenshot({ path: testInfo.outputPath('min-kommune-en.png') });
  await testInfo.attach('min-kommune-en', { path: testInfo.outputPath('min-kommune-en.png'), contentType: 'image/png' });
  const pdfEn = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
  expect(pdfEn).toHaveLength(1);
  expect(squeeze(pdfEn[0])).toContain(squeeze(index.replace(',', '.')));
});

test('a municipality number that is not in the data gets a plain reason, not «no match»', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
  await openLink(page, '#kommune=0301');
  await expect(page.getByTestId('my-left-out')).toContainText('Kommunenummer 0301 finnes ikke i dataene');
  await expect(page.getByTestId('my-report')).toHaveCount(0);
});
