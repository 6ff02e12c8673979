/**
 * Every real SSB/Klass file (docs/REFERENCES.md, «Real files») imports with the right counts (the
 * figures of the files' provenance notes). Skipped locally when the shared folder is absent, failed
 * in CI; the files are read in place, never copied.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithShared, REAL_DIR } from '../support/shared';
import { buildDataset, ingestFile, type ImportedSource } from '../../src/ingest/index';
import { readChangeTable } from '../../src/ingest/changeTable';
import { Missing, getNumeric, getString } from '../../src/engine/table';
import { dataSpecSchema } from '../../src/spec/sections/data';

const REAL = REAL_DIR;
const POP = 'ssb-07459-population-by-age-csv';

async function load(rel: string): Promise<ImportedSource> {
  const bytes = new Uint8Array(readFileSync(`${REAL}/${rel}`));
  return ingestFile({ name: rel.split('/').pop() as string, bytes });
}

function sumByYear(s: ImportedSource): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < s.obs.n; i++) if (s.obs.missing[i] === 0) out.set(s.obs.year[i], (out.get(s.obs.year[i]) ?? 0) + s.obs.value[i]);
  return out;
}

function valueOf(s: ImportedSource, unit: string, variable: string, year: number): number | undefined {
  const u = s.units.indexOf(unit);
  const v = s.variables.findIndex((x) => x.name === variable);
  for (let i = 0; i < s.obs.n; i++) if (s.obs.unit[i] === u && s.obs.variable[i] === v && s.obs.year[i] === year) return s.obs.missing[i] === 0 ? s.obs.value[i] : NaN;
  return undefined;
}

describeWithShared(REAL, 'real SSB / Klass files', () => {
  it('Personer2022.csv: ISO-8859-1, title line, `;`, CRLF, K- labels, 356 municipalities', async () => {
    const s = await load(`${POP}/Personer2022.csv`);
    expect(s.status).toBe('ok');
    expect(s.detected).toMatchObject({ encoding: 'windows-1252', delimiter: ';', newline: '\r\n', headerLine: 3, layout: 'wide' });
    expect(s.detected.title).toContain('07459');
    expect(s.units).toHaveLength(356);
    expect(s.aggregates.map((a) => a.code).sort()).toEqual(['K-21-22', 'K-23', 'K-Rest']);
    expect(s.variables).toHaveLength(106);
    expect(s.variables[105]).toMatchObject({ name: 'persons_age_105_plus', dims: { age: '105+' } });
    expect(sumByYear(s).get(2022)).toBe(5_425_270);
    expect(s.obs.n).toBe(356 * 106);
    expect(s.unitNames[s.units.indexOf('3001')]).toBe('Halden');
    // The trailing NBSP in the Porsanger label is trimmed.
    expect(s.unitNames[s.units.indexOf('5436')]).toBe('Porsanger - Porsángu - Porsanki');
  });

  it('Personer2020.csv: TAB, LF, no title, 2020 total', async () => {
    const s = await load(`${POP}/Personer2020.csv`);
    expect(s.detected).toMatchObject({ delimiter: '\t', newline: '\n', headerLine: 1 });
    expect(s.units).toHaveLength(356);
    expect(sumByYear(s).get(2020)).toBe(5_367_580);
  });

  it('Personer2019.csv: `,`, UTF-8 with U+FFFD flagged, 423 old-code labels', async () => {
    const s = await load(`${POP}/Personer2019.csv`);
    expect(s.detected).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(s.problems.some((p) => p.code === 'replacement-characters' && p.severity === 'warning')).toBe(true);
    expect(s.units.length + s.aggregates.length).toBe(423);
    expect(sumByYear(s).get(2019)).toBe(5_328_212);
  });

  it('Personer2015-2018.csv: wide over years, 476 labels, official sums 2017/2018', async () => {
    const s = await load(`${POP}/Personer2015-2018.csv`);
    expect(s.spec.mapping?.layout).toBe('wide');
    expect(s.units.length + s.aggregates.length).toBe(476);
    const sums = sumByYear(s);
    expect(sums.get(2015)).toBe(5_103_155);
    expect(sums.get(2016)).toBe(5_150_571);
    expect(sums.get(2017)).toBe(5_258_317);
    expect(sums.get(2018)).toBe(5_295_619);
    expect(valueOf(s, '0709', 'persons_age_30', 2018)).toBe(0);
  });

  it('Personer2005-2009.csv: five year columns', async () => {
    const s = await load(`${POP}/Personer2005-2009.csv`);
    expect([...sumByYear(s).keys()].sort()).toEqual([2005, 2006, 2007, 2008, 2009]);
    expect(s.variables).toHaveLength(106);
  });

  it('norway_population_by_age_sex_2022.csv: sex × age = 212 variables, same total', async () => {
    const s = await load(`${POP}/norway_population_by_age_sex_2022.csv`);
    expect(s.variables).toHaveLength(212);
    expect(s.variables.some((v) => v.dims.sex === 'Females' && v.dims.age === '17')).toBe(true);
    expect(sumByYear(s).get(2022)).toBe(5_425_270);
  });

  it('Personerward2022.csv: city districts are not municipalities (clear message)', async () => {
    const s = await load(`${POP}/Personerward2022.csv`);
    expect(s.units).toHaveLength(0);
    expect(s.problems.find((p) => p.code === 'no-municipalities')?.message).toContain('bydeler');
  });

  it('07459 JSON-stat2 download: 356 municipalities, K- stripped, same total as the CSV', async () => {
    const s = await load('ssb-07459-jsonstat2-statbank-download/download-07459_20220914-092711.json');
    expect(s.detected.format).toBe('json-stat');
    expect(s.units).toHaveLength(356);
    expect(s.units).toContain('0301');
    expect(s.aggregates).toHaveLength(3);
    expect(sumByYear(s).get(2022)).toBe(5_425_270);
  });

  it('12367 KOSTRA: dims function/art/scope, aggregates set aside, status symbols kept', async () => {
    const s = await load('ssb-kostra-12367-12191-08655-jsonstat2-with-status/resultatTest.12367.json');
    expect(s.units).toEqual(['3001']);
    expect(s.aggregates.map((a) => a.code).sort()).toEqual(['EAK', 'EAKUO', 'EKG16', 'EKG17']);
    expect(s.variables).toHaveLength(2 * 5 * 5);
    const v = s.variables.find((x) => x.dims.function === 'FGK8b' && x.dims.art === 'AGD10' && x.dims.scope === 'kasse');
    expect(v).toBeDefined();
    expect(v?.unit).toBe('1000 kr');
    expect(s.obs.n).toBe(250);
    const codes = new Map<number, number>();
    for (let i = 0; i < s.obs.n; i++) codes.set(s.obs.missing[i], (codes.get(s.obs.missing[i]) ?? 0) + 1);
    expect((codes.get(Missing.suppressed) ?? 0) + (codes.get(Missing.notApplicable) ?? 0) + (codes.get(Missing.missing) ?? 0)).toBeGreaterThan(0);
    expect(codes.get(Missing.invalid) ?? 0).toBe(0);
  });

  it('12191 kommunehelse: 9 municipalities × 5 statistics × 3 years with `.`, `..`, `:`', async () => {
    const s = await load('ssb-kostra-12367-12191-08655-jsonstat2-with-status/resultatTest3.12191.json');
    expect(s.units).toHaveLength(9);
    expect(s.variables).toHaveLength(5);
    expect(s.obs.n).toBe(135);
    const kinds = new Set(Array.from(s.obs.missing).filter((m) => m !== 0));
    expect(kinds.has(Missing.suppressed)).toBe(true);
    expect(kinds.has(Missing.notApplicable)).toBe(true);
    expect(kinds.has(Missing.missing)).toBe(true);
  });

  it('08655 (no region) gives a Norwegian error, not a crash', async () => {
    const s = await load('ssb-kostra-12367-12191-08655-jsonstat2-with-status/resultatTest2.08655.json');
    expect(s.status).toBe('error');
    expect(s.problems[0].message).toContain('regiondimensjon');
  });

  it('12134 PxWebApi v2: Oslo/Bergen/Trondheim frie inntekter per innbygger (not additive)', async () => {
    const s = await load('ssb-pxwebapi2-12134-and-klass131-responses/extracted-12134-jsonstat2-0301-4601-5001-2024.json');
    expect(s.units).toEqual(['0301', '4601', '5001']);
    const name = s.variables[0].name;
    expect(s.variables[0].additive).toBe(false);
    expect(valueOf(s, '0301', name, 2024)).toBe(81_240);
    expect(valueOf(s, '4601', name, 2024)).toBe(66_605);
    expect(valueOf(s, '5001', name, 2024)).toBe(62_853);
  });

  it('grønt hefte JSON: 355 municipalities keyed by code, year from `år`', async () => {
    const s = await load('kmd-gront-hefte-cost-index-per-municipality/dki-2025.A-k-samlet.json');
    expect(s.units).toHaveLength(355);
    expect(valueOf(s, '1101', 'samlet', 2025)).toBeCloseTo(1.0304, 10);
    expect(valueOf(s, '1144', 'samlet', 2025)).toBeCloseTo(1.6341, 10);
  });

  it('kommuner-1994-2024.xlsx: 862 rows read as a change table (K.xxxx groups)', async () => {
    const s = await load('ssb-statbank-kommune-aggregation-1994-2024-xlsx/kommuner-1994-2024.xlsx');
    expect(s.detected.format).toBe('xlsx');
    expect(s.detected.sheets).toEqual(['Ark1']);
    expect(s.headers).toEqual(['GRUPPEKODE', 'GRUPPETEKST', 'KODE', 'TEKST']);
    expect(s.textRows).toHaveLength(862);
    const t = readChangeTable('x', s.headers, s.textRows ?? []);
    expect(t?.map.get('0101')).toBe('3101');
    expect(t?.map.get('3001')).toBe('3101');
    expect(t?.split.has('1850')).toBe(true);
  });

  it('Klass CSVs: ragged code list and NBSP change table', async () => {
    const list = await load('klass-131-municipality-codes-2013-2020-csv/ssb_kommunekoder_2020.csv');
    expect(list.headers.slice(0, 4)).toEqual(['code', 'parentCode', 'level', 'name']);
    expect(list.detected.headerLine).toBe(1);
    expect(list.textRows).toHaveLength(357);
    const chg = await load('klass-131-municipality-codes-2013-2020-csv/kommuner_med_endringer_fra2019_til2020.csv');
    const t = readChangeTable(chg.spec.fileName, chg.headers, chg.textRows ?? []);
    expect(t?.map.get('0101')).toBe('3001');
    expect(t?.map.get('1534')).toBe('1507');
    expect(t?.split.has('1850')).toBe(true);
    expect(t?.split.has('5012')).toBe(true);
    const long = await load('klass-131-code-tables-barnevernmonitor/kommunenummer_fra2013_til2020_lang_gyldighet.csv');
    expect(long.textRows).toHaveLength(3124);
  });

  it('buildDataset joins 2015–2018 and 2022 on the 2024 structure, summing merged municipalities', async () => {
    const a = await load(`${POP}/Personer2015-2018.csv`);
    const b = await load(`${POP}/Personer2022.csv`);
    const ds = buildDataset([a, b], dataSpecSchema.parse({ structure: '2024' }));
    const kommune = getString(ds.table, 'kommune');
    const aar = getNumeric(ds.table, 'aar');
    const p17 = getNumeric(ds.table, 'persons_age_17');
    expect(kommune && aar && p17).toBeTruthy();
    if (!kommune || !aar || !p17) return;
    const units2022 = new Set(kommune.values.filter((_, r) => aar.values[r] === 2022));
    expect(units2022.size).toBe(356);
    // 3101 Halden (2024) = 3001 Halden (2022) = 0101 Halden (2018).
    const find = (u: string, y: number) => kommune.values.findIndex((k, r) => k === u && aar.values[r] === y);
    expect(find('3101', 2022)).toBeGreaterThanOrEqual(0);
    expect(find('3001', 2022)).toBe(-1);
    // 5001 Trondheim (2024) ← 5001 Trondheim + 5030 Klæbu (2018), and ← 1601 + 1662 (2017): summed.
    const trd2018 = p17.values[find('5001', 2018)];
    expect(trd2018).toBe((valueOf(a, '5001', 'persons_age_17', 2018) ?? NaN) + (valueOf(a, '5030', 'persons_age_17', 2018) ?? NaN));
    const trd2017 = p17.values[find('5001', 2017)];
    expect(trd2017).toBe((valueOf(a, '1601', 'persons_age_17', 2017) ?? NaN) + (valueOf(a, '1662', 'persons_age_17', 2017) ?? NaN));
    expect(trd2017).toBeGreaterThan(2000);
    expect(ds.validation.unmatchedCodes.some((u) => u.code === '1850')).toBe(true);
    const info = ds.catalogue.find((c) => c.name === 'persons_age_17');
    expect(info?.years).toEqual([2015, 2016, 2017, 2018, 2022]);
    expect(info?.source).toBe('Personer2015-2018.csv, Personer2022.csv');
  });
});
