/**
 * What the kernel says about the page's main thread: Chromium's renderer main thread (its tid is the
 * renderer's pid) sampled from /proc/<pid>/task/<pid>/schedstat — nanoseconds on a CPU and
 * nanoseconds runnable but waiting for one. A page that stops answering for seconds is either busy
 * (its own work: CPU time) or not given a core (the machine: run-queue wait); on the shared 2-core
 * machine at load 15+ the second happens, and only these counters tell the two apart. The counters are
 * cumulative, so a sampler that is itself starved loses resolution, not time. Linux only.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Sample {
  /** Wall clock (ms since the epoch), comparable with the page's performance.timeOrigin + now. */
  at: number;
  cpuNs: number;
  waitNs: number;
}

/** How a stretch of time was spent by the main thread. */
export interface ThreadTime {
  /** On a CPU (the page's own work: tasks, GC, style and layout). */
  cpuMs: number;
  /** Runnable, waiting for a core (the machine's load). */
  waitMs: number;
}

function schedstat(pid: number): { cpuNs: number; waitNs: number } | null {
  try {
    const [cpu, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { cpuNs: cpu, waitNs: wait };
  } catch {
    return null;
  }
}

/** Renderer processes descending from `root` (the test runner's process: it launched the browser). */
function renderers(root: number): number[] {
  const parent = new Map<number, number>();
  const renderer = new Set<number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--type=renderer')) renderer.add(Number(d));
    } catch {
      // The process ended while it was read.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  return [...renderer].filter(descends);
}

/**
 * Samples every renderer of this process's browser every `everyMs` until `stop()`. `during(from, to)`
 * then gives the busiest renderer's (the page's: one page, one busy renderer) main-thread CPU and
 * run-queue wait between two wall-clock times, interpolated within sample intervals.
 */
export function sampleRendererMain(root = process.pid, everyMs = 100) {
  const samples = new Map<number, Sample[]>();
  let known: number[] = [];
  let lastScan = 0;
  const tick = () => {
    const now = Date.now();
    // New renderers appear with a navigation; scanning /proc is dearer than reading a counter.
    if (now - lastScan > 2000 || known.length === 0) {
      known = renderers(root);
      lastScan = now;
    }
    for (const pid of known) {
      const s = schedstat(pid);
      if (!s) continue;
      const list = samples.get(pid) ?? [];
      list.push({ at: now, ...s });
      samples.set(pid, list);
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  const busiest = (): Sample[] => {
    let best: Sample[] = [];
    let most = -1;
    for (const list of samples.values()) {
      const cpu = list[list.length - 1].cpuNs - list[0].cpuNs;
      if (cpu > most) [best, most] = [list, cpu];
    }
    return best;
  };
  const at = (list: Sample[], t: number, key: 'cpuNs' | 'waitNs'): number => {
    if (list.length === 0) return 0;
    if (t <= list[0].at) return list[0][key];
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (t <= b.at) return a[key] + ((b[key] - a[key]) * (t - a.at)) / Math.max(1, b.at - a.at);
    }
    return list[list.length - 1][key];
  };
  return {
    stop(): void {
      tick();
      clearInterval(timer);
    },
    during(from: number, to: number): ThreadTime {
      const list = busiest();
      return {
        cpuMs: (at(list, to, 'cpuNs') - at(list, from, 'cpuNs')) / 1e6,
        waitMs: (at(list, to, 'waitNs') - at(list, from, 'waitNs')) / 1e6,
      };
    },
    /** Whether a renderer was found and sampled at least twice (else `during` can only say 0). */
    found(): boolean {
      return busiest().length >= 2;
    },
    /** The longest interval between two samples (how starved the sampler itself was), ms. */
    coarsest(): number {
      const list = busiest();
      let most = 0;
      for (let i = 1; i < list.length; i++) most = Math.max(most, list[i].at - list[i - 1].at);
      return most;
    },
  };
}
