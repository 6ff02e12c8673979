/** Starts the throw-away worker that loads ICU's locale data off the main thread (warmLocaleData.ts). */
export function warmLocaleOffThread(): void {
  if (typeof Worker !== 'function') return;
  try {
    new Worker(new URL('./warmLocale.worker.ts', import.meta.url), { type: 'module', name: 'warm-locale' });
  } catch {
    // No worker (a test environment, a policy): the page's first formatter pays, as before.
  }
}
