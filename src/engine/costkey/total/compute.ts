/**
 * A total key from sector sub-keys (docs/METHODS.md §9):
 *   sector index  I_is = Σ_k w_ks·x_ik/x̄_k  (or an index column already in the data, or 1)
 *   sector weight v_s  = U_s / Σ_s U_s       (U_s: national spending per inhabitant), or typed
 *   total index   I_i  = Σ_s v_s·I_is
 *   need per inhabitant I_i·U, equalisation (I_i − 1)·U·N_i, U = Σ_s U_s or typed,
 * and the change of the total key when some sectors' sub-keys are replaced (the analysed sector's
 * proposed key instead of today's): ΔI_i = Σ_s v_s·(I_is − I_is^before), ΔT_i = ΔI_i·U·N_i.
 *
 * All sectors share one set of municipalities: a unit that lacks the population, a criterion of any
 * key or an index column in the key year is left out of every sector and listed with the reason
 * (nothing is dropped silently), and criteria ratios are normalised over the kept units so each
 * computed sector index has population-weighted mean exactly 1. The identities are returned as
 * checks (Problem-shaped, with `ok`): mean of each sector index and of the total = 1, Σ v_s = 1,
 * Σ equalisation = 0 and Σ change = 0.
 */
import { problem, type Problem } from '../../problem';
import { columnAsText, getNumeric, Missing, missingReasonName, type MissingCode, type Table } from '../../table';
import { sortedOrder } from '../aggregate';
import { lastYear, selectRows } from '../keyData';
import { keyVector, needIndex } from '../needIndex';
import { nationalMean, prepareCriteria } from '../prepare';
import { stableSum } from '../redistribution';
import { BASIC, type KeyRecord } from '../types';

import {
  EXACT_TOL,
  MANUAL_SUM_TOL,
  PUBLISHED_TOL,
  type ExcludedUnit,
  type SectorIndexSource,
  type SectorInput,
  type SectorOutcome,
  type TotalKeyCheck,
  type TotalKeyOptions,
  type TotalKeyResult,
} from './types';

export * from './types';

const nb6 = (x: number) => (Number.isFinite(x) ? x.toFixed(6).replace('.', ',').replace('-', '−') : '–');
const en6 = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : '–');
const kr = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : '–');

function reasonOf(col: { missing: Uint8Array }, i: number): string {
  const code = col.missing[i] as MissingCode;
  return code === Missing.present ? 'missing' : (missingReasonName[code] ?? 'missing');
}

/** Kroner per unit of a spending column: 1000 when its unit says «1000 kr». */
export function unitNokOf(table: Table, variable: string): number {
  const unit = getNumeric(table, variable)?.unit;
  return unit && /1\s?000/.test(unit) ? 1000 : 1;
}

function weightedMean(values: Float64Array, pop: Float64Array, total: number): number {
  const prod = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) prod[i] = values[i] * pop[i];
  return stableSum(prod) / total;
}

function check(
  code: string,
  ok: boolean,
  value: number,
  expected: number,
  tolerance: number,
  nb: string,
  en: string,
  where: Problem['where'] | undefined,
  failSeverity: Problem['severity'],
): TotalKeyCheck {
  return { ...problem(code, nb, en, where, ok ? 'info' : failSeverity), ok, value, expected, tolerance };
}

/** Criteria a key needs from the data (non-zero weights, not the basic criterion). */
function keyCriteria(key: KeyRecord): string[] {
  return Object.keys(key).filter((c) => c !== BASIC && key[c] !== 0);
}

const kommuner = (n: number) => `${n} ${n === 1 ? 'kommune' : 'kommuner'}`;
const municipalities = (n: number) => `${n} ${n === 1 ? 'municipality' : 'municipalities'}`;

/** «9001 Limrli, 9002 Brekset og 3 til» – the first few units of a list, in bokmål or English. */
function listUnits(xs: { unit: string; name: string }[], lang: 'nb' | 'en', max = 8): string {
  const shown = xs.slice(0, max).map((x) => (x.name && x.name !== x.unit ? `${x.unit} ${x.name}` : x.unit));
  const rest = xs.length - shown.length;
  return shown.join(', ') + (rest > 0 ? (lang === 'nb' ? ` og ${rest} til` : ` and ${rest} more`) : '');
}

function sourcesOf(s: SectorInput): SectorIndexSource[] {
  return s.compareWith ? [s.source, s.compareWith] : [s.source];
}

export function totalKeyFromTable(table: Table, o: TotalKeyOptions): TotalKeyResult {
  const problems: Problem[] = [];
  const year = o.yearColumn ? (o.year ?? lastYear(table, o.yearColumn)) : null;
  const rows = selectRows(table, o.yearColumn, year);
  const ids = columnAsText(table, o.unit);
  const nameCol = o.unitName ? columnAsText(table, o.unitName) : undefined;
  const popCol = getNumeric(table, o.population);
  if (!ids) problems.push(problem('missing-column', `Enhetskolonnen «${o.unit}» finnes ikke.`, `Unit column "${o.unit}" does not exist.`, { column: o.unit }));
  if (!popCol)
    problems.push(problem('missing-column', `Befolkningsvariabelen «${o.population}» finnes ikke.`, `Population variable "${o.population}" does not exist.`, { variable: o.population }));
  if (o.sectors.length === 0) problems.push(problem('no-sectors', 'Den samlede nøkkelen har ingen sektorer.', 'The total key has no sectors.', undefined, 'warning'));

  // Which columns each sector needs; a sector whose source cannot be used is reported and fails.
  const sectorOk = o.sectors.map(() => true);
  const needed = new Map<string, Set<string>>(); // variable → labels of the sectors needing it
  const need = (v: string, s: SectorInput) => {
    if (!needed.has(v)) needed.set(v, new Set());
    needed.get(v)!.add(s.label);
  };
  o.sectors.forEach((s, si) => {
    for (const src of sourcesOf(s)) {
      if (src.kind === 'unresolved') {
        problems.push({ ...src.problem, where: { ...src.problem.where, variable: src.problem.where?.variable ?? s.id } });
        sectorOk[si] = false;
      } else if (src.kind === 'key') {
        for (const c of keyCriteria(src.key)) {
          if (!getNumeric(table, c)) {
            problems.push(problem('missing-column', `Kriteriet «${c}» i nøkkelen for «${s.label}» finnes ikke i dataene.`, `Criterion "${c}" of the key of "${s.label}" is not in the data.`, { variable: c }));
            sectorOk[si] = false;
          } else need(c, s);
        }
      } else if (src.kind === 'index') {
        if (!getNumeric(table, src.variable)) {
          problems.push(
            problem('missing-column', `Indeksvariabelen «${src.variable}» for «${s.label}» finnes ikke i dataene.`, `Index variable "${src.variable}" of "${s.label}" is not in the data.`, {
              variable: src.variable,
            }),
          );
          sectorOk[si] = false;
        } else need(src.variable, s);
      }
    }
  });
  const usable = o.sectors.filter((_, si) => sectorOk[si]).flatMap(sourcesOf);
  const criteria = [...new Set(usable.flatMap((src) => (src.kind === 'key' ? keyCriteria(src.key) : [])))];
  const indexVars = [...new Set(usable.flatMap((src) => (src.kind === 'index' ? [src.variable] : [])))];

  // The common set of units: population and every needed column present in the key year.
  const excluded: ExcludedUnit[] = [];
  const kept: number[] = [];
  const checkCols = [...criteria, ...indexVars].map((v) => ({ v, col: getNumeric(table, v)! }));
  if (ids && popCol) {
    for (const i of rows) {
      const reasons: ExcludedUnit['reasons'] = [];
      const p = popCol.values[i];
      if (!Number.isFinite(p)) reasons.push({ variable: o.population, reason: reasonOf(popCol, i) });
      else if (p <= 0) reasons.push({ variable: o.population, reason: 'not-positive' });
      for (const { v, col } of checkCols) if (!Number.isFinite(col.values[i])) reasons.push({ variable: v, reason: reasonOf(col, i) });
      if (reasons.length) excluded.push({ unit: ids[i], name: nameCol?.[i] ?? '', reasons });
      else kept.push(i);
    }
  }
  // One problem per missing variable, listing the units it took out (the full list is in `excluded`).
  const byVar = new Map<string, ExcludedUnit[]>();
  for (const x of excluded)
    for (const r of x.reasons) {
      const list = byVar.get(r.variable) ?? [];
      list.push(x);
      byVar.set(r.variable, list);
    }
  for (const [v, xs] of byVar) {
    const sectors = [...(needed.get(v) ?? [])];
    const forNb = sectors.length ? ` (trengs for ${sectors.map((x) => `«${x}»`).join(', ')})` : '';
    const forEn = sectors.length ? ` (needed for ${sectors.map((x) => `"${x}"`).join(', ')})` : '';
    problems.push(
      problem(
        'units-left-out',
        `${kommuner(xs.length)} mangler «${v}»${forNb} i nøkkelåret og er holdt utenfor den samlede nøkkelen: ${listUnits(xs, 'nb')}.`,
        `${municipalities(xs.length)} have no "${v}"${forEn} in the key year and are left out of the total key: ${listUnits(xs, 'en')}.`,
        { variable: v },
        'warning',
      ),
    );
  }

  const units = ids ? kept.map((i) => ids[i]) : [];
  const names = kept.map((i) => nameCol?.[i] ?? ids?.[i] ?? '');
  const pop = Float64Array.from(kept, (i) => popCol!.values[i]);
  const n = kept.length;
  let populationTotal = 0;
  for (let i = 0; i < n; i++) populationTotal += pop[i];
  if (ids && popCol && n === 0 && o.sectors.length)
    problems.push(problem('no-units', 'Ingen kommuner har alle variablene den samlede nøkkelen trenger i nøkkelåret.', 'No municipality has every variable the total key needs in the key year.'));

  // Criteria ratios over the kept units (no unit is dropped here: all have every criterion).
  const prep = prepareCriteria(
    units,
    pop,
    criteria.map((name) => {
      const col = getNumeric(table, name)!;
      return { name, values: Float64Array.from(kept, (i) => col.values[i]) };
    }),
  );
  const prepFailed = new Set(prep.problems.filter((p) => p.severity === 'error').map((p) => p.where?.variable ?? ''));
  problems.push(...prep.problems);

  const sectorIndex = (src: SectorIndexSource, s: SectorInput): { index: Float64Array; keySum: number | null; tol: number } | null => {
    if (src.kind === 'flat') return { index: new Float64Array(n).fill(1), keySum: null, tol: EXACT_TOL };
    if (src.kind === 'key') {
      if (keyCriteria(src.key).some((c) => prepFailed.has(c))) return null;
      const v = keyVector(prep, src.key);
      let sum = 0;
      for (const w of Object.values(src.key)) sum += w;
      if (!(Math.abs(sum - 1) <= MANUAL_SUM_TOL))
        problems.push(problem('sector-key-sum', `Vektene i nøkkelen for «${s.label}» summerer til ${nb6(sum)}, ikke 1.`, `The weights of the key of "${s.label}" add up to ${en6(sum)}, not 1.`, { variable: s.id }));
      return { index: needIndex(prep, v.basic, v.weights), keySum: sum, tol: EXACT_TOL };
    }
    if (src.kind === 'index') {
      const col = getNumeric(table, src.variable)!;
      const idx = Float64Array.from(kept, (i) => col.values[i]);
      if (src.rescale && n > 0) {
        const m = weightedMean(idx, pop, populationTotal);
        for (let i = 0; i < n; i++) idx[i] /= m;
      }
      return { index: idx, keySum: null, tol: src.rescale ? EXACT_TOL : PUBLISHED_TOL };
    }
    return null;
  };

  const checks: TotalKeyCheck[] = [];
  let allExact = true;
  const sectors: SectorOutcome[] = o.sectors.map((s, si) => {
    const after = sectorOk[si] ? sectorIndex(s.source, s) : null;
    const before = sectorOk[si] && s.compareWith ? sectorIndex(s.compareWith, s) : null;
    const ok = sectorOk[si] && after !== null && (!s.compareWith || before !== null);
    const meanIndex = after && n ? weightedMean(after.index, pop, populationTotal) : NaN;
    const meanIndexBefore = before && n ? weightedMean(before.index, pop, populationTotal) : NaN;
    if (ok && n) {
      for (const [tag, r, m] of [
        ['', after, meanIndex],
        ['before', before, meanIndexBefore],
      ] as const) {
        if (!r) continue;
        if (r.tol !== EXACT_TOL) allExact = false;
        const good = Math.abs(m - 1) <= r.tol;
        const whichNb = tag ? ' før endringen' : '';
        const whichEn = tag ? ' before the change' : '';
        const published = r.tol === PUBLISHED_TOL && !good;
        const hintNb = published
          ? ' Indeksen er brukt slik den står i dataene; er kommuner holdt utenfor, eller er den fra et annet år? Velg «skaler til gjennomsnitt 1» for å normalisere den.'
          : '';
        const hintEn = published ? ' The index is used as it stands in the data; were municipalities left out, or is it from another year? Choose "rescale to mean 1" to normalise it.' : '';
        checks.push(
          check(
            tag ? 'sector-mean-index-before' : 'sector-mean-index',
            good,
            m,
            1,
            r.tol,
            `Befolkningsvektet gjennomsnitt av sektorindeksen «${s.label}»${whichNb}: ${nb6(m)} (skal være 1).${hintNb}`,
            `Population-weighted mean of the sector index "${s.label}"${whichEn}: ${en6(m)} (must be 1).${hintEn}`,
            { variable: s.id },
            r.tol === PUBLISHED_TOL ? 'warning' : 'error',
          ),
        );
      }
    }
    return {
      id: s.id,
      label: s.label,
      sourceKind: s.source.kind,
      compareKind: s.compareWith ? s.compareWith.kind : null,
      spending: NaN,
      spendingKind: s.spending.kind,
      spendingVariable: s.spending.kind === 'variable' ? s.spending.variable : null,
      spendingUnitNok: 1,
      weight: NaN,
      index: after?.index ?? new Float64Array(0),
      indexBefore: before?.index ?? null,
      meanIndex,
      meanIndexBefore,
      keySum: after?.keySum ?? null,
      ok,
    };
  });

  // National spending per inhabitant U_s of each sector, over the kept units.
  o.sectors.forEach((s, si) => {
    const out = sectors[si];
    const sp = s.spending;
    if (sp.kind === 'typed') out.spending = sp.perCapita;
    else if (sp.kind === 'variable') {
      const col = getNumeric(table, sp.variable);
      if (!col) {
        problems.push(
          problem('missing-column', `Utgiftsvariabelen «${sp.variable}» for «${s.label}» finnes ikke.`, `Spending variable "${sp.variable}" of "${s.label}" does not exist.`, { variable: sp.variable }),
        );
        return;
      }
      const unitNok = sp.unitNok ?? unitNokOf(table, sp.variable);
      out.spendingUnitNok = unitNok;
      out.spending = n ? nationalMean(col.values, popCol!.values, kept) * unitNok : NaN;
      const missing = kept.filter((i) => !Number.isFinite(col.values[i])).map((i) => ({ unit: ids![i], name: nameCol?.[i] ?? '' }));
      if (missing.length)
        problems.push(
          problem(
            'spending-units-missing',
            `${kommuner(missing.length)} mangler «${sp.variable}» i nøkkelåret; nasjonal utgift per innbygger for «${s.label}» er beregnet uten dem: ${listUnits(missing, 'nb')}.`,
            `${municipalities(missing.length)} have no "${sp.variable}" in the key year; national spending per inhabitant of "${s.label}" is computed without them: ${listUnits(missing, 'en')}.`,
            { variable: sp.variable },
            'warning',
          ),
        );
    }
    if (Number.isFinite(out.spending) && out.spending < 0)
      problems.push(problem('negative-spending', `Utgiften per innbygger for «${s.label}» er negativ.`, `Spending per inhabitant of "${s.label}" is negative.`, { variable: s.id }));
  });

  // Sector weights.
  let weightsOk = o.sectors.length > 0;
  if (o.weightMode === 'spending') {
    const lacking = sectors.filter((s) => !Number.isFinite(s.spending));
    const total = sectors.reduce((a, s) => a + s.spending, 0);
    if (lacking.length) {
      weightsOk = false;
      problems.push(
        problem(
          'sector-spending-missing',
          `Sektorvektene beregnes fra utgift per innbygger, men den mangler for ${lacking.map((s) => `«${s.label}»`).join(', ')}. Velg en utgiftsvariabel eller skriv inn kroner per innbygger.`,
          `Sector weights are computed from spending per inhabitant, which is missing for ${lacking.map((s) => `"${s.label}"`).join(', ')}. Choose a spending variable or type kroner per inhabitant.`,
        ),
      );
    } else if (!(total > 0)) {
      weightsOk = false;
      if (o.sectors.length) problems.push(problem('sector-spending-zero', 'Summen av utgift per innbygger over sektorene er ikke positiv.', 'Total spending per inhabitant over the sectors is not positive.'));
    } else for (const s of sectors) s.weight = s.spending / total;
  } else {
    const lacking = o.sectors.filter((s) => s.weight === null || s.weight === undefined || !Number.isFinite(s.weight));
    if (lacking.length) {
      weightsOk = false;
      problems.push(
        problem(
          'sector-weight-missing',
          `Skriv inn sektorvekt for ${lacking.map((s) => `«${s.label}»`).join(', ')}.`,
          `Type the sector weight of ${lacking.map((s) => `"${s.label}"`).join(', ')}.`,
        ),
      );
    }
    o.sectors.forEach((s, si) => (sectors[si].weight = s.weight ?? NaN));
  }
  const weightSum = sectors.reduce((a, s) => a + s.weight, 0);
  const sumTol = o.weightMode === 'manual' ? MANUAL_SUM_TOL : EXACT_TOL;
  if (o.sectors.length && Number.isFinite(weightSum)) {
    const good = Math.abs(weightSum - 1) <= sumTol;
    checks.push(
      check(
        'sector-weights-sum',
        good,
        weightSum,
        1,
        sumTol,
        `Sum av sektorvektene: ${nb6(weightSum)} (skal være 1).${good ? '' : ' Den samlede nøkkelen brukes ikke før vektene summerer til 1.'}`,
        `Sum of the sector weights: ${en6(weightSum)} (must be 1).${good ? '' : ' The total key is not used until the weights add up to 1.'}`,
        undefined,
        'error',
      ),
    );
    if (!good) weightsOk = false;
  }
  for (const s of sectors)
    if (Number.isFinite(s.weight) && s.weight < 0)
      problems.push(problem('negative-sector-weight', `Sektorvekten for «${s.label}» er negativ.`, `The sector weight of "${s.label}" is negative.`, { variable: s.id }, 'warning'));

  // U: typed, else Σ U_s.
  let perCapita = NaN;
  let perCapitaFrom: TotalKeyResult['perCapitaFrom'] = 'none';
  if (o.perCapita !== null && o.perCapita !== undefined && Number.isFinite(o.perCapita)) {
    perCapita = o.perCapita;
    perCapitaFrom = 'typed';
  } else if (sectors.length && sectors.every((s) => Number.isFinite(s.spending))) {
    perCapita = sectors.reduce((a, s) => a + s.spending, 0);
    perCapitaFrom = 'spending';
  } else if (sectors.length)
    problems.push(
      problem(
        'no-total-spending',
        'Nasjonal utgift per innbygger (U) er ukjent: oppgi utgift for hver sektor eller skriv inn U. Beløp i kroner kan ikke beregnes.',
        'National spending per inhabitant (U) is unknown: give spending for every sector or type U. Amounts in kroner cannot be computed.',
        undefined,
        'warning',
      ),
    );

  const ok = weightsOk && n > 0 && sectors.every((s) => s.ok);
  const index = new Float64Array(ok ? n : 0);
  const indexBefore = new Float64Array(ok ? n : 0);
  const compared = o.sectors.some((s) => s.compareWith);
  if (ok) {
    for (const s of sectors) {
      const v = s.weight;
      const a = s.index;
      const b = s.indexBefore ?? a;
      for (let i = 0; i < n; i++) {
        index[i] += v * a[i];
        indexBefore[i] += v * b[i];
      }
    }
  }
  const m = index.length;
  const needPerCapita = new Float64Array(m);
  const equalisation = new Float64Array(m);
  const change = new Float64Array(m);
  const changePerCapita = new Float64Array(m);
  let gross = 0;
  for (let i = 0; i < m; i++) {
    needPerCapita[i] = index[i] * perCapita;
    equalisation[i] = (index[i] - 1) * perCapita * pop[i];
    changePerCapita[i] = (index[i] - indexBefore[i]) * perCapita;
    change[i] = changePerCapita[i] * pop[i];
    gross += Math.abs(equalisation[i]) + Math.abs(change[i]);
  }
  const sumChange = stableSum(change);
  const sumEqualisation = stableSum(equalisation);
  if (ok) {
    const mean = weightedMean(index, pop, populationTotal);
    const tol = allExact ? EXACT_TOL : PUBLISHED_TOL;
    const failSeverity = allExact ? 'error' : 'warning';
    checks.push(
      check(
        'total-mean-index',
        Math.abs(mean - 1) <= tol,
        mean,
        1,
        tol,
        `Befolkningsvektet gjennomsnitt av den samlede indeksen: ${nb6(mean)} (skal være 1).`,
        `Population-weighted mean of the total index: ${en6(mean)} (must be 1).`,
        undefined,
        failSeverity,
      ),
    );
    if (Number.isFinite(perCapita)) {
      // Zero up to floating point: a few ulps of the gross amount moved and of U·ΣN (the index's
      // rounding, ~1e-15, times the money base), at least 1e-6 kr; with an index column used as it
      // is, the sums inherit its rounding (PUBLISHED_TOL of U·ΣN).
      const base = Math.abs(perCapita) * populationTotal;
      const zeroTol = allExact ? Math.max(1e-6, gross * 1e-12, base * 1e-12) : PUBLISHED_TOL * base;
      checks.push(
        check(
          'equalisation-sum',
          Math.abs(sumEqualisation) <= zeroTol,
          sumEqualisation,
          0,
          zeroTol,
          `Sum av utjevningen (I − 1)·U·N over kommunene: ${kr(sumEqualisation)} kr (skal være 0).`,
          `Sum of the equalisation (I − 1)·U·N over the municipalities: ${kr(sumEqualisation)} kr (must be 0).`,
          undefined,
          failSeverity,
        ),
      );
      if (compared)
        checks.push(
          check(
            'change-sum',
            Math.abs(sumChange) <= zeroTol,
            sumChange,
            0,
            zeroTol,
            `Sum av endringene i den samlede nøkkelen: ${kr(sumChange)} kr (skal være 0).`,
            `Sum of the changes in the total key: ${kr(sumChange)} kr (must be 0).`,
            undefined,
            failSeverity,
          ),
        );
    }
  }
  const orderBy = compared ? changePerCapita : Float64Array.from(index, (x) => (x - 1) * (Number.isFinite(perCapita) ? perCapita : 1));
  return {
    ok,
    year,
    units,
    names,
    population: pop,
    populationTotal,
    nCandidates: rows.length,
    excluded,
    sectors,
    weightMode: o.weightMode,
    weightSum,
    perCapita,
    perCapitaFrom,
    compared,
    index,
    indexBefore,
    needPerCapita,
    equalisation,
    change,
    changePerCapita,
    order: sortedOrder(orderBy),
    sumChange,
    sumEqualisation,
    checks,
    problems,
  };
}
