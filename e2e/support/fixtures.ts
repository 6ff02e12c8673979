/**
 * Shared end-to-end helpers. Import `test` and `expect` from here: every test then fails when the
 * page makes a network request outside its own origin and the one configured SSB API (the app
 * promises that no data leave the machine; see e2e/support/ssb.ts), or throws an uncaught error
 * (hostile files and cancelled runs must end as messages, not crashes). Requests to the configured
 * API are answered by the PxWebApi stand-in, never by the internet.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { configuredApiOrigins, standinOrigin } from './ssb';

export const ARTIFACTS = path.resolve('e2e-artifacts');

export const test = base.extend<{ offOrigin: string[]; pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  offOrigin: [
    async ({ page, baseURL }, use) => {
      const allowed = new Set([new URL(baseURL ?? 'http://127.0.0.1:4173').origin, ...configuredApiOrigins()]);
      const offending: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (!allowed.has(new URL(url).origin)) offending.push(url);
      });
      // The configured API (https://data.ssb.no in a default build) is answered by the stand-in.
      const standin = standinOrigin();
      for (const origin of configuredApiOrigins()) {
        if (origin === standin) continue;
        await page.route(`${origin}/**`, async (route) => {
          const url = standin + route.request().url().slice(origin.length);
          try {
            await route.fulfill({ response: await route.fetch({ url, maxRedirects: 0 }) });
          } catch {
            // The stand-in dropped the connection on purpose (fault table): so does the page's request.
            await route.abort('connectionreset').catch(() => undefined);
          }
        });
      }
      await use(offending);
      expect(offending, 'requests outside the page origin and the configured SSB API').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens the app on the demo data and waits until the first results are computed. */
export async function loadDemo(page: Page, view = ''): Promise<void> {
  await page.goto(view ? `/#${view}` : '/');
  // Generous: on a machine shared by many test runs the demo has taken over a minute to load.
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
}

/** Waits until the worker has finished the latest run (generous: CI machines may be busy; this
 *  is a wait, not a speed assertion). */
export async function waitForResults(page: Page): Promise<void> {
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'ready', {
    timeout: 180_000,
  });
}

/**
 * Waits until the autosaved spec (or, with `key` 'view', the view state) in IndexedDB contains `text`
 * (autosave is debounced, and an upload's file is stored before the spec names it), so a reload that
 * follows restores it — rather than sleeping a fixed time that a loaded machine can outlast.
 */
export async function waitForAutosave(page: Page, text: string, key: 'spec' | 'view' = 'spec'): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          (key) =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('kostnadsnokkel-lab');
              open.onsuccess = () => {
                const get = open.result.transaction('session').objectStore('session').get(key);
                get.onsuccess = () => {
                  resolve(JSON.stringify(get.result ?? null));
                  open.result.close();
                };
              };
            }),
          key,
        ),
      { timeout: 60_000 },
    )
    .toContain(text);
}

/** Opens a view through the navigation, as a user would. */
export async function openView(page: Page, id: string): Promise<void> {
  await page.locator(`nav a[data-view="${id}"]`).click();
  await expect(page.locator('main#main')).toHaveAttribute('data-view', id);
}

export async function switchLanguage(page: Page, lang: 'nb' | 'en'): Promise<void> {
  await page.getByRole('button', { name: lang === 'nb' ? 'Norsk' : 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Fails on serious or critical WCAG 2.1 A/AA violations; lists them readably. */
export async function expectNoSeriousAxeViolations(
  page: Page,
  opts: { soft?: boolean; label?: string } = {},
): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
  const message = `axe serious/critical violations${opts.label ? ` on ${opts.label}` : ''}`;
  // Soft: a walk through every view reports all views' violations, not just the first one's.
  if (opts.soft) expect.soft(report, message).toEqual([]);
  else expect(report, message).toEqual([]);
}

/** Saves a full-page PNG to e2e-artifacts/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Picks a variable in a searchable variable picker (features/variables/VariablePicker.tsx) as a user
 * would: types the variable's name into the picker's field, then clicks the matching option.
 */
export async function pickVariable(scope: Locator | Page, pickerTestId: string, name: string): Promise<void> {
  const input = scope.getByTestId(`${pickerTestId}-input`);
  await input.click();
  await input.fill(name);
  await scope.locator(`u-option[value="${name}"]`).click();
}
