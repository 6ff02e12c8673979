/** Reads any saved spec version and returns a current, validated AnalysisSpec, or problems. */
import { analysisSpecSchema, SPEC_VERSION, type AnalysisSpec } from './schema';
import { problem, type Problem } from '../engine/problem';

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
/** migrations[v] turns version v into v+1. */
const migrations: Record<number, Migration> = {};

export function loadSpec(raw: unknown): { ok: true; spec: AnalysisSpec } | { ok: false; problems: Problem[] } {
  if (typeof raw !== 'object' || raw === null) {
    return { ok: false, problems: [problem('spec-not-object', 'Analysefila er ikke et JSON-objekt.', 'The analysis file is not a JSON object.')] };
  }
  let obj = { ...(raw as Record<string, unknown>) };
  let v = typeof obj.version === 'number' ? obj.version : 0;
  if (v > SPEC_VERSION) {
    return {
      ok: false,
      problems: [problem('spec-too-new', `Analysefila har versjon ${v}, men denne appen leser bare opp til versjon ${SPEC_VERSION}.`, `The analysis file has version ${v}; this app reads up to version ${SPEC_VERSION}.`)],
    };
  }
  while (v < SPEC_VERSION) {
    const m = migrations[v];
    if (!m) {
      return { ok: false, problems: [problem('spec-unknown-version', `Ukjent versjon ${v} av analysefila.`, `Unknown analysis file version ${v}.`)] };
    }
    obj = m(obj);
    v += 1;
  }
  const parsed = analysisSpecSchema.safeParse(obj);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 10).map((i) =>
        problem('spec-invalid', `Ugyldig verdi i analysefila ved «${i.path.join('.')}»: ${i.message}`, `Invalid value in the analysis file at "${i.path.join('.')}": ${i.message}`, { column: i.path.join('.') }),
      ),
    };
  }
  return { ok: true, spec: structuredClone(parsed.data) };
}
