/**
 * Turns rows of text (from CSV or a sheet) into observations according to a ColumnMapping. Shared by
 * the CSV and xlsx readers so both treat region labels, years, SSB symbols and dimensions alike.
 */
import { Missing, type MissingCode } from '../engine/table';
import type { ColumnMapping } from '../spec/sections/data';
import { isOutOfRangeNumber, parseCell } from './cells';
import { dimKey, dimValue } from './dims';
import { measureFromHeader, yearInHeader } from './mapping';
import { periodCode, periodInHeader } from './periods';
import type { ObservationBuilder } from './observations';
import { cleanLabel, parseRegion } from './regions';
import type { AggregateRow, CellIssue, DroppedRows } from './types';

const MAX_EXAMPLES = 50;
const GENERIC_VALUE = /^(?:value|values|verdi|verdier|tall|antall|belop|beløp|amount|count|n|x|y)$/i;

export interface ValueCol {
  idx: number;
  header: string;
  measure: string;
  year: number | null;
  /** Wide columns of the same measure (`Persons 2015`, `Persons 2016`) share one variable. */
  key: string;
}

/** `resolveUnit` for a row with no text at all (nothing to report). */
const BLANK_ROW = -4;

/** Code of the one pseudo unit of a national series (never a municipality code). */
export const NATIONAL_CODE = 'national';
const NATIONAL_NAME = 'Hele landet';

export class RowMapper {
  readonly aggregates = new Map<string, AggregateRow>();
  readonly invalidCells: CellIssue[] = [];
  nInvalid = 0;
  /** Numbers too large to use (1e308): invalid too, but reported as out of range. */
  readonly outOfRange: CellIssue[] = [];
  nOutOfRange = 0;
  /** Rows of aggregates (the country, counties) set aside. */
  nAggregateRows = 0;
  firstAggregateLine = 0;
  readonly badUnits: CellIssue[] = [];
  nBadUnits = 0;
  readonly badYears: CellIssue[] = [];
  nBadYears = 0;
  nRagged = 0;
  firstRaggedLine = 0;
  /** Distinct municipality codes that had lost their leading zero, and the first one as written. */
  nPadded = 0;
  firstPadded = '';
  rows = 0;
  /** Labels repeat on every row of a municipality: parse each distinct label once. */
  private unitCache = new Map<string, number>();
  private yearCache = new Map<string, number>();
  // Column positions are readonly-public so the fast CSV reader (fastCsv.ts) can read the same layout.
  readonly unitIdx: number;
  readonly yearIdx: number;
  readonly nameIdx: number;
  readonly dimIdx: number[];
  private dimKeys: string[];
  private dimHeaders: string[];
  readonly valueCols: ValueCol[];
  readonly decimalComma: boolean;
  readonly fixedYear: number | null;
  private unitText: string | undefined;
  /** Mapping role `national`: every row belongs to the one pseudo unit NATIONAL_CODE. */
  readonly national: boolean;

  constructor(
    readonly headers: string[],
    mapping: ColumnMapping,
    private builder: ObservationBuilder,
    decimalComma: boolean,
  ) {
    const find = (h: string | null) => (h === null ? -1 : headers.indexOf(h));
    this.unitIdx = find(mapping.unitColumn);
    this.yearIdx = find(mapping.yearColumn);
    this.nameIdx = find(mapping.nameColumn ?? null);
    this.dimIdx = mapping.dimensionColumns.map((h) => headers.indexOf(h)).filter((i) => i >= 0);
    this.dimHeaders = this.dimIdx.map((i) => headers[i]);
    this.dimKeys = dedupeKeys(this.dimHeaders.map(dimKey));
    const hasContents = this.dimKeys.includes('contents');
    this.valueCols = mapping.valueColumns
      .map((h) => headers.indexOf(h))
      .filter((i) => i >= 0)
      .map((idx) => {
        const header = headers[idx];
        // Wide columns carry a year (`Persons 2015`) or a quarter/month (`Befolkning 2016K1`).
        const period = mapping.layout === 'wide' ? periodInHeader(header) : null;
        const year = period ? period.code : mapping.layout === 'wide' ? yearInHeader(header) : null;
        let measure = period ? measureFromHeader(period.rest) : mapping.layout === 'wide' ? measureFromHeader(header) : header.trim();
        if (mapping.variablePrefix) measure = mapping.variablePrefix;
        else if (hasContents && GENERIC_VALUE.test(measure) && mapping.valueColumns.length === 1) measure = '';
        const key = year === null ? `c${idx}` : `m${measure}`;
        return { idx, header, measure, year, key };
      });
    this.decimalComma = mapping.decimalComma ?? decimalComma;
    this.fixedYear = mapping.fixedYear;
    this.unitText = mapping.unit ?? undefined;
    this.national = mapping.role === 'national';
  }

  get ready(): boolean {
    return (this.unitIdx >= 0 || this.national) && this.valueCols.length > 0;
  }

  push(row: string[], line: number): void {
    if (row.length === 1 && row[0].trim() === '') return;
    this.rows++;
    if (row.length !== this.headers.length) {
      if (this.nRagged === 0) this.firstRaggedLine = line;
      this.nRagged++;
    }
    if (this.national) {
      this.pushNational(row, line);
      return;
    }
    const rawUnit = row[this.unitIdx] ?? '';
    const nameText = this.nameIdx >= 0 ? (row[this.nameIdx] ?? '') : '';
    const cacheKey = this.nameIdx >= 0 ? `${rawUnit}\u0001${nameText}` : rawUnit;
    let unit = this.unitCache.get(cacheKey) ?? -2;
    if (unit === -2) {
      unit = this.resolveUnit(parseRegion(rawUnit), rawUnit, nameText, row, line);
      // Unreadable labels are not cached so each one is counted and reported with its line.
      if (unit !== -3) this.unitCache.set(cacheKey, unit);
    }
    if (unit === -1) this.noteAggregateRow(line);
    if (unit < 0) return;
    let rowYear = this.fixedYear ?? 0;
    if (this.yearIdx >= 0) {
      const yt = row[this.yearIdx] ?? '';
      const y = this.yearOf(yt);
      if (y < 0) {
        this.nBadYears++;
        if (this.badYears.length < MAX_EXAMPLES) this.badYears.push({ line, column: this.headers[this.yearIdx], text: yt.trim().slice(0, 200) });
        return;
      }
      rowYear = y;
    }
    this.pushValues(row, line, unit, rowYear);
  }

  private pushNational(row: string[], line: number): void {
    const unit = this.builder.unitId(NATIONAL_CODE, NATIONAL_NAME);
    let rowYear = this.fixedYear ?? 0;
    if (this.yearIdx >= 0) {
      const yt = row[this.yearIdx] ?? '';
      const y = this.yearOf(yt);
      if (y < 0) {
        this.nBadYears++;
        if (this.badYears.length < MAX_EXAMPLES) this.badYears.push({ line, column: this.headers[this.yearIdx], text: yt.trim().slice(0, 200) });
        return;
      }
      rowYear = y;
    }
    this.pushValues(row, line, unit, rowYear);
  }

  /**
   * Year (or quarter/month period code, periods.ts) of a time cell, -1 when it is no time (cached: a
   * file has few distinct time texts).
   */
  yearOf(yt: string): number {
    let y = this.yearCache.get(yt);
    if (y === undefined) {
      y = periodCode(yt);
      this.yearCache.set(yt, y);
    }
    return y;
  }

  /**
   * The unit `push` would give this label (and name), or null for an unreadable label: the fast
   * reader then hands the row to `push`, which counts and reports it with its line. Shares the cache
   * with `push`, so both paths register units and aggregates in the same order.
   */
  unitFor(rawUnit: string, nameText: string): number | null {
    const cacheKey = this.nameIdx >= 0 ? `${rawUnit}\u0001${nameText}` : rawUnit;
    const cached = this.unitCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const region = parseRegion(rawUnit);
    if (region.kind === 'invalid') return null;
    const unit = this.resolveUnit(region, rawUnit, nameText, [], 0);
    this.unitCache.set(cacheKey, unit);
    return unit;
  }

  /** Variable ids of a row's value columns (one per entry of `valueCols`), registering new ones. */
  variableIds(row: string[]): Int32Array {
    const out = new Int32Array(this.valueCols.length);
    const dimKeyText = this.dimKeyText(row);
    this.valueCols.forEach((vc, j) => {
      out[j] = this.builder.variableId(vc.key + dimKeyText, () => this.describe(vc, row));
    });
    return out;
  }

  /** Records a non-numeric (or out-of-range) cell: counted, the first examples kept with line and column. */
  noteInvalid(line: number, vc: ValueCol, text: string): void {
    if (isOutOfRangeNumber(text, this.decimalComma)) {
      this.nOutOfRange++;
      if (this.outOfRange.length < MAX_EXAMPLES) this.outOfRange.push({ line, column: vc.header, text: text.slice(0, 200) });
      return;
    }
    this.nInvalid++;
    if (this.invalidCells.length < MAX_EXAMPLES) this.invalidCells.push({ line, column: vc.header, text: text.slice(0, 200) });
  }

  /** Counts an aggregate row set aside (the fast reader calls this too). */
  noteAggregateRow(line: number): void {
    if (this.nAggregateRows === 0) this.firstAggregateLine = line;
    this.nAggregateRows++;
  }

  /** Every row left out, per reason, for the validation report. */
  droppedRows(): DroppedRows[] {
    const out: DroppedRows[] = [];
    if (this.nBadUnits > 0) out.push({ reason: 'bad-unit', count: this.nBadUnits, of: 'rows', firstLine: this.badUnits[0]?.line });
    if (this.nBadYears > 0) out.push({ reason: 'bad-year', count: this.nBadYears, of: 'rows', firstLine: this.badYears[0]?.line });
    if (this.nAggregateRows > 0) out.push({ reason: 'aggregate', count: this.nAggregateRows, of: 'rows', firstLine: this.firstAggregateLine });
    return out;
  }

  private dimKeyText(row: string[]): string {
    let dimKeyText = '';
    for (let d = 0; d < this.dimIdx.length; d++) dimKeyText += '\u0001' + (row[this.dimIdx[d]] ?? '').trim();
    return dimKeyText;
  }

  /** Unit id, -1 for an aggregate (set aside), -3 for an unreadable label (counted per row), BLANK_ROW for a row without text. */
  private resolveUnit(region: ReturnType<typeof parseRegion>, rawUnit: string, nameText: string, row: string[], line: number): number {
    if (region.kind !== 'municipality') {
      if (region.kind === 'aggregate') {
        if (!this.aggregates.has(region.code)) {
          this.aggregates.set(region.code, { code: region.code, label: cleanLabel(rawUnit), kind: region.aggregate ?? '' });
        }
      } else if (rawUnit.trim() !== '' || row.some((c) => c.trim() !== '')) {
        this.nBadUnits++;
        if (this.badUnits.length < MAX_EXAMPLES) {
          this.badUnits.push({ line, column: this.headers[this.unitIdx], text: rawUnit.slice(0, 200) });
        }
        return -3;
      }
      return region.kind === 'aggregate' ? -1 : BLANK_ROW;
    }
    let name = region.name;
    if (this.nameIdx >= 0) name = cleanLabel(nameText) || name;
    if (region.padded) {
      if (this.nPadded === 0) this.firstPadded = cleanLabel(rawUnit);
      this.nPadded++;
    }
    return this.builder.unitId(region.code, name);
  }

  private pushValues(row: string[], line: number, unit: number, rowYear: number): void {
    const dimKeyText = this.dimKeyText(row);
    for (const vc of this.valueCols) {
      const year = vc.year ?? rowYear;
      const text = row[vc.idx] ?? '';
      const cell = parseCell(text, this.decimalComma);
      const value = cell.value;
      const missing: MissingCode = cell.missing;
      if (missing === Missing.invalid) this.noteInvalid(line, vc, text);
      const variable = this.builder.variableId(vc.key + dimKeyText, () => this.describe(vc, row));
      this.builder.push(unit, year, variable, value, missing, line);
    }
  }

  private describe(vc: ValueCol, row: string[]) {
    const dims: Record<string, string> = {};
    const labels: string[] = [];
    for (let d = 0; d < this.dimIdx.length; d++) {
      const raw = cleanLabel(row[this.dimIdx[d]] ?? '');
      dims[this.dimKeys[d]] = dimValue(this.dimKeys[d], raw, raw);
      labels.push(raw);
    }
    const measure = vc.measure || (dims.contents ?? '') || 'verdi';
    if (vc.measure) dims.measure = vc.measure;
    const label = [vc.measure || dims.contents || vc.header, ...labels.filter((l) => l !== dims.contents || vc.measure)].filter(Boolean).join(', ');
    return { measure, label, dims, unit: this.unitText };
  }

  aggregateList(): AggregateRow[] {
    return [...this.aggregates.values()];
  }
}

function dedupeKeys(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}_${n}`;
  });
}
