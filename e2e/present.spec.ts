/** Presentation mode driven by the keyboard only: counter, focus, Home/End, Escape returns focus. */
import path from 'node:path';
import { test, expect, openView, ARTIFACTS, expectNoSeriousAxeViolations } from './support/fixtures';

test('presentation mode with keyboard navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'share');
  const start = page.getByTestId('start-presentation');
  await start.focus();
  await page.keyboard.press('Enter');

  const deck = page.getByTestId('presentation');
  const counter = page.getByTestId('slide-counter');
  await expect(deck).toBeVisible();
  await expect(deck).toBeFocused();
  await expect(counter).toHaveAttribute('aria-live', 'polite');
  const total = Number((await counter.textContent())!.match(/av (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(counter).toHaveText(`Lysbilde 1 av ${total}`);

  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText(`Lysbilde 2 av ${total}`);
  await expect(page.getByTestId('slide-title')).toBeFocused();
  await page.keyboard.press('End');
  await expect(counter).toHaveText(`Lysbilde ${total} av ${total}`);
  await page.keyboard.press('PageDown'); // clamps at the last slide
  await expect(counter).toHaveText(`Lysbilde ${total} av ${total}`);
  await page.keyboard.press('Home');
  await expect(counter).toHaveText(`Lysbilde 1 av ${total}`);
  await page.keyboard.press('PageDown');
  await expect(counter).toHaveText(`Lysbilde 2 av ${total}`);
  await page.keyboard.press('PageUp');
  await expect(counter).toHaveText(`Lysbilde 1 av ${total}`);
  await page.keyboard.press('ArrowLeft'); // clamps at the first slide
  await expect(counter).toHaveText(`Lysbilde 1 av ${total}`);

  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'presentation.png') });

  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();
  await expect(start).toBeFocused();
});
