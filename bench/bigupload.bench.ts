/**
 * Huge and hostile uploads in Chromium on the built app (dist/ or BENCH_DIST):
 * - `browser_500mb_load_s`: a generated 500 MB Statistikkbanken CSV (the ingest bench's generator,
 *   just under MAX_FILE_BYTES) from the file picker to «Ferdig» and the results of the run after it.
 * - `browser_500mb_reload_s`: after a reload, until the analysis is restored from IndexedDB with
 *   the file's data (its card's report says «ok») and the run has finished (the file is stored as a
 *   Blob, outside IndexedDB's limit for one value).
 * - `browser_500mb_peak_rss_mb`: the highest resident memory of the tab's renderer process (the
 *   analysis worker runs in it) sampled every 200 ms from /proc over upload and reload;
 *   `browser_peak_rss_mb` the same summed over all the browser's processes.
 * - `browser_500mb_longest_task_ms`: the longest main-thread task over the upload and the reload
 *   (`…_cpu_ms`: the most thread CPU time of one task, from a trace started after the reload's navigation).
 * - `browser_header_100k_longest_task_ms`, `browser_cell_50mb_longest_task_ms`: the longest
 *   main-thread task while a CSV with a 100 000-column header, or one 50 MB cell, is uploaded and
 *   refused (budget: 50 ms; 0 when no task crossed the Long Tasks API's 50 ms threshold);
 *   `browser_header_16k_longest_task_ms` the same for a 16 000-column CSV, which is read (under
 *   MAX_COLUMNS) and shown. Each also as `…_cpu_ms`: the most thread CPU time of one task, from a
 *   Chromium trace (mainThreadTrace.ts) — on a loaded machine a task's wall time is mostly waiting
 *   for a core, its CPU time is what the page itself does.
 * BIGUPLOAD_MB changes the size (0 skips the 500 MB part). Linux only (reads /proc).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtApp, serve } from './browser';
import { traceMainThread } from './mainThreadTrace';
import { writeLongCsv } from './ingest.bench';
import { MAX_FILE_BYTES } from '../src/ingest/limits';
import type { BenchModule, LongTask } from './types';
import { CHROMIUM_ARGS } from '../scripts/chromiumArgs';

type Probe = Window & { __longTasks?: LongTask[] };
const MB = 1024 * 1024;
const WAIT = 1_800_000;

/** pid → [ppid, rss MB, is renderer] for every process, from /proc. */
function processTable(): Map<number, { ppid: number; rss: number; renderer: boolean }> {
  const out = new Map<number, { ppid: number; rss: number; renderer: boolean }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const rssPages = Number(fields[21]);
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      out.set(Number(d), { ppid: Number(fields[1]), rss: (rssPages * 4096) / MB, renderer: cmd.includes('--type=renderer') });
    } catch {
      // The process ended while it was read.
    }
  }
  return out;
}

/** Samples the RSS of the browser's processes (descendants of `root`) until stopped. */
function sampler(root: number) {
  let peakRenderer = 0;
  let peakTotal = 0;
  const tick = () => {
    const table = processTable();
    const mine = new Set([root]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, p] of table) {
        if (mine.has(pid) || !mine.has(p.ppid)) continue;
        mine.add(pid);
        grew = true;
      }
    }
    let total = 0;
    for (const pid of mine) {
      const p = table.get(pid);
      if (!p) continue;
      total += p.rss;
      if (p.renderer) peakRenderer = Math.max(peakRenderer, p.rss);
    }
    peakTotal = Math.max(peakTotal, total);
  };
  const timer = setInterval(tick, 200);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { peakRenderer, peakTotal };
    },
  };
}

async function longest(page: Page): Promise<number> {
  const tasks = await page.evaluate(() => (window as Probe).__longTasks ?? []);
  return tasks.reduce((m, t) => Math.max(m, t.ms), 0);
}

async function resetTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as Probe).__longTasks = [];
  });
}

const ready = (page: Page) => page.waitForSelector('[data-testid="worker-status"][data-status="ready"]', { timeout: WAIT });

/** Uploads one file and waits until the queue says it is done (or not read) and the run has finished. */
async function upload(page: Page, path: string): Promise<string> {
  const before = await page.locator('[data-testid="queue-item"]').count();
  await page.getByTestId('file-input').setInputFiles(path);
  const item = page.locator('[data-testid="queue-item"]').nth(before);
  await page.waitForFunction(
    (i) => /^(done|failed|refused)$/.test(document.querySelectorAll('[data-testid="queue-item"]')[i]?.getAttribute('data-state') ?? ''),
    before,
    { timeout: WAIT, polling: 500 },
  );
  await ready(page);
  return (await item.getAttribute('data-state')) ?? '';
}

async function figures(): Promise<Record<string, number> | null> {
  const dist = builtApp('browser_500mb_load_s');
  if (!dist) return null;
  const { chromium } = await import('@playwright/test');
  const { server, port } = await serve(dist);
  const dir = mkdtempSync(join(tmpdir(), 'kl-bigupload-'));
  const profile = join(dir, 'profile');
  // A persistent profile: its folder names the browser's main process, whose descendants are sampled.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1366, height: 768 },
  });
  const out: Record<string, number> = {};
  try {
    const root = [...processTable().keys()].find((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes(profile) && !cmd.includes('--type=');
      } catch {
        return false;
      }
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const w = window as Probe;
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks?.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`http://127.0.0.1:${port}/#data`);
    await page.waitForSelector('[data-testid="synthetic-badge"]', { timeout: WAIT });
    await ready(page);

    // Hostile: a 100 000-column header and a 50 MB cell are refused without blocking the page; a
    // 16 000-column file is read and shown (its mapping step one page of columns at a time).
    const measured = async (figure: string, file: string) => {
      await resetTasks(page);
      const trace = await traceMainThread(context, page);
      await upload(page, file);
      const tasks = await trace.stop();
      out[`${figure}_longest_task_ms`] = await longest(page);
      out[`${figure}_longest_task_cpu_ms`] = tasks.longestCpuMs;
      rmSync(file);
    };
    const wide = join(dir, 'bred-100k.csv');
    const names = Array.from({ length: 99_998 }, (_, i) => `v${i}`);
    writeFileSync(wide, `kommune;år;${names.join(';')}\n0301;2022;${names.map(() => '1').join(';')}\n`);
    await measured('browser_header_100k', wide);
    const cell = join(dir, 'celle-50mb.csv');
    writeFileSync(cell, Buffer.concat([Buffer.from('kommune;år;tekst\n0301;2022;'), Buffer.alloc(50 * MB, 'x'), Buffer.from('\n1101;2022;y\n')]));
    await measured('browser_cell_50mb', cell);
    const wide16k = join(dir, 'bred-16k.csv');
    const cols = Array.from({ length: 16_000 }, (_, i) => `variabel_${i}`);
    writeFileSync(wide16k, `kommune;år;${cols.join(';')}\n0301;2022;${cols.map((_, i) => String(i)).join(';')}\n1101;2022;${cols.map((_, i) => String(i + 1)).join(';')}\n`);
    await measured('browser_header_16k', wide16k);
    await page.locator('[data-testid="file-card"][data-file="bred-16k.csv"]').getByRole('button', { name: /Fjern fila/ }).click();
    await ready(page);

    const bigMb = Number(process.env.BIGUPLOAD_MB ?? MAX_FILE_BYTES / MB);
    if (bigMb > 0 && root !== undefined) {
      const big = join(dir, 'statistikkbanken-12367-500mb.csv');
      const size = writeLongCsv(big, bigMb * MB - 5 * MB, 500);
      out.browser_500mb_file_mb = size / MB;
      const mem = sampler(root);
      await resetTasks(page);
      let trace = await traceMainThread(context, page);
      let t0 = performance.now();
      const state = await upload(page, big);
      out.browser_500mb_load_s = (performance.now() - t0) / 1000;
      if (state !== 'done') throw new Error(`the 500 MB file was not read (queue: ${state})`);
      const upTask = await longest(page);
      const upCpu = (await trace.stop()).longestCpuMs;
      // Let autosave store the file (a Blob) before the reload.
      await page.waitForTimeout(3000);
      t0 = performance.now();
      await page.reload();
      trace = await traceMainThread(context, page);
      // Back means read again: the card's report says «ok» (a file held back or missing has none).
      await page.waitForSelector('[data-testid="file-card"][data-file="statistikkbanken-12367-500mb.csv"][data-status="ok"]', { timeout: WAIT });
      await ready(page);
      out.browser_500mb_reload_s = (performance.now() - t0) / 1000;
      out.browser_500mb_longest_task_ms = Math.max(upTask, await longest(page));
      out.browser_500mb_longest_task_cpu_ms = Math.max(upCpu, (await trace.stop()).longestCpuMs);
      const peaks = mem.stop();
      out.browser_500mb_peak_rss_mb = peaks.peakRenderer;
      out.browser_peak_rss_mb = peaks.peakTotal;
      rmSync(big);
    }
    return out;
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bigUploadBench: BenchModule = {
  name: 'bigupload',
  async run() {
    return (await figures()) ?? {};
  },
};
