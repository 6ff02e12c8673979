/**
 * The dataset of a ready tidy table (a source with `table` in its spec, read by tidyTable.ts): the
 * table as it is — its own column names, file row order, no structure mapping — with a catalogue of
 * its numeric columns and a validation report of the one file. A table source is the whole dataset:
 * other data files beside it are not joined (and say so).
 */
import { problem, type Problem } from '../../engine/problem';
import { columnAsText, getNumeric, type Table } from '../../engine/table';
import type { Dataset, ImportedSource, SourceValidation, VariableInfo } from '../types';

function catalogue(table: Table, s: ImportedSource): VariableInfo[] {
  const yearCol = table.year ? getNumeric(table, table.year) : undefined;
  const units = table.unit ? columnAsText(table, table.unit) : undefined;
  return s.variables.map((v) => {
    const col = getNumeric(table, v.name)!;
    const years = new Set<number>();
    const seen = new Set<string>();
    let nMissing = 0;
    for (let i = 0; i < table.nRows; i++) {
      if (col.missing[i] !== 0) {
        nMissing++;
        continue;
      }
      if (yearCol && yearCol.missing[i] === 0) years.add(yearCol.values[i]);
      if (units && units[i] !== '') seen.add(units[i]);
    }
    return {
      name: v.name,
      label: v.label,
      source: s.spec.fileName,
      dims: v.dims,
      years: [...years].sort((a, b) => a - b),
      nUnits: seen.size,
      nMissing,
      nSuppressed: 0,
      additive: v.additive,
    };
  });
}

export function tableDataset(source: ImportedSource & { table: Table }, all: ImportedSource[], problems: Problem[]): Dataset {
  const table = source.table;
  const others = all.filter((s) => s !== source && s.status === 'ok' && s.spec.role !== 'change-table');
  if (others.length > 0) {
    const file = source.spec.fileName;
    const list = others.map((s) => `«${s.spec.fileName}»`).join(', ');
    problems.push(
      problem(
        'table-source-alone',
        `«${file}» er en ferdig tabell og brukes alene; ${list} er ikke koblet på.`,
        `"${file}" is a ready table and is used on its own; ${list.replace(/[«»]/g, '"')} is not joined to it.`,
        { file },
        'warning',
      ),
    );
  }
  const cat = catalogue(table, source);
  const years = [...new Set(cat.flatMap((c) => c.years))].sort((a, b) => a - b);
  let nValues = 0;
  for (const c of cat) nValues += table.nRows - c.nMissing;
  const report: SourceValidation = {
    file: source.spec.fileName,
    id: source.spec.id,
    status: source.status,
    detected: source.detected,
    headers: source.headers,
    preview: source.preview,
    nRows: table.nRows,
    variables: cat.map((c) => ({ name: c.name, label: c.label })),
    nUnits: source.units.length,
    years,
    nValues,
    nDuplicates: 0,
    duplicates: [],
    nNonNumeric: 0,
    nonNumeric: [],
    nOutOfRange: source.nOutOfRange ?? 0,
    outOfRange: source.outOfRange ?? [],
    dropped: source.dropped ?? [],
    aggregates: [],
    unitsMissingHere: [],
    missingYears: [],
    unmatchedCodes: [],
  };
  return {
    table,
    catalogue: cat,
    validation: { sources: [report], outliers: [], nOutliers: 0, unmatchedCodes: [], mappedCodes: [] },
    problems,
  };
}
