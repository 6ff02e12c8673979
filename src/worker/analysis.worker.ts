/// <reference lib="webworker" />
/** The analysis worker: owns the imported data and the pipeline; the main thread never parses or fits. */
import './zodJitless';
import * as Comlink from 'comlink';
import { problem, type Problem } from '../engine/problem';
import { loadSpec } from '../spec/migrate';
import type { AnalysisSpec } from '../spec/schema';
import type { SourceSpec } from '../spec/sections/data';
import type { AnalysisApi, DemoResult, FileInput, ImportResult, JobProgress, OnProgress } from './api';
import { tableToTidyCsv } from '../export/analysisData';
import { previewFormula } from '../engine/variables/formula';
import { Pipeline } from './pipeline';
import { newSourceSpec } from './sources';
import { demoPack, openDemoPack } from './demoPack';
import { fetchBytes } from './fetchBytes';
import { diffResults } from '../results/update';
import { importSsb } from './ssbImport';
import { setPoolProvider } from '../pool/runner';
import { browserPool } from '../pool/browserPool';

// Best subsets and the cluster bootstrap run on a pool of Web Workers (one per core), made on the
// first such job; the results are the same as in this thread (src/engine/parallel/job.ts).
setPoolProvider(() => browserPool());

const pipeline = new Pipeline();
let latestRun = 0;

/** Progress crosses the thread boundary as messages; send only visible changes (a job's every
 *  block is one: its view shows the job's own share, which a small step of the run's can hide). */
function throttled(onProgress?: OnProgress): (fraction: number, label: string, job?: JobProgress) => void {
  let last = -1;
  let lastLabel = '';
  let lastJob: JobProgress | undefined;
  return (fraction, label, job) => {
    if (!onProgress) return;
    // A pool's backup starting or ending changes the job's state, not its fraction: always sent.
    const sameJob = job?.name === lastJob?.name && job?.fraction === lastJob?.fraction && job?.backups === lastJob?.backups;
    if (label === lastLabel && sameJob && Math.abs(fraction - last) < 0.02 && fraction < 1) return;
    last = fraction;
    lastLabel = label;
    lastJob = job;
    void onProgress(job ? { fraction, label, job } : { fraction, label });
  };
}

/** Imports in progress that the user cancelled; ingest checks the flag between its slices (src/ingest/csv.ts). */
let importToken = 0;
const cancelledImports = new Set<number>();

async function importAll(files: FileInput[], onProgress?: OnProgress): Promise<ImportResult> {
  const token = ++importToken;
  const report = throttled(onProgress);
  const sources: SourceSpec[] = [];
  const failed: { name: string; id: string }[] = [];
  const problems: Problem[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    // «x.csv» after «x.json» is another file, not a new version of it: its id must differ, or the
    // page replaces the earlier file with it. The same name again replaces (an updated upload).
    const spec = f.source ?? newSourceSpec(f.name, [...taken, ...pipeline.idsHeldByOthers(f.name)]);
    taken.add(spec.id);
    report(i / files.length, `Leser ${f.name}`);
    const bytes = f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(await f.bytes.arrayBuffer());
    const out = await pipeline.importFile({ name: f.name, bytes }, spec, {
      onProgress: (p) => report((i + (p.fraction ?? 0)) / files.length, `Leser ${f.name}`),
      cancelled: () => cancelledImports.has(token),
    });
    problems.push(...out.problems);
    if (out.cancelled) break;
    if (out.failed) failed.push({ name: f.name, id: spec.id });
    else sources.push(out.source);
  }
  cancelledImports.delete(token);
  report(1, 'Filene er lest');
  return { sources, problems, failed };
}

/**
 * Builds the demo's dataset and analysis table (the first step of every run) right after its files
 * are in, in a task after the reply: the page needs longer to start its session and ask for the first
 * run than this thread needs to build them, so that run finds them in the pipeline's cache (keyed by
 * the data and variables sections, so a spec that differs just builds its own). The same code on the
 * same input, only earlier: the results are those of the run building them itself.
 */
function prepareTable(spec: AnalysisSpec): void {
  setTimeout(() => {
    try {
      pipeline.analysisTable(spec);
    } catch {
      // The run that follows builds the table again and reports what went wrong.
    }
  });
}

/** The demo's files fetched and read here (no pack, or one that broke off), marked demo. */
async function readDemoFiles(baseUrl: string, specs: SourceSpec[], onProgress?: OnProgress): Promise<ImportResult> {
  const files: FileInput[] = [];
  const problems: Problem[] = [];
  // All files are requested at once; they are read in the spec's order.
  const requests = specs.map((s) => fetchBytes(`${baseUrl}${encodeURIComponent(s.fileName)}`));
  for (const [i, s] of specs.entries()) {
    const bytes = await requests[i];
    if (!bytes) {
      problems.push(
        problem('demo-file-missing', `Demofila «${s.fileName}» mangler.`, `The demo file "${s.fileName}" is missing.`, {
          file: s.fileName,
        }),
      );
      continue;
    }
    files.push({ name: s.fileName, bytes, source: { ...s, demo: true } });
  }
  const imported = await importAll(files, onProgress);
  return { sources: imported.sources, problems: [...problems, ...imported.problems] };
}

const demoMissing = () =>
  problem(
    'demo-missing',
    'Finner ikke demodataene. Kjør «npm start» (som lager dem) eller «npm run demo», og last siden på nytt.',
    'The demo data are missing. Run "npm start" (which generates them) or "npm run demo", then reload.',
    { file: 'demo/demo-spec.json' },
  );

const api: AnalysisApi = {
  async loadDemo(baseUrl, onProgress, fetched): Promise<DemoResult> {
    // The pre-read files are requested with the spec (demoPack.ts), unless the page fetched both.
    const [specBytes, gzipped] = fetched
      ? [fetched.spec, fetched.pack]
      : await Promise.all([fetchBytes(`${baseUrl}demo-spec.json`), fetchBytes(`${baseUrl}demo-sources.bin`)]);
    // Unzipped as it is read: the header (everything but the values) is there long before the rest.
    // The values (12,9 MB unzipped) only when a run needs the files (pipeline.valuesIn): with the
    // first results packed, after the page has shown them. Unzipped and copied at once, they took
    // ~0,3 s of this thread's CPU while the first run and the page's first render waited for the cores.
    let beginValues!: () => void;
    const pack = openDemoPack(gzipped, undefined, new Promise<void>((begin) => (beginValues = begin)));
    let raw: unknown;
    try {
      if (!specBytes) return { spec: null, sources: [], problems: [demoMissing()] };
      raw = JSON.parse(new TextDecoder().decode(specBytes));
    } catch {
      return { spec: null, sources: [], problems: [demoMissing()] };
    }
    const loaded = loadSpec(raw);
    if (!loaded.ok) return { spec: null, sources: [], problems: loaded.problems };
    const packed = demoPack(await pack, loaded.spec.data.sources);
    if (packed) {
      const kept = loaded.spec.data.sources.map((s, i) => pipeline.addImported(packed.sources[i], { ...s, demo: true }));
      throttled(onProgress)(1, 'Filene er lest');
      const sources = kept.map((k) => k.source);
      const spec = { ...loaded.spec, data: { ...loaded.spec.data, sources } };
      // Until the values are in, runs wait (the first results do not need them). A pack that breaks
      // off is replaced by the files themselves, read again; a file that cannot be read is dropped
      // (the runs then say it is not loaded), so no run ever reads a half-filled array.
      pipeline.valuesArriving(
        packed.filled.catch(async () => {
          const again = await readDemoFiles(baseUrl, sources);
          for (const s of sources) if (!again.sources.some((a) => a.id === s.id)) pipeline.removeSource(s.id);
        }),
        beginValues,
      );
      // With the first results packed, the first run answers at once and the next builds the table:
      // building it now would keep this thread busy when the first run arrives.
      if (!packed.first || !pipeline.useFirstPass(spec, packed.first)) void pipeline.valuesIn().then(() => prepareTable(spec));
      return { spec, sources, problems: kept.flatMap((k) => k.problems) };
    }
    const { sources, problems } = await readDemoFiles(baseUrl, loaded.spec.data.sources, onProgress);
    const spec = { ...loaded.spec, data: { ...loaded.spec.data, sources } };
    prepareTable(spec);
    return { spec, sources, problems };
  },

  importFiles: (files, onProgress) => importAll(files, onProgress),

  async importSsb(input) {
    const out = await importSsb(pipeline, input);
    return out.bytes ? Comlink.transfer(out, [out.bytes.buffer as ArrayBuffer]) : out;
  },

  async cancelImport() {
    cancelledImports.add(importToken);
  },

  async run(spec, onProgress, have = {}, upTo) {
    const id = ++latestRun;
    const out = await pipeline.runVersioned(spec, { cancelled: () => id !== latestRun, progress: throttled(onProgress) }, upTo);
    // Only what changed crosses the thread boundary (structured clone of every section was most of
    // a small edit's cost, and gave every view a new object to re-render on).
    return out && diffResults(out.results, out.versions, have);
  },

  async removeSource(id) {
    pipeline.removeSource(id);
  },

  async loadedSources(ids) {
    return ids.map((id) => pipeline.hasSource(id));
  },

  async analysisData(spec) {
    await pipeline.valuesIn();
    const bytes = new TextEncoder().encode(tableToTidyCsv(pipeline.analysisTable(spec)));
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  async previewFormula(spec, expression) {
    await pipeline.valuesIn();
    return previewFormula(pipeline.analysisTable(spec), expression);
  },
};

Comlink.expose(api);
