/**
 * `npm run bench` prints a table of named figures; `npm run bench -- --json` prints one JSON object
 * with all of them (for scripts and the README). Figures are medians over many repetitions after a
 * warm-up; tests never assert on time.
 */
import { benches } from './index';
import { demoPackChecks, demoPackWarning } from './demoPackCheck';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const figures: Record<string, number> = {};
  if (only && !benches.some((b) => b.name === only)) {
    // A misspelt name used to print `{}`, which reads like a bench that measured nothing.
    process.stderr.write(`unknown bench «${only}»; choose one of: ${benches.map((b) => b.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  // A stale demo pack makes the start-up figures wrong without a word: said first, and in the JSON.
  const packs = demoPackChecks();
  const stale = packs.some((c) => c.stale);
  if (stale) process.stderr.write(`${demoPackWarning(packs)}\n`);
  for (const b of benches) {
    if (only && b.name !== only) continue;
    const out = await b.run();
    for (const [k, v] of Object.entries(out)) figures[k] = Math.round(v * 1000) / 1000;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...figures, demo_pack_stale: stale }, null, 2)}\n`);
    return;
  }
  const width = Math.max(...Object.keys(figures).map((k) => k.length), 'demo_pack_stale'.length);
  process.stdout.write(`${'figure'.padEnd(width)}  value\n`);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.stdout.write(`${'demo_pack_stale'.padEnd(width)}  ${stale}\n`);
  // Again under the table, where it is read.
  if (stale) process.stderr.write(`${demoPackWarning(packs)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
