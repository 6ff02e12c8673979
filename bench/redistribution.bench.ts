/**
 * Speed of a weight edit (budget: ≤ 100 ms in Chromium, README «Speed budgets»).
 * - `redistribution_engine_ms`: Node, 357 municipalities × 6 criteria: re-evaluating a key on the
 *   precomputed base (index, amounts, change, contributions, group sums, histogram, order); median.
 * - `redistribution_update_ms`: Chromium on the built app (dist/), demo data: time from a weight edit
 *   in the redistribution view's editor to the sorted bar chart showing the new key (attribute change
 *   observed, then one animation frame so the paint is included); median of several edits.
 *   Without dist/ it prints a note and reports no browser figure.
 */
import { evaluateOnBase, makeKeyBase, prepareCriteria, BASIC, type KeyRecord } from '../src/engine/costkey';
import { builtApp, launchChromium, serve } from './browser';
import type { BenchModule } from './types';
import { mulberry32 } from '../scripts/demo/prng';


function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function engineFigure(): number {
  const rand = mulberry32(7);
  const n = 357;
  const k = 6;
  const units = Array.from({ length: n }, (_, i) => String(1000 + i));
  const pop = Array.from({ length: n }, () => Math.round(500 + 100_000 * rand() ** 3));
  const crits = Array.from({ length: k }, (_, j) => ({ name: `c${j}`, values: Array.from({ length: n }, () => 0.01 + rand()) }));
  const prep = prepareCriteria(units, pop, crits);
  const groups = { 'size-class': units.map((_, i) => String(1 + (i % 6))), county: units.map((u) => u.slice(0, 2)), 'kostra-group': units.map((_, i) => String(i % 16)) };
  const current: KeyRecord = { [BASIC]: 0.4, c0: 0.1, c1: 0.1, c2: 0.1, c3: 0.1, c4: 0.1, c5: 0.1 };
  const base = makeKeyBase(prep, units, 10_000, current, groups);
  const times: number[] = [];
  for (let r = 0; r < 400; r++) {
    const w = 0.05 + 0.1 * ((r % 20) / 20);
    const key = { ...current, c0: w, [BASIC]: 0.5 - w };
    const t0 = performance.now();
    evaluateOnBase(base, key, 2);
    if (r >= 50) times.push(performance.now() - t0);
  }
  return median(times);
}

async function browserFigure(): Promise<number | null> {
  const dist = builtApp('redistribution_update_ms');
  if (!dist) return null;
  const { server, port } = await serve(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/#redistribution`);
    await page.waitForSelector('[data-testid="worker-status"][data-status="ready"]', { timeout: 300_000 });
    await page.waitForSelector('[data-testid="redistribution-chart"]', { timeout: 60_000 });
    const testId = await page.locator('input[type="number"][data-testid^="rd-weight-"]:not([data-testid$="__basic__"])').first().getAttribute('data-testid');
    if (!testId) throw new Error('no weight input');
    const crit = testId.slice('rd-weight-'.length);
    const start = Number(await page.locator(`input[data-testid="${testId}"]`).inputValue());
    const times: number[] = [];
    for (let e = 0; e < 9; e++) {
      const value = Math.round((start + 0.01 * (e + 1)) * 1000) / 1000;
      const ms = await page.evaluate(
        ({ testId, crit, value }) =>
          new Promise<number>((done, fail) => {
            const input = document.querySelector<HTMLInputElement>(`input[data-testid="${testId}"]`);
            const fig = document.querySelector('[data-testid="redistribution-chart"]');
            if (!input || !fig) return fail(new Error('missing editor or chart'));
            const want = `${crit}=${value.toFixed(6)}`;
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              if ((fig.getAttribute('data-key') ?? '').includes(want)) {
                obs.disconnect();
                requestAnimationFrame(() => done(performance.now() - t0));
              }
            });
            obs.observe(fig, { attributes: true, attributeFilter: ['data-key'] });
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
            setter?.call(input, String(value));
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        { testId, crit, value },
      );
      // The first edit warms up the JIT; the worker's full recompute runs in between, let it settle.
      if (e > 0) times.push(ms);
      await page.waitForTimeout(400);
    }
    return median(times);
  } finally {
    await browser.close();
    server.close();
  }
}

export const redistributionBench: BenchModule = {
  name: 'redistribution',
  async run() {
    const out: Record<string, number> = { redistribution_engine_ms: engineFigure() };
    const ui = await browserFigure();
    if (ui !== null) out.redistribution_update_ms = ui;
    return out;
  },
};
