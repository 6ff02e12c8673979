/**
 * The page's main-thread tasks from a Chromium trace (CDP `Tracing`, categories `toplevel`): each
 * task's wall time and its thread CPU time. The Long Tasks API gives only wall time, and on a loaded
 * machine a task's wall time is mostly waiting for a core: a refused 100 000-column header gave tasks
 * of 68–84 ms wall with 2–9 ms of CPU. The CPU figure says what the page itself does.
 */
import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  /** Longest task, wall clock (what the Long Tasks API reports). */
  longestWallMs: number;
  /** Most CPU time the main thread spent in one task. */
  longestCpuMs: number;
  /** Tasks of more than 50 ms CPU. */
  overBudget: number;
}

/** Top-level tasks: «RunTask» with the timeline categories, «ThreadControllerImpl::RunTask» with toplevel only. */
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The renderer main thread with the most task time: the page's (one page, one renderer). */
export function mainThreadTasks(events: TraceEvent[]): MainThreadTasks {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !TASK.has(e.name) || !mains.has(key)) continue;
    tasks.set(key, [...(tasks.get(key) ?? []), e]);
  }
  const busiest = [...tasks.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  return {
    longestWallMs: Math.max(0, ...busiest.map((e) => (e.dur ?? 0) / 1000)),
    longestCpuMs: Math.max(0, ...busiest.map((e) => (e.tdur ?? 0) / 1000)),
    overBudget: busiest.filter((e) => (e.tdur ?? 0) > 50_000).length,
  };
}

function total(list: TraceEvent[]): number {
  return list.reduce((s, e) => s + (e.dur ?? 0), 0);
}

/** Starts a trace of the page's tasks; `stop()` ends it and sums it up. */
export async function traceMainThread(context: BrowserContext, page: Page): Promise<{ stop(): Promise<MainThreadTasks> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', '__metadata'] }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return mainThreadTasks(events);
    },
  };
}
