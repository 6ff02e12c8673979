/**
 * The one orchestration of the analysis commands: arguments → AnalysisSpec → the worker's Pipeline
 * (src/worker/pipeline.ts) → results. A command builds the spec (its `--data` file as a ready-table
 * source), `--print-spec` prints it, and `runAnalysis` reads the files into the same Pipeline the
 * dashboard's worker uses and runs the stages whose results the command prints (and those they read).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { problem, type Problem } from '../src/engine/problem';
import { checkFileSize } from '../src/ingest/limits';
import { failedSource } from '../src/ingest/result';
import type { ImportedSource } from '../src/ingest/index';
import { analysisSpecSchema, emptySpec, type AnalysisSpec } from '../src/spec/schema';
import { sourceSpecSchema, type SourceSpec } from '../src/spec/sections/data';
import type { AnalysisResults, SectionKey } from '../src/results/analysisResults';
import { Pipeline } from '../src/worker/pipeline';
import { defaultDeps } from '../src/worker/engine';
import { stages } from '../src/worker/stages';
import { UsageError } from './options';

/** A spec to fill in: the dashboard's defaults for everything the command does not set. */
export function newSpec(title: string): AnalysisSpec {
  const spec = emptySpec();
  spec.title = title;
  return spec;
}

/** `--data FILE` as a ready tidy table: its columns as they are, keyed by the given columns. */
export function tableSource(id: string, path: string, keys: { unit?: string | null; year?: string | null; name?: string | null }): SourceSpec {
  return sourceSpecSchema.parse({
    id,
    fileName: basename(path),
    format: 'csv',
    table: { unit: keys.unit ?? null, year: keys.year ?? null, name: keys.name ?? null },
  });
}

/** The spec as the schema reads it (defaults filled in), or a refusal naming the bad value. */
export function checkedSpec(spec: AnalysisSpec): AnalysisSpec {
  const parsed = analysisSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new UsageError(`ugyldig verdi i analysen ved «${i.path.join('.')}»: ${i.message} / invalid value in the analysis at "${i.path.join('.')}": ${i.message}`);
  }
  return structuredClone(parsed.data);
}

export function printSpec(spec: AnalysisSpec): number {
  process.stdout.write(`${JSON.stringify(spec, null, 2)}\n`);
  return 0;
}

export interface AnalysisRun {
  results: AnalysisResults;
  pipeline: Pipeline;
  /** What reading the files reported. */
  problems: Problem[];
}

/**
 * Reads each source of the spec from `files` (source id → path) into a Pipeline with the stages of
 * `sections` (in the worker's order). Returns the spec with each source as the reader resolved it
 * (detected mapping filled in), as the worker does. A ready-table source that cannot be read is an
 * error: the commands have nothing to compute without it.
 */
/** Why a file cannot be read, found from its size and kind alone (nothing is read). */
function refuseFile(path: string, name: string): { problem: Problem; size: number } | null {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (err) {
    const why = err instanceof Error && 'code' in err && err.code === 'ENOENT' ? ['finnes ikke', 'does not exist'] : ['kan ikke leses', 'cannot be read'];
    return { problem: problem('file-unreadable', `${name}: fila ${why[0]} (${path}).`, `${name}: the file ${why[1]} (${path}).`, { file: name }), size: 0 };
  }
  const tooLarge = checkFileSize(name, size);
  return tooLarge ? { problem: tooLarge, size } : null;
}

export async function loadSources(
  spec: AnalysisSpec,
  files: Record<string, string>,
  sections: SectionKey[] = [],
): Promise<{ spec: AnalysisSpec; pipeline: Pipeline; problems: Problem[]; refused: Map<string, ImportedSource> }> {
  const pipeline = new Pipeline(
    defaultDeps,
    stages.filter((s) => sections.includes(s.key)),
  );
  const problems: Problem[] = [];
  const sources: SourceSpec[] = [];
  const refused = new Map<string, ImportedSource>();
  for (const source of spec.data.sources) {
    const path = files[source.id];
    if (!path) {
      sources.push(source);
      continue;
    }
    // Checked before the file is read into memory: missing, not a file, or over the size
    // limit is a message (and exit 1 in inspect/import), never a stack trace or an out-of-memory abort.
    const refusal = refuseFile(path, source.fileName);
    if (refusal) {
      problems.push(refusal.problem);
      refused.set(source.id, failedSource(source, { format: 'unknown' }, [refusal.problem], refusal.size));
      if (source.table) throw new Error(`${refusal.problem.message} / ${refusal.problem.messageEn}`);
      sources.push(source);
      continue;
    }
    const out = await pipeline.importFile({ name: source.fileName, bytes: new Uint8Array(readFileSync(path)) }, source);
    // Nothing could be read: the pipeline keeps nothing (as in the dashboard), the CLI still lists it.
    if (out.failed) refused.set(source.id, failedSource(source, { format: 'unknown' }, out.problems));
    problems.push(...out.problems);
    if (pipeline.importedSource(source.id)?.status !== 'ok' && source.table) {
      throw new Error(out.problems.map((p) => `${p.message} / ${p.messageEn}`).join('\n') || `kunne ikke lese / could not read ${path}`);
    }
    sources.push(out.source);
  }
  return { spec: { ...spec, data: { ...spec.data, sources } }, pipeline, problems, refused };
}

/** `loadSources`, then the run: the results of the stages of `sections` (and the dataset). */
export async function runAnalysis(spec: AnalysisSpec, files: Record<string, string>, sections: SectionKey[]): Promise<AnalysisRun> {
  const loaded = await loadSources(spec, files, sections);
  const results = await loaded.pipeline.run(loaded.spec, { cancelled: () => false, progress: () => {} });
  if (!results) throw new Error('analysen ble avbrutt / the analysis was cancelled');
  return { results, pipeline: loaded.pipeline, problems: loaded.problems };
}
