/**
 * Joins all imported sources on (municipality, year) into the long Table of docs/CONTRACTS.md:
 * `kommune`, `navn`, `aar`, then one numeric column per variable. Codes are first mapped to the
 * chosen municipality structure; counts and amounts of merged municipalities are summed, while
 * rates, shares and indices (non-additive) become missing with a message — averaging them would be
 * wrong and their numerators/denominators are not known here.
 */
import { problem, type Problem } from '../../engine/problem';
import { makeTable, Missing, numericColumn, stringColumn, type Column, type MissingCode } from '../../engine/table';
import type { DataSpec } from '../../spec/sections/data';
import { readChangeTable, type ChangeTable } from '../changeTable';
import type { Dataset, DuplicateKey, ImportedSource, SourceVariable, VariableInfo } from '../types';
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

/** Unit-years where every value of a many-variable source is 0 mean "code not in use that year". */
function zeroUnitYears(s: ImportedSource): Set<number> {
  const out = new Set<number>();
  if (s.variables.length < 10) return out;
  const nonZero = new Set<number>();
  const seen = new Set<number>();
  const { obs } = s;
  for (let i = 0; i < obs.n; i++) {
    const k = obs.unit[i] * 4096 + (obs.year[i] & 4095);
    seen.add(k);
    if (obs.missing[i] !== 0 || obs.value[i] !== 0) nonZero.add(k);
  }
  for (const k of seen) if (!nonZero.has(k)) out.add(k);
  return out;
}

export function buildDataset(sources: ImportedSource[], data: DataSpec): Dataset {
  const problems: Problem[] = [];
  for (const s of sources) problems.push(...s.problems);

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
  const localToGlobal: string[][] = [];
  for (const s of dataSources) {
    const names = s.variables.map((v) => {
      let g = vars.get(v.name);
      if (g && JSON.stringify(g.info.dims) !== JSON.stringify(v.dims)) {
        // Same name, different meaning: keep both, the later one gets a suffix.
        let k = 2;
        while (vars.has(`${v.name}_${k}`)) k++;
        const name = `${v.name}_${k}`;
        g = undefined;
        vars.set(name, { info: { ...v, name }, sources: [], years: new Set() });
        varOrder.push(name);
        return name;
      }
      if (!g) {
        vars.set(v.name, { info: v, sources: [], years: new Set() });
        varOrder.push(v.name);
      }
      return v.name;
    });
    localToGlobal.push(names);
    for (const n of new Set(names)) vars.get(n)?.sources.push(s.spec.fileName);
  }

  // ---- rows: (target unit, year)
  const rowIndex = new Map<string, number>();
  const rowUnit: string[] = [];
  const rowYear: number[] = [];
  const rowName: string[] = [];
  const unmatched = new Map<string, { file: string; code: string; name: string }>();
  const mappedCodes = new Map<string, string>();
  const targetOf: (string | null)[][] = [];
  const zeroSkips: number[] = [];
  const zeroSets: Set<number>[] = [];
  let noYear = 0;
  dataSources.forEach((s, si) => {
    const t = s.units.map((code, ui) => {
      const m = mapper.map(code);
      if (m === null) {
        const key = `${s.spec.fileName}|${code}`;
        if (!unmatched.has(key)) unmatched.set(key, { file: s.spec.fileName, code, name: s.unitNames[ui] ?? '' });
      } else if (m !== code) mappedCodes.set(code, m);
      return m;
    });
    targetOf.push(t);
    const zeros = zeroUnitYears(s);
    zeroSets.push(zeros);
    zeroSkips.push(zeros.size);
    const { obs } = s;
    for (let i = 0; i < obs.n; i++) {
      const unit = t[obs.unit[i]];
      if (unit === null) continue;
      const year = obs.year[i];
      if (year === 0) {
        noYear++;
        continue;
      }
      if (zeros.has(obs.unit[i] * 4096 + (year & 4095))) continue;
      const key = `${unit}|${year}`;
      if (!rowIndex.has(key)) {
        rowIndex.set(key, rowUnit.length);
        rowUnit.push(unit);
        rowYear.push(year);
        rowName.push(mapper.name(unit) ?? (unit === s.units[obs.unit[i]] ? s.unitNames[obs.unit[i]] : '') ?? '');
      } else {
        const r = rowIndex.get(key) as number;
        if (!rowName[r] && unit === s.units[obs.unit[i]]) rowName[r] = s.unitNames[obs.unit[i]] ?? '';
      }
    }
    void si;
  });

  // Sort rows by municipality, then year, so tables and exports read naturally.
  const order = rowUnit.map((_, i) => i).sort((a, b) => (rowUnit[a] < rowUnit[b] ? -1 : rowUnit[a] > rowUnit[b] ? 1 : rowYear[a] - rowYear[b]));
  const newPos = new Int32Array(order.length);
  order.forEach((old, pos) => (newPos[old] = pos));
  const nRows = order.length;

  // ---- fill
  const values = new Map<string, Float64Array>();
  const missing = new Map<string, Uint8Array>();
  const owner = new Map<string, Int16Array>();
  const firstUnit = new Map<string, Int32Array>();
  for (const name of varOrder) {
    values.set(name, new Float64Array(nRows).fill(NaN));
    missing.set(name, new Uint8Array(nRows).fill(Missing.missing));
    owner.set(name, new Int16Array(nRows).fill(-1));
    firstUnit.set(name, new Int32Array(nRows).fill(-1));
  }
  const duplicates: DuplicateKey[] = [];
  const dupCount = new Map<string, number>();
  const nonAdditiveMerged = new Map<string, number>();
  dataSources.forEach((s, si) => {
    const { obs } = s;
    const t = targetOf[si];
    const names = localToGlobal[si];
    const zeros = zeroSets[si];
    const file = s.spec.fileName;
    for (let i = 0; i < obs.n; i++) {
      const unit = t[obs.unit[i]];
      const year = obs.year[i];
      if (unit === null || year === 0 || zeros.has(obs.unit[i] * 4096 + (year & 4095))) continue;
      const r = newPos[rowIndex.get(`${unit}|${year}`) as number];
      const name = names[obs.variable[i]];
      const g = vars.get(name) as GlobalVar;
      g.years.add(year);
      const val = values.get(name) as Float64Array;
      const mis = missing.get(name) as Uint8Array;
      const own = owner.get(name) as Int16Array;
      const fu = firstUnit.get(name) as Int32Array;
      const code = obs.missing[i] as MissingCode;
      if (own[r] === -1) {
        own[r] = si;
        fu[r] = obs.unit[i];
        val[r] = code === 0 ? obs.value[i] : NaN;
        mis[r] = code;
        continue;
      }
      if (own[r] !== si || fu[r] === obs.unit[i]) {
        // The same key twice (in one file, or in two files): the first value is kept.
        dupCount.set(file, (dupCount.get(file) ?? 0) + 1);
        if (duplicates.length < MAX_DUP_EXAMPLES) duplicates.push({ file, unit, year, variable: name, lines: [obs.line[i]] });
        continue;
      }
      // A second old municipality merged into the same target municipality.
      fu[r] = -2;
      if (!g.info.additive) {
        if (mis[r] !== Missing.undefinedValue) nonAdditiveMerged.set(name, (nonAdditiveMerged.get(name) ?? 0) + 1);
        val[r] = NaN;
        mis[r] = Missing.undefinedValue;
      } else if (mis[r] === 0 && code === 0) {
        val[r] += obs.value[i];
      } else if (mis[r] === 0) {
        // Part of the merged municipality is unknown, so the sum is too; keep the part's reason.
        val[r] = NaN;
        mis[r] = code;
      }
    }
  });

  // ---- national series: each year's value on every municipality row of that year
  const nationalVars = new Set<string>();
  for (const s of nationalSources) {
    const { obs } = s;
    const file = s.spec.fileName;
    s.variables.forEach((v, vi) => {
      let name = v.name;
      for (let k = 2; vars.has(name); k++) name = `${v.name}_${k}`;
      const g: GlobalVar = { info: { ...v, name }, sources: [file], years: new Set() };
      vars.set(name, g);
      varOrder.push(name);
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
        const i = byYear.get(rowYear[order[r]]);
        if (i === undefined) continue;
        own[r] = 0;
        mis[r] = obs.missing[i];
        val[r] = obs.missing[i] === 0 ? obs.value[i] : NaN;
        g.years.add(obs.year[i]);
      }
      values.set(name, val);
      missing.set(name, mis);
      owner.set(name, own);
    });
  }
  if (nationalSources.length > 0 && nRows === 0) {
    problems.push(
      problem('national-only', 'Bare landsserier er lastet inn; de legges på kommunene når en fil med kommunetall lastes inn.', 'Only national series are loaded; they are put on the municipalities once a file with municipality figures is loaded.', {}, 'info'),
    );
  }

  // ---- problems of the join
  if (unmatched.size > 0) {
    const list = [...unmatched.values()];
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
    numericColumn('aar', order.map((i) => rowYear[i]), undefined, { label: 'År' }),
  ];
  const catalogue: VariableInfo[] = [];
  for (const name of varOrder) {
    const g = vars.get(name) as GlobalVar;
    const v = values.get(name) as Float64Array;
    const m = missing.get(name) as Uint8Array;
    const own = owner.get(name) as Int16Array;
    const source = g.sources.join(', ');
    cols.push({ kind: 'number', name, label: g.info.label, unit: g.info.unit, source, values: v, missing: m });
    const units = new Set<string>();
    let nMissing = 0;
    let nSuppressed = 0;
    // Missing counts only cells a file gave (with a symbol or empty), not rows the file never had.
    for (let r = 0; r < nRows; r++) {
      if (own[r] === -1) continue;
      if (m[r] === 0) units.add(rowUnit[order[r]]);
      else if (m[r] === Missing.suppressed) nSuppressed++;
      else nMissing++;
    }
    catalogue.push({
      name,
      label: g.info.label,
      source,
      ...(g.info.unit ? { unit: g.info.unit } : {}),
      dims: g.info.dims,
      years: [...g.years].sort((a, b) => a - b),
      nUnits: units.size,
      nMissing,
      nSuppressed,
      additive: g.info.additive,
      ...(nationalVars.has(name) ? { national: true } : {}),
    });
  }
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
  });
  return { table, catalogue, validation, problems };
}
