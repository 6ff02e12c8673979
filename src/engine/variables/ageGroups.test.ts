/**
 * Age groups from single-age tables (SSB 07459) as the population variable and as criteria, with no
 * other file, and with the same ages in two files (demo + real in one session).
 */
import { describe, expect, it } from 'vitest';
import { getNumeric, makeTable, Missing, numericColumn, stringColumn } from '../table';
import { variablesSpecSchema } from '../../spec/sections/variables';
import { buildVariables } from './buildVariables';
import type { CatalogueEntry } from './types';

/** Two files: `a` has ages 0, 1, 2+ for units 0301/1101; `b` (another file) the same ages for 9001. */
function twoFiles() {
  const units = ['0301', '1101', '9001'];
  const a = [
    [10, 20, 70],
    [1, 2, 7],
    [NaN, NaN, NaN],
  ];
  const b = [
    [NaN, NaN, NaN],
    [NaN, NaN, NaN],
    [5, 5, 10],
  ];
  const col = (name: string, rows: number[][], k: number) =>
    numericColumn(
      name,
      rows.map((r) => r[k]),
      Uint8Array.from(rows.map((r) => (Number.isNaN(r[k]) ? Missing.missing : 0))),
    );
  const table = makeTable(
    [
      stringColumn('kommune', units),
      numericColumn('aar', [2022, 2022, 2022]),
      col('persons_age_0', a, 0),
      col('persons_age_1', a, 1),
      col('persons_age_2_plus', a, 2),
      col('personer_age_0', b, 0),
      col('personer_age_1', b, 1),
      col('personer_age_2_plus', b, 2),
    ],
    { unit: 'kommune', year: 'aar' },
  );
  const entry = (name: string, age: string, source: string): CatalogueEntry => ({ name, label: name, dims: { age }, source });
  const catalogue = [
    entry('persons_age_0', '0', 'real.csv'),
    entry('persons_age_1', '1', 'real.csv'),
    entry('persons_age_2_plus', '2+', 'real.csv'),
    entry('personer_age_0', '0', 'demo.csv'),
    entry('personer_age_1', '1', 'demo.csv'),
    entry('personer_age_2_plus', '2+', 'demo.csv'),
  ];
  return { table, catalogue };
}

const values = (r: ReturnType<typeof buildVariables>, name: string) => {
  const c = getNumeric(r.table, name);
  if (!c) throw new Error(`no ${name}: ${JSON.stringify(r.problems.map((p) => p.message))}`);
  return Array.from(c.values);
};

describe('age groups from single ages', () => {
  it('a count of all ages works as the population variable, and shares divide by it', () => {
    const spec = variablesSpecSchema.parse({
      population: 'innbyggere',
      ageGroups: [
        { id: 'andel_0_1', label: 'Andel 0–1 år', from: 0, to: 1, share: true },
        { id: 'innbyggere', label: 'Innbyggere (alle aldre)', from: 0, to: null, share: false },
      ],
    });
    const r = buildVariables(twoFiles(), spec);
    expect(r.problems.map((p) => p.code)).not.toContain('population-not-found');
    expect(r.problems.map((p) => p.code)).not.toContain('denominator-not-found');
    // The two files cover different municipalities: each row takes the file that has it.
    expect(values(r, 'innbyggere')).toEqual([100, 10, 20]);
    expect(values(r, 'andel_0_1')).toEqual([0.3, 0.3, 0.5]);
    // Size classes come from the population built from ages.
    expect(getNumeric(r.table, 'size_class')).toBeDefined();
    // No «several variables for age N» warning: two files are alternatives, not ambiguity.
    expect(r.problems.map((p) => p.code)).not.toContain('age-variable-ambiguous');
  });

  it('several candidates from one file give one warning for the group, not one per age', () => {
    const { table, catalogue } = twoFiles();
    const same = catalogue.map((c) => ({ ...c, source: 'one.csv' }));
    const r = buildVariables({ table, catalogue: same }, variablesSpecSchema.parse({ population: 'persons_age_0', ageGroups: [{ id: 'n', label: 'N', from: 0, to: null, share: false }] }));
    const warnings = r.problems.filter((p) => p.code === 'age-variable-ambiguous');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('0–2');
  });
});
