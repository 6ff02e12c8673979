/**
 * Reads any saved spec version and returns a current, validated AnalysisSpec, or problems. Older
 * versions may also hold view state (what the user was looking at); it comes back as `view`, so a
 * restored session or an opened project shows the same municipality, grouping and slides as before.
 */
import { analysisSpecSchema, SPEC_VERSION, type AnalysisSpec } from './schema';
import { viewStateSchema, type ViewState } from './viewState';
import { problem, type Problem } from '../engine/problem';
import { checkSpecLimits } from './limits';

type Json = Record<string, unknown>;
/** Turns version v into v+1; view state found in the old spec goes into `view`. */
type Migration = (old: Json, view: Json) => Json;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Takes `key` out of `obj` (when present), returning the rest and the value. */
function take(obj: Json, key: string): [Json, unknown] {
  if (!(key in obj)) return [obj, undefined];
  const { [key]: value, ...rest } = obj;
  return [rest, value];
}

/** v1 → v2: one top-level section per worker stage; view state out of the spec. */
function v1ToV2(old: Json, view: Json): Json {
  const out: Json = { ...old };
  if (isObject(out.costKey)) {
    const [rest, total] = take(out.costKey, 'total');
    // Version 1 evaluated ŷ of a pooled model at the base year (its year effect left out); old files
    // keep that choice, now stated in the view, where newer analyses default to the key year.
    out.costKey = { yearEffect: 'base-year', ...rest };
    if (total !== undefined && out.totalKey === undefined) out.totalKey = total;
  }
  if (isObject(out.variables)) {
    const [rest, describe] = take(out.variables, 'describe');
    out.variables = rest;
    if (describe !== undefined && out.describe === undefined) out.describe = describe;
  }
  // Version 1 counted a criterion as significant in a year at the results table's second star level.
  const stars = isObject(out.models) && Array.isArray(out.models.stars) ? out.models.stars : [0.01, 0.05, 0.1];
  const alpha: unknown = stars[1] ?? 0.05;
  let stability: Json = {};
  if (isObject(out.explained)) {
    const [rest, st] = take(out.explained, 'stability');
    out.explained = rest;
    if (isObject(st)) stability = st;
  }
  if (out.stability === undefined) out.stability = { ...stability, alpha };
  if (isObject(out.redistribution)) {
    let [rest, mine] = take(out.redistribution, 'myMunicipality');
    if (mine !== undefined) view.myMunicipality = mine;
    [rest, mine] = take(rest, 'groupBy');
    if (mine !== undefined) view.redistributionGroupBy = mine;
    out.redistribution = rest;
  }
  if (isObject(out.present)) {
    if (out.present.slides !== undefined) view.slides = out.present.slides;
    if (out.present.csvStyle !== undefined) view.csvStyle = out.present.csvStyle;
  }
  delete out.present;
  return out;
}

/** migrations[v] turns version v into v+1. */
const migrations: Record<number, Migration> = { 1: v1ToV2 };

/** Where a view-state field lived in version 1, for problems about it. */
const legacyPath: Record<string, string> = {
  myMunicipality: 'redistribution.myMunicipality',
  redistributionGroupBy: 'redistribution.groupBy',
  slides: 'present.slides',
  csvStyle: 'present.csvStyle',
};

export type LoadedSpec = { ok: true; spec: AnalysisSpec; view: Partial<ViewState> } | { ok: false; problems: Problem[] };

const invalid = (path: string, message: string) =>
  problem('spec-invalid', `Ugyldig verdi i analysefila ved «${path}»: ${message}`, `Invalid value in the analysis file at "${path}": ${message}`, { column: path });

export function loadSpec(raw: unknown): LoadedSpec {
  if (typeof raw !== 'object' || raw === null) {
    return { ok: false, problems: [problem('spec-not-object', 'Analysefila er ikke et JSON-objekt.', 'The analysis file is not a JSON object.')] };
  }
  let obj = { ...(raw as Json) };
  let v = typeof obj.version === 'number' ? obj.version : 0;
  if (v > SPEC_VERSION) {
    return {
      ok: false,
      problems: [problem('spec-too-new', `Analysefila har versjon ${v}, men denne appen leser bare opp til versjon ${SPEC_VERSION}.`, `The analysis file has version ${v}; this app reads up to version ${SPEC_VERSION}.`)],
    };
  }
  const view: Json = {};
  while (v < SPEC_VERSION) {
    const m = migrations[v];
    if (!m) {
      return { ok: false, problems: [problem('spec-unknown-version', `Ukjent versjon ${v} av analysefila.`, `Unknown analysis file version ${v}.`)] };
    }
    obj = { ...m(obj, view), version: v + 1 };
    v += 1;
  }
  // Before validation: validating (and later fitting) 10^6 models is what hung the page.
  const over = checkSpecLimits(obj);
  if (over.length > 0) return { ok: false, problems: over };
  const parsed = analysisSpecSchema.safeParse(obj);
  // A view-state field of an old file is checked as strictly as it was when it was part of the spec.
  const shape = viewStateSchema.shape;
  const viewOut: Json = {};
  const viewIssues: Problem[] = [];
  for (const [key, value] of Object.entries(view)) {
    const field = shape[key as keyof ViewState].safeParse(value);
    if (field.success) viewOut[key] = field.data;
    else viewIssues.push(...field.error.issues.map((i) => invalid([legacyPath[key], ...i.path].join('.'), i.message)));
  }
  if (!parsed.success || viewIssues.length) {
    const specIssues = parsed.success ? [] : parsed.error.issues.map((i) => invalid(i.path.join('.'), i.message));
    return { ok: false, problems: [...specIssues, ...viewIssues].slice(0, 10) };
  }
  return { ok: true, spec: structuredClone(parsed.data), view: structuredClone(viewOut) as Partial<ViewState> };
}
