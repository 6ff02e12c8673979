/**
 * Descriptives of chosen variables of the analysis table: mean (SD) per year (Table 3), percentiles
 * (Table 23), the correlation matrix with p-values (Table 4) and means by size class × year
 * (Figures 1–4). Plain arrays in the result so it crosses the worker boundary and serialises as JSON.
 */
import { problem, type Problem } from '../problem';
import { getNumeric, type NumericColumn, type Table } from '../table';
import { meanSdByYear, type ByYearRow } from './byYear';
import { correlationMatrix } from './correlation';
import { meansByGroupYear, type GroupMeanCell } from './bySizeClass';
import { percentiles, QUANTILE_DEFINITION, QUANTILE_DEFINITION_EN, TABLE23_PROBS, type PercentileRow } from './quantile';

/**
 * At most this many variables in the correlation matrix: the work grows with the square of the
 * count (176 variables = 15 500 pairs, ~0.5 s in Node and seconds in a browser worker) and a heat
 * map wider than this is unreadable anyway. The first ones named are kept; the view says so.
 */
export const MAX_CORRELATION_VARIABLES = 40;

export interface DescribeOptions {
  variables: string[];
  /** [] = the same as `variables`. */
  correlation: string[];
  bySizeClass: string | null;
  /** null = pooled over all years. */
  percentileYear: number | null;
  sizeClassColumn: string;
  /** Display labels by variable name. */
  labels?: Record<string, string>;
}

export interface DescribeResult {
  years: number[];
  variables: { name: string; label: string; unit?: string }[];
  byYear: ByYearRow[];
  percentiles: { probs: number[]; year: number | null; rows: PercentileRow[]; definition: { nb: string; en: string } };
  correlation: { variables: string[]; r: number[]; p: number[]; n: number[] };
  bySizeClass: { variable: string; label: string; unit?: string; groupColumn: string; cells: GroupMeanCell[] } | null;
  problems: Problem[];
}

export function describeTable(table: Table, opts: DescribeOptions): DescribeResult {
  const problems: Problem[] = [];
  const resolve = (names: string[]): NumericColumn[] => {
    const out: NumericColumn[] = [];
    for (const name of names) {
      const c = getNumeric(table, name);
      if (c) out.push(c);
      else
        problems.push(
          problem('describe-variable-not-found', `Beskrivende statistikk: finner ikke variabelen «${name}».`, `Descriptives: variable "${name}" not found.`, { variable: name }, 'warning'),
        );
    }
    return out;
  };
  const cols = resolve(unique(opts.variables));
  let corrCols = opts.correlation.length ? resolve(unique(opts.correlation)) : cols;
  if (corrCols.length > MAX_CORRELATION_VARIABLES) {
    problems.push(
      problem(
        'describe-correlation-truncated',
        `Korrelasjonsmatrisen viser de ${MAX_CORRELATION_VARIABLES} første av ${corrCols.length} variabler.`,
        `The correlation matrix shows the first ${MAX_CORRELATION_VARIABLES} of ${corrCols.length} variables.`,
        { variables: corrCols.slice(MAX_CORRELATION_VARIABLES).map((c) => c.name) },
        'info',
      ),
    );
    corrCols = corrCols.slice(0, MAX_CORRELATION_VARIABLES);
  }
  const yearCol = table.year ? getNumeric(table, table.year) : undefined;
  const years = yearCol ? [...new Set(Array.from(yearCol.values).filter(Number.isFinite))].sort((a, b) => a - b) : [];
  const label = (c: NumericColumn) => opts.labels?.[c.name] ?? c.label ?? c.name;

  let pctRows: ArrayLike<number> | null = null;
  if (opts.percentileYear !== null && yearCol) {
    const rows: number[] = [];
    for (let i = 0; i < table.nRows; i++) if (yearCol.values[i] === opts.percentileYear) rows.push(i);
    pctRows = rows;
  }

  const corr = correlationMatrix(corrCols);
  let bySizeClass: DescribeResult['bySizeClass'] = null;
  const target = opts.bySizeClass ?? cols[0]?.name ?? null;
  if (target) {
    const v = getNumeric(table, target);
    const g = getNumeric(table, opts.sizeClassColumn);
    if (v && g) {
      bySizeClass = {
        variable: target,
        label: label(v),
        unit: v.unit,
        groupColumn: opts.sizeClassColumn,
        cells: meansByGroupYear(v.values, v.missing, g.values, g.missing, yearCol?.values ?? null),
      };
    } else if (!g) {
      problems.push(
        problem(
          'size-class-missing',
          `Finner ikke størrelsesklassene («${opts.sizeClassColumn}»); velg befolkningsvariabelen under Variabler.`,
          `Size classes ("${opts.sizeClassColumn}") not found; choose the population variable under Variables.`,
          { variable: opts.sizeClassColumn },
          'warning',
        ),
      );
    }
  }

  return {
    years,
    variables: cols.map((c) => ({ name: c.name, label: label(c), unit: c.unit })),
    byYear: cols.map((c) => meanSdByYear(c.name, c.values, c.missing, yearCol?.values ?? null, years)),
    percentiles: {
      probs: [...TABLE23_PROBS],
      year: opts.percentileYear,
      rows: cols.map((c) => percentiles(c.name, c.values, c.missing, pctRows)),
      definition: { nb: QUANTILE_DEFINITION, en: QUANTILE_DEFINITION_EN },
    },
    correlation: { variables: corr.variables, r: Array.from(corr.r), p: Array.from(corr.p), n: Array.from(corr.n) },
    bySizeClass,
    problems,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
