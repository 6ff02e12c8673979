/**
 * Joins all imported sources on (municipality, year) into the long Table of docs/CONTRACTS.md:
 * `kommune`, `navn`, `aar`, then one numeric column per variable. Codes are first mapped to the
 * chosen municipality structure; counts and amounts of merged municipalities are summed, rates
 * with a known numerator and denominator are recomputed from the sums (rates.ts), and other rates,
 * shares and indices (non-additive) become missing with a message — averaging them would be wrong.
 * Rows are addressed by integer (unit, year) keys and variables by index (keys.ts): this runs on
 * every page load, so the per-observation loops avoid strings and Map lookups.
 */
import { problem, type Problem } from '../../engine/problem';
import { makeTable, Missing, numericColumn, stringColumn, type Column, type MissingCode, type Table } from '../../engine/table';
import type { DataSpec } from '../../spec/sections/data';
import { readChangeTable, type ChangeTable } from '../changeTable';
import { datasetTooLarge, LIMITS, type IngestLimits } from '../limits';
import type { Dataset, DroppedRows, DuplicateKey, ImportedSource, SourceVariable, VariableInfo } from '../types';
import { PairIndex, yearRange, type YearRange } from './keys';
import { recomputeRates, resolveRates } from './rates';
import { splitGaps } from './splits';
import { tableDataset } from './tableDataset';
import { codeMapper } from './structure';
import { validate } from './validate';

interface GlobalVar {
  info: SourceVariable;
  sources: string[];
  years: Set<number>;
}

const MAX_DUP_EXAMPLES = 50;

function isChangeTable(s: ImportedSource, data: DataSpec): boolean {
  return s.spec.role === 'change-table' || (data.changeTableSourceId !== null && s.spec.id === data.changeTableSourceId);
}

/**
 * Unit-years where every value of a many-variable source is 0 mean "code not in use that year".
 * Returns a (local unit, year) index holding 1 for those, and how many there are.
 */
function zeroUnitYears(s: ImportedSource, years: YearRange): { zero: PairIndex | null; n: number } {
  if (s.variables.length < 10) return { zero: null, n: 0 };
  // 0 = seen, only zeros so far; 1 = something else seen.
  const state = new PairIndex(s.units.length, years);
  const { obs } = s;
  let n = 0;
  for (let i = 0; i < obs.n; i++) {
    const y = obs.year[i];
    if (y === 0) continue;
    const u = obs.unit[i];
    const nonZero = obs.missing[i] !== 0 || obs.value[i] !== 0;
    const st = state.get(u, y);
    if (st === -1) {
      state.set(u, y, nonZero ? 1 : 0);
      if (!nonZero) n++;
    } else if (st === 0 && nonZero) {
      state.set(u, y, 1);
      n--;
    }
  }
  if (n === 0) return { zero: null, n: 0 };
  return { zero: state, n };
}

/** `limits`: smaller budgets for tests; the app and the CLI use limits.ts. */
export function buildDataset(sources: ImportedSource[], data: DataSpec, limits: Pick<IngestLimits, 'datasetCells'> = LIMITS): Dataset {
  const problems: Problem[] = [];
  for (const s of sources) problems.push(...s.problems);
  // A ready tidy table (source spec `table`) is the dataset as it is.
  const ready = sources.find((s): s is ImportedSource & { table: Table } => s.status === 'ok' && s.table !== undefined);
  if (ready) return tableDataset(ready, sources, problems);

  // ---- change tables
  let uploaded: ChangeTable | null = null;
  const dataSources: ImportedSource[] = [];
  // National series (a deflator, a price index) have no municipalities of their own: they are
  // joined on year alone after the municipality rows are known.
  const nationalSources: ImportedSource[] = [];
  for (const s of sources) {
    if (!isChangeTable(s, data)) {
      if (s.status === 'ok' && s.obs.n > 0) (s.national ? nationalSources : dataSources).push(s);
      continue;
    }
    const t = s.textRows ? readChangeTable(s.spec.fileName, s.headers, s.textRows) : null;
    if (!t) {
      const file = s.spec.fileName;
      problems.push(
        problem('change-table-unreadable', `${file}: fant ikke to kolonner med gamle og nye kommunenummer; endringstabellen brukes ikke.`, `${file}: could not find two columns of old and new municipality numbers; the change table is not used.`, { file }),
      );
    } else uploaded = t;
  }
  const mapper = codeMapper(data.structure, uploaded);

  // ---- variables (merged by name across files: the same measure and dims in several files is one variable)
  const vars = new Map<string, GlobalVar>();
  const varOrder: string[] = [];
  const varIndex = new Map<string, number>();
  const localToGlobal: Int32Array[] = [];
  const addVar = (name: string, g: GlobalVar): void => {
    vars.set(name, g);
    varIndex.set(name, varOrder.length);
    varOrder.push(name);
  };
  for (const s of dataSources) {
    const names = s.variables.map((v) => {
      const g = vars.get(v.name);
      if (g && JSON.stringify(g.info.dims) !== JSON.stringify(v.dims)) {
        // Same name, different meaning: keep both, the later one gets a suffix.
        let k = 2;
        while (vars.has(`${v.name}_${k}`)) k++;
        const name = `${v.name}_${k}`;
        addVar(name, { info: { ...v, name }, sources: [], years: new Set() });
        return name;
      }
      if (!g) addVar(v.name, { info: v, sources: [], years: new Set() });
      return v.name;
    });
    localToGlobal.push(Int32Array.from(names, (n) => varIndex.get(n) as number));
    for (const n of new Set(names)) vars.get(n)?.sources.push(s.spec.fileName);
  }
  const nDataVars = varOrder.length;

  // ---- rows: (target unit, year), keyed by integers (see keys.ts)
  const years = yearRange(dataSources.map((s) => s.obs));
  const targetIds = new Map<string, number>();
  const targetOf: (string | null)[][] = [];
  const tidOf: Int32Array[] = [];
  const unmatched = new Map<string, { file: string; code: string; name: string }>();
  const mappedCodes = new Map<string, string>();
  for (const s of dataSources) {
    const t = s.units.map((code, ui) => {
      const m = mapper.map(code);
      if (m === null) {
        const key = `${s.spec.fileName}|${code}`;
        if (!unmatched.has(key)) unmatched.set(key, { file: s.spec.fileName, code, name: s.unitNames[ui] ?? '' });
      } else if (m !== code) mappedCodes.set(code, m);
      return m;
    });
    targetOf.push(t);
    tidOf.push(
      Int32Array.from(t, (m) => {
        if (m === null) return -1;
        let id = targetIds.get(m);
        if (id === undefined) targetIds.set(m, (id = targetIds.size));
        return id;
      }),
    );
  }
  const rowKeys = new PairIndex(targetIds.size, years);
  const rowUnit: string[] = [];
  const rowTid: number[] = [];
  const rowYearRaw: number[] = [];
  const rowName: string[] = [];
  const zeroSets: (PairIndex | null)[] = [];
  const zeroSkips: number[] = [];
  let noYear = 0;
  // Values each data source loses in the join, by reason (shown in the validation report).
  const joinDropped: DroppedRows[][] = dataSources.map(() => []);
  dataSources.forEach((s, si) => {
    let unplaced = 0;
    let yearless = 0;
    const t = targetOf[si];
    const tid = tidOf[si];
    const z = zeroUnitYears(s, years);
    const zeros = z.zero;
    zeroSets.push(zeros);
    zeroSkips.push(z.n);
    const { obs } = s;
    // Locals rather than property loads in the loop: this runs once per observation.
    const oUnit = obs.unit;
    const oYear = obs.year;
    for (let i = 0; i < obs.n; i++) {
      const u = oUnit[i];
      const id = tid[u];
      if (id < 0) {
        unplaced++;
        continue;
      }
      const year = oYear[i];
      if (year === 0) {
        noYear++;
        yearless++;
        continue;
      }
      if (zeros && zeros.get(u, year) === 0) continue;
      const r = rowKeys.get(id, year);
      const unit = t[u] as string;
      if (r < 0) {
        rowKeys.set(id, year, rowUnit.length);
        rowUnit.push(unit);
        rowTid.push(id);
        rowYearRaw.push(year);
        rowName.push(mapper.name(unit) ?? (unit === s.units[u] ? s.unitNames[u] : '') ?? '');
      } else if (!rowName[r] && unit === s.units[u]) rowName[r] = s.unitNames[u] ?? '';
    }
    if (unplaced > 0) joinDropped[si].push({ reason: 'unmatched-code', count: unplaced, of: 'values' });
    if (yearless > 0) joinDropped[si].push({ reason: 'no-year', count: yearless, of: 'values' });
    if (z.n > 0) joinDropped[si].push({ reason: 'zero-unit-year', count: z.n, of: 'unit-years' });
  });

  // Sort rows by municipality, then year, so tables and exports read naturally.
  const order = rowUnit.map((_, i) => i).sort((a, b) => (rowUnit[a] < rowUnit[b] ? -1 : rowUnit[a] > rowUnit[b] ? 1 : rowYearRaw[a] - rowYearRaw[b]));
  const newPos = new Int32Array(order.length);
  order.forEach((old, pos) => (newPos[old] = pos));
  const nRows = order.length;
  const rowYear = Int32Array.from(order, (i) => rowYearRaw[i]);
  /** Final row of observation i of data source si, or −1 when it is left out (as in the row pass). */
  const rowOf = (si: number, i: number): number => {
    const { obs } = dataSources[si];
    const u = obs.unit[i];
    const id = tidOf[si][u];
    const year = obs.year[i];
    if (id < 0 || year === 0) return -1;
    const zeros = zeroSets[si];
    if (zeros && zeros.get(u, year) === 0) return -1;
    return newPos[rowKeys.get(id, year)];
  };

  // ---- budget: the dense table (rows × variables) is checked before its arrays are allocated
  const nColumns = nDataVars + nationalSources.reduce((a, s) => a + s.variables.length, 0);
  if (nRows * nColumns > limits.datasetCells) {
    problems.push(datasetTooLarge(nRows, nColumns, limits.datasetCells));
    const empty = makeTable([stringColumn('kommune', []), stringColumn('navn', []), numericColumn('aar', [])], { unit: 'kommune', year: 'aar', unitName: 'navn' });
    const validation = validate({ sources, dataSources: [], targetOf: [], table: empty, catalogue: [], duplicates: [], dupCount: new Map(), unmatched: [], mappedCodes: new Map() });
    return { table: empty, catalogue: [], validation, problems };
  }

  // ---- fill: one set of typed arrays per variable, addressed by the variable's index
  const values: Float64Array[] = [];
  const missing: Uint8Array[] = [];
  const owner: Int16Array[] = [];
  const firstUnit: Int32Array[] = [];
  for (let v = 0; v < nDataVars; v++) {
    values.push(new Float64Array(nRows).fill(NaN));
    missing.push(new Uint8Array(nRows).fill(Missing.missing));
    owner.push(new Int16Array(nRows).fill(-1));
    firstUnit.push(new Int32Array(nRows).fill(-1));
  }
  // Which (variable, year) pairs have been seen, so the years Set is touched once per pair.
  const yearSeen = new Uint8Array(nDataVars * years.span);
  const duplicates: DuplicateKey[] = [];
  const dupCount = new Map<string, number>();
  dataSources.forEach((s, si) => {
    const { obs } = s;
    const tid = tidOf[si];
    const l2g = localToGlobal[si];
    const zeros = zeroSets[si];
    const file = s.spec.fileName;
    const { unit: oUnit, year: oYear, variable: oVar, value: oValue, missing: oMissing } = obs;
    const span = years.span;
    const yMin = years.min;
    for (let i = 0; i < obs.n; i++) {
      const u = oUnit[i];
      const id = tid[u];
      const year = oYear[i];
      if (id < 0 || year === 0 || (zeros && zeros.get(u, year) === 0)) continue;
      const r = newPos[rowKeys.get(id, year)];
      const gi = l2g[oVar[i]];
      const ys = gi * span + (year - yMin);
      if (yearSeen[ys] === 0) {
        yearSeen[ys] = 1;
        (vars.get(varOrder[gi]) as GlobalVar).years.add(year);
      }
      const val = values[gi];
      const mis = missing[gi];
      const own = owner[gi];
      const fu = firstUnit[gi];
      const code = oMissing[i] as MissingCode;
      if (own[r] === -1) {
        own[r] = si;
        fu[r] = u;
        val[r] = code === 0 ? oValue[i] : NaN;
        mis[r] = code;
        continue;
      }
      if (own[r] !== si || fu[r] === u) {
        // The same key twice (in one file, or in two files): the first value is kept.
        dupCount.set(file, (dupCount.get(file) ?? 0) + 1);
        if (duplicates.length < MAX_DUP_EXAMPLES) duplicates.push({ file, unit: targetOf[si][u] as string, year, variable: varOrder[gi], lines: [obs.line[i]] });
        continue;
      }
      // A second old municipality merged into the same target municipality.
      fu[r] = -2;
      if (!(vars.get(varOrder[gi]) as GlobalVar).info.additive) {
        // Rates cannot be summed: recomputed below when numerator and denominator are known.
        val[r] = NaN;
        mis[r] = Missing.undefinedValue;
      } else if (mis[r] === 0 && code === 0) {
        val[r] += oValue[i];
      } else if (mis[r] === 0) {
        // Part of the merged municipality is unknown, so the sum is too; keep the part's reason.
        val[r] = NaN;
        mis[r] = code;
      }
    }
  });

  // ---- rates of merged municipalities: Σ numerator / Σ denominator × scale (rates.ts)
  const infos = varOrder.map((n) => (vars.get(n) as GlobalVar).info);
  const rules = resolveRates(varOrder, infos, data.rates, problems);
  const recomputed = recomputeRates(rules, { sources: dataSources, localToGlobal, rowOf, rowYear, years, values, missing, firstUnit });
  const nonAdditiveMerged = new Map<string, number>();
  for (let v = 0; v < nDataVars; v++) {
    if (infos[v].additive) continue;
    let n = 0;
    const fu = firstUnit[v];
    for (let r = 0; r < nRows; r++) if (fu[r] === -2) n++;
    n -= recomputed.get(v) ?? 0;
    if (n > 0) nonAdditiveMerged.set(varOrder[v], n);
  }
  for (const rule of rules) {
    const n = recomputed.get(rule.variable);
    if (!n) continue;
    const name = varOrder[rule.variable];
    const num = rule.numerator >= 0 ? `«${varOrder[rule.numerator]}»` : `«${name}» × nevner`;
    const numEn = rule.numerator >= 0 ? `"${varOrder[rule.numerator]}"` : `"${name}" × denominator`;
    const den = varOrder[rule.denominator];
    const scale = rule.scale === 1 ? '' : ` × ${rule.scale}`;
    problems.push(
      problem('rate-recomputed', `Variabelen «${name}» er regnet ut på nytt for ${n} sammenslåtte kommuner og år som sum teller / sum nevner${scale} (teller ${num}, nevner «${den}»${rule.inferred ? ', funnet automatisk' : ''}).`, `The variable "${name}" was recomputed for ${n} merged municipality-years as sum of numerator / sum of denominator${scale} (numerator ${numEn}, denominator "${den}"${rule.inferred ? ', found automatically' : ''}).`, { variable: name }, 'info'),
    );
  }

  // ---- national series: each year's value on every municipality row of that year
  const nationalVars = new Set<string>();
  for (const s of nationalSources) {
    const { obs } = s;
    const file = s.spec.fileName;
    s.variables.forEach((v, vi) => {
      let name = v.name;
      for (let k = 2; vars.has(name); k++) name = `${v.name}_${k}`;
      const g: GlobalVar = { info: { ...v, name }, sources: [file], years: new Set() };
      addVar(name, g);
      nationalVars.add(name);
      const byYear = new Map<number, number>();
      for (let i = 0; i < obs.n; i++) {
        if (obs.variable[i] !== vi || obs.year[i] === 0) continue;
        if (byYear.has(obs.year[i])) {
          dupCount.set(file, (dupCount.get(file) ?? 0) + 1);
          if (duplicates.length < MAX_DUP_EXAMPLES) duplicates.push({ file, unit: '', year: obs.year[i], variable: name, lines: [obs.line[i]] });
          continue;
        }
        byYear.set(obs.year[i], i);
      }
      const val = new Float64Array(nRows).fill(NaN);
      const mis = new Uint8Array(nRows).fill(Missing.missing);
      const own = new Int16Array(nRows).fill(-1);
      for (let r = 0; r < nRows; r++) {
        const i = byYear.get(rowYear[r]);
        if (i === undefined) continue;
        own[r] = 0;
        mis[r] = obs.missing[i];
        val[r] = obs.missing[i] === 0 ? obs.value[i] : NaN;
        g.years.add(obs.year[i]);
      }
      values.push(val);
      missing.push(mis);
      owner.push(own);
    });
  }
  if (nationalSources.length > 0 && nRows === 0) {
    problems.push(
      problem('national-only', 'Bare landsserier er lastet inn; de legges på kommunene når en fil med kommunetall lastes inn.', 'Only national series are loaded; they are put on the municipalities once a file with municipality figures is loaded.', {}, 'info'),
    );
  }

  // ---- codes left out because of a split: per year, with the municipalities concerned (splits.ts)
  const splits = splitGaps({
    structure: data.structure,
    mapper,
    hasRow: (code, year) => {
      const id = targetIds.get(code);
      return id !== undefined && rowKeys.get(id, year) >= 0;
    },
    sources: dataSources.map((s, si) => {
      const left = new Map<number, Set<number>>();
      const tid = tidOf[si];
      if (tid.some((t, u) => t < 0 && mapper.part(s.units[u]) !== undefined)) {
        const zeros = zeroSets[si];
        const { obs } = s;
        for (let i = 0; i < obs.n; i++) {
          const u = obs.unit[i];
          const y = obs.year[i];
          if (tid[u] >= 0 || y === 0 || (zeros && zeros.get(u, y) === 0)) continue;
          let set = left.get(u);
          if (!set) left.set(u, (set = new Set()));
          set.add(y);
        }
      }
      return { units: s.units, names: s.unitNames, tid, yearsOf: (u: number) => left.get(u) ?? [] };
    }),
  });
  problems.push(...splits.problems);

  // ---- problems of the join
  const unexplained = [...unmatched.values()].filter((u) => !splits.explained.has(u.code));
  if (unexplained.length > 0) {
    const list = unexplained;
    const ex = list.slice(0, 8).map((u) => `${u.code}${u.name ? ' ' + u.name : ''}`).join(', ');
    problems.push(
      problem('unmatched-codes', `${list.length} kommunenummer passer ikke i ${data.structure}-strukturen (delte eller ukjente kommuner) og er holdt utenfor: ${ex}${list.length > 8 ? ' …' : ''}.`, `${list.length} municipality numbers do not fit the ${data.structure} structure (divided or unknown municipalities) and were left out: ${ex}${list.length > 8 ? ' …' : ''}.`, { file: list[0].file, unit: list[0].code }, 'warning'),
    );
  }
  for (const [name, n] of nonAdditiveMerged) {
    problems.push(
      problem('non-additive-merge', `Variabelen «${name}» er en rate/andel/indeks og kan ikke summeres over sammenslåtte kommuner; ${n} celler er satt som manglende. Last inn teller og nevner og regn raten ut på nytt.`, `The variable "${name}" is a rate/share/index and cannot be summed over merged municipalities; ${n} cells were set missing. Import numerator and denominator and recompute the rate.`, { variable: name }, 'warning'),
    );
  }
  for (const [file, n] of dupCount) {
    const ex = duplicates.find((d) => d.file === file);
    problems.push(
      problem('duplicate-key', `${file}: ${n} verdier gjelder en kommune, et år og en variabel som allerede har en verdi${ex ? ` (f.eks. ${ex.unit} ${ex.year} ${ex.variable}${ex.lines[0] ? `, linje ${ex.lines[0]}` : ''})` : ''}; den første verdien er beholdt.`, `${file}: ${n} values are for a municipality, year and variable that already has a value${ex ? ` (e.g. ${ex.unit} ${ex.year} ${ex.variable}${ex.lines[0] ? `, line ${ex.lines[0]}` : ''})` : ''}; the first value was kept.`, { file, line: ex?.lines[0], unit: ex?.unit, year: ex?.year }, 'warning'),
    );
  }
  dataSources.forEach((s, si) => {
    if (zeroSkips[si] > 0) {
      problems.push(
        problem('zero-unit-years', `${s.spec.fileName}: ${zeroSkips[si]} kombinasjoner av kommune og år har bare nuller – kommunenummeret var ikke i bruk det året; de er holdt utenfor.`, `${s.spec.fileName}: ${zeroSkips[si]} municipality-year combinations hold only zeros – the code was not in use that year; they were left out.`, { file: s.spec.fileName }, 'info'),
      );
    }
  });
  if (noYear > 0) {
    problems.push(problem('no-year', `${noYear} verdier mangler år og er holdt utenfor; oppgi år i koblingssteget.`, `${noYear} values have no year and were left out; give the year in the mapping step.`, {}, 'warning'));
  }

  // ---- table
  const cols: Column[] = [
    stringColumn('kommune', order.map((i) => rowUnit[i]), { label: 'Kommunenummer' }),
    stringColumn('navn', order.map((i) => rowName[i] ?? ''), { label: 'Kommune' }),
    numericColumn('aar', Array.from(rowYear), undefined, { label: 'År' }),
  ];
  const catalogue: VariableInfo[] = [];
  // Target-unit id of each final row; units are counted with a stamp per variable, not a Set of strings.
  const finalTid = Int32Array.from(order, (i) => rowTid[i]);
  const stamp = new Int32Array(targetIds.size).fill(-1);
  varOrder.forEach((name, vi) => {
    const g = vars.get(name) as GlobalVar;
    const v = values[vi];
    const m = missing[vi];
    const own = owner[vi];
    const source = g.sources.join(', ');
    cols.push({ kind: 'number', name, label: g.info.label, unit: g.info.unit, source, values: v, missing: m });
    let nUnits = 0;
    let nMissing = 0;
    let nSuppressed = 0;
    // Missing counts only cells a file gave (with a symbol or empty), not rows the file never had.
    for (let r = 0; r < nRows; r++) {
      if (own[r] === -1) continue;
      if (m[r] === 0) {
        const t = finalTid[r];
        if (stamp[t] !== vi) {
          stamp[t] = vi;
          nUnits++;
        }
      } else if (m[r] === Missing.suppressed) nSuppressed++;
      else nMissing++;
    }
    catalogue.push({
      name,
      label: g.info.label,
      source,
      ...(g.info.unit ? { unit: g.info.unit } : {}),
      dims: g.info.dims,
      years: [...g.years].sort((a, b) => a - b),
      nUnits,
      nMissing,
      nSuppressed,
      additive: g.info.additive,
      ...(nationalVars.has(name) ? { national: true } : {}),
    });
  });
  const table = makeTable(cols, { unit: 'kommune', year: 'aar', unitName: 'navn' });
  table.nRows = nRows;
  const validation = validate({
    sources,
    dataSources,
    targetOf,
    table,
    catalogue,
    duplicates,
    dupCount,
    unmatched: [...unmatched.values()],
    mappedCodes,
    joinDropped: new Map(dataSources.map((s, si) => [s, joinDropped[si]])),
  });
  if (splits.gaps.length > 0) validation.splitGaps = splits.gaps;
  return { table, catalogue, validation, problems, syntheticRows: countSyntheticRows(dataSources, rowOf, nRows) };
}

/** Rows with a value from a synthetic demo source (the share shown when demo and real data mix). */
function countSyntheticRows(sources: ImportedSource[], rowOf: (si: number, i: number) => number, nRows: number): number {
  if (!sources.some((s) => s.spec.demo)) return 0;
  if (sources.every((s) => s.spec.demo)) return nRows;
  const flag = new Uint8Array(nRows);
  let n = 0;
  sources.forEach((s, si) => {
    if (!s.spec.demo) return;
    for (let i = 0; i < s.obs.n; i++) {
      const r = rowOf(si, i);
      if (r >= 0 && flag[r] === 0) {
        flag[r] = 1;
        n++;
      }
    }
  });
  return n;
}
