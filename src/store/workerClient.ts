/**
 * The main thread's handle on the analysis worker. Created lazily so that importing the store in
 * Node (unit tests) never touches Worker; tests install a fake with `setAnalysisClient`.
 */
import * as Comlink from 'comlink';
import type { AnalysisApi, FileInput, OnProgress } from '../worker/api';

export type AnalysisClient = AnalysisApi;

let client: AnalysisClient | null = null;

function comlinkClient(): AnalysisClient {
  const worker = new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<AnalysisApi>(worker);
  const cb = (f?: OnProgress) => (f ? Comlink.proxy(f) : undefined);
  return {
    // The page's copies of the demo's files move to the worker (transfer, no copy).
    loadDemo: (baseUrl, onProgress, fetched) =>
      remote.loadDemo(
        baseUrl,
        cb(onProgress),
        fetched && Comlink.transfer(fetched, [fetched.spec, fetched.pack].flatMap((b) => (b ? [b.buffer as ArrayBuffer] : []))),
      ),
    // File bytes move to the worker (transfer, no copy): the caller must not reuse them. A Blob (the
    // picked File, a stored file) is passed as a reference and read by the worker.
    importFiles: (files: FileInput[], onProgress) =>
      remote.importFiles(
        Comlink.transfer(
          files,
          files.flatMap((f) => (f.bytes instanceof Uint8Array ? [f.bytes.buffer as ArrayBuffer] : [])),
        ),
        cb(onProgress),
      ),
    // Response bodies move to the worker (transfer, no copy).
    importSsb: (input) => remote.importSsb(Comlink.transfer(input, input.parts.map((p) => p.buffer as ArrayBuffer))),
    cancelImport: () => remote.cancelImport(),
    run: (spec, onProgress, have, upTo) => remote.run(spec, cb(onProgress), have, upTo),
    removeSource: (id) => remote.removeSource(id),
    loadedSources: (ids) => remote.loadedSources(ids),
    analysisData: (spec) => remote.analysisData(spec),
    previewFormula: (spec, expression) => remote.previewFormula(spec, expression),
  };
}

export function getAnalysisClient(): AnalysisClient {
  client ??= comlinkClient();
  return client;
}

export function setAnalysisClient(c: AnalysisClient | null): void {
  client = c;
}
