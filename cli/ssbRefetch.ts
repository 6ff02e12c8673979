/**
 * `run --project FILE --refetch`: every source fetched from SSB is fetched again with its stored query
 * (the same client and limits as the dashboard), reassembled, and compared with the copy the project
 * had (embedded or in --data). The new file replaces the old one for this run.
 */
import type { Problem } from '../src/engine/problem';
import type { SourceSpec } from '../src/spec/sections/data';
import { assembleParts } from '../src/ssb/assemble';
import { SsbClient } from '../src/ssb/client';
import { diffDatasets, type DatasetChanges } from '../src/ssb/diff';
import { SsbError } from '../src/ssb/errors';
import { provenanceFor } from '../src/ssb/provenance';

export interface Refetched {
  source: SourceSpec;
  bytes: Uint8Array;
  changes: DatasetChanges | null;
}

const parse = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as Record<string, never>;

/** `api` overrides the one each source was fetched from (`--api`, tests: the stand-in). */
export async function refetchSource(source: SourceSpec, previous: Uint8Array | undefined, api?: string): Promise<{ ok: Refetched } | { problems: Problem[] }> {
  const p = source.ssb!;
  const client = new SsbClient({ api: api ?? p.api, lang: p.query.lang });
  try {
    const fetched = await client.fetchData(p.query, {
      onProgress: (x) => process.stderr.write(`Tabell ${x.tableId}: ${x.done} av ${x.total} spørringer${x.waitingMs > 0 ? ` (venter ${Math.ceil(x.waitingMs / 1000)} s)` : ''}\n`),
    });
    const provenance = provenanceFor(fetched, p.query, client.api, p.recipe);
    const assembled = assembleParts(fetched.parts, fetched.order, provenance);
    if (!assembled.bytes || !assembled.doc) return { problems: assembled.problems };
    let changes: DatasetChanges | null = null;
    if (previous) {
      try {
        changes = diffDatasets(parse(previous), assembled.doc);
      } catch {
        changes = null;
      }
    }
    return { ok: { source: { ...source, ssb: provenance }, bytes: assembled.bytes, changes } };
  } catch (e) {
    if (e instanceof SsbError) return { problems: [e.problem] };
    throw e;
  }
}
