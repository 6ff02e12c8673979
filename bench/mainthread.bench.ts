/**
 * Main-thread blocking (budget: no task longer than 50 ms on the demo data), in Chromium on the
 * built app (dist/ or BENCH_DIST): open the app (it loads the demo), wait for the results, then open
 * every view in the navigation as a user would and let it settle. A PerformanceObserver('longtask'),
 * installed before any app script runs, records every task over 50 ms.
 * - `main_thread_longest_task_ms`: the longest task seen; 0 when none crossed the Long Tasks API's
 *   fixed 50 ms threshold (shorter tasks are not reported to the page; a Chromium trace would see
 *   them but also counts Playwright's own injected polling and inflates every task).
 * - `main_thread_long_tasks`: how many tasks took over 50 ms.
 * - `main_thread_views_visited`: how many views were opened (every view in the navigation).
 * With BENCH_VERBOSE=1 the long tasks are listed per step on stderr (for finding the offender).
 */
import { builtApp, launchChromium, serve } from './browser';
import type { BenchModule, LongTask } from './types';

type Probe = Window & { __longTasks?: LongTask[] };

const SETTLE_MS = 1200;

async function browserFigures(): Promise<Record<string, number> | null> {
  const dist = builtApp('main_thread_longest_task_ms');
  if (!dist) return null;
  const { server, port } = await serve(dist);
  const browser = await launchChromium();
  const steps: { step: string; at: number }[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.addInitScript(() => {
      const w = window as Probe;
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks?.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const now = () => page.evaluate(() => performance.now());
    const ready = () => page.waitForSelector('[data-testid="worker-status"][data-status="ready"]', { timeout: 300_000 });
    steps.push({ step: 'load', at: 0 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await ready();
    await page.waitForTimeout(SETTLE_MS);
    const ids = await page.locator('nav a[data-view]').evaluateAll((as) => as.map((a) => a.getAttribute('data-view') ?? ''));
    for (const id of ids) {
      steps.push({ step: id, at: await now() });
      await page.locator(`nav a[data-view="${id}"]`).click();
      await page.waitForSelector(`main#main[data-view="${id}"]`);
      await ready();
      await page.waitForTimeout(SETTLE_MS);
    }
    const tasks = await page.evaluate(() => (window as Probe).__longTasks ?? []);
    if (process.env.BENCH_VERBOSE) {
      for (let i = 0; i < steps.length; i++) {
        const end = steps[i + 1]?.at ?? Infinity;
        const mine = tasks.filter((t) => t.start >= steps[i].at && t.start < end).map((t) => Math.round(t.ms));
        process.stderr.write(`${steps[i].step.padEnd(16)} ${mine.length ? mine.join(' ') : '–'}\n`);
      }
    }
    return {
      main_thread_longest_task_ms: tasks.reduce((m, t) => Math.max(m, t.ms), 0),
      main_thread_long_tasks: tasks.length,
      main_thread_views_visited: ids.length,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export const mainThreadBench: BenchModule = {
  name: 'mainthread',
  async run() {
    return (await browserFigures()) ?? {};
  },
};
