/**
 * The demo's first results, computed once by `npm run demo` (README «Performance»:
 * demo_interactive_ms). On a first load the open view's sections come first; on «Data» that is the
 * dataset section, which needs the whole table (the demo's dataset joined and its variables built:
 * 0,4–1,1 s in the worker, the largest part of the cold start). `npm run demo` runs this same
 * pipeline on the same files and packs the section with them (demo-sources.bin, whose stamp covers
 * src/worker and src/results as well as the reading code), so the worker answers the first pass at
 * once and builds the table for the run after it. That run computes the section again and compares
 * it with the packed one bit for bit: equal, its version stays (nothing is sent again); different
 * (not expected: the same code on the same input), the version changes and the page gets the
 * section the browser computed.
 */
import type { Problem } from '../engine/problem';
import { packSources } from '../ingest/packedSources';
import type { DatasetSummary } from '../results/analysisResults';
import type { AnalysisSpec } from '../spec/schema';
import { hashValue } from './hash';

export interface FirstPass {
  /** `sectionsKey` of the spec it was computed for. */
  sections: string;
  /** The data problems of that run (files, dataset, variables). */
  problems: Problem[];
  dataset: DatasetSummary;
}

/** What the dataset section depends on besides the loaded files: the data and variables sections. */
export function sectionsKey(spec: AnalysisSpec): string {
  return hashValue({ data: spec.data, variables: spec.variables });
}

export function isFirstPass(v: unknown): v is FirstPass {
  const o = v as Partial<FirstPass> | null;
  return !!o && typeof o === 'object' && typeof o.sections === 'string' && Array.isArray(o.problems) && !!o.dataset && typeof o.dataset === 'object';
}

/** Bit for bit (NaN, −0, typed arrays and key order included): the pack's own encoding of each. */
export function sameSummary(a: DatasetSummary, b: DatasetSummary): boolean {
  const x = packSources([], '', a);
  const y = packSources([], '', b);
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}
