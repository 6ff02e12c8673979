/**
 * A fetch from SSB, in the worker: the parts the page received are reassembled into one JSON-stat 2
 * file (with its provenance) and read by the same ingest as an uploaded file. On «Oppdater fra SSB» the
 * previous file is compared with the new one. Nothing here touches the network.
 */
import { problem, type Problem } from '../engine/problem';
import type { JsonObject } from '../ingest/jsonstat';
import type { SourceSpec } from '../spec/sections/data';
import { assembleParts } from '../ssb/assemble';
import { diffDatasets, type DatasetChanges } from '../ssb/diff';
import type { Pipeline } from './pipeline';

export interface SsbImportInput {
  /** Response bodies of the data requests (JSON-stat 2), in any order. */
  parts: Uint8Array[];
  /** Each dimension's codes over the whole selection. */
  order: Record<string, string[]>;
  /** The source to add or replace, with `ssb` provenance. */
  source: SourceSpec;
  /** The file of the previous fetch of this source («Oppdater fra SSB»). */
  previous?: Uint8Array | null;
}

export interface SsbImportResult {
  /** The source as read (mapping filled in); null when nothing was added. */
  source: SourceSpec | null;
  problems: Problem[];
  /** The reassembled file, to keep for the session and the project file. */
  bytes: Uint8Array | null;
  changes: DatasetChanges | null;
}

function parse(bytes: Uint8Array): JsonObject | null {
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes)) as JsonObject;
  } catch {
    return null;
  }
}

export async function importSsb(pipeline: Pipeline, input: SsbImportInput): Promise<SsbImportResult> {
  const { source } = input;
  if (!source.ssb) {
    return { source: null, bytes: null, changes: null, problems: [problem('ssb-no-provenance', 'Intern feil: SSB-kilden mangler opphav.', 'Internal error: the SSB source has no provenance.')] };
  }
  const assembled = assembleParts(input.parts, input.order, source.ssb);
  if (!assembled.bytes || !assembled.doc) return { source: null, bytes: null, changes: null, problems: assembled.problems };
  const out = await pipeline.importFile({ name: source.fileName, bytes: assembled.bytes }, source);
  const before = input.previous ? parse(input.previous) : null;
  return {
    source: out.source,
    problems: out.problems,
    bytes: assembled.bytes,
    changes: before ? diffDatasets(before, assembled.doc) : null,
  };
}
