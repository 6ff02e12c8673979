/**
 * The columnar table every layer shares: one Float64Array per numeric variable with a parallel
 * missing-reason array, string columns for ids and labels. Rows are never objects keyed by header
 * text (hostile headers such as `__proto__` stay harmless because columns live in a Map).
 */

/** Why a cell has no number. 0 means the cell holds a value. */
export const Missing = {
  present: 0,
  /** `..` or an empty cell: the figure is missing. */
  missing: 1,
  /** `:` SSB suppressed the figure (confidentiality, small counts). */
  suppressed: 2,
  /** `.` the figure cannot occur / is not applicable. */
  notApplicable: 3,
  /** `...` not yet available. */
  notYetAvailable: 4,
  /** Text that could not be read as a number (kept as missing, reported by validation). */
  invalid: 5,
  /** A derived value could not be computed (division by zero, log of a negative …). */
  undefinedValue: 6,
} as const;
export type MissingCode = (typeof Missing)[keyof typeof Missing];

export const missingReasonName: Record<MissingCode, string> = {
  0: 'present',
  1: 'missing',
  2: 'suppressed',
  3: 'not-applicable',
  4: 'not-yet-available',
  5: 'invalid',
  6: 'undefined',
};

export interface NumericColumn {
  kind: 'number';
  name: string;
  label?: string;
  unit?: string;
  /** File or derivation the column came from (shown in the catalogue). */
  source?: string;
  values: Float64Array;
  /** MissingCode per row; values[i] is NaN whenever missing[i] !== 0. */
  missing: Uint8Array;
}

export interface StringColumn {
  kind: 'string';
  name: string;
  label?: string;
  source?: string;
  values: string[];
}

export type Column = NumericColumn | StringColumn;

/**
 * A table of municipality-year rows (or any rows, for the CLI's tidy CSVs).
 * `unit` and `year` name the key columns when the table is a panel.
 */
export interface Table {
  nRows: number;
  columns: Map<string, Column>;
  /** Name of the unit id column (string column), e.g. `kommune`. */
  unit?: string;
  /** Name of the year column (numeric column). */
  year?: string;
  /** Name of the unit label column, e.g. `navn`. */
  unitName?: string;
}

export function numericColumn(
  name: string,
  values: ArrayLike<number>,
  missing?: ArrayLike<number>,
  meta: Partial<Pick<NumericColumn, 'label' | 'unit' | 'source'>> = {},
): NumericColumn {
  const n = values.length;
  const v = new Float64Array(n);
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const code = missing ? missing[i] : 0;
    if (code !== 0 || !Number.isFinite(x)) {
      v[i] = NaN;
      m[i] = code !== 0 ? code : Number.isNaN(x) ? Missing.missing : Missing.invalid;
    } else {
      v[i] = x;
    }
  }
  return { kind: 'number', name, values: v, missing: m, ...meta };
}

export function stringColumn(name: string, values: string[], meta: Partial<StringColumn> = {}): StringColumn {
  return { kind: 'string', name, values, ...meta };
}

export function getNumeric(table: Table, name: string): NumericColumn | undefined {
  const c = table.columns.get(name);
  return c && c.kind === 'number' ? c : undefined;
}

export function getString(table: Table, name: string): StringColumn | undefined {
  const c = table.columns.get(name);
  return c && c.kind === 'string' ? c : undefined;
}

/** Reads a column as text, whatever its kind (ids may arrive as numbers from a tidy CSV). */
export function columnAsText(table: Table, name: string): string[] | undefined {
  const c = table.columns.get(name);
  if (!c) return undefined;
  if (c.kind === 'string') return c.values;
  return Array.from(c.values, (x, i) => (c.missing[i] === 0 ? String(x) : ''));
}

export function makeTable(columns: Column[], keys: Pick<Table, 'unit' | 'year' | 'unitName'> = {}): Table {
  const map = new Map<string, Column>();
  let nRows = 0;
  for (const c of columns) {
    map.set(c.name, c);
    nRows = Math.max(nRows, c.values.length);
  }
  return { nRows, columns: map, ...keys };
}
