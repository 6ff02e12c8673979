/**
 * Entry point of the estimation engine: one ModelSpec on one Table → one or more fits. The worker,
 * the CLI and the oracle tests all go through here, so the dashboard and the scripts agree.
 */
import { problem, type Problem } from '../problem';
import { columnAsText, getNumeric, type NumericColumn, type Table } from '../table';
import { fitDesign, tooFewObservations, type DesignOutcome } from '../ols/fit';
import { columnNorms } from '../linalg/qr';
import { buildDesign, demeanByGroup, groupIds, indexValues, type DesignMatrix } from './design';
import { filterRows, listwise, unknownVariable, type UsedVariable } from './sample';
import { YEAR_INTERACTION, type DroppedRow, type FitFailure, type FitOutcome, type FitSuccess, type ModelResult, type ModelSpec } from './types';
import { fitRobust } from '../estimators/robust';
import { fitQuantile } from '../estimators/quantile';
import { fitRandomEffects } from '../estimators/randomEffects';
import { waldTest } from '../ols/wald';

interface Resolved {
  y: NumericColumn;
  /** Regressors, controls and criterion × criterion products, in design order. */
  slopes: NumericColumn[];
  /** Variables interacted with the year: `x:year_<t>` columns are made per sample. */
  yearInteractions: NumericColumn[];
  weights: NumericColumn | null;
  yearCol: NumericColumn | null;
  unitText: string[] | null;
  clusterText: string[] | null;
  clusterName: string | null;
  used: UsedVariable[];
}

export function fitModel(table: Table, spec: ModelSpec): ModelResult {
  const design = spec.design;
  const refuse = (p: Problem, dropped: DroppedRow[] = []): ModelResult => ({
    design,
    fits: [{ year: null, outcome: { ok: false, problem: p, n: 0, k: 0, dropped } }],
  });
  const resolved = resolve(table, spec);
  if ('problem' in resolved) return refuse(resolved.problem);
  const filtered = filterRows(table, spec.sample);
  if ('problem' in filtered) return refuse(filtered.problem);
  const sample = listwise(table, filtered.rows, resolved.used, resolved.weights);
  if ('problem' in sample) return refuse(sample.problem);
  const { rows, dropped } = sample;

  if (design === 'per-year') {
    const yearCol = resolved.yearCol as NumericColumn;
    const { levels: years, ids } = indexValues(yearCol.values, rows);
    if (years.length === 0) return refuse(emptySample(), dropped);
    // Bucket rows by year in one pass over the year index (typed-array filter per year is slow in V8).
    const counts = new Int32Array(years.length);
    for (let i = 0; i < rows.length; i++) counts[ids[i]]++;
    const buckets = years.map((_, j) => new Int32Array(counts[j]));
    counts.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const j = ids[i];
      buckets[j][counts[j]++] = rows[i];
    }
    // Each year stands alone: a year that cannot be estimated carries its own refusal, named by
    // its year («2024: bare 1 observasjon …»), and the other years are returned as fitted.
    const fits = years.map((year, j) => {
      const own = dropped.filter((d) => d.year === undefined || d.year === year);
      return { year, outcome: withYear(fitRows(table, spec, resolved, buckets[j], own, false), year) };
    });
    return { design, fits };
  }
  if (rows.length === 0) return refuse(emptySample(), dropped);
  const withYears = spec.yearEffects && (design === 'pooled' || design === 'within' || design === 'random');
  return { design, fits: [{ year: null, outcome: fitRows(table, spec, resolved, rows, dropped, withYears) }] };
}

function fitRows(
  table: Table,
  spec: ModelSpec,
  r: Resolved,
  rows: Int32Array,
  dropped: DroppedRow[],
  withYears: boolean,
): FitOutcome {
  const yi = r.yearCol ? indexValues(r.yearCol.values, rows) : null;
  const years = yi ? yi.levels : [];
  const within = spec.design === 'within';
  const random = spec.design === 'random';
  const estimator = spec.estimator ?? 'ols';
  // The grouped (compact) solver serves OLS only; the other estimators read every column.
  const compact = !within && !random && estimator === 'ols';
  const interacted = r.yearCol && yi ? yearInteractionColumns(r.yearInteractions, r.yearCol.values, years) : [];
  const d = buildDesign({
    rows,
    y: r.y,
    slopes: [...r.slopes, ...interacted.flatMap((g) => g.columns)],
    intercept: within ? false : spec.intercept,
    // Level 0 (the first year present) is the base, so the year index is the dummy group id.
    yearDummies: withYears && r.yearCol && yi ? { values: r.yearCol.values, years: years.slice(1), ids: yi.ids } : null,
    weights: r.weights,
    compact,
  });
  const yMean = weightedMean(d.y, d.weights);
  // Too few rows first: one observation is also "constant", which would name the wrong cause.
  if (d.n <= d.k) return { ...tooFewObservations(d.n, d.k), dropped };
  if (isConstant(d.y)) return failure(constantDependent(spec.dependent), d, dropped);

  let clusters: Int32Array | null = null;
  let nClusters = 0;
  if (spec.se === 'cluster' && r.clusterText && estimator === 'ols' && !random) {
    const g = groupIds(r.clusterText, rows);
    clusters = g.ids;
    nClusters = g.count;
  }
  let outcome: DesignOutcome;
  let nUnits: number | undefined;
  let usedRows = rows;
  let extra: Pick<FitSuccess, 'estimator' | 'warnings'> = { warnings: [] };
  const plain = { x: d.x, n: d.n, k: d.k, y: d.y, names: d.names, intercept: d.intercept };
  if (random) {
    const units = groupIds(r.unitText as string[], rows);
    nUnits = units.count;
    const re = fitRandomEffects({ ...plain, units: units.ids, nUnits: units.count });
    outcome = re.outcome;
    if (re.info) extra = { estimator: re.info, warnings: re.warnings };
  } else if (estimator === 'robust') {
    const rr = fitRobust(plain);
    outcome = rr.outcome;
    if (rr.info && rr.kept) {
      usedRows = Int32Array.from(rr.kept, (i) => rows[i]);
      const screened = rr.info.screened.map((i) => rows[i]);
      extra = { estimator: { ...rr.info, screened }, warnings: [] };
      // Nothing leaves silently: the Cook's D screen is listed with the dropped rows, with its reason.
      dropped = [...dropped, ...screened.map((row) => screenedRow(table, r, row, spec.dependent))];
    }
  } else if (estimator === 'median' || estimator === 'quantile') {
    const tau = estimator === 'median' ? 0.5 : (spec.tau ?? 0.5);
    const q = fitQuantile(plain, tau, spec.se === 'hc1' ? 'ker' : 'iid');
    outcome = q.outcome;
    if (q.info) {
      const warnings = q.info.nonunique ? [nonuniqueWarning()] : [];
      extra = { estimator: q.info, warnings };
    }
  } else if (within) {
    const units = groupIds(r.unitText as string[], rows);
    nUnits = units.count;
    if (clusters) {
      const notNested = clustersNotNested(units.ids, units.count, clusters, r.unitText as string[], rows);
      if (notNested) return failure(notNestedProblem(r.clusterName ?? '', notNested), d, dropped);
    }
    if (constantWithinGroups(d.y, units.ids, units.count)) return failure(constantDependent(spec.dependent), d, dropped);
    const referenceNorms = scaledNorms(d);
    const tssTotal = centredSS(d.y, d.weights);
    demeanByGroup(d, units.ids, units.count);
    outcome = fitDesign({
      x: d.x, n: d.n, k: d.k, y: d.y, names: d.names, intercept: -1, weights: d.weights,
      clusters, nClusters, se: spec.se, referenceNorms, residuals: false,
      absorbed: { count: units.count, tssTotal, clusterK: d.k + 1 },
    });
  } else {
    outcome = fitDesign({
      x: d.x, n: d.n, k: d.k, y: d.y, names: d.names, intercept: d.intercept, weights: d.weights,
      clusters, nClusters, se: spec.se, residuals: false,
      groups: d.intercept >= 0 && d.yearGroups ? { ...d.yearGroups, compact: d.compact } : null,
    });
  }
  if (!outcome.ok) {
    if ((within || random) && outcome.problem.code === 'collinear') {
      // After demeaning, a variable that never changes within a unit is absorbed by the unit effects.
      outcome.problem.message += ' I within-modellen kan variabler som er konstante innen hver enhet, ikke estimeres.';
      outcome.problem.messageEn += ' In the within model, variables that are constant within every unit cannot be estimated.';
    }
    return { ...outcome, dropped };
  }
  const { residuals: _residuals, ...stats } = outcome; // none were asked for; keep them off the result
  const success: FitSuccess = { ...stats, rows: usedRows, years, yMean, dropped, ...extra };
  if (nUnits !== undefined) success.nUnits = nUnits;
  const tests = interacted.map((g) => waldTest(success, g.columns.map((c) => c.name), g.variable)).filter((t) => t !== null);
  if (tests.length > 0) success.waldTests = tests;
  return success;
}

function screenedRow(table: Table, r: Resolved, row: number, dependent: string): DroppedRow {
  const d: DroppedRow = { row, variables: [dependent], reasons: ['cooks-d'] };
  const unit = table.unit ? columnAsText(table, table.unit) : undefined;
  if (unit && unit[row] !== '') d.unit = unit[row];
  if (r.yearCol && r.yearCol.missing[row] === 0) d.year = r.yearCol.values[row];
  return d;
}

/** x·1{year = t} for every year of the sample but the first (the reference), per interacted x. */
function yearInteractionColumns(vars: NumericColumn[], year: Float64Array, years: number[]): { variable: string; columns: NumericColumn[] }[] {
  return vars.map((v) => ({
    variable: v.name,
    columns: years.slice(1).map((t) => {
      const values = new Float64Array(v.values.length);
      for (let i = 0; i < values.length; i++) values[i] = year[i] === t ? v.values[i] : 0;
      return { kind: 'number' as const, name: `${v.name}:year_${t}`, values, missing: v.missing };
    }),
  }));
}

function nonuniqueWarning(): Problem {
  return problem(
    'nonunique',
    'Kvantilregresjonen har ikke en entydig løsning: andre koeffisienter passer dataene like godt (som quantreg varsler «Solution may be nonunique»).',
    'The quantile regression has no unique solution: other coefficients fit the data equally well (quantreg warns "Solution may be nonunique").',
    undefined,
    'warning',
  );
}

function resolve(table: Table, spec: ModelSpec): Resolved | { problem: Problem } {
  const used: UsedVariable[] = [];
  const numeric = (name: string): NumericColumn | Problem => {
    const c = table.columns.get(name);
    if (!c) return unknownVariable(name);
    if (c.kind !== 'number') {
      return problem('not-numeric', `Variabelen ${name} er ikke numerisk.`, `Variable ${name} is not numeric.`, { variable: name });
    }
    return c;
  };
  const isProblem = (v: NumericColumn | Problem): v is Problem => 'code' in v;
  const y = numeric(spec.dependent);
  if (isProblem(y)) return { problem: y };
  used.push({ name: y.name, numeric: y, text: null });
  const slopes: NumericColumn[] = [];
  const seen = new Set<string>([spec.dependent]);
  for (const name of [...spec.regressors, ...(spec.controls ?? [])]) {
    if (seen.has(name)) {
      return {
        problem: problem('duplicate-variable', `Variabelen ${name} er brukt to ganger i modellen.`, `Variable ${name} is used twice in the model.`, { variable: name, variables: [name] }),
      };
    }
    seen.add(name);
    const c = numeric(name);
    if (isProblem(c)) return { problem: c };
    slopes.push(c);
    used.push({ name, numeric: c, text: null });
  }
  const interactions = spec.interactions ?? [];
  const mainEffects = new Set([...spec.regressors, ...(spec.controls ?? [])]);
  const yearInteractions: NumericColumn[] = [];
  for (const it of interactions) {
    if (!mainEffects.has(it.variable)) return { problem: interactionMainEffect(it.variable) };
    const a = slopes[[...spec.regressors, ...(spec.controls ?? [])].indexOf(it.variable)];
    if (it.with === YEAR_INTERACTION) {
      if (spec.design === 'per-year' || spec.design === 'single') {
        return {
          problem: problem(
            'interaction-design',
            `Samspill mellom ${it.variable} og år krever flere år i samme modell (samlet, within eller tilfeldige effekter), ikke ett tverrsnitt.`,
            `An interaction of ${it.variable} with the year needs several years in one model (pooled, within or random effects), not one cross-section.`,
            { variable: it.variable },
          ),
        };
      }
      if (yearInteractions.some((c) => c.name === it.variable)) return { problem: duplicateTerm(`${it.variable}:${YEAR_INTERACTION}`) };
      yearInteractions.push(a);
      continue;
    }
    const b = numeric(it.with);
    if (isProblem(b)) return { problem: b };
    const name = `${it.variable}:${it.with}`;
    if (slopes.some((c) => c.name === name || c.name === `${it.with}:${it.variable}`)) return { problem: duplicateTerm(name) };
    slopes.push(productColumn(name, a, b));
    if (!used.some((u) => u.name === b.name)) used.push({ name: b.name, numeric: b, text: null });
  }
  const estimator = spec.estimator ?? 'ols';
  if (estimator !== 'ols') {
    const what = estimator === 'robust' ? ['Robust regresjon', 'Robust regression'] : ['Kvantilregresjon', 'Quantile regression'];
    if (spec.design === 'within' || spec.design === 'random') {
      return { problem: problem('estimator-design', `${what[0]} er tilgjengelig for tverrsnitt per år, samlet og enkelt utvalg, ikke for faste eller tilfeldige effekter.`, `${what[1]} is available for per-year cross-sections, pooled and single samples, not with fixed or random effects.`) };
    }
    if (spec.weights) return { problem: problem('estimator-weights', `${what[0]} tar ikke vekter (som Stata).`, `${what[1]} takes no weights (as in Stata).`, { variable: spec.weights }) };
    if (estimator !== 'robust' && spec.se === 'cluster') {
      return { problem: problem('estimator-se', 'Kvantilregresjon har iid- eller kjerne-standardfeil (velg klassiske eller robuste), ikke klyngerobuste.', 'Quantile regression has iid or kernel standard errors (choose classical or robust), not cluster-robust ones.') };
    }
    if (estimator === 'quantile' && !(spec.tau !== undefined && spec.tau > 0 && spec.tau < 1)) {
      return { problem: problem('invalid-tau', `Kvantilen τ må ligge mellom 0 og 1 (fikk ${spec.tau}).`, `The quantile τ must lie between 0 and 1 (got ${spec.tau}).`) };
    }
  }
  if (spec.design === 'random') {
    if (spec.se !== 'classical') return { problem: problem('estimator-se', 'Tilfeldige effekter gir klassiske standardfeil (som plm og Stata xtreg, re); velg klassiske.', 'Random effects give classical standard errors (as plm and Stata xtreg, re); choose classical.') };
    if (spec.weights) return { problem: problem('estimator-weights', 'Tilfeldige effekter tar ikke vekter.', 'Random effects take no weights.', { variable: spec.weights }) };
    if (!spec.intercept) return { problem: problem('needs-intercept', 'Tilfeldige effekter krever et konstantledd.', 'Random effects need an intercept.') };
  }
  const needsYear =
    spec.design === 'per-year' ||
    yearInteractions.length > 0 ||
    (spec.yearEffects && (spec.design === 'pooled' || spec.design === 'within' || spec.design === 'random'));
  let yearCol: NumericColumn | null = null;
  if (table.year) yearCol = getNumeric(table, table.year) ?? null;
  if (needsYear) {
    if (!yearCol) return { problem: noKeyColumn('år', 'year', table.year) };
    used.push({ name: yearCol.name, numeric: yearCol, text: null });
  }
  let unitText: string[] | null = null;
  if (spec.design === 'within' || spec.design === 'random') {
    unitText = table.unit ? (columnAsText(table, table.unit) ?? null) : null;
    if (!unitText || !table.unit) return { problem: noKeyColumn('enhets', 'unit', table.unit) };
    used.push({ name: table.unit, numeric: null, text: unitText });
  }
  let weights: NumericColumn | null = null;
  if (spec.weights) {
    const w = numeric(spec.weights);
    if (isProblem(w)) return { problem: w };
    weights = w;
    used.push({ name: w.name, numeric: w, text: null });
  }
  let clusterText: string[] | null = null;
  let clusterName: string | null = null;
  if (spec.se === 'cluster') {
    const name = spec.cluster ?? table.unit;
    clusterName = name ?? null;
    if (!name) return { problem: noKeyColumn('klynge', 'cluster', undefined) };
    const text = columnAsText(table, name);
    if (!text) return { problem: unknownVariable(name) };
    clusterText = text;
    if (!used.some((u) => u.name === name)) {
      const c = table.columns.get(name);
      used.push(c && c.kind === 'number' ? { name, numeric: c, text: null } : { name, numeric: null, text });
    }
  }
  return { y, slopes, yearInteractions, weights, yearCol, unitText, clusterText, clusterName, used };
}

/** a·b over the whole table, missing where either is. */
function productColumn(name: string, a: NumericColumn, b: NumericColumn): NumericColumn {
  const n = a.values.length;
  const values = new Float64Array(n);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = a.values[i] * b.values[i];
    missing[i] = a.missing[i] || b.missing[i];
  }
  return { kind: 'number', name, values, missing };
}

function interactionMainEffect(name: string): Problem {
  return problem(
    'interaction-main-effect',
    `Samspillet med ${name} krever at ${name} også er med i modellen som kriterium eller kontroll.`,
    `The interaction with ${name} needs ${name} in the model as well, as a criterion or a control.`,
    { variable: name },
  );
}

function duplicateTerm(name: string): Problem {
  return problem('duplicate-variable', `Leddet ${name} er brukt to ganger i modellen.`, `The term ${name} is used twice in the model.`, { variable: name });
}

/** A per-year fit's refusal names its year first (and in `where`), so a list of them reads alone. */
function withYear(o: FitOutcome, year: number): FitOutcome {
  if (o.ok) return o;
  const lower = (m: string): string => (/^\p{Lu}\p{Ll}/u.test(m) ? m[0].toLowerCase() + m.slice(1) : m);
  const p = o.problem;
  return { ...o, problem: { ...p, message: `${year}: ${lower(p.message)}`, messageEn: `${year}: ${lower(p.messageEn)}`, where: { ...p.where, year } } };
}

/**
 * The within estimator's cluster-robust SE assume each unit inside one cluster (its absorbed effect
 * is then nested in the clusters, K = slopes + 1). Stata's xtreg, fe refuses otherwise ("panels are
 * not nested within clusters"); so do we. Returns a unit in several clusters and how many, or null.
 */
function clustersNotNested(
  unitIds: Int32Array,
  nUnits: number,
  clusters: Int32Array,
  unitText: string[],
  rows: Int32Array,
): { unit: string; clusters: number } | null {
  const first = new Int32Array(nUnits).fill(-1);
  let bad = -1;
  for (let i = 0; i < unitIds.length; i++) {
    const u = unitIds[i];
    if (first[u] < 0) first[u] = clusters[i];
    else if (first[u] !== clusters[i]) {
      bad = u;
      break;
    }
  }
  if (bad < 0) return null;
  const seen = new Set<number>();
  let unit = '';
  for (let i = 0; i < unitIds.length; i++) {
    if (unitIds[i] !== bad) continue;
    seen.add(clusters[i]);
    unit = unitText[rows[i]];
  }
  return { unit, clusters: seen.size };
}

function notNestedProblem(cluster: string, v: { unit: string; clusters: number }): Problem {
  return problem(
    'cluster-not-nested',
    `Klyngene (${cluster}) er ikke nøstet i enhetene: enhet ${v.unit} ligger i ${v.clusters} klynger. Within-modellen (som Stata xtreg, fe) krever at hver enhet hører til én klynge; grupper på enheten eller en grovere inndeling som fylke.`,
    `The clusters (${cluster}) are not nested in the units: unit ${v.unit} lies in ${v.clusters} clusters. The within model (as Stata's xtreg, fe) needs each unit in one cluster; cluster by the unit or a coarser grouping such as county.`,
    { variable: cluster },
  );
}

function failure(p: Problem, d: DesignMatrix, dropped: DroppedRow[]): FitFailure {
  return { ok: false, problem: p, n: d.n, k: d.k, dropped };
}

function isConstant(y: Float64Array): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

function constantWithinGroups(y: Float64Array, ids: Int32Array, count: number): boolean {
  const first = new Float64Array(count).fill(NaN);
  for (let i = 0; i < y.length; i++) {
    const f = first[ids[i]];
    if (Number.isNaN(f)) first[ids[i]] = y[i];
    else if (f !== y[i]) return false;
  }
  return true;
}

function weightedMean(y: Float64Array, w: Float64Array | null): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    s += wi * y[i];
    sw += wi;
  }
  return s / sw;
}

function centredSS(y: Float64Array, w: Float64Array | null): number {
  const m = weightedMean(y, w);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (w ? w[i] : 1) * (y[i] - m) * (y[i] - m);
  return s;
}

/** Norms of the √w-scaled columns before demeaning: the scale the within rank test is relative to. */
function scaledNorms(d: DesignMatrix): Float64Array {
  if (!d.weights) return columnNorms(d.x, d.n, d.k);
  const s = new Float64Array(d.n * d.k);
  for (let c = 0; c < d.k; c++) for (let i = 0; i < d.n; i++) s[c * d.n + i] = d.x[c * d.n + i] * Math.sqrt(d.weights[i]);
  return columnNorms(s, d.n, d.k);
}

function constantDependent(name: string): Problem {
  return problem(
    'constant-dependent',
    `Den avhengige variabelen ${name} er konstant i utvalget${''}; modellen kan ikke estimeres.`,
    `The dependent variable ${name} is constant in the sample; the model cannot be estimated.`,
    { variable: name },
  );
}

function emptySample(): Problem {
  return problem('empty-sample', 'Ingen observasjoner igjen etter utvalg og fjerning av manglende verdier.', 'No observations left after the sample filter and listwise deletion.');
}

function noKeyColumn(nb: string, en: string, name: string | undefined): Problem {
  return problem(
    'missing-key-column',
    `Modellen trenger en ${nb}kolonne${name ? ` (${name} er ikke numerisk eller finnes ikke)` : ''}.`,
    `The model needs a ${en} column${name ? ` (${name} is missing or not numeric)` : ''}.`,
    name ? { column: name } : undefined,
  );
}
