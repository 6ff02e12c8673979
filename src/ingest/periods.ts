/**
 * Time cells finer than a year: SSB writes quarters as `2016K1` and months as `2016M01` (PxWebApi
 * `Tid` codes, Statistikkbanken CSV columns). The analysis is by year, so a file with quarters or
 * months is collapsed to years by a rule chosen per file (ColumnMapping.periodRule): one given
 * quarter or month (a stock such as the population at the end of the year), the mean of the year
 * (rates, indices, average stocks) or the sum (flows such as kroner or births).
 *
 * While a file is read, the readers keep a sub-year period in the same Int32 slot as a year, as a
 * period code (below); `collapsePeriods` turns them into years before anything else sees the file,
 * so the dataset, the validation and the CLI only ever see years. Keeping the code in the year slot
 * spares the hot CSV loop a second column.
 */
import { problem, type Problem } from '../engine/problem';
import { Missing, type MissingCode } from '../engine/table';
import { ObservationBuilder } from './observations';
import type { AppliedRule, ImportedSource, PeriodRule, PeriodSummary, SourceVariable } from './types';

export type PeriodKind = 'year' | 'quarter' | 'month';

/*
 * Period codes: a whole year is the year itself (1900–2099); a quarter is year·100 + 20 + q
 * (2016K3 → 201623); a month is year·100 + m (2016M07 → 201607). All fit an Int32 and none is a
 * plausible year, so "year or period" stays one number.
 */
const QUARTER = /^\s*((?:19|20)\d{2})\s*[-_ ]?\s*[KQ]\s*0?([1-4])\s*$/i;
const MONTH = /^\s*((?:19|20)\d{2})\s*(?:[-_ ]?\s*M\s*|-)(0?[1-9]|1[0-2])\s*$/i;
const YEAR = /^\s*((?:19|20)\d{2})\s*$/;

/** The year or period code of a time cell (`2016`, `2016K1`, `2016Q1`, `2016M01`, `2016-01`); -1 when it is no time. */
export function periodCode(text: string): number {
  let m = YEAR.exec(text);
  if (m) return Number(m[1]);
  m = QUARTER.exec(text);
  if (m) return Number(m[1]) * 100 + 20 + Number(m[2]);
  m = MONTH.exec(text);
  if (m) return Number(m[1]) * 100 + Number(m[2]);
  return -1;
}

/** A period inside a column header (`Befolkning 2016K1`), for wide layouts: the code and the header without it. */
export function periodInHeader(header: string): { code: number; rest: string } | null {
  const m = /(?:^|[^0-9A-Za-z])((?:19|20)\d{2}\s*(?:[KQ]\s*0?[1-4]|M\s*(?:0?[1-9]|1[0-2])))(?![0-9A-Za-z])/i.exec(header);
  if (!m) return null;
  const code = periodCode(m[1]);
  if (code < 0) return null;
  return { code, rest: header.replace(m[1], ' ') };
}

export function isSubYear(code: number): boolean {
  return code >= 100000;
}

export function periodYear(code: number): number {
  return code >= 100000 ? Math.floor(code / 100) : code;
}

export function periodKind(code: number): PeriodKind {
  if (code < 100000) return 'year';
  return code % 100 > 20 ? 'quarter' : 'month';
}

/** Quarter 1–4 or month 1–12 of a period code; 0 for a whole year. */
export function periodIndex(code: number): number {
  if (code < 100000) return 0;
  const r = code % 100;
  return r > 20 ? r - 20 : r;
}

export function periodsPerYear(kind: PeriodKind): number {
  return kind === 'quarter' ? 4 : kind === 'month' ? 12 : 1;
}

/** `K4`, `M01` – the way SSB writes a period inside a year. */
export function periodName(kind: PeriodKind, index: number): string {
  return kind === 'quarter' ? `K${index}` : `M${String(index).padStart(2, '0')}`;
}

const STOCK = /befolkning|folkemengde|folketal|population|innbyggere|bestand|ved utgangen|at the end|stock/i;
const FLOW = /fødd|født|fodd|fodt|døde|dode|daude|flytt|innvandr|utvandr|births|deaths|migra|\bkr\b|kroner|nok\b|beløp|belop|utgift|inntekt|utbetal|amount|expenditure|tilgang|avgang|tilfeller|cases/i;

/**
 * The rule `auto` gives a variable: rates, shares and indices (non-additive) → mean; the population
 * and other stocks at a point in time → the last period (K4 / M12: the end of the year); flows
 * (kroner, births, moves …) → sum; any other count → mean (summing a stock over months would
 * count the same people twelve times).
 */
export function autoRule(v: Pick<SourceVariable, 'label' | 'unit' | 'additive' | 'dims'>, kind: PeriodKind): AppliedRule {
  if (!v.additive) return { kind: 'mean' };
  const text = [v.label, v.unit ?? '', v.dims.contents ?? '', v.dims.measure ?? ''].join(' ');
  if (STOCK.test(text)) return { kind: 'pick', period: periodsPerYear(kind) };
  if (FLOW.test(text)) return { kind: 'sum' };
  return { kind: 'mean' };
}

export function resolveRule(rule: PeriodRule | undefined, v: SourceVariable, kind: PeriodKind): AppliedRule {
  if (!rule || rule.kind === 'auto') return autoRule(v, kind);
  if (rule.kind === 'pick') return { kind: 'pick', period: Math.min(periodsPerYear(kind), Math.max(1, rule.period ?? periodsPerYear(kind))) };
  return { kind: rule.kind };
}

const RULE_TEXT = {
  nb: { pick: (p: string) => `${p}`, mean: 'gjennomsnitt', sum: 'sum' },
  en: { pick: (p: string) => `${p}`, mean: 'mean', sum: 'sum' },
};

export function describeRule(r: AppliedRule, kind: PeriodKind, lang: 'nb' | 'en'): string {
  const t = RULE_TEXT[lang];
  if (r.kind === 'pick') return t.pick(periodName(kind, r.period));
  return t[r.kind];
}

/**
 * Collapses the sub-year observations of an imported file to years by the file's rule. Whole-year
 * observations pass unchanged. A year that lacks a period the rule needs (the chosen quarter, or
 * any period of a mean or sum) gets no value for that year, and the note says which years.
 */
export function collapsePeriods(src: ImportedSource): ImportedSource {
  const { obs } = src;
  let kind: PeriodKind = 'year';
  for (let i = 0; i < obs.n; i++) {
    if (obs.year[i] >= 100000) {
      kind = periodKind(obs.year[i]);
      break;
    }
  }
  if (kind === 'year') return src;
  const file = src.spec.fileName;
  const rule: PeriodRule = src.spec.mapping?.periodRule ?? { kind: 'auto', period: null };
  const per = periodsPerYear(kind);
  const rules = src.variables.map((v) => resolveRule(rule, v, kind));

  // Groups (unit, variable, year) → accumulator, in order of first sight.
  const groups = new Map<string, number>();
  const gUnit: number[] = [];
  const gVar: number[] = [];
  const gYear: number[] = [];
  const gLine: number[] = [];
  const gSum: number[] = [];
  const gSeen: number[] = [];
  const gMissing: number[] = [];
  const gPick: number[] = [];
  const gPickMissing: number[] = [];
  const gPickSeen: boolean[] = [];
  const builder = new ObservationBuilder(Math.max(16, obs.n));
  src.units.forEach((u, i) => builder.unitId(u, src.unitNames[i] ?? ''));
  let mixedKinds = false;
  let duplicates = 0;
  for (let i = 0; i < obs.n; i++) {
    const code = obs.year[i];
    if (code < 100000) {
      // A whole-year value in a file of periods: kept as it is.
      builder.push(obs.unit[i], code, obs.variable[i], obs.value[i], obs.missing[i] as MissingCode, obs.line[i]);
      continue;
    }
    if (periodKind(code) !== kind) {
      mixedKinds = true;
      continue;
    }
    const year = periodYear(code);
    const key = `${obs.unit[i]}|${obs.variable[i]}|${year}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = gUnit.length;
      groups.set(key, g);
      gUnit.push(obs.unit[i]);
      gVar.push(obs.variable[i]);
      gYear.push(year);
      gLine.push(obs.line[i]);
      gSum.push(0);
      gSeen.push(0);
      gMissing.push(Missing.present);
      gPick.push(NaN);
      gPickMissing.push(Missing.missing);
      gPickSeen.push(false);
    }
    const r = rules[obs.variable[i]];
    const idx = periodIndex(code);
    if (gSeen[g] & (1 << idx)) {
      // The same municipality, variable and period twice: the first value is kept (as in the join).
      duplicates++;
      continue;
    }
    gSeen[g] |= 1 << idx;
    if (r.kind === 'pick') {
      if (idx === r.period) {
        gPickSeen[g] = true;
        gPick[g] = obs.missing[i] === 0 ? obs.value[i] : NaN;
        gPickMissing[g] = obs.missing[i];
        gLine[g] = obs.line[i];
      }
      continue;
    }
    if (obs.missing[i] !== 0) {
      // One missing period makes the year's sum or mean unknown; keep the first reason.
      if (gMissing[g] === Missing.present) gMissing[g] = obs.missing[i];
    } else gSum[g] += obs.value[i];
  }
  const full = ((1 << (per + 1)) - 1) & ~1;
  const incomplete = new Set<number>();
  for (let g = 0; g < gUnit.length; g++) {
    const r = rules[gVar[g]];
    if (r.kind === 'pick') {
      if (!gPickSeen[g]) continue; // that quarter/month is not in the file for this year: no value
      builder.push(gUnit[g], gYear[g], gVar[g], gPick[g], gPickMissing[g] as MissingCode, gLine[g]);
      continue;
    }
    if (gSeen[g] !== full) {
      incomplete.add(gYear[g]);
      continue;
    }
    const miss = gMissing[g] as MissingCode;
    const value = miss !== Missing.present ? NaN : r.kind === 'sum' ? gSum[g] : gSum[g] / per;
    builder.push(gUnit[g], gYear[g], gVar[g], value, miss, gLine[g]);
  }
  const finished = builder.finish();
  const incompleteYears = [...incomplete].sort((a, b) => a - b);
  const summary: PeriodSummary = {
    kind,
    rule,
    applied: src.variables.map((v, i) => ({ variable: v.name, rule: rules[i] })),
    incompleteYears,
  };
  const problems: Problem[] = [...src.problems];
  const ruleNb = distinctRules(summary, kind, 'nb');
  const ruleEn = distinctRules(summary, kind, 'en');
  const what = kind === 'quarter' ? ['kvartaler', 'quarters'] : ['måneder', 'months'];
  problems.push(
    problem(
      'periods-collapsed',
      `${file}: tiden er oppgitt i ${what[0]}; verdiene er slått sammen til år (${ruleNb}). Regelen kan endres på filkortet.`,
      `${file}: time is given in ${what[1]}; the values were combined to years (${ruleEn}). The rule can be changed on the file card.`,
      { file },
      'info',
    ),
  );
  if (incompleteYears.length > 0) {
    const ys = incompleteYears.join(', ');
    problems.push(
      problem(
        'periods-incomplete',
        `${file}: ${ys} mangler ${what[0]} som gjennomsnitt eller sum trenger; disse årene har ingen verdi for slike variabler.`,
        `${file}: ${ys} lack ${what[1]} that a mean or sum needs; those years have no value for such variables.`,
        { file, year: incompleteYears[0] },
        'warning',
      ),
    );
  }
  if (duplicates > 0) {
    problems.push(
      problem('duplicate-key', `${file}: ${duplicates} verdier gjelder en kommune, en periode og en variabel som allerede har en verdi; den første verdien er beholdt.`, `${file}: ${duplicates} values are for a municipality, period and variable that already has a value; the first value was kept.`, { file }, 'warning'),
    );
  }
  if (mixedKinds) {
    problems.push(
      problem('periods-mixed', `${file}: fila blander kvartaler og måneder; bare ${what[0]} er brukt.`, `${file}: the file mixes quarters and months; only ${what[1]} were used.`, { file }, 'warning'),
    );
  }
  return {
    ...src,
    obs: finished,
    detected: { ...src.detected, periods: summary },
    problems,
  };
}

function distinctRules(summary: PeriodSummary, kind: PeriodKind, lang: 'nb' | 'en'): string {
  const byText = new Map<string, string[]>();
  for (const a of summary.applied) {
    const t = describeRule(a.rule, kind, lang);
    byText.set(t, [...(byText.get(t) ?? []), a.variable]);
  }
  if (byText.size === 1) return [...byText.keys()][0];
  return [...byText].map(([t, vs]) => `${t}: ${vs.slice(0, 3).join(', ')}${vs.length > 3 ? ' …' : ''}`).join('; ');
}

/**
 * «Use this file for year X» (ColumnMapping.yearAs): a one-year file (an index for budget year 2025)
 * joined with data of another year (population 2022). Refused, with a message, when the file holds
 * more than one year: moving several years onto one would make duplicates.
 */
export function applyYearAs(src: ImportedSource): ImportedSource {
  const target = src.spec.mapping?.yearAs;
  if (target === null || target === undefined) return src;
  const file = src.spec.fileName;
  const { obs } = src;
  const years = new Set<number>();
  for (let i = 0; i < obs.n; i++) if (obs.year[i] !== 0) years.add(obs.year[i]);
  if (years.size > 1) {
    return {
      ...src,
      problems: [
        ...src.problems,
        problem(
          'year-as-many-years',
          `${file}: fila har ${years.size} år, så den kan ikke brukes som ett annet år (${target}); årene er beholdt.`,
          `${file}: the file holds ${years.size} years, so it cannot be used as one other year (${target}); its years were kept.`,
          { file },
          'warning',
        ),
      ],
    };
  }
  const from = [...years][0];
  if (from === target) return src;
  const year = new Int32Array(obs.n).fill(target);
  return {
    ...src,
    obs: { ...obs, year },
    problems: [
      ...src.problems,
      problem(
        'year-as',
        `${file}: tallene ${from !== undefined ? `for ${from} ` : ''}brukes som år ${target}.`,
        `${file}: the figures ${from !== undefined ? `for ${from} ` : ''}are used as year ${target}.`,
        { file, year: target },
        'info',
      ),
    ],
  };
}
