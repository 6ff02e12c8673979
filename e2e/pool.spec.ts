/**
 * Issue 19 item 1 in the built app: the cluster bootstrap (999 replications = 16 blocks) runs on the
 * pool of Web Workers the analysis worker starts (same-origin module workers, so the CSP holds) and
 * its results reach the view. The demo's subset search (4 candidates, 16 subsets) is one block and
 * runs in the analysis worker: no pool is started for it. Exactness across worker counts is tested
 * in test/pool/pool.test.ts.
 */
import path from 'node:path';
import { test, expect, loadDemo, waitForResults, openView, shot, expectNoSeriousAxeViolations, ARTIFACTS } from './support/fixtures';

test('the cluster bootstrap is computed on the worker pool; a one-block subset search is not', async ({ page }) => {
  test.setTimeout(300_000);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });

  await loadDemo(page, 'explained');
  const view = page.getByTestId('explained-view');
  await view.getByRole('checkbox', { name: 'Kjør delmengdesøket' }).check();
  await waitForResults(page);
  const subsets = page.getByTestId('subset-table');
  await expect(subsets).toBeVisible();
  expect(await subsets.locator('tbody tr').count()).toBeGreaterThan(1);
  await expect(view.getByText(/\d+ delmengder evaluert/)).toBeVisible();
  const poolWorker = (u: string) => /pool\.worker-[\w-]+\.js$/.test(u);
  expect(workers.filter(poolWorker)).toEqual([]);
  await shot(page, 'pool-subsets');
  await expectNoSeriousAxeViolations(page);

  await openView(page, 'stability');
  await waitForResults(page);
  await page.getByRole('checkbox', { name: 'Kjør bootstrap' }).check();
  await waitForResults(page);
  const boot = page.getByTestId('bootstrap-table');
  await expect(boot).toBeVisible();
  expect(await boot.locator('tbody tr').count()).toBeGreaterThan(1);
  // Its summary in the Norwegian number format: the demo model's 3 335 rows as «3 335» (no-break space).
  await expect(page.getByTestId('bootstrap-info')).toHaveText(/^999 replikasjoner, \d+ klynger, N = 3\u00a0335\.$/);
  await expect(page.getByText(/feilet to ganger i en hjelpetråd/)).toHaveCount(0);
  // The pool worker was started by the analysis worker (a nested worker, from the page's origin).
  await expect.poll(() => workers.filter(poolWorker).length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  expect(workers.every((u) => u.startsWith(origin))).toBe(true);
  await shot(page, 'pool-bootstrap');
  await page.locator('section[aria-labelledby="kl-boot"]').screenshot({ path: path.join(ARTIFACTS, 'pool-bootstrap-section.png') });
  await expectNoSeriousAxeViolations(page);
  expect(cspViolations).toEqual([]);
});
