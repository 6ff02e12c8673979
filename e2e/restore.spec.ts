/**
 * Journey: after a reload (or a crash) the autosaved analysis comes back from IndexedDB with the
 * user's own uploaded file, and a prompt says so and offers to start over on the demo.
 */
import { test, expect, waitForResults, openView, waitForAutosave } from './support/fixtures';

const own = ['kommune;år;egen_indikator', '0301;2022;1,5', '1101;2022;2,5', '1103;2022;3,5'].join('\n');

test('a reload restores the uploaded analysis and shows the restore prompt', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
  await openView(page, 'data');
  await page.getByTestId('file-input').setInputFiles([{ name: 'egen.csv', mimeType: 'text/csv', buffer: Buffer.from(own, 'utf8') }]);
  await expect(page.getByTestId('queue-item').first()).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await waitForResults(page);
  await waitForAutosave(page, 'egen.csv');

  await page.reload();
  const prompt = page.getByTestId('restore-prompt');
  await expect(prompt).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
  await openView(page, 'data');
  await expect(page.locator('[data-testid="file-card"][data-file="egen.csv"]')).toBeVisible();

  // "Fortsett" hides the prompt for the rest of this page's life.
  await prompt.getByRole('button', { name: 'Fortsett' }).click();
  await expect(prompt).toBeHidden();
});
