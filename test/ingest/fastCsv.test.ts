/**
 * The fast CSV readers (src/ingest/fastCsv.ts on text, src/ingest/byteCsv.ts on bytes) must give
 * exactly what the PapaParse path gives: every corpus file, every file of the real SSB/Klass folder,
 * the hostile corpus, the demo CSVs, crafted edge cases and a multi-slice generated Statistikkbanken
 * file are read three ways (PapaParse only, text reader, byte reader) and compared field by field
 * (observations, variables, units, problems with line and column, examples).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeLongCsv } from '../../bench/ingest.bench';
import { parseCell, parseCellSpan } from '../../src/ingest/cells';
import { setFastCsvEnabled } from '../../src/ingest/csv';
import { ingestFile, type ImportedSource } from '../../src/ingest/index';
import type { IngestOptions } from '../../src/ingest/types';
import { itWithShared, REAL_DIR } from '../support/shared';
import { hostileCorpus } from '../hostile/corpus';

const here = dirname(fileURLToPath(import.meta.url));

function csvFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...csvFiles(p));
    else if (/\.(csv|txt|tsv|dat)$/i.test(e)) out.push(p);
  }
  return out;
}

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}

/**
 * Reads the file with PapaParse only, with the text reader and with the byte reader (the default);
 * checks that the text reader's result is the PapaParse one and returns [PapaParse, byte reader].
 */
async function both(name: string, bytes: Uint8Array, opts?: IngestOptions): Promise<[ImportedSource, ImportedSource]> {
  setFastCsvEnabled(false);
  const slow = await ingestFile({ name, bytes }, opts);
  setFastCsvEnabled(true, false);
  const text = await ingestFile({ name, bytes }, opts);
  setFastCsvEnabled(true);
  const fast = await ingestFile({ name, bytes }, opts);
  expectSame(text, slow, `${name} (text reader)`);
  return [slow, fast];
}

/** Typed arrays compared as bytes (vitest's deep equality is slow on 10⁵ elements), the rest deeply. */
function expectSame(fast: ImportedSource, slow: ImportedSource, what: string): void {
  const { obs: fo, ...frest } = fast;
  const { obs: so, ...srest } = slow;
  expect(fo.n, what).toBe(so.n);
  for (const k of ['unit', 'year', 'variable', 'value', 'missing', 'line'] as const) {
    const a = Buffer.from(fo[k].buffer, fo[k].byteOffset, fo[k].byteLength);
    const b = Buffer.from(so[k].buffer, so[k].byteOffset, so[k].byteLength);
    expect(a.equals(b), `${what}: obs.${k}`).toBe(true);
  }
  expect(frest, what).toEqual(srest);
}

const enc = (s: string) => new TextEncoder().encode(s);

const CRAFTED: Record<string, string> = {
  'escaped-quotes.csv': '"region";"år";"verdi"\n"0301 ""Oslo""";"2020";5\n"3001 Halden";"2020";6\n',
  'quoted-newline.csv': '"region";"art";"år";"verdi"\n"0301 Oslo";"AGD10\nBrutto";"2020";5\n"3001 Halden";"AGD10 Brutto";"2020";6\n',
  'space-after-quote.csv': '"region";"år";"verdi"\n"0301 Oslo" ;"2020";5\n"3001 Halden";"2020";6\n',
  'stray-quote.csv': 'region;år;verdi\n0301 Oslo;2020;5"\n3001 Halden;2020;6\n',
  'ragged-bad.csv': 'region;år;verdi\n0301 Oslo;2020;5;9\n3001;2020\nFoo bar;2020;7\n3001 Halden;20x0;8\n1103 Stavanger;2021;1 234,5\n1103 Stavanger;2022;abc\n\n   \n5001;2020;-\n',
  'symbols.csv': '"region";"år";"verdi"\n"0301";"2020";..\n"0301";"2021";:\n"0301";"2022";.\n"0301";"2023";...\n"0301";"2024";-\n"0301";"2019";\n"0301";"2018";-0\n"0301";"2017";-12,5\n"0301";"2016";1,234\n"0301";"2015";1.234\n"0301";"2014";1234567890123456\n"0301";"2013";,5\n"0301";"2012";5,\n"0301";"2011";"77"\n',
  'dims-trim.csv': 'region;funksjon;år;verdi\n0301 Oslo;244 Barnevern;2020;1\n0301 Oslo; 244 Barnevern ;2021;2\n3001 Halden;244 Barnevern;2020;3\n',
  'name-col.csv': 'knr;kommunenavn;år;antall\n0301;Oslo;2020;1\n0301;Oslo kommune;2021;2\nEAK;Landet;2020;9\n3001;Halden;2020;3\n',
  'cr.csv': 'region;år;verdi\r0301 Oslo;2020;1,5\r3001 Halden;2020;2,5\r',
  'crlf-trailing.csv': 'region;år;verdi;\r\n0301 Oslo;2020;1;\r\n3001 Halden;2020;2;\r\n\r\n',
  'wide.csv': '"region";"Personer 2019";"Personer 2020"\n"0301 Oslo";1;2\n"K-3001 Halden";3;:\n"EKA03";5;6\n',
  'comma-delim.csv': 'region,år,verdi\n"0301 Oslo",2020,"1,5"\n3001 Halden,2020,2.5\n',
  'no-final-newline.csv': 'region;år;verdi\n0301 Oslo;2020;1\n3001 Halden;2020;2',
  // Raw fields matched whole: the same label quoted and unquoted, labels in the last column (a raw
  // text that is only a prefix of the field must not match), RegExp syntax in labels, short and long
  // lines after a matched field, unreadable units on repeated rows, cycles that change order.
  'quoting-changes.csv': '"region";"funksjon";"år";"verdi"\n"0301 Oslo";"244 Barnevern";"2020";1\n0301 Oslo;244 Barnevern;2020;2\n"0301 Oslo";244 Barnevern;"2020";3\n0301 Oslo;"244 Barnevern";2021;4\n',
  'label-last.csv': 'verdi;år;region\n1;2020;0301 Oslo\n2;2020;0301 Oslo\n3;2020;0301 Oslo x\n4;2020;0301 Oslo\n5;2020;"0301 Oslo"\n6;2021;0301 Oslo\n',
  'year-last.csv': 'region;verdi;år\n0301;1;2020\n0301;2;20201\n0301;3;2020\n0301;4;2020 \n0301;5;2020\n',
  'regexp-labels.csv': 'region;funksjon;år;verdi\n0301 Oslo;a.b*c+?(d)[e]{2}|^$\\/x;2020;1\n0301 Oslo;aXb*c+?(d)[e]{2}|^$\\/x;2020;2\n0301 Oslo;a.b*c+?(d)[e]{2}|^$\\/x;2021;3\n0301 Oslo;a.b*c+?(d)[e]{2}|^$\\/x;2021;4\n0301 Oslo;f.x;2021;5\n0301 Oslo;fax;2021;6\n0301 Oslo;f.x;2022;7\n0301 Oslo;fax;2022;8\n',
  'short-lines.csv': 'region;år;verdi\n0301 Oslo;2020;5\n0301 Oslo;2020\n0301 Oslo;2020;6\n0301 Oslo\n0301 Oslo;2021;7;8\n0301 Oslo;2021;9\n0301 Oslo;2021;"9\n',
  'bad-units-repeat.csv': 'region;år;verdi\nFoo bar;2020;7\nFoo bar;2021;8\n0301 Oslo;2020;1\nFoo bar;2020;9\n0301 Oslo;2021;2\n',
  'name-col-repeat.csv': 'knr;kommunenavn;år;antall\n0301;Oslo;2020;1\n0301;Oslo;2021;2\n0301;Oslo kommune;2022;3\n0301;Oslo;2023;4\n3001;Oslo;2020;5\n"0301";Oslo;2024;6\nEAK;Landet;2020;7\nEAK;Landet;2021;8\n',
  'cycles.csv': 'region;funksjon;art;år;verdi\n' + ['A', 'B', 'C', 'A', 'C', 'B', 'A', 'B', 'C', 'D', 'A', 'B'].map((a, i) => `0301 Oslo;100 Styring;${a} art;2020;${i}`).join('\n') + '\n',
  'values.csv': 'region;år;verdi\n' + ['1 234,5', '1.234,5', '−3', '1e5', ' 12 ', '"77"', '12a', '1,2,3', '-', '..', ':', '.', '...', '', '-0', '0,5', '1e308', 'NaN', 'Infinity', '12345678901234567', '63973,93', '-12,25', '1,234'].map((v, i) => `0301 Oslo;${1990 + i};${v}`).join('\n') + '\n',
};

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const cat = (...parts: (string | number[])[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

/** Rows of a long file in `lines` lines, from `from`: labels repeated as in Statistikkbanken. */
function longRows(lines: number, from = 0): string {
  let out = '';
  for (let i = from; i < from + lines; i++) out += `"${String(301 + (i % 7)).padStart(4, '0')} Bærum";"${100 + (i % 13)} Tjeneste ${i % 13}";"${2015 + (i % 3)}";${i % 17 === 0 ? '..' : `${i},${i % 10}`}\n`;
  return out;
}
const LONG_HEAD = '"12367: Detaljerte regnskapstall, år"\n\n"region";"funksjon";"år";"Beløp"\n';

/**
 * Cases of the byte reader (byteCsv.ts): encodings, bytes that are not UTF-8 after a valid head
 * (read again as windows-1252), byte order marks, U+FFFD, foreign line ends and quoted line breaks
 * in later slices, non-ASCII values and ignored columns.
 */
const CRAFTED_BYTES: Record<string, () => Uint8Array> = {
  'latin1.csv': () => latin1('region;funksjon;merknad;år;verdi\n0301 Oslo;Bærum skole;ø;2020;1\n0301 Oslo;Bærum skole;;2020;1\xa0234\n3001 Halden;Åsen;Ærlig;2021;5\n3001 Halden;Åsen;x;2021;−\n'),
  'mac-roman-ish.csv': () => new Uint8Array([...Buffer.from('region;funksjon;år;verdi\n0301 Oslo;B'), 0xbe, ...Buffer.from('rum;2020;1\n0301 Oslo;B'), 0xbf, ...Buffer.from('rum;2020;2\n0301 Oslo;'), 0x8c, ...Buffer.from(';2021;3\n')]),
  'not-utf8-late-label.csv': () => cat(LONG_HEAD, longRows(6000), '"0301 Oslo";"', [0xe6], 'r";"2016";5\n', longRows(50, 6000)),
  'not-utf8-late-value.csv': () => cat(LONG_HEAD, longRows(6000), '"0301 Oslo";"100 Tjeneste 0";"2016";5', [0xa0], '000\n', longRows(50, 6000)),
  // The trailing column (no header, empty in the head) is read by no role: its bytes are still checked.
  'not-utf8-late-ignored.csv': () => cat('region;år;verdi;\n', Array.from({ length: 16000 }, (_, i) => `0301 Oslo;${2015 + (i % 3)};${i};\n`).join(''), '3001 Halden;2016;5;', [0xf8], '\n0301 Oslo;2016;6;\n'),
  'bom.csv': () => cat([0xef, 0xbb, 0xbf], 'region;år;verdi\n0301 Oslo;2020;1\n0301 Oslo;2021;2\n'),
  'bom-double.csv': () => cat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'region;år;verdi\n0301 Oslo;2020;1\n0301 Oslo;2021;2\n'),
  'bom-mid.csv': () => cat('region;år;verdi\n0301 Oslo;2020;1\n', [0xef, 0xbb, 0xbf], '0301 Oslo;2021;2\n', [0xef, 0xbb, 0xbf], '\n3001 Halden;2021;3\n'),
  // U+FEFF after a delimiter is a character of the cell (`\uFEFF5` is not a number).
  'bom-in-value.csv': () => cat('region;år;verdi\n0301 Oslo;2020;1\n0301 Oslo;2021;', [0xef, 0xbb, 0xbf], '5\n'),
  // A second mark at the start is dropped by the decoder: the first data row reads 5.
  'bom-double-headerless.csv': () => cat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '5;0301;2020\n6;0301;2021\n7;3001;2021\n'),
  'fffd-bom.csv': () => cat([0xef, 0xbb, 0xbf], LONG_HEAD, longRows(9000), '"0301 Oslo";"1', [0xc3], '";"2016";5\n', longRows(50, 9000)),
  'fffd-literal.csv': () => cat(LONG_HEAD, longRows(9000), '"0301 Oslo";"100 Tjeneste 0";"2016";5\n"0301 Oslo";"1\uFFFD";"2016";5\n', longRows(50, 9000)),
  'fffd-ignored.csv': () => cat('region;år;verdi;\n', Array.from({ length: 16000 }, (_, i) => `0301 Oslo;${2015 + (i % 3)};${i};\n`).join(''), '3001 Halden;2016;5;\uFFFD\n'),
  'fffd-ignored-bom.csv': () => cat([0xef, 0xbb, 0xbf], 'region;år;verdi;\n', Array.from({ length: 16000 }, (_, i) => `0301 Oslo;${2015 + (i % 3)};${i};\n`).join(''), '3001 Halden;2016;5;', [0xc3], '\n'),
  'crlf-mixed-late.csv': () => cat(LONG_HEAD.replace(/\n/g, '\r\n'), longRows(9000).replace(/\n/g, '\r\n'), '"0301 Oslo";"100 Tjeneste 0";"2016";5\n"0301 Oslo";"100 Tjeneste 1";"2016";6\r', longRows(40, 9000).replace(/\n/g, '\r\n'), '"0301 Oslo";"100 Tjeneste 0";"2017";7'),
  'lf-with-crlf-late.csv': () => cat(LONG_HEAD, longRows(9000), '"0301 Oslo";"100 Tjeneste 0";"2016";5\r\n', longRows(40, 9000), '"0301 Oslo";"100 Tjeneste 0";"2016";5\r'),
  'quoted-breaks-late.csv': () => {
    let body = '';
    for (let i = 0; i < 40_000; i++) body += i % 4999 === 7 ? `"0301 Oslo";"AGD10\nBrutto ${i}";"2016";${i}\n` : i % 3001 === 5 ? `"0301 ""Oslo""";"100 Tjeneste";"2016";${i}\n` : longRows(1, i);
    return cat(LONG_HEAD, body);
  },
  'stray-quote-late.csv': () => cat(LONG_HEAD, longRows(9000), '"0301 Oslo";"100 Tjeneste 0";"2016";5"\n', longRows(9000, 9000)),
  // An unbalanced quote in the second slice: the lines it would swallow are counted in every later slice.
  'stray-quote-open-late.csv': () => cat('region;år;verdi\n', Array.from({ length: 60_000 }, (_, i) => `0301 Oslo;${2015 + (i % 3)};${i}\n`).join(''), '"0301 Oslo;2016;5\n', Array.from({ length: 120_000 }, (_, i) => `3001 Halden;${2015 + (i % 3)};${i}\n`).join('')),
  // A quoted field with line breaks across the first slice's end (1000 KiB): the text path carries it.
  'quoted-across-slices.csv': () => {
    let body = 'region;funksjon;år;verdi\n';
    for (let i = 0; body.length < (1000 << 10) - 300; i++) body += `0301 Oslo;${100 + (i % 13)} Tjeneste;2016;${i}\n`;
    body += `0301 Oslo;"lang\n${'etikett\n'.repeat(80)}";2016;1\n`;
    for (let i = 0; i < 60_000; i++) body += `3001 Halden;${100 + (i % 13)} Tjeneste;2017;${i}\n`;
    return cat(body);
  },
  // A CR inside a quoted field of an LF file: a line break of another kind (the text path reads it).
  'cr-in-quoted-late.csv': () => cat(LONG_HEAD, longRows(9000), '"0301 Oslo";"AGD10\rBrutto";"2016";5\n', longRows(100, 9000)),
  'blank-lines.csv': () => cat('region;år;verdi\n0301 Oslo;2020;1\n\n  \n\u00a0\n\u3000\n;\n0301 Oslo;2021;2\n'),
  'tabs.csv': () => cat('region\tår\tverdi\n"0301 Oslo"\t2020\t1,5\n"0301 Oslo"\t2021\t2,5\n"Oslo; sentrum"\t2021\t3\n'),
  'ragged-non-ascii.csv': () => cat('region;år;verdi\n0301 Oslo;2020;1\nØrsta;2020\n0301 Oslo;2021;2;Æ\nÅfjord ø;2020;7\n0301 Oslo;2022;1\u00a0234\n0301 Oslo;2023;−5\n0301 Oslo;2024;"12,5"\n0301 Oslo;2025;"Æ"\n'),
};

describe('fast CSV reader = PapaParse path', () => {
  afterEach(() => setFastCsvEnabled(true));

  it.each(Object.keys(CRAFTED))('crafted %s', async (name) => {
    const [slow, fast] = await both(name, enc(CRAFTED[name]));
    expectSame(fast, slow, name);
  });

  it.each(Object.keys(CRAFTED_BYTES))('crafted bytes %s', async (name) => {
    const [slow, fast] = await both(name, CRAFTED_BYTES[name]());
    expectSame(fast, slow, name);
  });

  it('a column the mapping leaves out: its bytes are still checked (UTF-8, U+FFFD)', async () => {
    const file = (tail: number[] | string, bom = false) =>
      cat(bom ? [0xef, 0xbb, 0xbf] : [], 'region;merknad;år;verdi\n', Array.from({ length: 12_000 }, (_, i) => `0301 Oslo;ok;${2015 + (i % 3)};${i}\n`).join(''), '3001 Halden;', tail, ';2016;5\n0301 Oslo;ok;2016;6\n');
    // Not UTF-8 after the head (read again as windows-1252), U+FFFD as text, bad bytes after a BOM.
    for (const [what, bytes] of [['not-utf8', file([0xf8])], ['fffd', file('\uFFFD')], ['bom-bad-byte', file([0xc3], true)]] as const) {
      const first = await ingestFile({ name: 'merknad.csv', bytes });
      expect(first.spec.mapping?.dimensionColumns, what).toEqual(['merknad']);
      const source = { ...first.spec, encoding: null, mapping: { ...(first.spec.mapping as NonNullable<typeof first.spec.mapping>), dimensionColumns: [] } };
      const [slow, fast] = await both('merknad.csv', bytes, { source });
      expect(slow.spec.mapping?.dimensionColumns, what).toEqual([]);
      expect(slow.detected.encoding, what).toBe(what === 'not-utf8' ? 'windows-1252' : 'utf-8');
      if (what !== 'not-utf8') expect(slow.problems.find((p) => p.code === 'replacement-characters')?.where?.line, what).toBe(12_002);
      expectSame(fast, slow, what);
    }
  }, 60_000);

  it('corpus and demo CSV files', async () => {
    const files = [...csvFiles(join(here, 'corpus')), ...csvFiles(resolve(here, '../../public/demo'))];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const [slow, fast] = await both(f.split('/').pop() as string, new Uint8Array(readFileSync(f)));
      expectSame(fast, slow, f);
    }
  }, 60_000);

  itWithShared(REAL_DIR, 'every file of the real SSB/Klass folder', async () => {
    const files = allFiles(REAL_DIR).filter((f) => !f.endsWith('.md'));
    expect(files.filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(10);
    for (const f of files) {
      const [slow, fast] = await both(f.split('/').pop() as string, new Uint8Array(readFileSync(f)));
      expectSame(fast, slow, f);
    }
  }, 60_000);

  it('the hostile corpus', async () => {
    expect(hostileCorpus.length).toBeGreaterThan(20);
    for (const c of hostileCorpus) {
      const [slow, fast] = await both(c.name, c.bytes());
      expectSame(fast, slow, c.name);
    }
  }, 300_000);

  it('a generated multi-slice Statistikkbanken file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kl-fastcsv-'));
    try {
      const p = join(dir, 'long.csv');
      writeLongCsv(p, 9 << 20, 11);
      const [slow, fast] = await both('long.csv', new Uint8Array(readFileSync(p)));
      expect(fast.obs.n).toBeGreaterThan(100_000);
      expectSame(fast, slow, 'long.csv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('labels beyond the matcher limits: very long labels, thousands of distinct labels', async () => {
    const long = (i: number) => `${'lang funksjonsetikett '.repeat(14)}${i}`;
    const rows = ['region;funksjon;år;verdi'];
    for (const year of [2020, 2021]) {
      for (let i = 0; i < 3000; i++) rows.push(`0301 Oslo;${i} funksjon;${year};${i},5`);
      for (let i = 0; i < 20; i++) rows.push(`3001 Halden;${long(i % 3)};${year};${i}`);
    }
    const [slow, fast] = await both('many-labels.csv', enc(rows.join('\n') + '\n'));
    expect(fast.obs.n).toBe(6_040);
    expectSame(fast, slow, 'many-labels.csv');
  }, 60_000);

  it('parseCellSpan agrees with parseCell (or defers to it)', () => {
    const cells = ['', '0', '12', '-', '-0', '-7', '..', ':', '.', '...', '....', '::', '1,5', '-1,5', '1.5', '1,234', '1.234', '12,3456', '123456789012345', '1234567890123456', '0,1', '0.3', '99999999999999,9', ',5', '5,', '-,5', '1,2,3', 'x', '1 234', '1e5', '−3'];
    for (const dc of [true, false]) {
      for (const c of cells) {
        const text = `;${c};`;
        const span = parseCellSpan(text, 1, 1 + c.length, dc);
        if (span === null) continue;
        const got = { value: span.value, missing: span.missing };
        const want = parseCell(c, dc);
        expect(got, `${c} ${dc}`).toEqual({ value: want.value, missing: want.missing });
      }
    }
  });
});
