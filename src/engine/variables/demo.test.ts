/**
 * The variable builder on the bundled demo files (ingest → dataset → variables), so the catalogue
 * conventions of the real ingest (dims of 12367 and 07459) are exercised, not only hand-made ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, ingestFile } from '../../ingest';
import { analysisSpecSchema } from '../../spec/schema';
import { getNumeric } from '../table';
import { buildVariables } from './buildVariables';
import { expenditureFromPreset } from './presets';

const DEMO = path.resolve('public/demo');
const available = existsSync(path.join(DEMO, 'demo-spec.json'));

async function demoDataset() {
  const spec = analysisSpecSchema.parse(JSON.parse(readFileSync(path.join(DEMO, 'demo-spec.json'), 'utf8')));
  const sources = [];
  for (const s of spec.data.sources) {
    const bytes = new Uint8Array(readFileSync(path.join(DEMO, s.fileName)));
    sources.push(await ingestFile({ name: s.fileName, bytes }, { source: s }));
  }
  return { spec, dataset: buildDataset(sources, spec.data) };
}

describe.skipIf(!available)('variables on the demo data', () => {
  it('builds child-welfare expenditure, age groups, a formula and a corrected indicator', async () => {
    const { spec, dataset } = await demoDataset();
    const v = structuredClone(spec.variables);
    // The demo's own child-welfare variable is in fixed 2015 kroner: use the same deflator.
    const demoDeflator = v.expenditure.find((e) => e.id === 'barnevern_pi')?.deflator ?? null;
    v.expenditure.push({ ...expenditureFromPreset('utg_barnevern')!, id: 'bv_test', deflator: demoDeflator });
    v.ageGroups.push({ id: 'a0_22_test', label: '0–22', from: 0, to: 22, share: true, filter: {} });
    v.formulas.push({ id: 'urb_test', label: 'urbanitet', expression: `${v.population}^1.2 / ${v.population}` });
    v.residualised.push({ id: 'korr_test', label: 'korr', target: 'a0_22_test', controls: ['urb_test'], yearEffects: false, se: 'hc1', addMean: false });
    const r = buildVariables(dataset, v);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.messageEn)).toEqual([]);
    const bv = getNumeric(r.table, 'bv_test')!;
    const demoBv = getNumeric(r.table, 'barnevern_pi');
    // Same definition as the demo spec's own child-welfare variable → same numbers.
    if (demoBv) for (let i = 0; i < r.table.nRows; i += 97) expect(Object.is(bv.values[i], demoBv.values[i]) || Math.abs(bv.values[i] - demoBv.values[i]) < 1e-12).toBe(true);
    const info = r.derived.find((d) => d.name === 'bv_test')!;
    // Child welfare per inhabitant in 1000 kr: a few thousand kroner a head, so between 0.5 and 20.
    expect(info.preview!.mean).toBeGreaterThan(0.5);
    expect(info.preview!.mean).toBeLessThan(20);
    const age = r.derived.find((d) => d.name === 'a0_22_test')!;
    expect(age.preview!.mean).toBeGreaterThan(0.15);
    expect(age.preview!.mean).toBeLessThan(0.4);
    const korr = r.derived.find((d) => d.name === 'korr_test')!;
    expect(Math.abs(korr.preview!.mean)).toBeLessThan(1e-12);
    expect(korr.auxiliary?.n).toBeGreaterThan(100);
    const sizes = getNumeric(r.table, 'size_class')!;
    expect(new Set(Array.from(sizes.values)).size).toBeGreaterThan(3);
  });
});
