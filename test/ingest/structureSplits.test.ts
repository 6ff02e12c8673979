/**
 * The 2024 structure follows SSB's grouping into continuous series (kommuner-1994-2024.xlsx):
 * merged municipalities are summed, and the receivers of the 2020 splits (Heim, Hitra, Orkland,
 * Narvik, Hamarøy) have no rows before 2020 — listed per year with the reason, not dropped
 * silently. In the 2020 structure they are kept and the break is noted. Reads the real 07459 panel
 * in ../shared (fails, does not skip, under CI=true when it is missing).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, ingestFile, type ImportedSource } from '../../src/ingest/index';
import { compactYears } from '../../src/ingest/dataset/splits';
import { dataSpecSchema } from '../../src/spec/sections/data';
import { describeWithShared, REAL_DIR as REAL } from '../support/shared';

let cached: ImportedSource | null = null;
async function panel(): Promise<ImportedSource> {
  if (!cached) {
    const bytes = new Uint8Array(readFileSync(`${REAL}/ssb-07459-population-by-age-csv/Personer2015-2018.csv`));
    cached = await ingestFile({ name: 'Personer2015-2018.csv', bytes });
  }
  return cached;
}

const RECEIVERS = ['1806', '1875', '5055', '5056', '5059'];

describe('compactYears', () => {
  it('writes runs as ranges', () => {
    expect(compactYears([2019, 2015, 2016, 2017, 2021])).toBe('2015–2017, 2019, 2021');
  });
});

describeWithShared(REAL, 'municipality structure and split municipalities (real 07459 panel 2015–2018)', () => {
  it('2024: the receivers of the 2020 splits are listed per year as left out, with the divided municipality', async () => {
    const ds = buildDataset([await panel()], dataSpecSchema.parse({ structure: '2024' }));
    const gaps = ds.validation.splitGaps ?? [];
    expect(gaps.map((g) => g.year)).toEqual([2015, 2016, 2017, 2018]);
    for (const g of gaps) {
      expect(g.missingTargets.map((t) => t.code)).toEqual(RECEIVERS);
      expect(g.partialTargets).toEqual([]);
    }
    const g2016 = gaps.find((g) => g.year === 2016)!;
    const hitra = g2016.codes.find((c) => c.code === '1617');
    expect(hitra).toMatchObject({ kind: 'received', into: [{ code: '5056', name: 'Hitra' }], splitFrom: [{ code: '5012', name: 'Snillfjord' }] });
    expect(g2016.codes.find((c) => c.code === '1850')?.into.map((t) => t.code)).toEqual(['1806', '1875']);
    // 2018 uses the Trøndelag codes: 5013 Hitra (2018–2019), 5012 Snillfjord.
    expect(gaps.find((g) => g.year === 2018)!.codes.map((c) => c.code)).toEqual(expect.arrayContaining(['5012', '5013', '5024', '1850', '1854']));
    // No row for Hitra before 2020 in the table, and the message names it with the years and the reason.
    const units = ds.table.columns.get('kommune');
    expect(units?.kind === 'string' && units.values.includes('5056')).toBe(false);
    const msg = ds.problems.find((p) => p.code === 'split-left-out');
    expect(msg?.message).toContain('5056 Hitra');
    expect(msg?.message).toContain('2015–2018');
    expect(msg?.message).toContain('5012 Snillfjord');
    // Explained codes are not also reported as unknown.
    expect(ds.problems.find((p) => p.code === 'unmatched-codes')?.message ?? '').not.toContain('1617');
  });

  it('2020: the receivers are kept and their figures before 2020 are marked as lacking the divided part', async () => {
    const ds = buildDataset([await panel()], dataSpecSchema.parse({ structure: '2020' }));
    const gaps = ds.validation.splitGaps ?? [];
    expect(gaps.map((g) => g.year)).toEqual([2015, 2016, 2017, 2018]);
    for (const g of gaps) {
      expect(g.missingTargets).toEqual([]);
      expect(g.partialTargets.map((t) => t.code)).toEqual(RECEIVERS);
      expect(g.codes.every((c) => c.kind === 'split')).toBe(true);
    }
    expect(ds.problems.find((p) => p.code === 'split-partial')?.message).toContain('5056 Hitra');
  });
});
