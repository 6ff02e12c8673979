/**
 * The fetched parts of one query → one JSON-stat 2 file: parsed, reassembled (merge.ts) and stamped
 * with where it came from (`extension["kostnadsnokkel-lab"].ssb`), so the file read by the ingest is
 * self-describing like an upload and a saved copy still says which table and query it holds. Runs in
 * the worker (page) and in the CLI.
 */
import { problem, type Problem } from '../engine/problem';
import { isObject, type JsonObject } from '../ingest/jsonstat';
import type { SsbProvenance } from '../spec/sections/data';
import { mergeJsonStat } from './merge';

export const PROVENANCE_KEY = 'kostnadsnokkel-lab';

export interface Assembled {
  doc: JsonObject | null;
  bytes: Uint8Array | null;
  problems: Problem[];
}

export function assembleParts(parts: Uint8Array[], order: Record<string, string[]>, provenance: SsbProvenance): Assembled {
  const tableId = provenance.query.tableId;
  const file = `SSB ${tableId}`;
  const docs: JsonObject[] = [];
  for (const [i, bytes] of parts.entries()) {
    let doc: unknown;
    try {
      doc = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    } catch {
      doc = null;
    }
    if (!isObject(doc as never) || !Array.isArray((doc as JsonObject).id)) {
      return {
        doc: null,
        bytes: null,
        problems: [problem('ssb-part-not-jsonstat', `Svar ${i + 1} av ${parts.length} fra tabell ${tableId} er ikke JSON-stat 2; ingenting ble lagt til.`, `Answer ${i + 1} of ${parts.length} from table ${tableId} is not JSON-stat 2; nothing was added.`, { file })],
      };
    }
    docs.push(doc as JsonObject);
  }
  let merged;
  try {
    merged = mergeJsonStat(docs, order);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { doc: null, bytes: null, problems: [problem('ssb-merge-failed', `Svarene fra tabell ${tableId} kunne ikke settes sammen (${msg}); ingenting ble lagt til.`, `The answers from table ${tableId} could not be put together (${msg}); nothing was added.`, { file })] };
  }
  if (merged.uncovered > 0 || merged.conflicts > 0) {
    return {
      doc: null,
      bytes: null,
      problems: [
        problem(
          'ssb-merge-incomplete',
          `Svarene fra tabell ${tableId} passer ikke sammen (${merged.uncovered} celler mangler, ${merged.conflicts} er ulike i to svar); ingenting ble lagt til.`,
          `The answers from table ${tableId} do not fit together (${merged.uncovered} cells missing, ${merged.conflicts} differ between answers); nothing was added.`,
          { file },
        ),
      ],
    };
  }
  const doc = merged.doc;
  const ext = isObject(doc.extension) ? { ...doc.extension } : {};
  ext[PROVENANCE_KEY] = { ssb: provenance as unknown as JsonObject };
  doc.extension = ext;
  return { doc, bytes: new TextEncoder().encode(JSON.stringify(doc)), problems: [] };
}

/** The provenance stamped into a fetched file, if any. */
export function provenanceOf(doc: unknown): SsbProvenance | null {
  if (!isObject(doc as never)) return null;
  const ext = (doc as JsonObject).extension;
  if (!isObject(ext) || !isObject(ext[PROVENANCE_KEY])) return null;
  const p = (ext[PROVENANCE_KEY] as JsonObject).ssb;
  return isObject(p) ? (p as unknown as SsbProvenance) : null;
}
