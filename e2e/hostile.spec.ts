/**
 * Hostile files in the browser: the hostile corpus (test/hostile/corpus.ts, the same files and
 * expectations as the unit and CLI tests; big ones generated here into a temp folder, never
 * committed) goes through the upload picker of the built app, on top of the demo. For every file:
 * - no crash: while the worker reads it and after, the page answers within 2 s (its heartbeat, judged
 *   as `pageAnswers` says) and answers an evaluate at all (and the fixtures fail the test on any
 *   uncaught page error);
 * - the message: a refused file shows «Ikke lest» with the message that names the real cause next to
 *   its name; a file that is read shows that message on its file card;
 * - the demo and the earlier uploads are still there (their file cards, the synthetic badge, results);
 * - nothing outside the origin is requested (fixtures: offOrigin).
 * Then the real files in ../shared/data/real go through the same picker (fails, not skips, in CI when
 * the folder is missing). Long tasks seen during the huge header and the 50 MB cell are recorded as
 * annotations (figures belong to `npm run bench`; this is not a timing assertion).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForResults, openView, shot } from './support/fixtures';
import { hostileCorpus } from '../test/hostile/corpus';
import { writeLongCsv } from '../bench/ingest.bench';
import { sampleRendererMain } from '../bench/rendererSchedStat';

const REAL = process.env.KNL_REAL_DIR ?? path.resolve('../shared/data/real');

// One demo load and some thirty uploads (three of them tens of MB) on a shared machine: a wait, not a speed test.
test.setTimeout(1_200_000);

type Gap = { from: number; to: number };
type Probe = Window & { __longTasks?: { start: number; ms: number }[]; __beat?: number; __gaps?: Gap[] };

/** The page's heartbeat: a timer every BEAT_MS; a gap between two beats is time the page could not answer. */
const BEAT_MS = 100;
/** «The page answers within 2 s.» */
const ANSWER_MS = 2000;
/** Gaps the page records (wall-clock ms, comparable with the test runner's clock). */
const RECORD_GAP_MS = 1000;
/** Round trips of the probes below (test runner → Playwright → browser → page → back), for the annotation. */
const roundTrips: number[] = [];
/** Gaps of over 2 s and how the page's main thread spent them, for the annotation. */
const longGaps: { when: string; ms: number; cpuMs: number; waitMs: number }[] = [];
let clock: ReturnType<typeof sampleRendererMain> | null = null;

/**
 * The page answers within 2 s: since the last probe, its main thread never went more than 2 s
 * without running its heartbeat because of its own work, and it answers this evaluate at all.
 * - The gap is measured in the page: an evaluate's round trip also waits for the test runner's and
 *   Playwright's own processes (2,6 s at stort-tall.csv under load, where a Chromium trace of the
 *   same uploads found no page task over 20 ms of CPU).
 * - A gap of over 2 s is judged by how the main thread spent it, from the kernel's counters
 *   (bench/rendererSchedStat.ts): its CPU time in the gap must stay under 2 s — the page's own work
 *   (tasks, GC, layout) would then have answered within 2 s on a free core. On the shared 2-core
 *   machine at load 15–17 the renderer (started under `nice`) can wait seconds for a core. One 8,2 s
 *   gap over ~490 s of imports failed a wall-clock limit there; whether the page or the machine caused
 *   it was not recorded, which is why a gap is now judged by the main thread's own CPU time. A page busy
 *   for 2 s fails this as before; the figures of every long gap go to an annotation.
 */
async function pageAnswers(page: Page, when: string): Promise<void> {
  const t0 = Date.now();
  const gaps = await page.evaluate((record) => {
    const w = window as Probe;
    const now = performance.now();
    const beat = w.__beat ?? now;
    const out = [...(w.__gaps ?? [])];
    // The gap still open (no beat yet since the last one) counts too.
    if (now - beat > record) out.push({ from: performance.timeOrigin + beat, to: performance.timeOrigin + now });
    w.__gaps = [];
    return out;
  }, RECORD_GAP_MS);
  roundTrips.push(Date.now() - t0);
  for (const g of gaps) {
    const ms = Math.round(g.to - g.from);
    if (ms < ANSWER_MS) continue;
    // Without the renderer's counters every gap would pass: the sampler must have found it.
    expect(clock!.found(), 'the kernel sampler found the page’s renderer (/proc/<pid>/task/<pid>/schedstat)').toBe(true);
    const t = clock!.during(g.from, g.to);
    const spent = { when, ms, cpuMs: Math.round(t.cpuMs), waitMs: Math.round(t.waitMs) };
    longGaps.push(spent);
    expect(spent.cpuMs, `the page answers within 2 s ${when}: a gap of ${ms} ms between heartbeats in which the main thread ran ${spent.cpuMs} ms and waited ${spent.waitMs} ms for a core`).toBeLessThan(ANSWER_MS);
  }
}

async function quiet(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as Probe;
    w.__longTasks = [];
    w.__gaps = [];
    w.__beat = performance.now();
  });
}

/** The file names in the autosaved analysis (its sources) and in the stored file records. */
async function storedSession(page: Page): Promise<{ sources: string[]; files: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kostnadsnokkel-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('session');
          const store = tx.objectStore('session');
          const all = store.getAll();
          const keys = store.getAllKeys();
          // Both requests are done only when the transaction is.
          tx.onerror = () => reject(tx.error);
          tx.oncomplete = () => {
            const out = { sources: [] as string[], files: [] as string[] };
            (keys.result as IDBValidKey[]).forEach((k, i) => {
              const v = all.result[i] as { data?: { sources?: { fileName: string }[] }; name?: string };
              if (k === 'spec') out.sources = (v.data?.sources ?? []).map((x) => x.fileName);
              else if (String(k).startsWith('file:') && typeof v?.name === 'string') out.files.push(v.name);
            });
            open.result.close();
            resolve(out);
          };
        };
      }),
  );
}

/** Opens the app on the demo's Data view, once its results are in; the number of the demo's file cards. */
async function openDemoData(page: Page): Promise<number> {
  await page.goto('/#data');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 240_000 });
  await waitForResults(page);
  await openView(page, 'data');
  return page.locator('[data-testid="file-card"]').count();
}

async function demoIntact(page: Page, demoCards: number, added: number): Promise<void> {
  await expect(page.getByTestId('synthetic-badge')).toBeVisible();
  await expect(page.locator('[data-testid="file-card"]')).toHaveCount(demoCards + added);
}

test.beforeEach(async ({ page }) => {
  clock = sampleRendererMain();
  await page.addInitScript(([beat, record]: number[]) => {
    const w = window as Probe;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks?.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    w.__beat = performance.now();
    w.__gaps = [];
    setInterval(() => {
      const now = performance.now();
      const beatAt = w.__beat ?? now;
      if (now - beatAt > record) w.__gaps?.push({ from: performance.timeOrigin + beatAt, to: performance.timeOrigin + now });
      w.__beat = now;
    }, beat);
  }, [BEAT_MS, RECORD_GAP_MS]);
});

test.afterEach(() => {
  if (roundTrips.length > 0) test.info().annotations.push({ type: 'probe round trip (ms): median / longest', description: `${[...roundTrips].sort((a, b) => a - b)[roundTrips.length >> 1]} / ${Math.max(...roundTrips)}` });
  if (clock) {
    clock.stop();
    test.info().annotations.push({ type: 'heartbeat gaps over 2 s: main-thread CPU / run-queue wait (ms)', description: `${JSON.stringify(longGaps)}; sampler's longest interval ${clock.coarsest()} ms` });
  }
  roundTrips.length = 0;
  longGaps.length = 0;
  clock = null;
});

test('the hostile corpus through the upload picker: no crash, the message, the demo stays, nothing leaves', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kl-hostile-e2e-'));
  try {
    const demoCards = await openDemoData(page);
    expect(demoCards).toBeGreaterThan(0);
    const items = page.getByTestId('queue-item');
    let added = 0;
    const longest: Record<string, number> = {};

    for (const [i, c] of hostileCorpus.entries()) {
      await test.step(`${c.name}: ${c.kind}`, async () => {
        await quiet(page);
        const bytes = c.bytes();
        // Playwright passes buffers over its protocol up to 50 MB: big files go through a real file.
        if (c.big) {
          const file = path.join(dir, c.name);
          writeFileSync(file, bytes);
          await page.getByTestId('file-input').setInputFiles(file);
        } else {
          await page.getByTestId('file-input').setInputFiles({ name: c.name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
        }
        await expect(items).toHaveCount(i + 1);
        await pageAnswers(page, `while ${c.name} is read`);
        const item = items.nth(i);
        await expect(item).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 240_000 });
        await waitForResults(page);
        await pageAnswers(page, `after ${c.name}`);

        if (c.expect.status === 'error') {
          await expect(item).toHaveAttribute('data-state', 'failed');
          await expect(item.getByTestId('queue-error')).toContainText(c.expect.nb);
          await expect(page.locator(`[data-testid="file-card"][data-file="${c.name}"]`)).toHaveCount(0);
        } else {
          await expect(item).toHaveAttribute('data-state', 'done');
          added++;
          const card = page.locator(`[data-testid="file-card"][data-file="${c.name}"]`);
          await expect(card).toHaveCount(1);
          if (c.expect.code) await expect(card.locator(`[data-problem-code="${c.expect.code}"]`).first()).toContainText(c.expect.nb);
          // The count in the Norwegian number format, as the card writes it («2 000 kommuner»).
          if (c.expect.units !== undefined)
            await expect(card.getByTestId('file-summary')).toContainText(`${new Intl.NumberFormat('nb-NO').format(c.expect.units)} kommuner`);
        }
        await demoIntact(page, demoCards, added);
        const tasks = await page.evaluate(() => (window as Probe).__longTasks ?? []);
        longest[c.name] = Math.round(Math.max(0, ...tasks.map((t) => t.ms)));
      });
      if (c.name === 'bred-15k.csv') {
        await test.step('the mapping step of a 15 000-column file shows one page of columns, and search finds the others', async () => {
          const card = page.locator('[data-testid="file-card"][data-file="bred-15k.csv"]');
          await card.getByTestId('mapping-step').locator('summary').click();
          await expect(card.getByTestId('mapping-columns-shown')).toContainText('Viser 40 av 15 000 kolonner');
          // Two check boxes (value, dimension) per shown column: one page, not 15 000.
          await expect(card.locator('.kl-mapping input[type="checkbox"]')).toHaveCount(80);
          await expect(card.getByTestId('map-unit').locator('option')).toHaveCount(41);
          await pageAnswers(page, 'with the mapping step of bred-15k.csv open');
          await card.getByTestId('mapping-column-search').fill('art_14997');
          await expect(card.getByTestId('mapping-columns-shown')).toContainText('Viser 1 av 1 kolonner');
          // The preview follows: the column found, besides the municipality and year columns chosen.
          await expect(card.getByTestId('preview-table').locator('th').last()).toHaveText('utgift_funksjon_art_14997');
          expect(await card.getByTestId('preview-table').locator('th').count()).toBeLessThanOrEqual(3);
          await shot(page, 'hostile-bred-15k-mapping');
          await card.getByTestId('mapping-step').locator('summary').click();
          // Joined with the demo and the corpus, 15 000 more variables exceed the dataset's cell limit:
          // the Data view says so (its catalogue is empty because nothing was joined), not only the
          // analysis views.
          await expect(page.getByRole('main').getByText(/Datasettet ville fått [\d\s]+ rader × [\d\s]+ variabler = [\d\s]+ celler; grensen er 40\s000\s000/)).toBeVisible();
        });
      }
      if (i === 0 || c.name === 'laust-anforselstegn.csv') await shot(page, `hostile-${c.name}`);
    }
    test.info().annotations.push({ type: 'longest main-thread task (ms) per file', description: JSON.stringify(longest) });
    await shot(page, 'hostile-corpus-done');
    // The formula text of formler.csv is shown as text, never run: the catalogue and the page are intact.
    await expect(page.locator('[data-testid="file-card"][data-file="formler.csv"]')).toBeVisible();
    // A file that failed is never part of the saved session: once the read files are saved, neither
    // the saved analysis nor a stored file record names a refused one.
    const refused = hostileCorpus.filter((c) => c.expect.status === 'error').map((c) => c.name);
    const read = hostileCorpus.filter((c) => c.expect.status !== 'error').map((c) => c.name);
    let stored: { sources: string[]; files: string[] } = { sources: [], files: [] };
    await expect
      .poll(async () => {
        stored = await storedSession(page);
        // The read files not (yet) in both: empty once everything is saved; named if it never is.
        return read.filter((n) => !(stored.sources.includes(n) && stored.files.includes(n)));
      }, { timeout: 60_000 })
      .toEqual([]);
    expect(refused.filter((n) => stored.sources.includes(n) || stored.files.includes(n))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a big Statistikkbanken CSV shows its progress and can be cancelled; nothing of it stays, the demo does', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kl-hostile-big-'));
  try {
    const file = path.join(dir, 'statistikkbanken-12367-stor.csv');
    writeLongCsv(file, 150 * 1024 * 1024, 17);
    const demoCards = await openDemoData(page);
    await quiet(page);
    // The user cancels once the bar has moved (the worker reads slices of about 1 MB), before half the
    // file is read. The byte reader reads 150 MB in about a second, faster than Playwright's round
    // trips (the clean-clone CI clicked after the file was read), so the page itself clicks «Avbryt»
    // in the task that shows the bar moving, and records the fraction it saw.
    await page.evaluate(() => {
      const w = window as unknown as { __cancelledAt?: number };
      const obs = new MutationObserver(() => {
        const item = document.querySelector('[data-testid="queue-item"][data-state="reading"]');
        const bar = item?.querySelector<HTMLProgressElement>('[data-testid="file-progress"]');
        if (!item || !bar || !(bar.value > 0) || bar.value >= 0.5) return;
        const cancel = Array.from(item.querySelectorAll('button')).find((b) => /Avbryt/.test(b.textContent ?? ''));
        if (!cancel) return;
        obs.disconnect();
        w.__cancelledAt = bar.value;
        cancel.click();
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByTestId('file-input').setInputFiles(file);
    const item = page.getByTestId('queue-item').first();
    await expect(item).toHaveAttribute('data-state', 'cancelled', { timeout: 240_000 });
    const seen = await page.evaluate(() => (window as unknown as { __cancelledAt?: number }).__cancelledAt);
    expect(seen, 'the bar had moved (0 < fraction < 0,5) when «Avbryt» was clicked').toBeGreaterThan(0);
    expect(seen!).toBeLessThan(0.5);
    await shot(page, 'hostile-big-cancelled');
    await pageAnswers(page, 'while 150 MB are read');
    await waitForResults(page);
    await pageAnswers(page, 'after the cancel');
    await demoIntact(page, demoCards, 0);
    await expect(page.locator('[data-testid="file-card"][data-file="statistikkbanken-12367-stor.csv"]')).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Data files of the real folder (not the notes beside them). */
function realFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(csv|json|xlsx)$/i.test(f)) out.push(p);
    }
  };
  walk(REAL);
  return out.sort();
}

test('every real file in ../shared/data/real through the same picker: read or refused with a message, the demo stays', async ({ page }) => {
  test.skip(!existsSync(REAL) && process.env.CI !== 'true', 'the real files in ../shared/data/real are not here');
  expect(existsSync(REAL), `${REAL} is missing`).toBe(true);
  const files = realFiles();
  expect(files.length).toBeGreaterThan(10);
  const demoCards = await openDemoData(page);
  await quiet(page);
  await page.getByTestId('file-input').setInputFiles(files);
  const items = page.getByTestId('queue-item');
  await expect(items).toHaveCount(files.length);
  await pageAnswers(page, 'while the real files are read');
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const item = items.nth(i);
    await expect(item, path.basename(files[i])).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 240_000 });
    if ((await item.getAttribute('data-state')) === 'done') done++;
    // A file that could not be read says why, next to its name.
    else await expect(item.getByTestId('queue-error')).not.toBeEmpty();
    await pageAnswers(page, `while the real files are read (up to ${path.basename(files[i])})`);
  }
  await waitForResults(page);
  await pageAnswers(page, 'after the real files');
  expect(done).toBeGreaterThan(files.length / 2);
  await demoIntact(page, demoCards, done);
  await shot(page, 'hostile-real-files');
});
