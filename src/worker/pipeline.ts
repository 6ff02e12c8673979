/**
 * sources → buildDataset → buildVariables → stages → AnalysisResults. Pure (no DOM, no fetch): the
 * worker hosts it, and the CLI (`run --project`) and tests run it in Node. Every step is cached by
 * the hash of what it reads — the dataset by `data` and the loaded files, the table by that and
 * `variables`, each stage by its `select(spec)`, the table and the result sections it read — so
 * editing one model refits that model's stage only. Each result section has a version that changes
 * exactly when it is recomputed: the worker sends the main thread only the sections that changed.
 */
import { problem, type Problem } from '../engine/problem';
import { columnAsText, getNumeric, type Table } from '../engine/table';
import type { AnalysisSpec } from '../spec/schema';
import { usesDemoData, type SourceSpec } from '../spec/sections/data';
import { defaultDeps, type EngineDeps } from './engine';
import { hashValue } from './hash';
import type { Dataset, DerivedVariableInfo, ImportedSource, IngestProgress } from './ingestTypes';
import type { AnalysisResults, DatasetSummary, NumericColumnInfo, SectionKey } from '../results/analysisResults';
import type { SectionVersions } from '../results/update';
import { measureOf } from '../engine/variables/units';
import { stages as defaultStages } from './stages';
import type { AnyStage } from './stages/types';
import type { JobProgress } from './api';
import { hasPoolFailure } from '../pool/runner';
import { sectionsKey, sameSummary, type FirstPass } from './firstPass';

export interface RunControl {
  cancelled(): boolean;
  progress(fraction: number, label: string, job?: JobProgress): void;
}

/** Thrown inside a run when a newer request superseded it; never escapes `run`. */
class Superseded extends Error {}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface StageCacheEntry {
  inputsHash: string;
  tableKey: string;
  /** Versions of the result sections the stage read last time it ran. */
  reads: Map<string, number>;
  value: unknown;
}

export interface ImportOutcome {
  source: SourceSpec;
  problems: Problem[];
  /** The user cancelled while the file was read: nothing was kept. */
  cancelled?: boolean;
  /**
   * Nothing could be read (wrong format, over a limit, damaged): nothing was kept, and a version
   * read earlier stays. The caller does not add the file to the session.
   */
  failed?: boolean;
}

export class Pipeline {
  private readonly sources = new Map<string, { imported: ImportedSource; version: number; fileName: string }>();
  private importCounter = 0;
  private datasetCache: { key: string; dataset: Dataset } | null = null;
  private tableCache: {
    key: string;
    table: Table;
    derived: DerivedVariableInfo[];
    problems: Problem[];
    summary: DatasetSummary;
  } | null = null;
  private readonly stageCache = new Map<string, StageCacheEntry>();
  private readonly sectionVersion = new Map<string, number>();
  /** The demo's first results computed by `npm run demo` (firstPass.ts), until the table is built. */
  private firstPass: { tableKey: string; value: FirstPass } | null = null;
  /** Until the kept files' values are all in (a pack still being unzipped, demoPack.ts). */
  private arriving: Promise<void> = Promise.resolve();
  /** Starts the arrivals that wait to be asked for (valuesArriving's `begin`). */
  private beginValues: (() => void)[] = [];

  constructor(
    private readonly deps: EngineDeps = defaultDeps,
    private readonly stageList: AnyStage[] = defaultStages,
  ) {}

  hasSource(id: string): boolean {
    return this.sources.has(id);
  }

  /** Ids of the files held under another file name: a new file must not take one (it would replace that file). */
  idsHeldByOthers(fileName: string): string[] {
    return [...this.sources].filter(([, s]) => s.fileName !== fileName).map(([id]) => id);
  }

  async importFile(
    input: { name: string; bytes: Uint8Array },
    source: SourceSpec,
    opts: { onProgress?(p: IngestProgress): void; cancelled?(): boolean } = {},
  ): Promise<ImportOutcome> {
    try {
      const imported = await this.deps.ingestFile(input, { source, ...opts });
      if (imported.status === 'cancelled') return { source, problems: imported.problems ?? [], cancelled: true };
      return this.addImported(imported, source);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return {
        source,
        failed: true,
        problems: [
          problem(
            'import-failed',
            `Kunne ikke lese «${input.name}»: ${msg}`,
            `Could not read "${input.name}": ${msg}`,
            {
              file: input.name,
            },
          ),
        ],
      };
    }
  }

  /** Keeps a file read by this ingest elsewhere (the demo's pre-read files) as importFile keeps one it read. */
  addImported(imported: ImportedSource, source: SourceSpec): ImportOutcome {
    const finalSource: SourceSpec = imported.spec ? { ...imported.spec, id: source.id, demo: source.demo } : source;
    // A file read as a table stays even without values yet (its mapping can be fixed); one of which
    // nothing could be read is not kept.
    if (imported.status === 'error' && imported.headers.length === 0) return { source: finalSource, problems: imported.problems ?? [], failed: true };
    this.sources.set(source.id, { imported, version: ++this.importCounter, fileName: finalSource.fileName });
    return { source: finalSource, problems: imported.problems ?? [] };
  }

  removeSource(id: string): void {
    this.sources.delete(id);
  }

  /**
   * The files kept last get their values when `arriving` settles (their typed arrays are filled as a
   * pack is unzipped): until then no run reads any file — only a run that the first results answer
   * (useFirstPass) goes ahead. The caller makes sure it settles with every file complete or replaced.
   */
  valuesArriving(arriving: Promise<void>, begin?: () => void): void {
    const before = this.arriving;
    this.arriving = Promise.all([before, arriving]).then(() => undefined);
    if (begin) this.beginValues.push(begin);
  }

  /**
   * Resolves when every kept file has its values (see valuesArriving); then analysisTable and dataset
   * may be called. Asking is what starts their arrival where it waits to be asked (`begin`): the
   * demo's pack is unzipped only when a run needs the files, not while the first results are shown.
   */
  valuesIn(): Promise<void> {
    for (const begin of this.beginValues.splice(0)) begin();
    return this.arriving;
  }

  /**
   * Takes the first results `npm run demo` computed for this spec's files (firstPass.ts): a run that
   * needs no stage answers with them until the table is built. False (and nothing kept) when they
   * were computed for other data or variables sections, or the table is already built.
   */
  useFirstPass(spec: AnalysisSpec, first: FirstPass): boolean {
    const { tableKey } = this.keys(spec);
    if (first.sections !== sectionsKey(spec) || this.tableCache?.key === tableKey) return false;
    this.firstPass = { tableKey, value: first };
    this.sectionVersion.set('dataset', (this.sectionVersion.get('dataset') ?? 0) + 1);
    return true;
  }

  /** Returns null when a newer request superseded this one. */
  async run(spec: AnalysisSpec, ctl: RunControl): Promise<AnalysisResults | null> {
    return (await this.runVersioned(spec, ctl))?.results ?? null;
  }

  /**
   * `run`, with the version of each section of these results (for sending only what changed). With
   * `upTo`, only the stages up to the last stage of those sections run (a stage comes after the
   * sections it reads, so that prefix has all it needs); the cache makes the full run after it
   * repeat none of them.
   */
  async runVersioned(
    spec: AnalysisSpec,
    ctl: RunControl,
    upTo?: readonly SectionKey[],
  ): Promise<{ results: AnalysisResults; versions: SectionVersions } | null> {
    try {
      const results = await this.runInner(spec, ctl, this.stagesUpTo(upTo));
      const versions: SectionVersions = {};
      for (const key of ['dataset', ...this.stageList.map((s) => s.key)] as SectionKey[]) {
        if (key in results) versions[key] = this.sectionVersion.get(key) ?? 0;
      }
      return { results, versions };
    } catch (e) {
      if (e instanceof Superseded) return null;
      throw e;
    }
  }

  private stagesUpTo(upTo?: readonly SectionKey[]): AnyStage[] {
    if (!upTo) return this.stageList;
    let last = -1;
    this.stageList.forEach((s, i) => {
      if (upTo.includes(s.key)) last = i;
    });
    return this.stageList.slice(0, last + 1);
  }

  private async checkpoint(ctl: RunControl): Promise<void> {
    await pause();
    if (ctl.cancelled()) throw new Superseded();
  }

  private async runInner(spec: AnalysisSpec, ctl: RunControl, stageList: AnyStage[]): Promise<AnalysisResults> {
    const problems: Problem[] = [];
    for (const s of spec.data.sources) {
      if (!this.sources.has(s.id)) {
        problems.push(
          problem(
            'source-not-loaded',
            `Fila «${s.fileName}» er ikke lastet inn i denne økta. Last den opp på nytt.`,
            `The file "${s.fileName}" is not loaded in this session. Upload it again.`,
            { file: s.fileName },
          ),
        );
      }
    }

    ctl.progress(0.02, 'Setter sammen datasettet');
    await this.checkpoint(ctl);
    const first = this.firstPass;
    if (stageList.length === 0 && first && this.tableCache?.key !== first.tableKey && this.keys(spec).tableKey === first.tableKey) {
      problems.push(...first.value.problems);
      ctl.progress(1, 'Ferdig');
      return { specHash: hashValue(spec), problems, dataset: first.value.dataset };
    }
    await this.valuesIn();
    if (ctl.cancelled()) throw new Superseded();
    const { dataset, tableKey } = this.ensureTable(spec);
    ctl.progress(0.15, 'Lager variabler');
    await this.checkpoint(ctl);
    problems.push(...dataset.problems);
    const { table, summary } = this.tableCache!;
    problems.push(...this.tableCache!.problems);

    const results: AnalysisResults = {
      specHash: hashValue(spec),
      problems,
      dataset: summary,
    };

    for (let i = 0; i < stageList.length; i++) {
      const stage = stageList[i];
      const base = 0.25 + (0.75 * i) / stageList.length;
      const span = 0.75 / stageList.length;
      await this.checkpoint(ctl);
      const value = await this.runStage(stage, spec, table, tableKey, results, ctl, base, span);
      (results as unknown as Record<string, unknown>)[stage.key] = value;
      if (ctl.cancelled()) throw new Superseded();
    }
    ctl.progress(1, 'Ferdig');
    return results;
  }

  /**
   * dataset → variables, from the cache when the data and variables sections are unchanged. Shared by
   * `run` and `analysisTable`, so exporting the data after a run rebuilds nothing.
   */
  private keys(spec: AnalysisSpec): { present: SourceSpec[]; datasetKey: string; tableKey: string } {
    const present = spec.data.sources.filter((s) => this.sources.has(s.id));
    const datasetKey = hashValue({
      data: spec.data,
      loaded: present.map((s) => [s.id, this.sources.get(s.id)?.version]),
    });
    return { present, datasetKey, tableKey: hashValue({ datasetKey, variables: spec.variables }) };
  }

  private ensureTable(spec: AnalysisSpec): { dataset: Dataset; tableKey: string } {
    const { present, datasetKey, tableKey } = this.keys(spec);
    if (this.datasetCache?.key !== datasetKey) {
      const dataset = this.deps.buildDataset(
        present.map((s) => this.sources.get(s.id)!.imported),
        spec.data,
      );
      this.datasetCache = { key: datasetKey, dataset };
    }
    const dataset = this.datasetCache.dataset;
    if (this.tableCache?.key !== tableKey) {
      const built = this.deps.buildVariables(dataset, spec.variables);
      // The summary depends on the table, the dataset and the sources' demo flags (all in tableKey).
      const summary = summarise(built.table, dataset, built.derived, spec);
      this.tableCache = { key: tableKey, ...built, summary };
      // The first results shown for this table were these, bit for bit: the page holds them already.
      const shown = this.firstPass?.tableKey === tableKey && sameSummary(this.firstPass.value.dataset, summary);
      if (!shown) this.sectionVersion.set('dataset', (this.sectionVersion.get('dataset') ?? 0) + 1);
      this.firstPass = null;
    }
    return { dataset, tableKey };
  }

  /** The analysis table (all variables, derived included) that the stages see: for `analysedata.csv`. */
  analysisTable(spec: AnalysisSpec): Table {
    this.ensureTable(spec);
    return this.tableCache!.table;
  }

  /** The joined dataset of the data section (catalogue, validation, problems): `analyze -- import`. */
  dataset(spec: AnalysisSpec): Dataset {
    return this.ensureTable(spec).dataset;
  }

  /** What one loaded file became (detected format, variables, problems): `analyze -- inspect`. */
  importedSource(id: string): ImportedSource | undefined {
    return this.sources.get(id)?.imported;
  }

  private async runStage(
    stage: AnyStage,
    spec: AnalysisSpec,
    table: Table,
    tableKey: string,
    results: AnalysisResults,
    ctl: RunControl,
    base: number,
    span: number,
  ): Promise<unknown> {
    // The stage sees only its selection: what it can read is what its cache key covers.
    const input: unknown = stage.select(spec);
    const inputsHash = hashValue(input);
    const cached = this.stageCache.get(stage.key);
    const upToDate =
      cached &&
      cached.inputsHash === inputsHash &&
      cached.tableKey === tableKey &&
      [...cached.reads].every(([k, v]) => (this.sectionVersion.get(k) ?? 0) === v);
    if (upToDate) return cached.value;

    // Record which sections the stage reads, so it re-runs when any of them is recomputed.
    const reads = new Map<string, number>();
    const tracked = new Proxy(results, {
      get: (target, prop, receiver) => {
        if (typeof prop === 'string' && prop !== stage.key)
          reads.set(prop, this.sectionVersion.get(prop) ?? 0);
        return Reflect.get(target, prop, receiver);
      },
    });
    const value = await stage.run({
      input,
      table,
      results: tracked,
      cancelled: () => ctl.cancelled(),
      progress: (f, label, job) => ctl.progress(base + span * Math.min(1, Math.max(0, f)), label, job),
      pause,
    });
    if (ctl.cancelled()) throw new Superseded();
    // A job that failed in a helper thread failed by chance, not because of its input: the next run
    // («Prøv igjen») computes the stage again instead of showing the failure from the cache.
    if (hasPoolFailure(value)) this.stageCache.delete(stage.key);
    else this.stageCache.set(stage.key, { inputsHash, tableKey, reads, value });
    this.sectionVersion.set(stage.key, (this.sectionVersion.get(stage.key) ?? 0) + 1);
    return value;
  }
}

function summarise(
  table: Table,
  dataset: Dataset,
  derived: DerivedVariableInfo[],
  spec: AnalysisSpec,
): DatasetSummary {
  const codes = table.unit ? (columnAsText(table, table.unit) ?? []) : [];
  const names = table.unitName ? (columnAsText(table, table.unitName) ?? []) : [];
  const unitMap = new Map<string, string>();
  codes.forEach((c, i) => {
    // The first row with a name: rows of an upload without names may come first (earlier years).
    if (c && !unitMap.get(c)) unitMap.set(c, names[i] ?? '');
  });
  const yearCol = table.year ? getNumeric(table, table.year) : undefined;
  const years = yearCol
    ? [...new Set(Array.from(yearCol.values).filter(Number.isFinite))].sort((a, b) => a - b)
    : [];
  const imported = new Map(dataset.catalogue.map((v) => [v.name, v]));
  const built = new Map(derived.map((d) => [d.name, d]));
  const numericColumns: NumericColumnInfo[] = [];
  for (const col of table.columns.values()) {
    if (col.kind !== 'number' || col.name === table.year) continue;
    const d = built.get(col.name);
    const v = imported.get(col.name);
    const label = d?.label ?? v?.label ?? col.label ?? col.name;
    const m = measureOf({ label, unit: d?.unit ?? v?.unit ?? col.unit, dims: v?.dims, additive: v?.additive, kind: d?.kind });
    numericColumns.push({
      name: col.name,
      label,
      measure: m.measure,
      unit: m.unit,
      origin: d ? d.kind : 'imported',
      source: d ? d.recipe : (v?.source ?? col.source ?? ''),
      ...(d ? { inputs: d.inputs } : {}),
    });
  }
  return {
    nRows: table.nRows,
    nUnits: unitMap.size,
    years,
    catalogue: dataset.catalogue,
    derived,
    numericColumns,
    units: [...unitMap].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    demo: usesDemoData(spec.data),
    syntheticShare: table.nRows > 0 ? (dataset.syntheticRows ?? 0) / table.nRows : 0,
    validation: dataset.validation,
  };
}
