/**
 * Rates, per-capita figures and shares of merged municipalities (docs/METHODS.md §1). Summing them
 * is wrong and so is averaging them; the right figure is Σ numerator / Σ denominator × scale over
 * the old municipalities. That needs to know what the numerator and denominator are: declared in
 * `data.rates`, or recognised for a per-capita variable when the data hold a population variable.
 * When the numerator is not in the data it is rebuilt per part as rate × denominator / scale, which
 * gives exactly the ratio of the sums. Anything else stays missing with a warning (buildDataset).
 */
import { problem, type Problem } from '../../engine/problem';
import { Missing } from '../../engine/table';
import type { RateSpec } from '../../spec/sections/data';
import type { ImportedSource, SourceVariable } from '../types';
import { PairIndex, type YearRange } from './keys';

export interface RateRule {
  /** Global variable indices. */
  variable: number;
  /** −1: rebuilt from the rate and the denominator. */
  numerator: number;
  denominator: number;
  scale: number;
  inferred: boolean;
}

/** Names of a population total (no age or sex breakdown), the denominator of "per innbygger". */
const POPULATION = /^(?:innbyggere|antall innbyggere|folkemengde|befolkning|folketall|population|inhabitants|residents)\b/i;
const PER_100K = /per 100 ?000 (?:innbygger|inhabitant|capita|resident)/i;
const PER_1000 = /per 1 ?000 (?:innbygger|inhabitant|capita|resident)/i;
const PER_CAPITA = /per (?:innbygger|capita|inhabitant|resident)|pr\.? innbygger/i;

function perCapitaScale(v: SourceVariable): number | null {
  const text = `${v.label} ${v.unit ?? ''} ${v.dims.measure ?? ''}`;
  if (PER_100K.test(text)) return 100_000;
  if (PER_1000.test(text)) return 1000;
  if (PER_CAPITA.test(text)) return 1;
  return null;
}

function isPopulation(v: SourceVariable): boolean {
  if (!v.additive || v.dims.age !== undefined || v.dims.sex !== undefined) return false;
  return POPULATION.test(v.label.trim()) || POPULATION.test(v.dims.contents ?? '') || POPULATION.test(v.dims.measure ?? '');
}

/**
 * The rules for the non-additive variables `infos` (indexed like `names`): declared ones first,
 * then per-capita variables over the first population variable found.
 */
export function resolveRates(names: string[], infos: SourceVariable[], declared: RateSpec[] | undefined, problems: Problem[]): RateRule[] {
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  const rules: RateRule[] = [];
  const covered = new Set<number>();
  for (const d of declared ?? []) {
    const v = index.get(d.variable);
    const den = index.get(d.denominator);
    const num = d.numerator === null ? -1 : (index.get(d.numerator) ?? -2);
    const unknown = [v === undefined ? d.variable : null, den === undefined ? d.denominator : null, num === -2 ? d.numerator : null].filter((x): x is string => x !== null);
    if (v === undefined || den === undefined || num === -2) {
      problems.push(
        problem('rate-spec-unknown', `Raten «${d.variable}» kan ikke regnes ut på nytt for sammenslåtte kommuner: fant ikke variabelen ${unknown.map((u) => `«${u}»`).join(', ')} i dataene.`, `The rate "${d.variable}" cannot be recomputed for merged municipalities: the variable ${unknown.map((u) => `"${u}"`).join(', ')} is not in the data.`, { variable: d.variable }, 'warning'),
      );
      continue;
    }
    if (covered.has(v)) continue;
    covered.add(v);
    rules.push({ variable: v, numerator: num, denominator: den, scale: d.scale, inferred: false });
  }
  const population = infos.findIndex(isPopulation);
  if (population >= 0) {
    infos.forEach((info, v) => {
      if (info.additive || covered.has(v)) return;
      const scale = perCapitaScale(info);
      if (scale === null) return;
      covered.add(v);
      rules.push({ variable: v, numerator: -1, denominator: population, scale, inferred: true });
    });
  }
  return rules;
}

export interface JoinView {
  sources: ImportedSource[];
  /** Per source: local variable → global variable. */
  localToGlobal: Int32Array[];
  /** Final row of observation `i` of source `si`, or −1 when it is left out of the table. */
  rowOf(si: number, i: number): number;
  /** Year of each final row. */
  rowYear: Int32Array;
  years: YearRange;
  /** Per global variable. */
  values: Float64Array[];
  missing: Uint8Array[];
  /** −2 marks a row where several old municipalities were merged. */
  firstUnit: Int32Array[];
}

interface Part {
  value: number[];
  missing: number[];
  at: PairIndex;
}

/**
 * Recomputes the merged cells of every rule's variable in place; returns how many cells of each
 * variable were recomputed (numbers or a missing reason carried over from a part).
 */
export function recomputeRates(rules: RateRule[], view: JoinView): Map<number, number> {
  const done = new Map<number, number>();
  const active = rules.filter((rule) => view.firstUnit[rule.variable].includes(-2));
  if (active.length === 0) return done;

  // Old codes as integers across files, so the parts of a merged row can be matched by code.
  const codeId = new Map<string, number>();
  const codeOf = view.sources.map((s) => Int32Array.from(s.units, (c) => {
    let id = codeId.get(c);
    if (id === undefined) codeId.set(c, (id = codeId.size));
    return id;
  }));

  const needed = new Map<number, Part>();
  for (const r of active) for (const g of [r.variable, r.numerator, r.denominator]) if (g >= 0 && !needed.has(g)) needed.set(g, { value: [], missing: [], at: new PairIndex(codeId.size, view.years) });
  // Rows to recompute → the old codes that reported the rate that year.
  const members = new Map<number, Map<number, number[]>>();
  for (const r of active) members.set(r.variable, new Map());

  view.sources.forEach((s, si) => {
    const { obs } = s;
    const l2g = view.localToGlobal[si];
    for (let i = 0; i < obs.n; i++) {
      const g = l2g[obs.variable[i]];
      const part = needed.get(g);
      if (!part) continue;
      const row = view.rowOf(si, i);
      if (row < 0) continue;
      const code = codeOf[si][obs.unit[i]];
      const year = obs.year[i];
      // The first value of a key is the one kept, as in the join.
      if (part.at.get(code, year) < 0) {
        part.at.set(code, year, part.value.length);
        part.value.push(obs.value[i]);
        part.missing.push(obs.missing[i]);
      }
      const m = members.get(g);
      if (m && view.firstUnit[g][row] === -2) {
        const list = m.get(row);
        if (!list) m.set(row, [code]);
        else if (!list.includes(code)) list.push(code);
      }
    }
  });

  for (const rule of active) {
    const val = view.values[rule.variable];
    const mis = view.missing[rule.variable];
    const rate = needed.get(rule.variable) as Part;
    const den = needed.get(rule.denominator) as Part;
    const num = rule.numerator >= 0 ? (needed.get(rule.numerator) as Part) : null;
    let n = 0;
    for (const [row, codes] of members.get(rule.variable) as Map<number, number[]>) {
      const year = view.rowYear[row];
      let sumN = 0;
      let sumD = 0;
      let reason = 0;
      let known = true;
      for (const c of codes) {
        const di = den.at.get(c, year);
        const ni = num ? num.at.get(c, year) : rate.at.get(c, year);
        // A part without a denominator (or numerator) in the data: the figure stays unknown.
        if (di < 0 || ni < 0) {
          known = false;
          break;
        }
        const dm = den.missing[di];
        const nm = (num ?? rate).missing[ni];
        if (dm !== 0 || nm !== 0) {
          // As for sums: part of the merged municipality is unknown, so the ratio is; keep its reason.
          if (reason === 0) reason = nm !== 0 ? nm : dm;
          continue;
        }
        const d = den.value[di];
        sumD += d;
        sumN += num ? num.value[ni] : (rate.value[ni] * d) / rule.scale;
      }
      if (!known) continue;
      n++;
      if (reason !== 0) {
        val[row] = NaN;
        mis[row] = reason;
      } else if (sumD === 0) {
        val[row] = NaN;
        mis[row] = Missing.undefinedValue;
      } else {
        val[row] = (sumN / sumD) * rule.scale;
        mis[row] = Missing.present;
      }
    }
    if (n > 0) done.set(rule.variable, n);
  }
  return done;
}
