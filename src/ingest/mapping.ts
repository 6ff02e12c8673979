/**
 * Proposes how a table of text (CSV or a sheet) maps to municipality × year × variables: which
 * column is the municipality, which the year, which hold values and which name dimensions. The
 * proposal is only a start: the user corrects it in the data view and it is stored in the spec.
 */
import type { ColumnMapping } from '../spec/sections/data';
import { isOutOfRangeNumber, looksNearNumeric, looksNumeric } from './cells';
import { periodCode, periodInHeader } from './periods';
import { looksLikeRegion } from './regions';

const UNIT_HEADER = /region|kommune|municipal|^knr$|komm?nr|kommunenummer|^kode$|^code$|^kommnr/i;
const NAME_HEADER = /navn|^name$|kommunenavn|^tekst$/i;
const YEAR_HEADER = /^(?:år|aar|year|tid|time|årstall|periode|period|gyldig_år|kvartal|quarter|måned|maned|month)$/i;
// Klass code lists and change tables carry small integers that are codes or flags, not values.
const CODE_LIST_COLUMN = /^(?:level|parentcode|splittes|gyldig_år|validfrom|validto|sortorder|nivå|niva)$/i;
const VALUE_HEADER = /verdi|value|antall|beløp|belop|tall|sum|persons|personer|kroner|prosent|amount|count/i;
const CODE_HEADER = /kode|code|nummer|^k?nr$|_nr$/i;
const YEAR_IN_HEADER = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/;

export interface ColumnProfile {
  header: string;
  nonEmpty: number;
  numeric: number;
  /** Numbers with a currency or unit attached (`€ 12`) or too large (`1e308`): they count towards a
   *  value column, and the reader then reports each one at its line. */
  nearNumeric: number;
  region: number;
  year: number;
}

export function profileColumns(headers: string[], rows: string[][]): ColumnProfile[] {
  return headers.map((header, j) => {
    let nonEmpty = 0;
    let numeric = 0;
    let nearNumeric = 0;
    let region = 0;
    let year = 0;
    for (const row of rows) {
      const t = (row[j] ?? '').trim();
      if (t === '') continue;
      nonEmpty++;
      if (looksNumeric(t)) numeric++;
      else if (looksNearNumeric(t) || isOutOfRangeNumber(t, false)) nearNumeric++;
      if (looksLikeRegion(t)) region++;
      if (periodCode(t) >= 0) year++;
    }
    return { header, nonEmpty, numeric, nearNumeric, region, year };
  });
}

/** The year a wide value column carries (`Persons 2015`, `2015`, `2015 Personer`), or null. */
export function yearInHeader(header: string): number | null {
  const m = YEAR_IN_HEADER.exec(header);
  return m ? Number(m[1]) : null;
}

/** A wide value column's year or quarter/month (`Befolkning 2016K1`), or null. */
function timeInHeader(header: string): number | null {
  return periodInHeader(header)?.code ?? yearInHeader(header);
}

/** `Persons 2015` → `Persons`; `2015` → ''. */
export function measureFromHeader(header: string): string {
  return header
    .replace(YEAR_IN_HEADER, (all, y: string) => all.replace(y, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s\-_:]+|[\s\-_:]+$/g, '')
    .trim();
}

export function proposeMapping(headers: string[], rows: string[][]): ColumnMapping {
  const prof = profileColumns(headers, rows);
  const frac = (a: number, p: ColumnProfile) => (p.nonEmpty === 0 ? 0 : a / p.nonEmpty);
  const used = new Set<number>();

  // Year column: a header that says so, else a column of 4-digit years that is not a value column.
  let yearIdx = prof.findIndex((p) => YEAR_HEADER.test(p.header.trim()) && frac(p.year, p) > 0.5);
  if (yearIdx < 0) yearIdx = prof.findIndex((p) => YEAR_HEADER.test(p.header.trim()));
  if (yearIdx >= 0) used.add(yearIdx);

  // Municipality column: a region-like header with region-like values, else the most region-like.
  let unitIdx = prof.findIndex((p, j) => !used.has(j) && UNIT_HEADER.test(p.header) && frac(p.region, p) > 0.5);
  if (unitIdx < 0) {
    let best = 0.6;
    prof.forEach((p, j) => {
      if (used.has(j) || timeInHeader(p.header) !== null) return;
      const f = frac(p.region, p) - (frac(p.year, p) > 0.5 ? 1 : 0);
      if (f > best) {
        best = f;
        unitIdx = j;
      }
    });
  }
  if (unitIdx < 0) unitIdx = prof.findIndex((p, j) => !used.has(j) && UNIT_HEADER.test(p.header));
  if (unitIdx >= 0) used.add(unitIdx);

  let nameIdx = prof.findIndex((p, j) => !used.has(j) && NAME_HEADER.test(p.header) && frac(p.numeric, p) < 0.5);
  if (nameIdx >= 0) used.add(nameIdx);
  else nameIdx = -1;

  const valueCols: string[] = [];
  const dimCols: string[] = [];
  let wideCount = 0;
  prof.forEach((p, j) => {
    if (used.has(j)) return;
    // A column named like a value keeps its role even when many cells are broken (reported later).
    const numericEnough = (p.numeric > 0 && frac(p.numeric + p.nearNumeric, p) >= 0.8) || (VALUE_HEADER.test(p.header) && frac(p.numeric, p) >= 0.1);
    const numericCol = p.nonEmpty > 0 && numericEnough && !CODE_LIST_COLUMN.test(p.header.trim()) && !CODE_HEADER.test(p.header.trim());
    if (numericCol) {
      valueCols.push(p.header);
      if (timeInHeader(p.header) !== null) wideCount++;
    } else if (p.nonEmpty > 0 || p.header.trim() !== '') dimCols.push(p.header);
  });
  const wide = yearIdx < 0 && wideCount > 0 && wideCount === valueCols.length;
  // No municipality column, but years and values and nothing else (`år;indeks`, `"Indeks 2015";…`):
  // a national series such as a deflator. With other text columns we do not guess; the user can
  // still choose the role in the mapping step.
  const national = unitIdx < 0 && valueCols.length > 0 && dimCols.length === 0 && nameIdx < 0 && (yearIdx >= 0 || wide);
  return {
    unitColumn: unitIdx >= 0 ? headers[unitIdx] : null,
    yearColumn: yearIdx >= 0 ? headers[yearIdx] : null,
    valueColumns: valueCols,
    dimensionColumns: dimCols,
    layout: wide ? 'wide' : 'long',
    fixedYear: null,
    variablePrefix: '',
    nameColumn: nameIdx >= 0 ? headers[nameIdx] : null,
    decimalComma: null,
    unit: null,
    ...(national ? { role: 'national' as const } : {}),
  };
}
