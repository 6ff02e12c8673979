/**
 * Journey: «Hent fra SSB» against the PxWebApi stand-in (never the internet). Search a table, build a
 * selection with a merged-municipality code list, see the cells and the requests before fetching, fetch
 * (split over the limit the stand-in's /config gives), and find the source with its provenance next
 * to the uploads. Without network a clear message appears and the loaded data stay; with the setting
 * off the page sends nothing. Requests may only go to the page and the configured API (fixtures).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Page, Request } from '@playwright/test';
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

// Every test loads the demo first; on a shared 2-core machine that alone can take minutes.
test.describe.configure({ mode: 'serial', timeout: 900_000 });

/** The stand-in's log since the last reset: API request paths, and requests refused for the quota. */
async function standinLog(request: APIRequestContext): Promise<{ requests: string[]; refused: number }> {
  return (await (await request.get(`${standinOrigin()}/__standin/log`)).json()) as { requests: string[]; refused: number };
}

// Each test starts with a fresh stand-in window: the quota, the fault counters and the log.
test.beforeEach(async ({ request }) => {
  expect((await request.get(`${standinOrigin()}/__standin/reset`)).ok()).toBe(true);
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** The panel in the 1366×768 viewport (the full-page shots of the Data view are very tall). */
async function panelShot(page: Page, name: string): Promise<void> {
  await page.getByTestId('ssb-panel').scrollIntoViewIfNeeded();
  await page.getByTestId('ssb-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `e2e-artifacts/${name}.png` });
}

test('search a table, build a selection, fetch it split over the limit, see its provenance', async ({ page }) => {
  // A long journey on a shared machine: the demo, a 189 210-cell fetch and two axe runs.
  test.setTimeout(900_000);
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
  await expect(page.getByTestId('ssb-fetch-status-message')).toContainText('table 07459 added as source «ssb_07459» (189,210 cells)');
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

test('SSB answers 429 first: the client waits, retries and gets the table', async ({ page, request }) => {
  await openSsb(page);
  await page.getByTestId('ssb-search').fill('99429');
  await page.getByTestId('ssb-search-button').click();
  await page.getByTestId('ssb-pick').first().click();
  await expect(page.getByTestId('ssb-builder')).toHaveAttribute('data-state', 'ready');
  // The fault table answers 429 first: the client waits and retries, the user sees the wait.
  await page.getByTestId('ssb-fetch').click();
  await expect(page.getByTestId('ssb-fetch-status-message')).toContainText('lagt til som kilde «ssb_99429»', { timeout: 60_000 });
  // Two data requests reached the stand-in: the one answered 429 and the retry after the wait.
  const log = await standinLog(request);
  expect(log.requests.filter((u) => u.includes('/tables/99429/data'))).toHaveLength(2);
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
  test.setTimeout(900_000);
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
  // Within the quota /config gives (SSB's 30 a minute): the stand-in never had to refuse a request.
  // (That the client waits before the quota is proven with a fake clock in src/ssb/pacing.test.ts.)
  const afterRecipe = await standinLog(request);
  console.log(`recipe: ${afterRecipe.requests.length} API requests`);
  expect(afterRecipe.refused).toBe(0);
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
  await waitForResults(page);
  // Nothing of the demo is left over: not its files, not its import messages.
  await expect(page.locator('main#main')).not.toContainText('kommunal-deflator.csv');

  const card = page.locator('[data-testid="file-card"][data-file="ssb-barnevern-utgifter.json"]');
  await expect(card.getByTestId('ssb-provenance')).toContainText('tabell 12367');
  await expect(card.getByTestId('ssb-provenance')).toContainText('oppskrift: barnevern');
  await panelShot(page, 'ssb-recipe-nb');

  await openView(page, 'models');
  await waitForResults(page);
  const table = page.getByTestId('results-table');
  // Wait for the recipe's column first: evaluateAll does not wait, and the view mounts its table
  // after its first frame (it read an empty header once the view kit deferred it).
  await expect(table.locator('thead th[data-model="barnevern_kriterier"]')).toContainText('Barnevern: dagens kriterier');
  const col = (await table.locator('thead th[data-model]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-model')))).indexOf('barnevern_kriterier');
  expect(col).toBeGreaterThanOrEqual(0);
  await expect(table.locator('tr[data-coef="andel_lavinntekt"] td').nth(col)).toContainText(/\d/);
  await expect(table.getByTestId('row-n').locator('td').nth(col)).toHaveText(/^1[\s\u00a0]?0\d\d$/);
  await page.screenshot({ path: 'e2e-artifacts/ssb-recipe-model-nb.png' });

  // SSB publishes a new year and revises some figures: the refresh lists it per source.
  expect((await request.get(`${standinOrigin()}/__standin/vintage?n=1`)).ok()).toBe(true);
  try {
    await openView(page, 'data');
    await page.getByTestId('ssb-refresh').click();
    const changes = page.getByTestId('ssb-changes');
    await expect(changes).toContainText('ssb_barnevern_utgifter (tabell 12367): nytt år 2025', { timeout: 600_000 });
    await expect(changes).toContainText('celler endret');
    await expect(changes).toContainText('oppdatert av SSB');
    await waitForResults(page);
    await page.getByTestId('ssb-refresh-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e-artifacts/ssb-refresh-nb.png' });
    await switchLanguage(page, 'en');
    await expect(changes).toContainText('ssb_barnevern_utgifter (table 12367): new year 2025');
    await panelShot(page, 'ssb-recipe-en');
    await expectNoSeriousAxeViolations(page, { label: 'Recipe and refresh (en)' });
    await switchLanguage(page, 'nb');
  } finally {
    await request.get(`${standinOrigin()}/__standin/vintage?n=0`);
  }
  for (const u of sent) expect(u.length).toBeLessThanOrEqual(2100);
  expect(sent.some((u) => u.includes('/tables/12367/data'))).toBe(true);
  expect((await standinLog(request)).refused).toBe(0);

  // The provenance travels with the analysis: project file, «Om analysen» and the R/Stata scripts.
  await openView(page, 'share');
  const project = JSON.parse((await download(page, () => page.getByTestId('save-project').click())).bytes.toString('utf8')) as {
    spec: { data: { sources: { id: string; ssb?: { query: { tableId: string }; updated: string | null; fetchedAt: string; urls: string[]; recipe: string | null } }[] } };
    data?: { source: { id: string } }[];
  };
  const saved = project.spec.data.sources.find((x) => x.id === 'ssb_barnevern_utgifter');
  expect(saved?.ssb).toMatchObject({ query: { tableId: '12367' }, recipe: 'barnevern' });
  expect(saved?.ssb?.urls.every((u) => u.startsWith('https://data.ssb.no/api/pxwebapi/v2/tables/12367/data?'))).toBe(true);
  expect((project.data ?? []).map((d) => d.source.id)).toContain('ssb_barnevern_utgifter');
  const r = (await download(page, () => page.getByTestId('download-r').click())).bytes.toString('utf8');
  expect(r).toContain('PxWebApiData::get_api_data_2');
  expect(r).toContain(saved!.ssb!.urls[0]);
  const stata = (await download(page, () => page.getByTestId('download-stata').click())).bytes.toString('utf8');
  expect(stata).toContain('outputFormat=csv');
  await waitForResults(page);
  const xlsx = await download(page, () => page.getByTestId('share-table-export').getByRole('button', { name: 'Excel' }).click());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
  const about: string[] = [];
  wb.getWorksheet('Om analysen')!.eachRow((row) => about.push(row.values instanceof Array ? row.values.slice(1).join(' | ') : ''));
  const line = about.find((l) => l.startsWith('Hentet fra SSB: ssb_barnevern_utgifter'));
  expect(line).toContain('SSB-tabell 12367');
  expect(line).toContain('sist oppdatert av SSB');
});

/** Picks a table by its number in the search and waits for its metadata. */
async function pickTable(page: Page, id: string): Promise<void> {
  await page.getByTestId('ssb-search').fill(id);
  await page.getByTestId('ssb-search-button').click();
  await expect(page.getByTestId('ssb-hits')).toContainText(`${id}:`);
  await page.getByRole('button', { name: `Velg tabell ${id}` }).click();
  await expect(page.getByTestId('ssb-builder')).toHaveAttribute('data-state', 'ready');
}

test('the CSP lets the page connect to itself and SSB only; a request elsewhere is blocked by the browser', async ({ page, offOrigin }) => {
  await openSsb(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = (csp ?? '').split(';').map((d) => d.trim());
  expect(directives).toContain("connect-src 'self' https://data.ssb.no");
  expect(directives).toContain("default-src 'self'");
  expect(directives.filter((d) => d.startsWith('connect-src'))).toHaveLength(1);

  const probe = 'https://example.org/kostnadsnokkel-csp-probe';
  const refused = await page.evaluate(async (url) => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    try {
      await fetch(url);
      return false;
    } catch {
      return true;
    }
  }, probe);
  expect(refused).toBe(true);
  // The browser itself refused it (not merely an unreachable host): a CSP violation on connect-src.
  await expect.poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([`connect-src ${probe}`]);
  // The blocked attempt may still be reported as a request event; it is the one this test made on purpose.
  for (let i = offOrigin.length - 1; i >= 0; i--) if (offOrigin[i] === probe) offOrigin.splice(i, 1);
});

test('no request carries file content: an uploaded file stays on the machine while a table is fetched', async ({ page, context }) => {
  // A registry-like file with values and names that must never leave the page.
  const marker = 'hemmeligq7xregister';
  const values = ['471108153', '918273645'];
  const file = ['kommune;år;' + marker, `0301;2023;${values[0]}`, `1103;2023;${values[1]}`, '4601;2023;12345'].join('\n');
  const sent: { url: string; method: string; body: string | null }[] = [];
  context.on('request', (r) => sent.push({ url: r.url(), method: r.method(), body: r.postData() }));

  await openSsb(page);
  await page.getByTestId('file-input').setInputFiles([{ name: `${marker}.csv`, mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') }]);
  await expect(page.getByTestId('queue-item')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await waitForResults(page);
  await expect(page.locator(`[data-testid="file-card"][data-file="${marker}.csv"]`)).toHaveAttribute('data-status', 'ok');

  await pickTable(page, '90001');
  await page.getByTestId('ssb-fetch').click();
  await expect(page.getByTestId('ssb-fetch-status-message')).toContainText('lagt til som kilde «ssb_90001»', { timeout: 120_000 });
  await waitForResults(page);

  const api = new Set(configuredApiOrigins());
  const toApi = sent.filter((r) => api.has(new URL(r.url).origin));
  expect(toApi.some((r) => r.url.includes('/tables/90001/data'))).toBe(true);
  for (const r of toApi) {
    // Only GETs of /config, the search, metadata and data: a URL with a table id and codes, no body.
    expect(r.method).toBe('GET');
    expect(r.body).toBeNull();
    expect(new URL(r.url).pathname).toMatch(/\/api\/pxwebapi\/v2\/(config|tables|tables\/\d+\/(metadata|data))$/);
  }
  for (const r of sent) {
    const text = decodeURIComponent(`${r.url} ${r.body ?? ''}`).toLowerCase();
    expect(text).not.toContain(marker);
    for (const v of values) expect(text).not.toContain(v);
  }
});

test('a slow table: progress while it is fetched, and cancel stops it and keeps what is loaded', async ({ page }) => {
  await openSsb(page);
  const cards = await page.getByTestId('file-card').count();
  await pickTable(page, '99001');
  await page.getByTestId('ssb-fetch').click();
  const status = page.getByTestId('ssb-fetch-status');
  await expect(status).toHaveAttribute('data-state', 'running');
  await expect(status.getByRole('status')).toContainText('Henter tabell 99001: 0 av 1 spørring');
  await expect(status.locator('progress')).toBeVisible();
  await page.getByTestId('ssb-fetch-status-cancel').click();
  await expect(page.getByTestId('ssb-fetch-status-message')).toContainText('Hentingen ble avbrutt');
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('file-card')).toHaveCount(cards);
  await expect(page.locator('[data-testid="file-card"][data-file="ssb-99001.json"]')).toHaveCount(0);
  await waitForResults(page);
});

test('SSB answers 503 first: the client backs off, retries and gets the table', async ({ page, request }) => {
  await openSsb(page);
  await pickTable(page, '99503');
  await page.getByTestId('ssb-fetch').click();
  await expect(page.getByTestId('ssb-fetch-status-message')).toContainText('lagt til som kilde «ssb_99503»', { timeout: 60_000 });
  // Two data requests reached the stand-in: the one answered 503 and the retry.
  const log = await standinLog(request);
  expect(log.requests.filter((u) => u.includes('/tables/99503/data'))).toHaveLength(2);
});

test('an error body from SSB is shown in Norwegian with the table and the query; nothing loaded is lost', async ({ page }) => {
  await openSsb(page);
  const cards = await page.getByTestId('file-card').count();
  await pickTable(page, '99400');
  await page.getByTestId('ssb-fetch').click();
  const status = page.getByTestId('ssb-fetch-status');
  await expect(status).toHaveAttribute('data-state', 'error');
  const msg = status.locator('li[data-problem-code="ssb-http-400"]');
  await expect(msg).toContainText('SSB avviste spørringen mot tabell 99400: en verdikode i utvalget finnes ikke i tabellen («Non-existent value», HTTP 400).');
  await expect(msg).toContainText('Spørring: lang=no&outputFormat=json-stat2&valueCodes[Region]=????');
  await expect(page.getByTestId('file-card')).toHaveCount(cards);
  await panelShot(page, 'ssb-error-nb');
  await switchLanguage(page, 'en');
  await expect(msg).toContainText('SSB rejected the request for table 99400: a value code in the selection does not exist in the table');
  await panelShot(page, 'ssb-error-en');
});
