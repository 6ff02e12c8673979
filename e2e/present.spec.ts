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

/**
 * Issue 16 item 3: slides at 1920×1080 are 16:9 stages with a big title, the source and the
 * synthetic note, no controls and no scroll bar, for every slide a user can choose.
 */
test('slides fill a 1920×1080 screen without scrolling, with a big title and no controls', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'ready', { timeout: 180_000 });
  await openView(page, 'share');
  await expect(page.getByTestId('start-presentation')).toBeVisible();
  // Every slide on offer.
  const boxes = page.locator('#share-present ~ fieldset input[type="checkbox"], section[aria-labelledby="share-present"] input[type="checkbox"]');
  const n = await boxes.count();
  expect(n).toBeGreaterThan(4);
  for (let i = 0; i < n; i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
  await page.getByTestId('start-presentation').click();
  const deck = page.getByTestId('presentation');
  await expect(deck).toBeVisible();
  const counter = page.getByTestId('slide-counter');
  const total = Number((await counter.textContent())!.match(/av (\d+)/)![1]);
  expect(total).toBe(n);
  for (let i = 1; i <= total; i++) {
    await expect(counter).toHaveText(`Lysbilde ${i} av ${total}`);
    const slide = page.getByTestId('slide');
    await expect(slide.locator('.kl-view-loading')).toHaveCount(0);
    const facts = await page.evaluate(() => {
      const deckEl = document.querySelector('[data-testid="presentation"]') as HTMLElement;
      const stage = document.querySelector('[data-testid="slide"]') as HTMLElement;
      const r = stage.getBoundingClientRect();
      const visible = (el: Element) => {
        const b = (el as HTMLElement).getBoundingClientRect();
        return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      return {
        docScroll: document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth,
        deckScroll: deckEl.scrollHeight > deckEl.clientHeight || deckEl.scrollWidth > deckEl.clientWidth,
        stage: [Math.round(r.width), Math.round(r.height)],
        controls: Array.from(stage.querySelectorAll('button, select, input, textarea')).filter(visible).length,
        titlePx: parseFloat(getComputedStyle(stage.querySelector('h1')!).fontSize),
        foot: (stage.querySelector('.kl-slide-foot') as HTMLElement).innerText,
      };
    });
    const where = `slide ${i}`;
    expect(facts.docScroll, where).toBe(false);
    expect(facts.deckScroll, where).toBe(false);
    expect(facts.stage, where).toEqual([1920, 1080]);
    expect(facts.controls, where).toBe(0);
    expect(facts.titlePx, where).toBeGreaterThanOrEqual(48);
    expect(facts.foot, where).toContain('Kilde');
    expect(facts.foot, where).toContain('Syntetiske data');
    const file = testInfo.outputPath(`slide-${i}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`slide-${i}`, { path: file, contentType: 'image/png' });
    await page.keyboard.press('PageDown');
  }
  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();
});
