/**
 * Writes the synthetic demo data into public/demo/ (run by `npm run demo`, and before `npm start`
 * and `npm run build`). All municipalities and figures are invented; see public/demo/README.md.
 *
 *   npx tsx scripts/generate-demo.ts [--seed N] [--out DIR] [--calibration]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SEED, generateDemo } from './demo/index';
import { calibrate, formatCalibration } from './demo/calibration';
import { packDemo } from './demo/pack';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const started = performance.now();
const seed = arg('--seed') !== undefined ? Number(arg('--seed')) : DEMO_SEED;
if (!Number.isInteger(seed)) {
  console.error('--seed må være et heltall');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(arg('--out') ?? join(here, '..', 'public', 'demo'));
mkdirSync(out, { recursive: true });

const demo = generateDemo(seed);
for (const f of demo.files) writeFileSync(join(out, f.name), f.bytes);
writeFileSync(join(out, 'demo-spec.json'), demo.specJson);

// The files read once here, as the worker would read them, so a first visit skips parsing them.
const pack = await packDemo(demo);
writeFileSync(join(out, 'demo-sources.bin'), pack);

const kb = (n: number) => `${Math.round(n / 1024)} kB`;
console.log(`Demodata (syntetiske, seed ${seed}) skrevet til ${out}:`);
for (const f of demo.files) console.log(`  ${f.name.padEnd(40)} ${kb(f.bytes.length)}`);
console.log(`  ${'demo-spec.json'.padEnd(40)} ${kb(demo.specJson.length)}`);
console.log(`  ${'demo-sources.bin'.padEnd(40)} ${kb(pack.length)}`);
if (process.argv.includes('--calibration')) console.log(formatCalibration(calibrate(demo.panel)));
console.log(`Ferdig på ${Math.round(performance.now() - started)} ms.`);
