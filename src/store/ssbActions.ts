/**
 * «Hent fra SSB» on the page: the PxWebApi client runs here — the only network call the app makes, to
 * the API fixed at build time — and the response bodies go to the worker as bytes, which reassembles
 * and reads them like an uploaded file. The reassembled file is kept in IndexedDB like an upload, so a
 * reload, the project file and «Oppdater fra SSB» all have it. Nothing is fetched when the setting is
 * off or the build has no API; loaded data are never touched by a failed fetch.
 */
import { problem, type Problem } from '../engine/problem';
import { sourceSpecSchema, type SourceSpec, type SsbQuery } from '../spec/sections/data';
import { prefixMapping } from '../ssb/prefixMapping';
import { SsbClient, type DataPlan, type FetchProgress } from '../ssb/client';
import { SsbError } from '../ssb/errors';
import { pageSsb } from '../ssb/pageSettings';
import { provenanceFor } from '../ssb/provenance';
import type { DatasetChanges } from '../ssb/diff';
import { useAnalysisStore } from './analysisStore';
import { clearImporting, markImporting, readFile, saveFile } from './persistence';
import { storeFailed } from './actions';
import { useUiStore } from './uiStore';
import { getAnalysisClient } from './workerClient';

let client: SsbClient | null = null;

/** The page's client, or null when fetching is built out or switched off. */
export function ssbClient(): SsbClient | null {
  if (!pageSsb.api || !useUiStore.getState().ssbFetch) return null;
  client ??= new SsbClient({ api: pageSsb.api, online: () => typeof navigator === 'undefined' || navigator.onLine !== false });
  return client;
}

export function fetchingOff(): Problem {
  return pageSsb.api
    ? problem('ssb-off', 'Henting fra SSB er slått av i innstillingene; ingenting ble sendt.', 'Fetching from SSB is switched off in the settings; nothing was sent.', undefined, 'info')
    : problem('ssb-built-out', 'Denne utgaven av appen er bygd uten henting fra SSB.', 'This build of the app cannot fetch from SSB.', undefined, 'info');
}

/** Problems of a failed request, whatever failed. */
export function problemsOf(e: unknown): Problem[] {
  if (e instanceof SsbError) return [e.problem];
  const msg = e instanceof Error ? e.message : String(e);
  return [problem('ssb-failed', `Hentingen fra SSB stoppet: ${msg}. Data som allerede er lastet inn, er uendret.`, `Fetching from SSB stopped: ${msg}. Data already loaded are unchanged.`)];
}

/** `ssb_12367`, `ssb_12367_2` … unless the caller names the source. */
function sourceId(tableId: string, taken: Set<string>): string {
  const stem = `ssb_${tableId.replace(/[^A-Za-z0-9]+/g, '_')}`;
  let id = stem;
  for (let i = 2; taken.has(id); i++) id = `${stem}_${i}`;
  return id;
}

export interface FetchOptions {
  signal?: AbortSignal;
  onProgress?(p: FetchProgress): void;
  /** A plan already made for this query (the cell count the user saw). */
  plan?: DataPlan;
  /** Source id to use or replace (recipes name their sources). */
  id?: string;
  /** Names the source's variables (the mapping's variable prefix). */
  prefix?: string;
  recipe?: string | null;
}

export interface FetchOutcome {
  source: SourceSpec | null;
  problems: Problem[];
  changes: DatasetChanges | null;
}

function setLoading(label: string, fraction: number): void {
  useAnalysisStore.getState().setStatus('loading', { fraction, label });
}

/** Fetches one query, reads it in the worker, keeps the file and puts the source in the spec. */
export async function fetchSsbSource(query: SsbQuery, opts: FetchOptions = {}): Promise<FetchOutcome> {
  const c = ssbClient();
  if (!c) return { source: null, problems: [fetchingOff()], changes: null };
  const store = useAnalysisStore.getState();
  const existing = opts.id ? store.spec.data.sources.find((s) => s.id === opts.id) : undefined;
  try {
    const fetched = await c.fetchData(query, {
      signal: opts.signal,
      plan: opts.plan,
      onProgress: (p) => {
        setLoading(`Henter tabell ${p.tableId} fra SSB (${p.done} av ${p.total})`, p.total ? (p.done / p.total) * 0.9 : 0);
        opts.onProgress?.(p);
      },
    });
    setLoading(`Leser tabell ${query.tableId}`, 0.95);
    const id = opts.id ?? sourceId(query.tableId, new Set(store.spec.data.sources.map((s) => s.id)));
    const base = existing ?? sourceSpecSchema.parse({ id, fileName: `${id.replace(/_/g, '-')}.json`, format: 'json-stat', mapping: opts.prefix ? prefixMapping(opts.prefix) : null });
    const source: SourceSpec = { ...base, ssb: provenanceFor(fetched, query, c.api, opts.recipe ?? existing?.ssb?.recipe ?? null) };
    // A stored copy that is damaged has nothing to compare with: the fetch is then new.
    const stored = existing ? await readFile(existing.id).catch(() => undefined) : undefined;
    const previous = stored && 'bytes' in stored ? stored.bytes : null;
    // Crash-loop guard: a page that dies while the table is read names it on the next load.
    // No id: a refreshed source's stored (earlier) copy was read fine and is restored as usual.
    await markImporting({ phase: 'ssb', files: [{ name: source.fileName }] });
    const out = await getAnalysisClient()
      .importSsb({ parts: fetched.parts, order: fetched.order, source, previous })
      .finally(() => clearImporting());
    if (!out.source || !out.bytes) {
      useAnalysisStore.getState().setStatus('ready');
      return { source: null, problems: out.problems, changes: null };
    }
    // Not storable (quota, deleted store): the data are read and used; the status line says a reload loses them.
    const storedName = out.source.fileName;
    await saveFile(out.source.id, storedName, out.bytes).catch((e: unknown) => storeFailed(storedName, e));
    const added = out.source;
    useAnalysisStore.getState().updateSpec((d) => {
      const i = d.data.sources.findIndex((s) => s.id === added.id);
      if (i >= 0) d.data.sources[i] = added;
      else d.data.sources.push(added);
    });
    return { source: added, problems: out.problems, changes: out.changes };
  } catch (e) {
    const status = useAnalysisStore.getState().results ? 'ready' : 'idle';
    useAnalysisStore.getState().setStatus(status);
    return { source: null, problems: problemsOf(e), changes: null };
  }
}

export interface RefreshOutcome {
  source: SourceSpec;
  problems: Problem[];
  changes: DatasetChanges | null;
}

/** «Oppdater fra SSB»: every SSB source of the analysis fetched again with its stored query. */
export async function refreshSsbSources(opts: { signal?: AbortSignal; onProgress?(p: FetchProgress): void } = {}): Promise<RefreshOutcome[]> {
  const sources = useAnalysisStore.getState().spec.data.sources.filter((s) => s.ssb);
  const out: RefreshOutcome[] = [];
  for (const s of sources) {
    if (opts.signal?.aborted) break;
    const r = await fetchSsbSource(s.ssb!.query, { id: s.id, signal: opts.signal, onProgress: opts.onProgress });
    out.push({ source: r.source ?? s, problems: r.problems, changes: r.changes });
    if (r.problems.some((p) => p.code === 'ssb-cancelled' || p.code === 'ssb-offline')) break;
  }
  return out;
}
