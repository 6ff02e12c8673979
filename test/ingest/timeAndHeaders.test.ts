/**
 * File kinds the importer used to misread: quarterly and monthly time (`2016K1`,
 * `2016M01`) collapsed to years by a per-file rule, a CSV without a header row, codes that lost
 * their leading zero, and «use this file as year X». Fixtures in test/ingest/fixtures (README there).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Missing } from '../../src/engine/table';
import { buildDataset, ingestFile } from '../../src/ingest/index';
import { autoRule, periodCode, periodInHeader } from '../../src/ingest/periods';
import type { ImportedSource } from '../../src/ingest/types';
import { dataSpecSchema, sourceSpecSchema, type ColumnMapping } from '../../src/spec/sections/data';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

/** Value of (unit, variable, year), or the missing code as a string, or undefined when absent. */
function value(s: ImportedSource, unit: string, variable: string, year: number): number | string | undefined {
  const u = s.units.indexOf(unit);
  const v = s.variables.findIndex((x) => x.name === variable);
  for (let i = 0; i < s.obs.n; i++) {
    if (s.obs.unit[i] === u && s.obs.variable[i] === v && s.obs.year[i] === year) {
      return s.obs.missing[i] === Missing.present ? s.obs.value[i] : `missing:${s.obs.missing[i]}`;
    }
  }
  return undefined;
}

async function reread(s: ImportedSource, name: string, patch: Partial<ColumnMapping>): Promise<ImportedSource> {
  const source = sourceSpecSchema.parse({ ...s.spec, mapping: { ...s.spec.mapping, ...patch } });
  return ingestFile({ name, bytes: read(name) }, { source });
}

describe('period codes', () => {
  it('reads years, quarters and months; anything else is no time', () => {
    expect(periodCode('2016')).toBe(2016);
    expect(periodCode('2016K1')).toBe(201621);
    expect(periodCode('2016Q4')).toBe(201624);
    expect(periodCode('2016M01')).toBe(201601);
    expect(periodCode('2016M12')).toBe(201612);
    expect(periodCode('2016-03')).toBe(201603);
    for (const t of ['2016K5', '2016M13', 'tjue', '16K1', '2016-2017']) expect(periodCode(t)).toBe(-1);
    expect(periodInHeader('Befolkning 2016K3')).toEqual({ code: 201623, rest: 'Befolkning  ' });
    expect(periodInHeader('Persons 2016')).toBeNull();
  });

  it('picks a default rule by content: stocks the last period, flows the sum, rates and other counts the mean', () => {
    const v = (label: string, unit = 'personer', additive = true) => ({ label, unit, additive, dims: {} });
    expect(autoRule(v('Folketal ved utgangen av kvartalet'), 'quarter')).toEqual({ kind: 'pick', period: 4 });
    expect(autoRule(v('Befolkning 1. januar'), 'month')).toEqual({ kind: 'pick', period: 12 });
    expect(autoRule(v('Levandefødde'), 'quarter')).toEqual({ kind: 'sum' });
    expect(autoRule(v('Utbetalt sosialhjelp', '1000 kr'), 'month')).toEqual({ kind: 'sum' });
    expect(autoRule(v('Helt ledige i prosent', 'prosent', false), 'month')).toEqual({ kind: 'mean' });
    expect(autoRule(v('Registrerte helt ledige'), 'month')).toEqual({ kind: 'mean' });
  });
});

describe('quarterly JSON-stat (SSB 01222 layout)', () => {
  const name = 'ssb-01222-quarterly.jsonstat2.json';

  it('reads all municipalities and collapses quarters to years by content', async () => {
    const s = await ingestFile({ name, bytes: read(name) });
    expect(s.status).toBe('ok');
    expect(s.units).toEqual(['3001', '4601', '5001']);
    expect(s.aggregates.map((a) => a.code)).toEqual(['0']);
    expect(s.problems.map((p) => p.code)).not.toContain('bad-year');
    const [pop, births] = s.variables.map((v) => v.name);
    // Population at the end of K4: base + 100·(quarter number)·(region position); Halden is region 2.
    expect(value(s, '3001', pop, 2016)).toBe(30500 + 100 * 4 * 2);
    expect(value(s, '3001', pop, 2017)).toBe(30500 + 100 * 8 * 2);
    // 2018 has K1–K2 only: no K4, so no population value.
    expect(value(s, '3001', pop, 2018)).toBeUndefined();
    // Births: the sum of the four quarters, 75 + 3·t + 1 for t = 0…3 in 2016 and 4…7 in 2017.
    expect(value(s, '3001', births, 2016)).toBe(4 * 76 + 3 * (0 + 1 + 2 + 3));
    expect(value(s, '5001', births, 2017)).toBe(4 * (560 + 3) + 3 * (4 + 5 + 6 + 7));
    expect(value(s, '3001', births, 2018)).toBeUndefined();
    expect(s.detected.periods?.kind).toBe('quarter');
    expect(s.detected.periods?.applied.map((a) => a.rule)).toEqual([{ kind: 'pick', period: 4 }, { kind: 'sum' }]);
    expect(s.detected.periods?.incompleteYears).toEqual([2018]);
    const note = s.problems.find((p) => p.code === 'periods-collapsed');
    expect(note?.message).toContain('kvartaler');
    expect(note?.message).toContain('K4');
    expect(s.problems.find((p) => p.code === 'periods-incomplete')?.message).toContain('2018');
  });

  it('follows the rule the user picks for the file: a given quarter, the mean, the sum', async () => {
    const first = await ingestFile({ name, bytes: read(name) });
    const pop = first.variables[0].name;
    const k1 = await reread(first, name, { periodRule: { kind: 'pick', period: 1 } });
    expect(value(k1, '4601', pop, 2016)).toBe(278000 + 100 * 1 * 3);
    // K1 exists for 2018, so the population now has a 2018 value.
    expect(value(k1, '4601', pop, 2018)).toBe(278000 + 100 * 9 * 3);
    const mean = await reread(first, name, { periodRule: { kind: 'mean', period: null } });
    expect(value(mean, '4601', pop, 2016)).toBe(278000 + 100 * 2.5 * 3);
    const sum = await reread(first, name, { periodRule: { kind: 'sum', period: null } });
    expect(value(sum, '4601', pop, 2016)).toBe(4 * 278000 + 100 * 10 * 3);
    expect(sum.spec.mapping?.periodRule).toEqual({ kind: 'sum', period: null });
  });
});

describe('monthly JSON-stat', () => {
  const name = 'monthly-unemployment.jsonstat2.json';

  it('means for counts of people and percentages, sums for the inflow; a missing month leaves the year unknown', async () => {
    const s = await ingestFile({ name, bytes: read(name) });
    expect(s.status).toBe('ok');
    expect(s.units).toEqual(['0301', '1103', '5001']);
    const [ledige, prosent, tilgang] = s.variables.map((v) => v.name);
    // (ri+1)·1000 + 10·t over t = 0…11: mean 1000·(ri+1) + 55.
    expect(value(s, '0301', ledige, 2021)).toBe(1055);
    expect(value(s, '5001', prosent, 2021) as number).toBeCloseTo(2.0 + 2 * 0.5 + 0.55, 10);
    expect(value(s, '0301', tilgang, 2021)).toBe(12 * 100 + 66);
    // One `..` month: the 2021 sum for Stavanger is not known.
    expect(value(s, '1103', tilgang, 2021)).toBe(`missing:${Missing.missing}`);
    // 2022 has three months: too few for a mean or a sum.
    expect(value(s, '0301', ledige, 2022)).toBeUndefined();
    expect(s.detected.periods?.kind).toBe('month');
    expect(s.detected.periods?.incompleteYears).toEqual([2022]);
    expect(s.problems.find((p) => p.code === 'periods-collapsed')?.message).toContain('måneder');
  });

  it('picks a month when asked (e.g. December for a stock)', async () => {
    const first = await ingestFile({ name, bytes: read(name) });
    const s = await reread(first, name, { periodRule: { kind: 'pick', period: 12 } });
    expect(value(s, '0301', first.variables[0].name, 2021)).toBe(1000 + 110);
  });
});

describe('quarters in Statistikkbanken CSV downloads', () => {
  it('long (a `kvartal` column) and wide (`… 2016K1` columns) read the same', async () => {
    const quarters = ['2016K1', '2016K2', '2016K3', '2016K4'];
    const long = ['"region";"kvartal";"Folketal ved utgangen av kvartalet"', ...quarters.flatMap((q, i) => [`"K-3001 Halden";"${q}";${31000 + i}`, `"K-4601 Bergen";"${q}";${280000 + i}`])].join('\r\n');
    const wide = ['"region";' + quarters.map((q) => `"Folketal ved utgangen av kvartalet ${q}"`).join(';'), `"K-3001 Halden";${quarters.map((_, i) => 31000 + i).join(';')}`, `"K-4601 Bergen";${quarters.map((_, i) => 280000 + i).join(';')}`].join('\r\n');
    for (const text of [long, wide]) {
      const s = await ingestFile({ name: 'kvartal.csv', bytes: new TextEncoder().encode(text) });
      expect(s.status).toBe('ok');
      expect(s.variables).toHaveLength(1);
      expect(value(s, '3001', s.variables[0].name, 2016)).toBe(31003);
      expect(value(s, '4601', s.variables[0].name, 2016)).toBe(280003);
    }
  });
});

describe('CSV without a header row, codes without leading zeros', () => {
  const name = 'barnevern-utgifter.csv';

  it('reads the first row as data, names the columns and pads the codes, with notes', async () => {
    const s = await ingestFile({ name, bytes: read(name) });
    expect(s.status).toBe('ok');
    expect(s.units).toEqual(['0301', '1101', '1103', '1106', '1108', '5001']);
    expect(s.headers).toEqual(['kommune', 'barnevern_utgifter']);
    expect(s.variables.map((v) => v.name)).toEqual(['barnevern_utgifter']);
    expect(value(s, '0301', 'barnevern_utgifter', 0)).toBe(12504);
    expect(s.detected.headerless).toBe(true);
    expect(s.spec.headerLine).toBe(0);
    const codes = s.problems.map((p) => p.code);
    expect(codes).toContain('no-header-row');
    expect(codes).toContain('codes-padded');
    expect(s.problems.find((p) => p.code === 'codes-padded')?.message).toContain('«301» → 0301');
  });

  it('keeps reading it the same way from the saved spec, and a header line can be forced', async () => {
    const first = await ingestFile({ name, bytes: read(name) });
    const again = await ingestFile({ name, bytes: read(name) }, { source: first.spec });
    expect(again.units).toEqual(first.units);
    const forced = await ingestFile({ name, bytes: read(name) }, { source: sourceSpecSchema.parse({ ...first.spec, headerLine: 1, mapping: null }) });
    expect(forced.units).not.toContain('0301');
  });

  it('does not take an ordinary header for data', async () => {
    for (const text of ['kommune;2015;2016\n0301;1;2\n1101;3;4\n', 'knr;verdi\n301;1\n1101;2\n', '"region";"år";"Personer"\n"0301 Oslo";"2022";"5"\n']) {
      const s = await ingestFile({ name: 'h.csv', bytes: new TextEncoder().encode(text) });
      expect(s.detected.headerless).toBeUndefined();
    }
  });

  it('«use this file as year X» gives its values a year and joins them with another file', async () => {
    const first = await ingestFile({ name, bytes: read(name) });
    const s = await reread(first, name, { yearAs: 2022 });
    expect(value(s, '1101', 'barnevern_utgifter', 2022)).toBe(402);
    expect(s.problems.find((p) => p.code === 'year-as')?.message).toContain('2022');
    const ds = buildDataset([s], dataSpecSchema.parse({}));
    expect(ds.table.nRows).toBe(6);
    expect(ds.problems.map((p) => p.code)).not.toContain('no-year');
  });
});
