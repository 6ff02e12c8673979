/**
 * Files without a header row: a municipality code and a value per line (`301;693494`), as people
 * save them from Excel or a register extract. Read as a header, the first data row would be lost and
 * the columns named after its numbers. A first row whose cells are all numbers, SSB symbols or
 * years, one of them a municipality-like code, is data; the columns are then named by what they
 * hold (`kommune`, `år`, and the file's name for the values).
 */
import { problem, type Problem } from '../engine/problem';
import { looksNumeric } from './cells';
import { safeIdentifier } from './dims';
import { periodCode } from './periods';
import { looksLikeRegion } from './regions';

const SYMBOL = /^(?:\.{1,3}|:|-)$/;

function isDataCell(t: string): boolean {
  return t === '' || looksNumeric(t) || SYMBOL.test(t) || periodCode(t) >= 0;
}

/** True when `first` (the row that would be the header) is data, judged with the rows after it. */
export function looksHeaderless(first: string[] | undefined, next: string[][]): boolean {
  if (!first || first.length < 2) return false;
  const cells = first.map((c) => c.trim());
  const regionCol = cells.findIndex((c) => looksLikeRegion(c));
  if (regionCol < 0) return false;
  // Every other cell must be data: any word (`kommune`, `Personer 2022`) makes it a header.
  if (!cells.every((c, j) => j === regionCol || isDataCell(c))) return false;
  // The rows below agree: the same column holds municipality codes.
  const body = next.filter((r) => !(r.length === 1 && r[0].trim() === '')).slice(0, 20);
  if (body.length === 0) return true;
  const agree = body.filter((r) => looksLikeRegion((r[regionCol] ?? '').trim())).length;
  return agree / body.length >= 0.8;
}

/**
 * Names for the columns of a headerless file: the municipality column `kommune`, a column of
 * years/periods `år`, value columns after the file (`barnevern.csv` → `barnevern`, or
 * `barnevern_2`, `barnevern_3` when there are several), text columns `kolonne_N`.
 */
export function headerlessHeaders(rows: string[][], fileName: string): string[] {
  const body = rows.filter((r) => !(r.length === 1 && r[0].trim() === '')).slice(0, 200);
  const width = Math.max(0, ...body.map((r) => r.length));
  const stem = safeIdentifier(fileName.replace(/\.[^.]*$/, '')) || 'verdi';
  const frac = (j: number, test: (t: string) => boolean) => {
    const cells = body.map((r) => (r[j] ?? '').trim()).filter((t) => t !== '');
    return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
  };
  let unit = -1;
  let year = -1;
  for (let j = 0; j < width; j++) {
    if (unit < 0 && frac(j, looksLikeRegion) >= 0.8 && frac(j, (t) => periodCode(t) >= 0) < 0.8) unit = j;
    else if (year < 0 && frac(j, (t) => periodCode(t) >= 0) >= 0.9) year = j;
  }
  const values: number[] = [];
  for (let j = 0; j < width; j++) if (j !== unit && j !== year && frac(j, (t) => looksNumeric(t) || SYMBOL.test(t)) >= 0.8) values.push(j);
  return Array.from({ length: width }, (_, j) => {
    if (j === unit) return 'kommune';
    if (j === year) return 'år';
    const v = values.indexOf(j);
    if (v >= 0) return values.length === 1 ? stem : `${stem}_${v + 1}`;
    return `kolonne_${j + 1}`;
  });
}

export function headerlessProblem(file: string, headers: string[]): Problem {
  const cols = headers.join(', ');
  return problem(
    'no-header-row',
    `${file}: fila har ingen overskriftslinje (første rad er tall og kommunenummer); den er lest som data, og kolonnene har fått navnene ${cols}.`,
    `${file}: the file has no header row (the first row holds numbers and municipality codes); it was read as data, and the columns were named ${cols}.`,
    { file, line: 1 },
    'info',
  );
}
