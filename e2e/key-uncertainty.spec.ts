/**
 * Switch on the key's cluster bootstrap in the cost-key view, read the weights'
 * intervals and sign shares, see sign-uncertain municipalities and whiskers in Omfordeling and the
 * plain-words share in Min kommune; the replications, seed and method are stated everywhere, and the
 * same seed gives the same numbers again.
 */
import { test, expect, loadDemo, openView, waitForResults, expectNoSeriousAxeViolations, shot, switchLanguage } from './support/fixtures';

test('the key\'s uncertainty: weight intervals, sign-uncertain municipalities, whiskers and «I x % av trekkene»', async ({ page }) => {
  // A long journey (three views, two languages, four recomputations) on a busy machine.
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await loadDemo(page, 'costkey');
  const panel = page.getByTestId('costkey-uncertainty');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('uncertainty-weights')).toHaveCount(0);
  await panel.getByTestId('uncertainty-enable').check();
  await waitForResults(page);
  const stated = panel.getByTestId('uncertainty-stated');
  await expect(stated).toContainText(/999 av 999 trekk, frø 1, klyngebootstrap over \d+ kommuner av modellen «.+» \(metode A\)/);
  await expect(stated).toContainText('Identitetene holdt i hvert trekk');
  const weights = panel.getByTestId('uncertainty-weights');
  // One row per key criterion plus the basic criterion, each with two intervals and a sign share.
  const rows = weights.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(2);
  await expect(rows.first().locator('td').nth(2)).toHaveText(/^-?\d+,\d{4} – -?\d+,\d{4}$/);
  await expect(rows.first().locator('td').nth(4)).toHaveText(/%$/);
  const firstSeed = await weights.innerText();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'key-uncertainty-weights-nb');
  await expectNoSeriousAxeViolations(page, { label: 'costkey uncertainty' });

  // Another seed moves the intervals; the first seed again gives exactly the same table.
  await panel.getByTestId('uncertainty-seed').fill('2');
  await waitForResults(page);
  await expect(stated).toContainText('frø 2');
  await expect(weights).not.toHaveText(firstSeed);
  await panel.getByTestId('uncertainty-seed').fill('1');
  await waitForResults(page);
  await expect(stated).toContainText('frø 1');
  expect(await weights.innerText()).toBe(firstSeed);

  // Omfordeling: count of sign-uncertain municipalities, whiskers on the sorted chart, a filter.
  await openView(page, 'redistribution');
  const view = page.getByTestId('redistribution-view');
  const count = view.getByTestId('redistribution-sign-uncertain-count');
  await expect(count).toContainText(/\d+ av \d+ kommuner har usikkert fortegn/);
  await expect(view.getByTestId('redistribution-chart').getByTestId('bar-whiskers')).toHaveAttribute('d', /^M/);
  await expect(view.getByTestId('redistribution-chart-interval-note')).toContainText('999 trekk, frø 1');
  const uncertain = Number((await count.innerText()).match(/^(\d+)/)?.[1]);
  const table = view.getByTestId('redistribution-table');
  await view.getByTestId('redistribution-only-uncertain').check();
  await expect(view.getByTestId('redistribution-showing')).toContainText(`av ${uncertain}`);
  if (uncertain > 0) await expect(table.locator('tbody tr').first()).toHaveAttribute('data-sign-uncertain', 'true');
  await view.getByTestId('redistribution-only-uncertain').uncheck();
  // The municipality that loses most (sorted by change per inhabitant, ascending).
  await table.getByRole('button', { name: 'Endring per innbygger (kr)' }).click();
  const loser = table.locator('tbody tr').first();
  await expect(loser).toHaveAttribute('data-unit', /^\d{4}$/);
  const unit = (await loser.getAttribute('data-unit')) ?? '';
  await view.getByTestId('redistribution-chart').scrollIntoViewIfNeeded();
  await shot(page, 'key-uncertainty-redistribution-nb');
  await expectNoSeriousAxeViolations(page, { label: 'redistribution uncertainty' });

  // Min kommune: the share of replications in plain words, with the interval and what was done.
  await openView(page, 'my-municipality');
  const my = page.getByTestId('my-view');
  await my.getByTestId('my-search').fill(unit);
  await my.getByTestId('my-hits').getByRole('button').first().click();
  await expect(my.getByTestId('my-name')).toContainText(unit);
  const sentence = my.getByTestId('my-uncertainty');
  await expect(sentence).toContainText(/I \d+\s%\sav trekkene taper kommunen på den nye nøkkelen\./);
  await expect(sentence).toContainText('95 %-intervall for endringen');
  await expect(sentence).toContainText('frø 1');
  await shot(page, 'key-uncertainty-my-nb');
  await expectNoSeriousAxeViolations(page, { label: 'my municipality uncertainty' });

  await switchLanguage(page, 'en');
  await expect(sentence).toContainText(/In \d+\s?%\sof the replications the municipality loses under the new key\./);
  await shot(page, 'key-uncertainty-my-en');
  await openView(page, 'costkey');
  await expect(page.getByTestId('uncertainty-stated')).toContainText(/999 of 999 replications, seed 1/);
  await page.getByTestId('costkey-uncertainty').scrollIntoViewIfNeeded();
  await shot(page, 'key-uncertainty-weights-en');
  await expectNoSeriousAxeViolations(page, { label: 'costkey uncertainty en' });
});
