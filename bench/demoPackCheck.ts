/**
 * Start-up figures (demo_interactive_ms, demo_all_results_ms, the long tasks of the demo's load) assume
 * the app opens on the demo pack (public/demo/demo-sources.bin). A page uses a pack only when it was
 * written by the same sources (scripts/demo/packStamp.ts); after an edit to them the page silently reads
 * the demo's files and computes the first results itself, and those figures are of another start-up.
 * `npm run bench` says so on stderr and in its JSON (`demo_pack_stale`), with the fix.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkDemoPack, demoPackStamp, type PackCheck } from '../scripts/demo/packStamp';

/** The packs a bench run uses: public/demo's, and the built app's (BENCH_DIST or dist/) when there is one. */
export function demoPackChecks(root = process.cwd(), dist = process.env.BENCH_DIST ?? 'dist', sourceStamp = demoPackStamp()): PackCheck[] {
  const checks = [checkDemoPack(join(root, 'public/demo/demo-sources.bin'), sourceStamp)];
  const built = resolve(root, dist);
  if (existsSync(join(built, 'index.html'))) checks.push(checkDemoPack(join(built, 'demo/demo-sources.bin'), sourceStamp));
  return checks;
}

/** The warning for the stale packs among `checks` (empty when none is stale). */
export function demoPackWarning(checks: PackCheck[], root = process.cwd()): string {
  const stale = checks.filter((c) => c.stale);
  if (stale.length === 0) return '';
  const lines = stale.map((c) => {
    const what = c.packStamp === null ? 'missing or unreadable' : `stamp ${c.packStamp.slice(0, 12)}…, the sources' now ${c.sourceStamp.slice(0, 12)}…`;
    const rel = relative(root, c.file);
    return `  ${rel && !rel.startsWith('..') ? rel : c.file}: ${what}`;
  });
  return [
    'ADVARSEL: demopakken er ikke laget av kildene slik de er nå; appen regner da demoens første resultater selv,',
    'og oppstartstallene (demo_interactive_ms, demo_all_results_ms, lange oppgaver) gjelder ikke. Kjør «npm run demo»',
    '(og bygg appen på nytt: «npm run build», eller «npx vite build --outDir $BENCH_DIST»).',
    'WARNING: the demo pack was not written by the current sources, so the app computes the demo\'s first results',
    'itself and the start-up figures are not the app\'s. Run `npm run demo` (then rebuild the app the browser benches use).',
    ...lines,
  ].join('\n');
}
