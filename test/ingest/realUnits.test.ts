/**
 * On real SSB files: every imported variable carries the unit SSB gives it, and the
 * pickers' measure follows from it (a count is a count, an amount in 1000 kr is an amount, population
 * by age is a count). Reads ../shared/data/real (fails, does not skip, under CI=true when it is missing).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ingestFile } from '../../src/ingest/index';
import { measureOf } from '../../src/engine/variables/units';
import { REAL_DIR, describeWithShared, itWithShared } from '../support/shared';

const KOSTRA = `${REAL_DIR}/ssb-kostra-12367-12191-08655-jsonstat2-with-status`;
const POP = `${REAL_DIR}/ssb-07459-population-by-age-csv/Personer2022.csv`;

async function catalogue(path: string) {
  const name = path.split('/').at(-1)!;
  const src = await ingestFile({ name, bytes: new Uint8Array(readFileSync(path)) });
  return src.variables.map((v) => ({ v, m: measureOf({ label: v.label, unit: v.unit, dims: v.dims, additive: v.additive }) }));
}

describeWithShared([KOSTRA, POP], 'criterion units on real SSB files', () => {
  itWithShared(`${KOSTRA}/resultatTest3.12191.json`, '12191: «antall» and «årsverk» are counts; the unit is shown as SSB gives it', async () => {
    const rows = await catalogue(`${KOSTRA}/resultatTest3.12191.json`);
    const byCode = (re: RegExp) => rows.find((r) => re.test(`${r.v.name} ${r.v.label}`))!;
    const physio = byCode(/fysioterapeut/i);
    expect(physio.v.unit).toBe('antall');
    expect(physio.m).toEqual({ measure: 'count', unit: 'antall' });
    const ergo = byCode(/Ergoterapeut/i);
    expect(ergo.m).toEqual({ measure: 'count', unit: 'årsverk' });
    // A yes/no indicator is neither a count nor a rate: it is a code, and no unit warning is given for it.
    expect(byCode(/frisklivssentral/i).m.measure).toBe('code');
  });

  itWithShared(`${KOSTRA}/resultatTest.12367.json`, '12367: accounts in 1000 kr are amounts in total, not per inhabitant', async () => {
    const rows = await catalogue(`${KOSTRA}/resultatTest.12367.json`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.m).toEqual({ measure: 'amount', unit: '1000 kr' });
  });

  itWithShared(POP, '07459: population by age is a count', async () => {
    const rows = await catalogue(POP);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.m.measure).toBe('count');
  });
});
