/** Pure pieces of the ingest layer: cells, region labels, ages, encodings, streaming, the dataset join. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCell } from '../../src/ingest/cells';
import { parseRegion } from '../../src/ingest/regions';
import { parseAge, safeIdentifier, isAdditive } from '../../src/ingest/dims';
import { decodeSlices, sniffEncoding } from '../../src/ingest/decode';
import { sniffDelimiter } from '../../src/ingest/csvSniff';
import { buildDataset, ingestFile } from '../../src/ingest/index';
import { robustZ } from '../../src/ingest/dataset/validate';
import { Missing, getNumeric, getString } from '../../src/engine/table';
import { dataSpecSchema, sourceSpecSchema } from '../../src/spec/sections/data';

const enc = (s: string) => new TextEncoder().encode(s);
const cell = (t: string, dc = true) => ({ ...parseCell(t, dc) });

describe('parseCell', () => {
  it('reads SSB symbols with their reason and `-` as 0', () => {
    expect(cell('..').missing).toBe(Missing.missing);
    expect(cell(':').missing).toBe(Missing.suppressed);
    expect(cell('.').missing).toBe(Missing.notApplicable);
    expect(cell('...').missing).toBe(Missing.notYetAvailable);
    expect(cell('-')).toEqual({ value: 0, missing: 0 });
    expect(cell('').missing).toBe(Missing.missing);
  });
  it('reads decimal comma, spaces and NBSP as thousands separators', () => {
    expect(cell('1 234,5').value).toBe(1234.5);
    expect(cell('1\u00a0234\u00a0567').value).toBe(1234567);
    expect(cell('-12,25').value).toBe(-12.25);
    expect(cell('1.234,5').value).toBe(1234.5);
    expect(cell('1,234.5', false).value).toBe(1234.5);
    expect(cell('3.5', false).value).toBe(3.5);
  });
  it('tells thousands marks from decimal marks by the file', () => {
    expect(cell('1.234', true).value).toBe(1234);
    expect(cell('1.234', false).value).toBe(1.234);
    expect(cell('1,234', false).value).toBe(1234);
    expect(cell('1,234', true).value).toBe(1.234);
    expect(cell('12,5', false).value).toBe(12.5);
    expect(cell('-0,75', true).value).toBe(-0.75);
  });
  it('reads any decimal written with a comma exactly as Number reads it with a point', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const t = x.toFixed(4);
        expect(cell(t.replace('.', ','), true).value).toBe(Number(t));
      }),
    );
  });
  it('rejects NaN, Infinity, 1e308 and text as invalid', () => {
    for (const t of ['NaN', 'Infinity', '-Infinity', '1e308', 'abc', '1 2 3', '12abc', '0x10']) expect(cell(t).missing).toBe(Missing.invalid);
  });
  it('round-trips any integer written with Norwegian thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = new Intl.NumberFormat('nb-NO').format(n).replace('−', '-');
        expect(cell(text).value).toBe(n);
      }),
    );
  });
});

describe('parseRegion', () => {
  it.each([
    ['0301 Oslo', '0301', 'Oslo'],
    ['K-3001 Halden', '3001', 'Halden'],
    ['3001 Halden (2020-2023)', '3001', 'Halden'],
    ['0101\u00a0-\u00a0Halden', '0101', 'Halden'],
    ['301', '0301', ''],
    ['K.3101', '3101', ''],
    ['5436 Porsanger - Porsángu - Porsanki\u00a0', '5436', 'Porsanger - Porsángu - Porsanki'],
  ])('%s → %s', (label, code, name) => {
    expect(parseRegion(label)).toMatchObject({ kind: 'municipality', code, name });
  });
  it.each(['EAK', 'EAKUO', 'EKA03', 'EKG16', 'Hele landet', 'Landet', 'K-Rest Delte', 'K-21-22 Svalbard', 'K-23 Sokkel', '9999 Uoppgitt', '2111 Longyearbyen', '03 Oslo', '030101a Gamle Oslo'])(
    '%s is set aside',
    (label) => expect(parseRegion(label).kind).toBe('aggregate'),
  );
});

describe('ages, names, additivity', () => {
  it.each([
    ['17 år', '17'],
    ['17 years', '17'],
    ['1 year', '1'],
    ['105 years or older', '105+'],
    ['105 år eller eldre', '105+'],
    ['0-17 år', '0-17'],
  ])('%s → %s', (a, b) => expect(parseAge(a)).toBe(b));
  it('makes safe identifiers', () => {
    expect(safeIdentifier('Frie inntekter per innbygger (kr)')).toBe('frie_inntekter_per_innbygger_kr');
    expect(safeIdentifier('Beløp Ærlig Ødegård')).toBe('belop_aerlig_odegard');
    expect(safeIdentifier('__proto__')).toBe('proto');
  });
  it('knows rates from counts', () => {
    expect(isAdditive('Personer')).toBe(true);
    expect(isAdditive('Beløp (1000 kr)')).toBe(true);
    expect(isAdditive('Frie inntekter per innbygger (kr)')).toBe(false);
    expect(isAdditive('Andel barn 1-5 år med barnehageplass (prosent)')).toBe(false);
  });
});

describe('encoding and delimiter sniffing', () => {
  it('tells UTF-8, BOM, Windows-1252 and Mac Roman apart', () => {
    expect(sniffEncoding(enc('æøå')).encoding).toBe('utf-8');
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).bomLength).toBe(3);
    expect(sniffEncoding(new Uint8Array([0x42, 0xf8, 0x72])).encoding).toBe('windows-1252');
    expect(sniffEncoding(new Uint8Array([0x42, 0xbf, 0x72, 0x8c, 0x73])).encoding).toBe('macintosh');
  });
  it('a head that is UTF-8 gives a tentative guess; the whole file is judged without a head limit', () => {
    const head = enc('kommune;år;verdi\n'.padEnd(2048, 'x') + '\n');
    const later = new Uint8Array([...head, 0x42, 0xf8, 0x72, 0x0a]); // «Bør» in Windows-1252 after the head
    expect(sniffEncoding(later, 1024)).toMatchObject({ encoding: 'utf-8', tentative: true });
    expect(sniffEncoding(later)).toMatchObject({ encoding: 'windows-1252' });
    expect(sniffEncoding(later).tentative).toBeUndefined();
  });
  it('line-aligned slices end after a line feed, keep characters whole and decode the same text', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `"0301 Oslo";"${i} Tromsø æøå";${i},5`).join('\r\n') + '\r\n';
    const bytes = enc(text);
    const guess = sniffEncoding(bytes);
    const slices = [...decodeSlices(bytes, guess, 4096, 0x0a)];
    expect(slices.length).toBeGreaterThan(10);
    slices.slice(0, -1).forEach((s) => expect(s.text.endsWith('\r\n')).toBe(true));
    expect(slices.map((s) => s.text).join('')).toBe(text);
    expect(slices.at(-1)!.end).toBe(bytes.length);
  });
  it('does not pick `,` for TAB files with decimal commas (papaparse #1005)', () => {
    expect(sniffDelimiter('a\tb\tc\n1,5\t2,5\t3\n4,5\t5\t6,25\n', '\n')).toBe('\t');
    expect(sniffDelimiter('"a";"b"\n"1,5";"2"\n', '\n')).toBe(';');
  });
});

describe('streaming CSV', () => {
  function bigCsv(rows: number): string {
    const lines = ['"region";"år";"merknad";"verdi"'];
    for (let i = 0; i < rows; i++) {
      const code = String(101 + (i % 400)).padStart(4, '0');
      // A quoted field with a delimiter and a newline inside, so slice cuts must respect quotes.
      lines.push(`"${code} Kommune";"${1900 + Math.floor(i / 400)}";"a;b\nc ""sitat"" ${"x".repeat(40)}";"${i % 7},5"`);
    }
    return lines.join('\r\n') + '\r\n';
  }
  it('parses across slice boundaries with progress and the same sums', async () => {
    const text = bigCsv(400 * 200);
    const bytes = enc(text);
    expect(bytes.length).toBeGreaterThan(4 << 20);
    const fractions: number[] = [];
    const s = await ingestFile({ name: 'big.csv', bytes }, { onProgress: (p) => fractions.push(p.fraction) });
    expect(s.status).toBe('ok');
    expect(s.units).toHaveLength(400);
    expect(s.obs.n).toBe(400 * 200);
    let sum = 0;
    for (let i = 0; i < s.obs.n; i++) sum += s.obs.value[i];
    let expected = 0;
    for (let i = 0; i < 400 * 200; i++) expected += (i % 7) + 0.5;
    expect(sum).toBeCloseTo(expected, 6);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions[fractions.length - 1]).toBe(1);
  });
  it('stops when cancelled', async () => {
    const bytes = enc(bigCsv(400 * 200));
    expect(bytes.length).toBeGreaterThan(4 << 20);
    const s = await ingestFile({ name: 'big.csv', bytes }, { cancelled: () => true });
    expect(s.status).toBe('cancelled');
    expect(s.problems[0].code).toBe('cancelled');
  });
  it('reads a file that is UTF-8 only in its head as Windows-1252, as a whole-file check would', async () => {
    // More than the head judged before reading (256 KiB) of plain rows, then one Windows-1252 «ø».
    const rows = ['region;aar;verdi'];
    for (let i = 0, length = 0; length < 300 << 10; i++) {
      rows.push(`"${String(101 + (i % 400)).padStart(4, '0')} Kommune";${2015 + (i % 5)};${i}`);
      length += rows[rows.length - 1].length + 1;
    }
    const bytes = new Uint8Array([...enc(rows.join('\n') + '\n'), ...enc('"5001 Trondheim - Tr'), 0xf8, ...enc('ndelag";2021;7\n')]);
    const s = await ingestFile({ name: 'late.csv', bytes });
    expect(s.status).toBe('ok');
    expect(s.detected.encoding).toBe('windows-1252');
    expect(s.detected.encodingReason).toBe(sniffEncoding(bytes).reason);
    expect(s.obs.n).toBe(rows.length);
    expect(JSON.stringify(s.unitNames)).toContain('Trondheim - Trøndelag');
    expect(s.problems.filter((p) => p.code === 'replacement-characters')).toEqual([]);
  });
  it('re-imports the same way with a stored mapping and encoding override', async () => {
    const bytes = new Uint8Array([...enc('kommune;aar;a;b\n0301;2020;1;2\n'), ...[0x31, 0x31, 0x30, 0x31, 0x3b], ...enc('2020;3;4\n')]);
    const first = await ingestFile({ name: 'x.csv', bytes });
    const mapping = { ...(first.spec.mapping ?? { unitColumn: null, yearColumn: null, valueColumns: [], dimensionColumns: [], layout: 'long' as const, fixedYear: null, variablePrefix: '' }), valueColumns: ['b'] };
    const again = await ingestFile({ name: 'x.csv', bytes }, { source: sourceSpecSchema.parse({ ...first.spec, mapping, encoding: 'latin1' }) });
    expect(again.variables.map((v) => v.name)).toEqual(['b']);
    expect(again.detected.encoding).toBe('windows-1252');
    expect(again.obs.n).toBe(2);
  });
});

describe('buildDataset', () => {
  const csv = (name: string, text: string) => ingestFile({ name, bytes: enc(text) });

  it('joins files on (kommune, aar) and reports units missing in one file', async () => {
    const a = await csv('a.csv', 'kommune;år;folk\n0301;2020;10\n1101;2020;20\n1103;2020;30\n');
    const b = await csv('b.csv', 'kommune;år;utgift\n0301;2020;1\n1101;2020;2\n');
    const ds = buildDataset([a, b], dataSpecSchema.parse({}));
    expect(ds.table.nRows).toBe(3);
    expect([...ds.table.columns.keys()]).toEqual(['kommune', 'navn', 'aar', 'folk', 'utgift']);
    const utgift = getNumeric(ds.table, 'utgift');
    expect(utgift?.missing[2]).toBe(Missing.missing);
    expect(ds.validation.sources[1].unitsMissingHere).toEqual(['1103']);
    expect(ds.catalogue.map((c) => [c.name, c.nUnits, c.source])).toEqual([
      ['folk', 3, 'a.csv'],
      ['utgift', 2, 'b.csv'],
    ]);
  });

  it('sums counts of merged municipalities and refuses to sum rates', async () => {
    const a = await csv('a.csv', 'kommune;år;personer;andel (prosent)\n0101 Halden;2019;10;50\n0104 Moss;2019;5;40\n0136 Rygge;2019;7;30\n');
    const ds = buildDataset([a], dataSpecSchema.parse({ structure: '2020' }));
    const k = getString(ds.table, 'kommune');
    const p = getNumeric(ds.table, 'personer');
    const rate = getNumeric(ds.table, 'andel_prosent');
    const moss = k?.values.indexOf('3002') ?? -1;
    expect(moss).toBeGreaterThanOrEqual(0);
    expect(p?.values[moss]).toBe(12);
    expect(rate?.missing[moss]).toBe(Missing.undefinedValue);
    expect(rate?.values[k?.values.indexOf('3001') ?? -1]).toBe(50);
    expect(ds.problems.some((q) => q.code === 'non-additive-merge' && q.message.includes('andel_prosent'))).toBe(true);
    expect(ds.catalogue.find((c) => c.name === 'andel_prosent')?.additive).toBe(false);
  });

  it('keeps the first of duplicate keys and reports the line', async () => {
    const a = await csv('dup.csv', 'kommune;år;x\n0301;2020;1\n0301;2020;2\n');
    const ds = buildDataset([a], dataSpecSchema.parse({}));
    expect(getNumeric(ds.table, 'x')?.values[0]).toBe(1);
    expect(ds.validation.sources[0].nDuplicates).toBe(1);
    expect(ds.validation.sources[0].duplicates[0].lines).toEqual([3]);
    expect(ds.problems.find((q) => q.code === 'duplicate-key')?.message).toContain('linje 3');
  });

  it('uses an uploaded Klass change table and lists unmatched codes', async () => {
    const table = await ingestFile(
      { name: 'endringer.csv', bytes: enc('kommuner_2019;kommuner_2020\n0101\u00a0-\u00a0Halden;3001\u00a0-\u00a0Halden\n0104 - Moss;3002 - Moss\n') },
      { source: sourceSpecSchema.parse({ id: 'chg', fileName: 'endringer.csv', format: 'csv', role: 'change-table' }) },
    );
    const a = await csv('a.csv', 'kommune;år;x\n0101;2019;1\n0104;2019;2\n4242;2019;3\n');
    const ds = buildDataset([table, a], dataSpecSchema.parse({ structure: '2020' }));
    expect(getString(ds.table, 'kommune')?.values).toEqual(['3001', '3002']);
    expect(ds.validation.unmatchedCodes.map((u) => u.code)).toEqual(['4242']);
  });

  it('flags far-away values (robust z) without removing them', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${String(1101 + i)};2020;${100 + (i % 5)}`);
    rows.push('0301;2020;100000000');
    const a = await csv('o.csv', `kommune;år;x\n${rows.join('\n')}\n`);
    const ds = buildDataset([a], dataSpecSchema.parse({}));
    expect(ds.validation.outliers.map((o) => o.unit)).toEqual(['0301']);
    expect(ds.table.nRows).toBe(31);
    expect(robustZ(new Float64Array([1, 1, 1]))).toBeNull();
  });

  it('an error file next to good files keeps the good data', async () => {
    const good = await csv('good.csv', 'kommune;år;x\n0301;2020;1\n');
    const bad = await ingestFile({ name: 'bad.bin', bytes: new Uint8Array([0, 1, 2, 3, 0, 0]) });
    const ds = buildDataset([good, bad], dataSpecSchema.parse({}));
    expect(ds.table.nRows).toBe(1);
    expect(ds.problems.some((q) => q.code === 'wrong-format' && q.where?.file === 'bad.bin')).toBe(true);
  });
});
