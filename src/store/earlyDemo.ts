/**
 * The demo's load starts with the page instead of after the shell. The shell's start-up code runs as
 * a chain of short tasks (src/main.tsx) that takes longer than the worker needs to read the demo, so
 * on a first visit (nothing saved in IndexedDB) the worker is started and asked for the demo at once,
 * in parallel (the demo's files are requested before the check for a saved session has answered,
 * and dropped if it finds one); the session (startSession → loadDemo) then takes this load instead of starting its
 * own. The page fetches the demo's spec and pack itself and hands them over: the requests then run
 * while the worker's code is still being fetched, compiled and evaluated, instead of after it.
 * Imports nothing that builds the spec's schemas (that is a start-up stage of its own).
 */
import type { DemoFiles, DemoResult, Progress } from '../worker/api';
import { readSavedSpec } from './persistence';
import { getAnalysisClient } from './workerClient';

export function demoBaseUrl(): string {
  return new URL('demo/', document.baseURI).href;
}

let early: Promise<DemoResult | null> | null = null;
let listener: ((p: Progress) => void) | null = null;
let lastProgress: Progress | null = null;

/** A file's bytes, or null when it is missing, the request failed or was dropped (the worker says what is missing). */
async function fetchDropped(url: string, signal: AbortSignal): Promise<Uint8Array | null> {
  try {
    const res = await fetch(url, { signal });
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** Starts the worker, and the demo's load when nothing is saved (a saved session is restored instead). */
export function startDemoEarly(): void {
  if (early) return;
  const client = getAnalysisClient();
  // The demo's files are requested at once, beside the check for a saved session (an IndexedDB read
  // that waits for the database to open), and dropped when a session is found: on a first visit they
  // are then on their way before the page's other start-up requests queue up.
  const base = demoBaseUrl();
  const abort = new AbortController();
  const files = Promise.all([fetchDropped(`${base}demo-spec.json`, abort.signal), fetchDropped(`${base}demo-sources.bin`, abort.signal)]);
  early = readSavedSpec()
    .catch(() => undefined)
    .then(async (saved) => {
      if (saved !== undefined) {
        abort.abort();
        return null;
      }
      const [spec, pack] = await files;
      const fetched: DemoFiles = { spec, pack };
      return client.loadDemo(base, (p) => {
        lastProgress = p;
        listener?.(p);
      }, fetched);
    });
}

/**
 * The load startDemoEarly began, at most once (null when none was begun; the promise gives null
 * when a saved session made it skip the demo). Its progress goes to `onProgress` from now on.
 */
export function takeEarlyDemo(onProgress: (p: Progress) => void): Promise<DemoResult | null> | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  listener = onProgress;
  if (lastProgress) onProgress(lastProgress);
  return taken.finally(() => {
    listener = null;
  });
}
