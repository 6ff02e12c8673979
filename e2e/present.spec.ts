/** Presentation mode driven by the keyboard only: counter, focus, Home/End, Escape returns focus. */
import path from 'node:path';
import { test, expect, openView, ARTIFACTS, expectNoSeriousAxeViolations, waitForAutosave } from './support/fixtures';

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
 * Slides at 1920×1080: a chart or a table added from its view («Legg til som lysbilde») fills a 16:9
 * stage alone, with a big title, the source and the synthetic note, no controls and no scroll bar —
 * for every slide a user can choose. The slide set survives a reload, and titles follow the language.
 */
test('slides fill a 1920×1080 screen without scrolling, with a big title and no controls', async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'ready', { timeout: 180_000 });

  // One chart and one table from their views; the button says it can take the slide out again.
  const items: [view: string, holder: string][] = [
    ['redistribution', 'redistribution-scatter'],
    ['stability', 'stability-chart'],
    ['costkey', 'costkey-weights-export'],
  ];
  for (const [view, holder] of items) {
    await openView(page, view);
    const add = page.getByTestId(holder).first().getByTestId('add-slide');
    await expect(add).toHaveText('Legg til som lysbilde', { timeout: 120_000 });
    await add.click();
    await expect(add).toHaveAttribute('aria-pressed', 'true');
    await expect(add).toHaveText('Fjern lysbildet');
  }

  await openView(page, 'share');
  const boxes = page.locator('section[aria-labelledby="share-present"] input[type="checkbox"]');
  // Saved as view state: the chart and table slides are listed (with their view) after a reload —
  // once the debounced autosave has written the last one (a reload before it lost it under load).
  await waitForAutosave(page, '"kind":"table:costkey:', 'view');
  await page.reload();
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'ready', { timeout: 180_000 });
  await openView(page, 'share');
  await expect(page.getByRole('checkbox', { name: 'Vekter (Kostnadsnøkkel)' })).toBeChecked();
  const n = await boxes.count();
  // The summary and the regression table, then the added chart and table slides (views are not offered).
  expect(n).toBe(items.length + 2);
  for (let i = 0; i < n; i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
  await page.getByTestId('start-presentation').click();
  const deck = page.getByTestId('presentation');
  await expect(deck).toBeVisible();
  const counter = page.getByTestId('slide-counter');
  const total = Number((await counter.textContent())!.match(/av (\d+)/)![1]);
  expect(total).toBe(n);
  const titles: string[] = [];
  for (let i = 1; i <= total; i++) {
    await expect(counter).toHaveText(`Lysbilde ${i} av ${total}`);
    const slide = page.getByTestId('slide');
    await expect(slide.locator('.kl-view-loading')).toHaveCount(0);
    const item = slide.getByTestId('slide-item');
    const isItem = (await item.count()) > 0;
    // A chart or table slide shows its item alone once the view has drawn it.
    if (isItem) await expect(item).toHaveAttribute('data-found', 'true', { timeout: 120_000 });
    const facts = await page.evaluate(() => {
      const deckEl = document.querySelector('[data-testid="presentation"]') as HTMLElement;
      const stage = document.querySelector('[data-testid="slide"]') as HTMLElement;
      const body = stage.querySelector('.kl-slide-body') as HTMLElement;
      const r = stage.getBoundingClientRect();
      const visible = (el: Element) => {
        const b = (el as HTMLElement).getBoundingClientRect();
        return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const itemEl = stage.querySelector('[data-testid="slide-item"]');
      const bodyBox = body.getBoundingClientRect();
      const shown = itemEl ? Array.from(itemEl.querySelectorAll('svg, table')).filter(visible) : [];
      const content = shown.map((e) => e.getBoundingClientRect());
      return {
        // The page behind the deck may be long, but it must not scroll while presenting.
        docScroll:
          getComputedStyle(document.documentElement).overflow !== 'hidden' &&
          (document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth),
        deckScroll: deckEl.scrollHeight > deckEl.clientHeight || deckEl.scrollWidth > deckEl.clientWidth,
        stage: [Math.round(r.width), Math.round(r.height)],
        controls: Array.from(stage.querySelectorAll('button, select, input, textarea')).filter(visible).length,
        titlePx: parseFloat(getComputedStyle(stage.querySelector('h1')!).fontSize),
        title: stage.querySelector('h1')!.textContent ?? '',
        foot: (stage.querySelector('.kl-slide-foot') as HTMLElement).innerText,
        // Item slides: what is drawn (top-level charts and tables) and how much of the body it fills.
        kinds: shown.filter((e) => !e.parentElement?.closest('svg')).map((e) => e.tagName.toLowerCase()),
        fillsWidth: content.length ? Math.max(...content.map((b) => b.width)) / bodyBox.width : 0,
        inside: content.every((b) => b.bottom <= bodyBox.bottom + 1 && b.right <= bodyBox.right + 1),
      };
    });
    const where = `slide ${i} «${facts.title}»`;
    titles.push(facts.title);
    expect(facts.docScroll, where).toBe(false);
    expect(facts.deckScroll, where).toBe(false);
    expect(facts.stage, where).toEqual([1920, 1080]);
    expect(facts.controls, where).toBe(0);
    expect(facts.titlePx, where).toBeGreaterThanOrEqual(48);
    expect(facts.foot, where).toContain('Syntetiske data');
    expect(facts.foot, where).toMatch(/demodata|Kilde/);
    if (isItem) {
      // Exactly one chart or one table, filling most of the slide's width, inside the slide.
      expect(facts.kinds.length, where).toBe(1);
      expect(facts.fillsWidth, where).toBeGreaterThan(0.6);
      expect(facts.inside, where).toBe(true);
    }
    const file = testInfo.outputPath(`slide-${i}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`slide-${i}`, { path: file, contentType: 'image/png' });
    await page.keyboard.press('PageDown');
  }
  // The chart and table slides come right after the default ones, titled by their items.
  expect(titles.slice(2, 5)).toEqual([
    'Endring per innbygger mot folketall (logaritmisk skala)',
    expect.stringContaining('koeffisient per år'),
    'Vekter',
  ]);
  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();

  // In English the same slides take their items' English titles.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('start-presentation').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('slide-title')).toHaveText('About the analysis');
  for (let i = 1; i <= 2; i++) await page.keyboard.press('PageDown');
  await expect(page.getByTestId('slide-counter')).toHaveText(`Slide 3 of ${total}`);
  await expect(page.getByTestId('slide-title')).toHaveText(/per inhabitant/i, { timeout: 120_000 });
  await page.keyboard.press('Escape');
});
