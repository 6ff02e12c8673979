/**
 * Journey: «Hent fra SSB» against the PxWebApi stand-in (never the internet). Search a table, build a
 * selection with a merged-municipality code list, see the cells and the requests before fetching, fetch
 * (split over the limit the stand-in's /config gives), and find the source with its provenance next
 * to the uploads. Without network a clear message appears and the loaded data stay; with the setting
 * off the page sends nothing. Requests may only go to the page and the configured API (fixtures).
 */
import type { Page, Request } from '@playwright/test';
import { test, expect, waitForResults, openView, expectNoSeriousAxeViolations, switchLanguage } from './support/fixtures';
import { configuredApiOrigins, standinOrigin } from './support/ssb';

function apiRequests(page: Page): string[] {
  const api = new Set(configuredApiOrigins());
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    if (api.has(new URL(r.url()).origin)) seen.push(r.url());
  });
  return seen;
}

async function openSsb(page: Page): Promise<void> {
  await page.goto('/');
  // Generous: the demo loads first, and the machine may be shared.
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 150_000 });
  await waitForResults(page);
  await openView(page, 'data');
  await page.getByTestId('ssb-panel').locator('summary').click();
}

test.describe.configure({ mode: 'serial' });

/** The panel in the 1366×768 viewport (the full-page shots of the Data view are very tall). */
async function panelShot(page: Page, name: string): Promise<void> {
  await page.getByTestId('ssb-panel').scrollIntoViewIfNeeded();
  await page.getByTestId('ssb-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `e2e-artifacts/${name}.png` });
}

test('search a table, build a selection, fetch it split over the limit, see its provenance', async ({ page }) => {
  // A long journey on a shared machine: the demo, a 189 210-cell fetch and two axe runs.
  test.setTimeout(480_000);
  const sent = apiRequests(page);
  await openSsb(page);
  await expect(page.getByTestId('privacy-footer')).toContainText('bare til SSBs API (data.ssb.no)');
  await page.getByTestId('ssb-search').fill('07459');
  await page.getByTestId('ssb-search-button').click();
  await expect(page.getByTestId('ssb-hits')).toContainText('07459: Befolkning');
  await page.getByTestId('ssb-pick').first().click();

  const builder = page.getByTestId('ssb-builder');
  await expect(builder).toHaveAttribute('data-state', 'ready');
  // Municipalities default to the merged series (agg_KommSummer); years to the latest five.
  const region = page.locator('[data-testid="ssb-dim"][data-dim="Region"]');
  await expect(region.getByTestId('ssb-codelist')).toHaveValue('agg_KommSummer');
  await expect(page.getByTestId('ssb-plan')).toHaveAttribute('data-cells', String(357 * 5));
  await expect(page.getByTestId('ssb-plan')).toHaveAttribute('data-requests', '1');

  // Every single age: 357 × 106 × 5 cells, over the stand-in's 100 000 per request → split.
  const age = page.locator('[data-testid="ssb-dim"][data-dim="Alder"]');
  await age.getByLabel('Valgte verdier').check();
  await age.getByRole('button', { name: 'Velg alle viste' }).click();
  await expect(page.getByTestId('ssb-plan')).toHaveAttribute('data-cells', String(357 * 106 * 5));
  await expect(page.getByTestId('ssb-plan')).toContainText('189 210 celler');
  await expect(page.getByTestId('ssb-plan')).toHaveAttribute('data-requests', '2');
  await expectNoSeriousAxeViolations(page, { label: 'Hent fra SSB' });
  await panelShot(page, 'ssb-query-nb');

  await page.getByTestId('ssb-fetch').click();
  await expect(page.getByTestId('ssb-fetch-status-message')).toContainText('lagt til som kilde «ssb_07459»', { timeout: 120_000 });
  await waitForResults(page);
  const card = page.locator('[data-testid="file-card"][data-file="ssb-07459.json"]');
  await expect(card).toHaveAttribute('data-status', 'ok');
  const prov = card.getByTestId('ssb-provenance');
  await expect(prov).toHaveAttribute('data-table', '07459');
  await expect(prov).toContainText('sist oppdatert av SSB 2025-02-20');
  await expect(prov).toContainText('2 spørringer');
  await expect(card.getByTestId('file-summary')).toContainText('357 kommuner');
  expect(sent.filter((u) => u.includes('/tables/07459/data'))).toHaveLength(2);
  for (const u of sent) expect(u.length).toBeLessThanOrEqual(2100);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e-artifacts/ssb-source-card-nb.png' });

  await switchLanguage(page, 'en');
  await expect(page.getByTestId('privacy-footer')).toContainText("only to SSB's API (data.ssb.no)");
  await expect(card.getByTestId('ssb-provenance')).toContainText('last updated by SSB');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e-artifacts/ssb-source-card-en.png' });
  await panelShot(page, 'ssb-panel-en');
  await expectNoSeriousAxeViolations(page, { label: 'Fetch from SSB (en)' });
});

test('without network: a clear message, and the data already loaded stay', async ({ page, context }) => {
  await openSsb(page);
  const cards = await page.getByTestId('file-card').count();
  await context.setOffline(true);
  await page.getByTestId('ssb-search').fill('barnevern');
  await page.getByTestId('ssb-search-button').click();
  await expect(page.locator('.kl-ssb-search')).toContainText('Får ikke kontakt med SSB');
  await expect(page.locator('.kl-ssb-search')).toContainText('Data som allerede er lastet inn, er uendret');
  await expect(page.getByTestId('file-card')).toHaveCount(cards);
  await context.setOffline(false);
});

test('SSB answers 429 first: the client waits, retries and gets the table', async ({ page }) => {
  await openSsb(page);
  await page.getByTestId('ssb-search').fill('99429');
  await page.getByTestId('ssb-search-button').click();
  await page.getByTestId('ssb-pick').first().click();
  await expect(page.getByTestId('ssb-builder')).toHaveAttribute('data-state', 'ready');
  // The fault table answers 429 first: the client waits and retries, the user sees the wait.
  await page.getByTestId('ssb-fetch').click();
  await expect(page.getByTestId('ssb-fetch-status-message')).toContainText('lagt til som kilde', { timeout: 60_000 });
});

test('with the setting off the page sends nothing and says so', async ({ page }) => {
  const sent = apiRequests(page);
  await openSsb(page);
  await page.getByTestId('ssb-allow').uncheck();
  await expect(page.getByTestId('privacy-footer')).toHaveText('Alt beregnes i nettleseren. Ingen data sendes ut av maskinen.');
  await expect(page.getByTestId('ssb-search')).toHaveCount(0);
  await page.reload();
  await waitForResults(page);
  await expect(page.getByTestId('privacy-footer')).toHaveText('Alt beregnes i nettleseren. Ingen data sendes ut av maskinen.');
  expect(sent).toEqual([]);
});

test('recipe: one click fetches the barnevern data set, the model is fitted, provenance shown; «Oppdater fra SSB» lists what changed', async ({ page, request }) => {
  test.setTimeout(600_000);
  const sent = apiRequests(page);
  await openSsb(page);
  await page.getByTestId('ssb-recipe-years').fill('3');
  await page.getByTestId('ssb-recipe-barnevern').click();
  await expect(page.getByTestId('ssb-recipe-status-message')).toContainText('Oppskriften er hentet: Barnevern', { timeout: 240_000 });
  await expect(page.getByTestId('ssb-recipe-status-message')).toContainText('Demodataene er byttet ut med en ny analyse');
  const items = page.getByTestId('ssb-recipe-items').locator('li');
  await expect(items).toHaveCount(6);
  await expect(page.getByTestId('ssb-recipe-items').locator('li[data-state="fetched"]')).toHaveCount(6);
  await expect(items.filter({ hasText: 'Utgifter etter funksjon' })).toContainText('tabell 12367');
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
  await waitForResults(page);

  const card = page.locator('[data-testid="file-card"][data-file="ssb-barnevern-utgifter.json"]');
  await expect(card.getByTestId('ssb-provenance')).toContainText('tabell 12367');
  await expect(card.getByTestId('ssb-provenance')).toContainText('oppskrift: barnevern');
  await panelShot(page, 'ssb-recipe-nb');

  await openView(page, 'models');
  await waitForResults(page);
  const table = page.getByTestId('results-table');
  const col = (await table.locator('thead th[data-model]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-model')))).indexOf('barnevern_kriterier');
  expect(col).toBeGreaterThanOrEqual(0);
  await expect(table.locator('thead th[data-model="barnevern_kriterier"]')).toContainText('Barnevern: dagens kriterier');
  await expect(table.locator('tr[data-coef="andel_lavinntekt"] td').nth(col)).toContainText(/\d/);
  await expect(table.getByTestId('row-n').locator('td').nth(col)).toHaveText(/^1[\s\u00a0]?0\d\d$/);
  await page.screenshot({ path: 'e2e-artifacts/ssb-recipe-model-nb.png' });

  // SSB publishes a new year and revises some figures: the refresh lists it per source.
  expect((await request.get(`${standinOrigin()}/__standin/vintage?n=1`)).ok()).toBe(true);
  try {
    await openView(page, 'data');
    await page.getByTestId('ssb-refresh').click();
    const changes = page.getByTestId('ssb-changes');
    await expect(changes).toContainText('ssb_barnevern_utgifter (tabell 12367): 1 nye år (2025)', { timeout: 240_000 });
    await expect(changes).toContainText('celler endret');
    await expect(changes).toContainText('oppdatert av SSB');
    await waitForResults(page);
    await page.getByTestId('ssb-refresh-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e-artifacts/ssb-refresh-nb.png' });
  } finally {
    await request.get(`${standinOrigin()}/__standin/vintage?n=0`);
  }
  for (const u of sent) expect(u.length).toBeLessThanOrEqual(2100);
  expect(sent.some((u) => u.includes('/tables/12367/data'))).toBe(true);
});
