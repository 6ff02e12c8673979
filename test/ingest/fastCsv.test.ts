/**
 * The fast CSV reader (src/ingest/fastCsv.ts) must give exactly what the PapaParse path gives:
 * every corpus file, every real CSV, the demo CSVs, crafted edge cases and a multi-slice generated
 * Statistikkbanken file are read both ways and compared field by field (observations, variables,
 * units, problems with line and column, examples).
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
import { itWithShared, REAL_DIR } from '../support/shared';

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

async function both(name: string, bytes: Uint8Array): Promise<[ImportedSource, ImportedSource]> {
  setFastCsvEnabled(false);
  const slow = await ingestFile({ name, bytes });
  setFastCsvEnabled(true);
  const fast = await ingestFile({ name, bytes });
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

describe('fast CSV reader = PapaParse path', () => {
  afterEach(() => setFastCsvEnabled(true));

  it.each(Object.keys(CRAFTED))('crafted %s', async (name) => {
    const [slow, fast] = await both(name, enc(CRAFTED[name]));
    expectSame(fast, slow, name);
  });

  it('corpus and demo CSV files', async () => {
    const files = [...csvFiles(join(here, 'corpus')), ...csvFiles(resolve(here, '../../public/demo'))];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const [slow, fast] = await both(f.split('/').pop() as string, new Uint8Array(readFileSync(f)));
      expectSame(fast, slow, f);
    }
  }, 60_000);

  itWithShared(REAL_DIR, 'real CSV files', async () => {
    const files = csvFiles(REAL_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const [slow, fast] = await both(f.split('/').pop() as string, new Uint8Array(readFileSync(f)));
      expectSame(fast, slow, f);
    }
  }, 60_000);

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
