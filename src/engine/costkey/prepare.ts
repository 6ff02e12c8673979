/**
 * Precomputation for the fast update path: national values x̄_j = Σ n_i·x_ij / Σ n_i and the ratio
 * matrix r_ji = x_ij/x̄_j, computed once per (data, year, criteria). Changing a weight then only costs
 * a k×n multiply-add (see index.ts), which is what keeps a slider responsive for ~357 municipalities.
 * Units with a missing population or criterion are left out (and reported): they cannot carry an index.
 */
import { problem, type Problem } from '../problem';

export interface CriterionInput {
  name: string;
  /** Value per inhabitant (share, or kr per inhabitant for controls), one per unit. */
  values: ArrayLike<number>;
}

export interface PreparedCriteria {
  /** Unit ids of the kept units, in input order. */
  units: string[];
  /** Positions of the kept units in the input arrays. */
  rows: Int32Array;
  population: Float64Array;
  populationTotal: number;
  criteria: string[];
  /** x̄_j per criterion. */
  national: Float64Array;
  /** Row-major k×n: ratios[j*n + i] = x_ij / x̄_j. */
  ratios: Float64Array;
  problems: Problem[];
}

/**
 * Population-weighted national value of one column over the given rows (Σ n_i·x_i / Σ n_i). Rows
 * whose value is missing are left out of both sums, so a spending figure missing for one
 * municipality does not make the national figure unknown (the caller reports those rows).
 */
export function nationalMean(values: ArrayLike<number>, population: ArrayLike<number>, rows?: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  const n = rows ? rows.length : values.length;
  for (let r = 0; r < n; r++) {
    const i = rows ? rows[r] : r;
    if (!Number.isFinite(values[i])) continue;
    num += population[i] * values[i];
    den += population[i];
  }
  return num / den;
}

/**
 * `populationName` names the population variable in the messages about a unit left out for its
 * population (their `where.variable`), so the views that use that variable show them.
 */
export function prepareCriteria(units: string[], population: ArrayLike<number>, criteria: CriterionInput[], populationName = 'population'): PreparedCriteria {
  const problems: Problem[] = [];
  const keep: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const p = population[i];
    let ok = Number.isFinite(p) && p > 0;
    let bad = ok ? '' : populationName;
    if (ok) {
      for (const c of criteria) {
        if (!Number.isFinite(c.values[i])) {
          ok = false;
          bad = c.name;
          break;
        }
      }
    }
    if (ok) keep.push(i);
    else if (Number.isFinite(p) && p <= 0)
      // A population of 0 or below is a value, only an impossible one: say so, not «missing».
      problems.push(
        problem(
          'population-not-positive',
          `Enhet ${units[i]} har befolkning ${String(p).replace('-', '−')} (null eller negativ) og får ingen indeks.`,
          `Unit ${units[i]} has a population of ${p} (zero or negative) and gets no index.`,
          { unit: units[i], variable: bad },
          'warning',
        ),
      );
    else
      problems.push(
        problem(
          'unit-without-index',
          `Enhet ${units[i]} mangler verdi for «${bad}» og får ingen indeks.`,
          `Unit ${units[i]} has no value for "${bad}" and gets no index.`,
          { unit: units[i], variable: bad },
          'warning',
        ),
      );
  }
  const n = keep.length;
  const k = criteria.length;
  const rows = Int32Array.from(keep);
  const pop = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    pop[r] = population[rows[r]];
    total += pop[r];
  }
  const national = new Float64Array(k);
  const ratios = new Float64Array(k * n);
  criteria.forEach((c, j) => {
    const xbar = nationalMean(c.values, population, rows);
    national[j] = xbar;
    if (xbar === 0 || !Number.isFinite(xbar))
      problems.push(
        problem(
          'zero-national-value',
          `Nasjonal verdi for «${c.name}» er null; kriteriet kan ikke brukes i en indeks.`,
          `The national value of "${c.name}" is zero; the criterion cannot be used in an index.`,
          { variable: c.name },
        ),
      );
    for (let r = 0; r < n; r++) ratios[j * n + r] = c.values[rows[r]] / xbar;
  });
  return { units: keep.map((i) => units[i]), rows, population: pop, populationTotal: total, criteria: criteria.map((c) => c.name), national, ratios, problems };
}
