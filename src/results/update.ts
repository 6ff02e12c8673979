/**
 * Results cross from the worker to the main thread as an update: only the sections whose version
 * changed since the versions the main thread holds. The store merges the update into the results it
 * has, so an unchanged section keeps its object identity and a view subscribed to it does not
 * re-render. A section's version changes exactly when its pipeline step or stage re-ran.
 */
import type { AnalysisResults, ResultSections, SectionKey } from './analysisResults';
import { packModels, unpackModels, type PackedModels } from './droppedPack';

/** The sections as they cross: the models' dropped rows packed (src/results/droppedPack.ts). */
export type TransportSections = Omit<ResultSections, 'models'> & { models?: PackedModels };

/** Section → version (per worker pipeline; a re-run gives a new version). */
export type SectionVersions = Partial<Record<SectionKey, number>>;

export interface ResultsUpdate {
  specHash: string;
  problems: AnalysisResults['problems'];
  /** Versions of every section the results have; a section absent here is absent from the results. */
  versions: SectionVersions;
  /** The sections whose version differs from what the receiver said it holds. */
  changed: TransportSections;
}

/** The update for a receiver that holds `have` (worker side). */
export function diffResults(results: AnalysisResults, versions: SectionVersions, have: SectionVersions): ResultsUpdate {
  const changed: TransportSections = {};
  for (const key of Object.keys(versions) as SectionKey[]) {
    if (versions[key] === have[key]) continue;
    if (key === 'models') changed.models = results.models && packModels(results.models);
    else (changed as Record<string, unknown>)[key] = results[key];
  }
  return { specHash: results.specHash, problems: results.problems, versions, changed };
}

/**
 * Applies an update to the results held (main-thread side). Returns null when the update refers to
 * a section version the receiver does not have (it must then ask for everything again).
 */
export function mergeResults(
  held: AnalysisResults | null,
  heldVersions: SectionVersions,
  update: ResultsUpdate,
): AnalysisResults | null {
  // The data problems are recomputed on every run; the same list keeps its object too.
  const problems = held && JSON.stringify(held.problems) === JSON.stringify(update.problems) ? held.problems : update.problems;
  const next: AnalysisResults = { specHash: update.specHash, problems };
  for (const key of Object.keys(update.versions) as SectionKey[]) {
    if (key === 'models' && key in update.changed) next.models = update.changed.models && unpackModels(update.changed.models);
    else if (key in update.changed) (next as unknown as Record<string, unknown>)[key] = update.changed[key as Exclude<SectionKey, 'models'>];
    else if (held && key in held && heldVersions[key] === update.versions[key]) (next as unknown as Record<string, unknown>)[key] = held[key];
    else return null;
  }
  return next;
}
