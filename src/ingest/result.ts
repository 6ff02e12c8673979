/** Assembles an ImportedSource and the problems every reader reports the same way. */
import { problem, type Problem } from '../engine/problem';
import type { SourceSpec } from '../spec/sections/data';
import { emptyObservations, type ObservationBuilder } from './observations';
import type { RowMapper } from './tabular';
import type { CellIssue, DetectedFormat, ImportedSource } from './types';

export function failedSource(spec: SourceSpec, detected: DetectedFormat, problems: Problem[], bytes = 0): ImportedSource {
  return {
    spec,
    detected,
    status: 'error',
    headers: [],
    preview: [],
    units: [],
    unitNames: [],
    variables: [],
    obs: emptyObservations(),
    aggregates: [],
    invalidCells: [],
    nInvalid: 0,
    badUnits: [],
    textRows: undefined,
    stats: { bytes, rows: 0 },
    problems,
  };
}

export function cancelledSource(spec: SourceSpec, detected: DetectedFormat, bytes: number): ImportedSource {
  const file = spec.fileName;
  const s = failedSource(spec, detected, [
    problem('cancelled', `${file}: innlesingen ble avbrutt.`, `${file}: reading was cancelled.`, { file }, 'info'),
  ], bytes);
  s.status = 'cancelled';
  return s;
}

/** Problems from the row mapper: ragged rows, unreadable municipalities, bad years, non-numeric cells. */
/** «1 slike rader» reads wrong: one skipped row is the row the message quotes. */
const skippedNb = (n: number): string => (n === 1 ? 'raden ble hoppet over' : `${n} slike rader ble hoppet over`);
const skippedEn = (n: number): string => (n === 1 ? 'the row was skipped' : `${n} such rows were skipped`);

export function mapperProblems(file: string, m: RowMapper): Problem[] {
  const out: Problem[] = [];
  if (m.nRagged > 0) {
    out.push(
      problem(
        'ragged-rows',
        `${file}: ${m.nRagged} rader har et annet antall felt enn overskriften (første på linje ${m.firstRaggedLine}); manglende felt leses som tomme.`,
        `${file}: ${m.nRagged} rows have a different number of fields than the header (first on line ${m.firstRaggedLine}); missing fields are read as empty.`,
        { file, line: m.firstRaggedLine },
        'warning',
      ),
    );
  }
  if (m.nBadUnits > 0) {
    const e = m.badUnits[0];
    out.push(
      problem(
        'bad-unit',
        `${file}, linje ${e.line}, kolonne «${e.column}»: «${e.text}» er ikke et kommunenummer (${skippedNb(m.nBadUnits)}).`,
        `${file}, line ${e.line}, column "${e.column}": "${e.text}" is not a municipality number (${skippedEn(m.nBadUnits)}).`,
        { file, line: e.line, column: e.column },
        'warning',
      ),
    );
  }
  if (m.nBadYears > 0) {
    const e = m.badYears[0];
    out.push(
      problem(
        'bad-year',
        `${file}, linje ${e.line}, kolonne «${e.column}»: «${e.text}» er ikke et årstall (${skippedNb(m.nBadYears)}).`,
        `${file}, line ${e.line}, column "${e.column}": "${e.text}" is not a year (${skippedEn(m.nBadYears)}).`,
        { file, line: e.line, column: e.column },
        'warning',
      ),
    );
  }
  if (m.nPadded > 0) out.push(paddedProblem(file, m.nPadded, m.firstPadded));
  if (m.nOutOfRange > 0) out.push(outOfRangeProblem(file, m.nOutOfRange, m.outOfRange[0]));
  if (m.nInvalid > 0) {
    const e = m.invalidCells[0];
    out.push(
      problem(
        'non-numeric',
        `${file}, linje ${e.line}, kolonne «${e.column}»: «${e.text}» er ikke et tall (${m.nInvalid} slike celler, satt som ugyldige).`,
        `${file}, line ${e.line}, column "${e.column}": "${e.text}" is not a number (${m.nInvalid} such cells, set as invalid).`,
        { file, line: e.line, column: e.column },
        'warning',
      ),
    );
  }
  return out;
}

/** Numbers such as 1e308: a number, but beyond what any sum can hold (cells.ts MAX_ABS_VALUE). */
export function outOfRangeProblem(file: string, n: number, e: CellIssue): Problem {
  const at = e.line > 0 ? `, linje ${e.line}, kolonne «${e.column}»` : ` (${e.column})`;
  const atEn = e.line > 0 ? `, line ${e.line}, column "${e.column}"` : ` (${e.column})`;
  return problem(
    'out-of-range',
    `${file}${at}: «${e.text}» er et tall utenfor det som kan regnes med (større enn 10^15 i absoluttverdi) – ${n} slike celler, satt som ugyldige.`,
    `${file}${atEn}: "${e.text}" is a number outside what can be computed with (larger than 10^15 in absolute value) – ${n} such cells, set as invalid.`,
    e.line > 0 ? { file, line: e.line, column: e.column } : { file, column: e.column },
    'warning',
  );
}

export function noDataProblems(file: string, builder: ObservationBuilder, aggregates: number, districts: boolean): Problem[] {
  if (builder.units.length > 0) return [];
  if (districts) {
    return [
      problem(
        'no-municipalities',
        `${file}: fila inneholder bydeler, ikke kommuner; ingen kommunetall ble lest.`,
        `${file}: the file holds city districts, not municipalities; no municipality values were read.`,
        { file },
      ),
    ];
  }
  return [
    problem(
      'no-municipalities',
      `${file}: fant ingen rader med kommunenummer${aggregates > 0 ? ` (bare ${aggregates} aggregater som landet eller fylker)` : ''}.`,
      `${file}: found no rows with a municipality number${aggregates > 0 ? ` (only ${aggregates} aggregates such as the country or counties)` : ''}.`,
      { file },
    ),
  ];
}

export function uFFFDProblem(file: string, line: number): Problem {
  return problem(
    'replacement-characters',
    `${file}, linje ${line}: fila inneholder allerede erstatningstegn (�) – bokstaver som æ, ø og å er ødelagt før opplastingen. Tallene leses, men navn kan være feil.`,
    `${file}, line ${line}: the file already contains replacement characters (�) – letters such as æ, ø and å were damaged before upload. Numbers are read, but names may be wrong.`,
    { file, line },
    'warning',
  );
}

/** Tells the user a file without a municipality column was read as one series for the whole country. */
export function nationalProblem(file: string): Problem {
  return problem(
    'national-series',
    `${file}: fila har ingen kommunekolonne og er lest som en landsserie per år (f.eks. en prisindeks); verdien for hvert år gjelder alle kommuner.`,
    `${file}: the file has no municipality column and was read as a national series by year (e.g. a price index); each year's value applies to every municipality.`,
    { file },
    'info',
  );
}

/** Codes such as `301` (Oslo after a round trip through Excel) are read as `0301`; say so. */
export function paddedProblem(file: string, n: number, example: string): Problem {
  const to = example.replace(/^\D*(\d{1,3})\b.*$/, '$1').padStart(4, '0');
  return problem(
    'codes-padded',
    `${file}: ${n} kommunenummer hadde mistet null foran (f.eks. «${example}» → ${to}) og er fylt ut til fire sifre.`,
    `${file}: ${n} municipality numbers had lost their leading zero (e.g. "${example}" → ${to}) and were padded to four digits.`,
    { file },
    'info',
  );
}
