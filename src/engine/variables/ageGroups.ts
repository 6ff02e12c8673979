/**
 * Age-group criteria (0–22, 16–66, 67–79, 80+ …) summed from single-age population variables such
 * as SSB 07459 (`dims.age` = `0`, `1`, …, `105+`), as a count or as a share of the population.
 * Every age in the group must be present: a group with a missing age would be too small everywhere.
 */
import { problem, type Problem } from '../problem';
import { getNumeric, type NumericColumn, type Table } from '../table';
import type { AgeGroupDef } from '../../spec/sections/variables';
import { isTotalSex, parseAge } from './catalogue';
import { combineMissing, finalizeMissing } from './missing';
import type { BuiltColumn } from './expenditure';
import type { CatalogueEntry } from './types';

/** One age's population: the variables summed (sexes), or alternatives taken row by row (files). */
interface AgeVar {
  entries: CatalogueEntry[];
  /** `sum`: men + women; `first`: the first of several files that has a value in the row. */
  combine: 'sum' | 'first';
}

/** Single-age (and open top, `105+`) variables matching the filter, grouped by age. */
export function singleAgeVariables(catalogue: CatalogueEntry[], filter: Record<string, string> = {}): Map<number, CatalogueEntry[]> {
  const byAge = new Map<number, CatalogueEntry[]>();
  for (const c of catalogue) {
    const a = parseAge(c.dims.age);
    if (!a || (a.to !== a.from && a.to !== Infinity)) continue;
    if (!Object.entries(filter).every(([k, v]) => c.dims[k] === v)) continue;
    const list = byAge.get(a.from) ?? [];
    list.push(c);
    byAge.set(a.from, list);
  }
  return byAge;
}

/**
 * Which variables make one age: a both-sexes variable if there is one, else men + women. The same age
 * from several files (the demo's 07459 and a real 07459 download in one session, or two periods in
 * two files) are alternatives: each row takes the first that has a value, since the files cover
 * different municipalities or years. Several candidates from one file are ambiguous.
 */
function pickForAge(list: CatalogueEntry[]): { pick: AgeVar; ambiguous: boolean } {
  if (list.length === 1) return { pick: { entries: list, combine: 'sum' }, ambiguous: false };
  const bySource = new Map<string, CatalogueEntry[]>();
  for (const c of list) bySource.set(c.source ?? '', [...(bySource.get(c.source ?? '') ?? []), c]);
  if (bySource.size > 1) {
    const firsts = [...bySource.values()].map((l) => pickOne(l));
    if (firsts.every((f) => f.entries.length === 1)) {
      return { pick: { entries: firsts.map((f) => f.entries[0]), combine: 'first' }, ambiguous: firsts.some((f) => f.ambiguous) };
    }
  }
  const one = pickOne(list);
  return { pick: { entries: one.entries, combine: 'sum' }, ambiguous: one.ambiguous };
}

function pickOne(list: CatalogueEntry[]): { entries: CatalogueEntry[]; ambiguous: boolean } {
  if (list.length === 1) return { entries: list, ambiguous: false };
  const totals = list.filter((c) => isTotalSex(c.dims.sex));
  if (totals.length === 1) return { entries: totals, ambiguous: false };
  // All non-total and differing only in sex: men + women make the total (summed by the caller).
  const otherDims = (c: CatalogueEntry) =>
    JSON.stringify(Object.entries(c.dims).filter(([k]) => k !== 'sex' && k !== 'age').sort());
  const sig = new Set(list.map(otherDims));
  if (totals.length === 0 && sig.size === 1) return { entries: list, ambiguous: false };
  return { entries: [list[0]], ambiguous: true };
}

export function buildAgeGroup(table: Table, catalogue: CatalogueEntry[], def: AgeGroupDef, population: string): BuiltColumn {
  const problems: Problem[] = [];
  const byAge = singleAgeVariables(catalogue, def.filter);
  const to = def.to ?? Infinity;
  if (to < def.from) {
    problems.push(problem('age-range-invalid', `«${def.label}»: alder til er mindre enn alder fra.`, `"${def.label}": the upper age is below the lower age.`, { variable: def.id }));
    return { column: null, inputs: [], recipe: '', problems };
  }
  const topAge = Math.max(-1, ...[...byAge.entries()].filter(([, l]) => l.some((c) => parseAge(c.dims.age)?.to === Infinity)).map(([a]) => a));
  const vars: AgeVar[] = [];
  const missingAges: number[] = [];
  const ambiguousAges: number[] = [];
  let ambiguousExample: CatalogueEntry[] = [];
  const last = to === Infinity ? (topAge >= 0 ? topAge : Math.max(-1, ...byAge.keys())) : to;
  for (let a = def.from; a <= last; a++) {
    // An open top category (`105+`) belongs only in an open-ended group: in 0–22 it would add the old.
    const list = byAge.get(a)?.filter((c) => to === Infinity || parseAge(c.dims.age)?.to !== Infinity);
    if (!list || list.length === 0) {
      missingAges.push(a);
      continue;
    }
    const { pick, ambiguous } = pickForAge(list);
    if (ambiguous) {
      ambiguousAges.push(a);
      if (ambiguousExample.length === 0) ambiguousExample = list;
    }
    vars.push(pick);
  }
  // One message for the group, not one per age (107 lines for a 0+ group).
  if (ambiguousAges.length > 0) {
    const ages = compactAges(ambiguousAges);
    const used = vars.find((v) => v.entries.length > 0)?.entries[0]?.name ?? ambiguousExample[0]?.name;
    problems.push(
      problem(
        'age-variable-ambiguous',
        `«${def.label}»: flere befolkningsvariabler fra samme fil for alder ${ages}; bruker den første (f.eks. ${used}). Velg et filter.`,
        `"${def.label}": several population variables from one file for age ${ages}; using the first (e.g. ${used}). Choose a filter.`,
        { variable: def.id, variables: ambiguousExample.map((c) => c.name) },
        'warning',
      ),
    );
  }
  // An open-ended group needs an open top category (`105+`), else the oldest are left out.
  if (to === Infinity && topAge < 0 && vars.length) {
    problems.push(
      problem(
        'age-open-top-missing',
        `«${def.label}»: fant ingen åpen øverste aldersgruppe (f.eks. «105+»); gruppen stopper ved ${last} år.`,
        `"${def.label}": no open top age category (e.g. "105+"); the group stops at age ${last}.`,
        { variable: def.id },
        'warning',
      ),
    );
  }
  if (missingAges.length || vars.length === 0) {
    const list = missingAges.length ? compactAges(missingAges) : `${def.from}–${def.to ?? '+'}`;
    problems.push(
      problem(
        'age-variables-missing',
        `«${def.label}»: mangler befolkningstall for alder ${list} (ettårige aldersvariabler, f.eks. SSB-tabell 07459).`,
        `"${def.label}": population figures missing for age ${list} (single-year age variables, e.g. SSB table 07459).`,
        { variable: def.id },
      ),
    );
    return { column: null, inputs: vars.flatMap((v) => v.entries.map((e) => e.name)), recipe: '', problems };
  }

  const n = table.nRows;
  const values = new Float64Array(n);
  const missings: Uint8Array[] = [];
  const inputs: string[] = [];
  for (const v of vars) {
    const cols = v.entries.map((e) => getNumeric(table, e.name)).filter((c): c is NumericColumn => c !== undefined);
    if (cols.length === 0) continue;
    inputs.push(...cols.map((c) => c.name));
    if (v.combine === 'sum') {
      for (const col of cols) {
        missings.push(col.missing);
        for (let i = 0; i < n; i++) values[i] += col.values[i];
      }
      continue;
    }
    // `first`: the first file with a value in the row; missing (with the first file's reason) if none.
    const miss = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const col = cols.find((c) => c.missing[i] === 0);
      if (col) values[i] += col.values[i];
      else miss[i] = cols[0].missing[i];
    }
    missings.push(miss);
  }
  let recipe = `Σ alder ${def.from}–${def.to ?? '+'}`;
  if (def.share) {
    const pop = getNumeric(table, population);
    if (!pop) {
      problems.push(
        problem('denominator-not-found', `«${def.label}»: finner ikke befolkningsvariabelen «${population}».`, `"${def.label}": population variable "${population}" not found.`, {
          variable: def.id,
          column: population,
        }),
      );
      return { column: null, inputs, recipe: '', problems };
    }
    for (let i = 0; i < n; i++) values[i] /= pop.values[i];
    missings.push(pop.missing);
    inputs.push(population);
    recipe += ` / ${population}`;
  }
  const missing = finalizeMissing(values, combineMissing(n, missings));
  const column: NumericColumn = {
    kind: 'number',
    name: def.id,
    label: def.label,
    unit: def.share ? 'andel' : 'personer',
    source: 'variabelbygger',
    values,
    missing,
  };
  return { column, inputs, recipe, problems };
}

/** `3,4,5,9` → `3–5, 9`. */
function compactAges(ages: number[]): string {
  const out: string[] = [];
  let start = ages[0];
  let prev = ages[0];
  for (let i = 1; i <= ages.length; i++) {
    const a = ages[i];
    if (a === prev + 1) {
      prev = a;
      continue;
    }
    out.push(start === prev ? String(start) : `${start}–${prev}`);
    start = a;
    prev = a;
  }
  return out.join(', ');
}
