/**
 * Requests the start-up chain's code at once (README «Performance»: demo_interactive_ms). The chain
 * (main.tsx) evaluates it one dynamic import per task; without this each import was also requested
 * only when its stage began, a waterfall of about fifteen requests. The build lists the files in a
 * meta element (scripts/build/startupPreload.ts); a `<link rel="modulepreload">` fetches and compiles a
 * module without evaluating it, so the stages stay apart. Called after the worker and the demo's
 * requests have started, so those go first; a page without the list (the dev server) skips this.
 */
export function preloadStartupModules(doc: Document = document): number {
  const list = doc.querySelector('meta[name="kl-startup-modules"]')?.getAttribute('content')?.trim();
  if (!list) return 0;
  const files = list.split(/\s+/);
  for (const file of files) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = new URL(file, doc.baseURI).href;
    doc.head.append(link);
  }
  return files.length;
}
