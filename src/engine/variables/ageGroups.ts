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

interface AgeVar {
  entry: CatalogueEntry;
  from: number;
  to: number;
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

/** Which variables to add for one age: a both-sexes variable if there is one, else all sexes. */
function pickForAge(list: CatalogueEntry[]): { chosen: CatalogueEntry[]; ambiguous: boolean } {
  if (list.length === 1) return { chosen: list, ambiguous: false };
  const totals = list.filter((c) => isTotalSex(c.dims.sex));
  if (totals.length === 1) return { chosen: totals, ambiguous: false };
  // All non-total and differing only in sex: men + women make the total.
  const otherDims = (c: CatalogueEntry) =>
    JSON.stringify(Object.entries(c.dims).filter(([k]) => k !== 'sex' && k !== 'age').sort());
  const sig = new Set(list.map(otherDims));
  if (totals.length === 0 && sig.size === 1) return { chosen: list, ambiguous: false };
  return { chosen: [list[0]], ambiguous: true };
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
  const last = to === Infinity ? (topAge >= 0 ? topAge : Math.max(-1, ...byAge.keys())) : to;
  for (let a = def.from; a <= last; a++) {
    // An open top category (`105+`) belongs only in an open-ended group: in 0–22 it would add the old.
    const list = byAge.get(a)?.filter((c) => to === Infinity || parseAge(c.dims.age)?.to !== Infinity);
    if (!list || list.length === 0) {
      missingAges.push(a);
      continue;
    }
    const pick = pickForAge(list);
    if (pick.ambiguous) {
      problems.push(
        problem(
          'age-variable-ambiguous',
          `«${def.label}»: flere befolkningsvariabler for alder ${a}; bruker ${pick.chosen[0].name}. Velg et filter.`,
          `"${def.label}": several population variables for age ${a}; using ${pick.chosen[0].name}. Choose a filter.`,
          { variable: def.id, variables: list.map((c) => c.name) },
          'warning',
        ),
      );
    }
    for (const c of pick.chosen) {
      const r = parseAge(c.dims.age);
      if (r) vars.push({ entry: c, ...r });
    }
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
    return { column: null, inputs: vars.map((v) => v.entry.name), recipe: '', problems };
  }

  const n = table.nRows;
  const values = new Float64Array(n);
  const missings: Uint8Array[] = [];
  const inputs: string[] = [];
  for (const v of vars) {
    const col = getNumeric(table, v.entry.name);
    if (!col) continue;
    inputs.push(v.entry.name);
    missings.push(col.missing);
    for (let i = 0; i < n; i++) values[i] += col.values[i];
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
