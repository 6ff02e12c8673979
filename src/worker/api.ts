/** The typed RPC between the main thread and the analysis worker (comlink). */
import type { Problem } from '../engine/problem';
import type { JobState } from '../engine/parallel/job';
import type { AnalysisSpec } from '../spec/schema';
import type { SourceSpec } from '../spec/sections/data';
import type { FormulaPreviewResult } from '../results/formulaPreview';
import type { ResultsUpdate, SectionVersions } from '../results/update';
import type { SectionKey } from '../results/analysisResults';
import type { SsbImportInput, SsbImportResult } from './ssbImport';

export type { SsbImportInput, SsbImportResult };

export interface Progress {
  /** 0–1. */
  fraction: number;
  /** Norwegian text for the status line. */
  label: string;
  /**
   * The parallel job running now (a pool job's registry name, src/pool/registry.ts) and its own
   * share of blocks done: the view that asked for the job shows it with «Avbryt» (features/kit/JobProgress).
   */
  job?: JobProgress;
}

/** `backups` (JobState, from the pool): blocks run again on another worker because their first try hung. */
export interface JobProgress extends Partial<JobState> {
  name: string;
  /** 0–1: blocks done of the job's blocks. */
  fraction: number;
}

export type OnProgress = (p: Progress) => void;

export interface FileInput {
  name: string;
  /**
   * The file: bytes (moved to the worker), or a Blob/File the worker reads itself — so a 500 MB upload
   * or restore never holds its bytes on the page, whose garbage collection would then block it.
   */
  bytes: Uint8Array | Blob;
  /** Re-import with a known source spec (restored session, demo); new uploads leave it out. */
  source?: SourceSpec;
}

export interface ImportResult {
  /** Files read (as tables): add these to the spec. */
  sources: SourceSpec[];
  problems: Problem[];
  /** Files of which nothing could be read: never added to the session (their problems are in `problems`). */
  failed?: { name: string; id: string }[];
}

/** The demo's spec and pre-read pack as served (the pack still gzipped); null where the fetch failed. */
export interface DemoFiles {
  spec: Uint8Array | null;
  pack: Uint8Array | null;
}

export interface DemoResult extends ImportResult {
  /** The demo's AnalysisSpec (already validated), or null when the demo files are absent. */
  spec: AnalysisSpec | null;
}

export interface AnalysisApi {
  /**
   * Reads `<baseUrl>demo-spec.json` and the files it lists (same origin) and imports them. With
   * `fetched`, the spec and the pre-read pack come from the page, which fetched them while this
   * worker's code was still loading.
   */
  loadDemo(baseUrl: string, onProgress?: OnProgress, fetched?: DemoFiles): Promise<DemoResult>;
  importFiles(files: FileInput[], onProgress?: OnProgress): Promise<ImportResult>;
  /**
   * Reassembles a fetch from SSB (the bodies the page received) into one JSON-stat 2 file and reads it
   * like an upload; with `previous`, also lists what changed. The bytes come back for the session store.
   */
  importSsb(input: SsbImportInput): Promise<SsbImportResult>;
  /** Cancels the file being read (checked between slices); the import then returns without it. */
  cancelImport(): Promise<void>;
  /**
   * Runs the pipeline and sends back only the result sections whose version differs from `have`
   * (the versions the caller holds; {} = send everything). Resolves null when a newer `run`
   * superseded this one. With `upTo`, only the stages up to those sections run (the first pass of
   * a first load: what the open view shows comes first).
   */
  run(spec: AnalysisSpec, onProgress?: OnProgress, have?: SectionVersions, upTo?: SectionKey[]): Promise<ResultsUpdate | null>;
  removeSource(id: string): Promise<void>;
  /** Which of these source ids the worker holds (a reload starts with none). */
  loadedSources(ids: string[]): Promise<boolean[]>;
  /**
   * The analysis table as tidy CSV (`analysedata.csv`, read by the R/Stata scripts), UTF-8 bytes
   * transferred rather than copied: a full panel is several megabytes.
   */
  analysisData(spec: AnalysisSpec): Promise<Uint8Array>;
  /** Min, max, mean and missing of a formula over the spec's analysis table, before it is added. */
  previewFormula(spec: AnalysisSpec, expression: string): Promise<FormulaPreviewResult>;
}
