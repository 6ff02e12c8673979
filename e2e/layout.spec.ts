/**
 * At 1 366 × 768 no view is wider than the window — wide tables scroll inside
 * their own box and the navigation stays on screen — in bokmål and English. A screenshot of every
 * view in both languages is attached to the test (testInfo.attach) for the reviewers.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, loadDemo, openView, switchLanguage } from './support/fixtures';

const VIEWS = ['data', 'variables', 'describe', 'models', 'explained', 'stability', 'costkey', 'total-key', 'redistribution', 'my-municipality', 'district', 'share'];

/** What sticks out to the right: the document, the main column, and the widest offender in it. */
async function overflow(page: Page): Promise<{ doc: number; win: number; main: number; mainBox: number; widest: string }> {
  return page.evaluate(() => {
    const main = document.querySelector('main#main') as HTMLElement;
    const right = main.getBoundingClientRect().right;
    let widest = '';
    let most = 0;
    // Only elements whose box ends past the main column; a scroll box's content is clipped by it.
    for (const el of Array.from(main.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right - right > most + 1) {
        const clipped = (() => {
          for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
            const ox = getComputedStyle(p).overflowX;
            if (ox !== 'visible') return true;
          }
          return false;
        })();
        if (!clipped) {
          most = r.right - right;
          widest = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} +${Math.round(most)} px`;
        }
      }
    }
    return { doc: document.documentElement.scrollWidth, win: window.innerWidth, main: main.scrollWidth, mainBox: main.clientWidth, widest };
  });
}

/** A full-page screenshot, kept in the test's output folder and attached to its report. */
async function attachShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

for (const lang of ['nb', 'en'] as const) {
  test(`no view is wider than a 1366 px window, and the navigation stays (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadDemo(page);
    if (lang === 'en') await switchLanguage(page, 'en');
    const wide: string[] = [];
    for (const id of VIEWS) {
      await openView(page, id);
      await expect(page.locator('main#main .kl-view-loading')).toHaveCount(0);
      await expect(page.locator('main#main').getByRole('heading').first()).toBeVisible();
      const w = await overflow(page);
      if (w.doc > w.win || w.main > w.mainBox) wide.push(`${id}: document ${w.doc} px, main ${w.main}/${w.mainBox} px; ${w.widest}`);
      // The navigation stays put at the left edge (nothing pushes or scrolls it sideways).
      const nav = await page.locator('nav').first().boundingBox();
      expect(nav?.x, `${id}: navigation at the left edge`).toBe(0);
      await attachShot(page, testInfo, `${id}-${lang}`);
    }
    expect(wide, 'views wider than the 1366 px window').toEqual([]);
  });
}
