/**
 * The hostile corpus of issue 17: one generated file per class of damage (budgets, crash loops,
 * stray quotes, line ends, misleading messages). Files are built on demand (big ones are never
 * committed) and shared by the unit test (ingestFile), the CLI test (analyze inspect) and the
 * browser upload journey (e2e/hostile.spec.ts), so all three check the same expectations.
 */
import { cell, makeXlsx, makeZip, tableRows } from './zip';

export interface HostileCase {
  name: string;
  /** The class of damage (issue 17), for test titles. */
  kind: string;
  /** Megabytes: written to a temporary file for the browser instead of passed as a buffer. */
  big?: boolean;
  bytes(): Uint8Array;
  expect: {
    status: 'ok' | 'error';
    /** The problem that names the real cause. */
    code: string;
    /** Part of its Norwegian message (what the user reads). */
    nb: RegExp;
    units?: number;
  };
}

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const MB = 1024 * 1024;
/** Matches the app's digit grouping (no-break space in bokmål). */
const n = (s: string) => s.replace(/ /g, '[\\s\\u00a0]');

const TABLE: (string | number)[][] = [
  ['kommune', 'år', 'utgift'],
  ['0301', 2022, 5],
  ['1101', 2022, 6],
  ['1103', 2022, 7],
];

/** JSON-stat 2 with the given dimensions (id → category codes) and values. */
function jsonStat(dims: [string, string[]][], value: unknown, role: Record<string, string[]> = { geo: ['Region'], time: ['Tid'] }): string {
  const dimension: Record<string, unknown> = {};
  for (const [id, codes] of dims) dimension[id] = { label: id, category: { index: codes, label: Object.fromEntries(codes.map((c) => [c, c])) } };
  return JSON.stringify({ version: '2.0', class: 'dataset', label: 'test', id: dims.map((d) => d[0]), size: dims.map((d) => d[1].length), role, dimension, value });
}

function codes(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

function municipalities(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(3001 + i));
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const b = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), b]) : b);
}

const SMALL_STAT = jsonStat(
  [
    ['Region', ['K-0301', 'K-1101']],
    ['ContentsCode', ['Personer']],
    ['Tid', ['2022']],
  ],
  [1000, 2000],
);

export const hostileCorpus: HostileCase[] = [
  // ---- xlsx: budgets from the cells that exist
  {
    name: 'fjern-celle.xlsx',
    kind: 'xlsx: one cell at XFD1048576, declared dimension A1:XFD1048576',
    bytes: () => makeXlsx(`<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576">${cell('XFD1048576', 1)}</row></sheetData>`),
    expect: { status: 'error', code: 'no-rows', nb: /ingen datarader/ },
  },
  {
    name: 'fjern-celle-med-data.xlsx',
    kind: 'xlsx: a table plus one cell at XFD1048576',
    bytes: () => makeXlsx(`<dimension ref="A1:XFD1048576"/><sheetData>${tableRows(TABLE)}<row r="1048576">${cell('XFD1048576', 7)}</row></sheetData>`),
    expect: { status: 'ok', code: 'bad-unit', nb: /linje 1048576/, units: 3 },
  },
  {
    name: 'flett-alt.xlsx',
    kind: 'xlsx: a merge over the whole sheet',
    bytes: () => makeXlsx(`<sheetData>${tableRows(TABLE)}</sheetData><mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>`),
    expect: { status: 'ok', code: '', nb: /./, units: 3 },
  },
  {
    name: 'validering-alt.xlsx',
    kind: 'xlsx: a data validation over the whole sheet',
    bytes: () =>
      makeXlsx(`<sheetData>${tableRows(TABLE)}</sheetData><dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>`),
    expect: { status: 'ok', code: '', nb: /./, units: 3 },
  },
  {
    name: 'diagonal.xlsx',
    kind: 'xlsx: 6 400 cells on a diagonal (a 6 400 × 6 400 grid)',
    bytes: () => {
      const rows: string[] = [];
      for (let i = 1; i <= 6400; i++) {
        let col = '';
        for (let c = i; c > 0; c = Math.floor((c - 1) / 26)) col = String.fromCharCode(65 + ((c - 1) % 26)) + col;
        rows.push(`<row r="${i}">${cell(`${col}${i}`, i)}</row>`);
      }
      return makeXlsx(`<sheetData>${rows.join('')}</sheetData>`);
    },
    expect: { status: 'error', code: 'too-many-values', nb: new RegExp(n('40 960 000 celler i arket; grensen er 40 000 000')) },
  },
  {
    name: 'lang-celle.xlsx',
    kind: 'xlsx: a cell of 40 000 characters',
    bytes: () => makeXlsx(`<sheetData>${tableRows(TABLE)}<row r="5">${cell('A5', 'x'.repeat(40_000))}</row></sheetData>`),
    expect: { status: 'error', code: 'cell-too-long', nb: new RegExp(`linje 5, kolonne 1: en celle på ${n('40 000')} tegn`) },
  },
  {
    name: 'zip-bombe.xlsx',
    kind: 'xlsx: a 150 KB file that unpacks to 201 MB',
    big: true,
    bytes: () => {
      const pad = ' '.repeat(201 * MB);
      return makeXlsx(`<sheetData>${tableRows(TABLE)}</sheetData>${pad}`, [], { deflate: true });
    },
    expect: { status: 'error', code: 'xlsx-too-large', nb: /pakkes ut til 201 MB/ },
  },
  {
    name: 'arkiv.zip',
    kind: 'not a table: a plain zip',
    bytes: () => makeZip([{ name: 'kommuner.csv', data: 'kommune;år;x\n0301;2022;1\n' }]),
    expect: { status: 'error', code: 'wrong-format', nb: /zip-arkiv, ikke en Excel-arbeidsbok.*kommuner\.csv/ },
  },
  {
    name: 'regneark.ods',
    kind: 'not a table: an OpenDocument spreadsheet',
    bytes: () =>
      makeZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
    expect: { status: 'error', code: 'wrong-format', nb: /OpenDocument/ },
  },
  {
    name: 'avkuttet.xlsx',
    kind: 'xlsx: a truncated zip',
    bytes: () => makeXlsx(`<sheetData>${tableRows(TABLE)}</sheetData>`).slice(0, 300),
    expect: { status: 'error', code: 'xlsx-unreadable', nb: /skadet eller avkuttet/ },
  },
  // ---- JSON-stat: the cube against the value count and the budget
  {
    name: 'kube-milliard.json',
    kind: 'JSON-stat: dimension sizes multiply to 10^9 (24 KB)',
    bytes: () =>
      enc(
        jsonStat(
          [
            ['Region', codes('K-', 1000)],
            ['ContentsCode', codes('c', 1000)],
            ['Tid', codes('', 1000)],
          ],
          { '0': 1 },
        ),
      ),
    expect: { status: 'error', code: 'too-many-values', nb: new RegExp(n('1 000 000 000 celler')) },
  },
  {
    name: 'kube-50-millioner.json',
    kind: 'JSON-stat: 50 million cells from 13 KB',
    bytes: () =>
      enc(
        jsonStat(
          [
            ['Region', municipalities(500)],
            ['ContentsCode', codes('c', 1000)],
            ['Tid', codes('', 100)],
          ],
          {},
        ),
      ),
    expect: { status: 'error', code: 'too-many-values', nb: new RegExp(n('50 000 000 celler')) },
  },
  {
    name: 'kube-feil-storrelse.json',
    kind: 'JSON-stat: a size that is not the category count',
    bytes: () => {
      const doc = JSON.parse(SMALL_STAT) as { size: number[] };
      doc.size[0] = 1_000_000_000;
      return enc(JSON.stringify(doc));
    },
    expect: { status: 'error', code: 'jsonstat-bad-dimension', nb: /størrelse 1000000000, men 2 kategorier/ },
  },
  {
    name: 'kube-feil-antall.json',
    kind: 'JSON-stat: more values than cells',
    bytes: () => {
      const doc = JSON.parse(SMALL_STAT) as { value: number[] };
      doc.value = [1, 2, 3, 4, 5];
      return enc(JSON.stringify(doc));
    },
    expect: { status: 'error', code: 'jsonstat-size', nb: /5 verdier, men dimensjonsstørrelsene gir 2 celler/ },
  },
  {
    name: 'kube-variabler.json',
    kind: 'JSON-stat: 25 000 variables',
    bytes: () =>
      enc(
        jsonStat(
          [
            ['Region', ['K-0301']],
            ['ContentsCode', codes('c', 25_000)],
            ['Tid', ['2022']],
          ],
          new Array(25_000).fill(1),
        ),
      ),
    expect: { status: 'error', code: 'too-many-variables', nb: new RegExp(n('25 000 variabler; grensen er 20 000')) },
  },
  {
    name: 'kube-1e308.json',
    kind: 'message: 1e308 in JSON-stat',
    bytes: () => enc(SMALL_STAT.replace('[1000,2000]', '[1e308,2000]')),
    expect: { status: 'ok', code: 'out-of-range', nb: /«1e\+308» er et tall utenfor/, units: 2 },
  },
  {
    name: 'utf16.json',
    kind: 'message: JSON-stat saved as UTF-16 (with BOM)',
    bytes: () => utf16le(SMALL_STAT, true),
    expect: { status: 'ok', code: '', nb: /./, units: 2 },
  },
  {
    name: 'utf16-uten-bom.json',
    kind: 'message: JSON-stat saved as UTF-16 (no BOM)',
    bytes: () => utf16le(SMALL_STAT, false),
    expect: { status: 'ok', code: '', nb: /./, units: 2 },
  },
  {
    name: 'poster-mange-nokler.json',
    kind: 'JSON records with 20 000 different keys',
    bytes: () => enc(JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ kommune: '0301', aar: 2022, [`k${i}`]: i })))),
    expect: { status: 'error', code: 'too-many-columns', nb: new RegExp(n('20 002 kolonner; grensen er 16 384')) },
  },
  // ---- CSV: columns, cell length, stray quotes, line ends
  {
    name: 'bred-100k.csv',
    kind: 'CSV: a header of 100 000 columns',
    big: true,
    bytes: () => {
      const header = ['kommune', 'år', ...codes('v', 99_998)].join(';');
      const row = ['0301', '2022', ...new Array<string>(99_998).fill('1')].join(';');
      return enc(`${header}\n${row}\n`);
    },
    expect: { status: 'error', code: 'too-many-columns', nb: new RegExp(n('100 000 kolonner; grensen er 16 384')) },
  },
  {
    name: 'bred-15k.csv',
    kind: 'CSV: a header of 15 000 columns, longer than the sniffed head',
    big: true,
    bytes: () => {
      const names = codes('utgift_funksjon_art_', 14_998);
      const header = ['kommune', 'år', ...names].join(';');
      const rows = ['0301', '1101', '1103'].map((k) => [k, '2022', ...names.map((_, i) => String(i))].join(';'));
      return enc([header, ...rows].join('\n') + '\n');
    },
    expect: { status: 'ok', code: '', nb: /./, units: 3 },
  },
  {
    name: 'celle-50mb.csv',
    kind: 'CSV: one cell of 50 MB',
    big: true,
    bytes: () => {
      const head = Buffer.from('kommune;år;tekst\n0301;2022;', 'utf8');
      const body = Buffer.alloc(50 * MB, 'x');
      return new Uint8Array(Buffer.concat([head, body, Buffer.from('\n1101;2022;y\n')]));
    },
    expect: { status: 'error', code: 'cell-too-long', nb: new RegExp(`linje 2, kolonne 3: en celle på ${n('52 428 800')} tegn`) },
  },
  {
    name: 'celle-40k-sent.csv',
    kind: 'CSV: a 40 000-character cell on line 6 000',
    bytes: () => {
      const lines = ['kommune;år;x', ...Array.from({ length: 5998 }, (_, i) => `${3001 + (i % 900)};${2000 + Math.floor(i / 900)};${i}`)];
      lines.push(`0301;2022;${'y'.repeat(40_000)}`, '1101;2022;1');
      return enc(lines.join('\n') + '\n');
    },
    expect: { status: 'error', code: 'cell-too-long', nb: new RegExp(`linje 6000, kolonne 3: en celle på ${n('40 000')} tegn`) },
  },
  {
    name: 'laust-anforselstegn.csv',
    kind: 'CSV: an unbalanced quote before 2 000 rows',
    bytes: () => {
      const lines = ['kommune;år;x', '"0301 Oslo;2022;5', ...municipalities(2000).map((k, i) => `${k};2022;${i}`)];
      return enc(lines.join('\n') + '\n');
    },
    expect: { status: 'ok', code: 'stray-quote', nb: new RegExp(`linje 2: et anførselstegn .* ville slukt resten av fila \\(${n('2 001')} linjer\\)`), units: 2000 },
  },
  {
    name: 'blandede-linjeskift.csv',
    kind: 'CSV: CR, LF and CRLF mixed',
    bytes: () => {
      const ends = ['\r\n', '\n', '\r'];
      const lines = ['kommune;år;x', ...municipalities(30).map((k, i) => `${k};2022;${i}`)];
      return enc(lines.map((l, i) => l + ends[i % 3]).join(''));
    },
    expect: { status: 'ok', code: 'mixed-line-ends', nb: /blander linjeskift/, units: 30 },
  },
  // ---- messages that named the wrong cause
  {
    name: 'bare-bom.csv',
    kind: 'message: a file with only a BOM',
    bytes: () => new Uint8Array([0xef, 0xbb, 0xbf]),
    expect: { status: 'error', code: 'empty-file', nb: /bare et byte-order-merke/ },
  },
  {
    name: 'euro-celle.csv',
    kind: 'message: one «€ 12» cell',
    bytes: () => enc('kommune;år;utgift\n0301;2022;€ 12\n1101;2022;5\n1103;2022;7\n'),
    expect: { status: 'ok', code: 'non-numeric', nb: /linje 2, kolonne «utgift»: «€ 12» er ikke et tall/, units: 3 },
  },
  {
    name: 'stort-tall.csv',
    kind: 'message: 1e308',
    bytes: () => enc('kommune;år;utgift\n0301;2022;1e308\n1101;2022;5\n'),
    expect: { status: 'ok', code: 'out-of-range', nb: /linje 2, kolonne «utgift»: «1e308» er et tall utenfor/, units: 2 },
  },
  {
    name: 'komprimert.csv.gz',
    kind: 'message: a gzip file',
    bytes: () => new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]),
    expect: { status: 'error', code: 'wrong-format', nb: /gzip/ },
  },
  {
    name: 'utf16-uten-bom.csv',
    kind: 'message: UTF-16 CSV without BOM',
    bytes: () => utf16le('kommune;år;x\r\n0301;2022;1\r\n1101;2022;2\r\n', false),
    expect: { status: 'ok', code: '', nb: /./, units: 2 },
  },
  {
    name: 'formler.csv',
    kind: 'export: formula injection in municipality names',
    bytes: () => enc(`kommune;navn;år;x\n0301;=cmd|' /C calc'!A0;2022;1\n1101;+cmd|' /C calc'!A0;2022;2\n1103;@SUM(A1);2022;3\n`),
    expect: { status: 'ok', code: '', nb: /./, units: 3 },
  },
];
