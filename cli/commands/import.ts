/**
 * `analyze -- import --files a.csv b.json [--spec spec.json] [--structure none|2020|2024]
 *   [--change-table klass.csv] --out tidy.csv [--report report.json] [--json]`
 * reads files with the same ingest code as the dashboard (a stored mapping in the spec's
 * `data.sources`, matched by file name, re-imports a file the same way), joins them and writes a
 * tidy CSV (kommune, navn, aar, variables…; `,` and decimal point; empty = missing; text cells
 * neutralised against formula injection by the same writer as `analysedata.csv`) plus a JSON
 * report (catalogue, validation, problems). The files become the spec's `data` section, read into
 * the worker's Pipeline (`--print-spec` prints the spec, each source as the reader resolved it).
 *
 * `analyze -- inspect FILE... [--json]` prints per file what the importer made of it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Args } from '../args';
import { defineCommand } from '../command';
import { checkedSpec, loadSources, newSpec, printSpec } from '../analysis';
import { PRINT_SPEC, UsageError, type OptionDef } from '../options';
import type { Dataset, ImportedSource } from '../../src/ingest/index';
import type { AnalysisSpec } from '../../src/spec/schema';
import { dataSpecSchema, sourceSpecSchema, type DataSpec, type SourceSpec } from '../../src/spec/sections/data';
import { tableToTidyCsv } from '../../src/export/analysisData';
import { newSourceSpec } from '../../src/worker/sources';

function fileList(args: Args): string[] {
  const first = args.values.get('files');
  const files = [...(first ? [first] : []), ...args.positional];
  if (files.length === 0) throw new UsageError('mangler filer (--files a.csv b.json …) / missing files (--files a.csv b.json …)');
  return files;
}

function readDataSpec(path: string | undefined): DataSpec {
  if (!path) return dataSpecSchema.parse({});
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // Accept a whole AnalysisSpec, a project file ({ spec }) or just the data section.
  const spec = (raw.spec as Record<string, unknown> | undefined) ?? raw;
  return dataSpecSchema.parse((spec.data as unknown) ?? spec);
}

/**
 * The data section of the files: a mapping stored in `--spec` (matched by file name) is used as
 * saved, any other file gets a new source as in the dashboard; `--change-table` is a Klass
 * code-change table for the structure step.
 */
function dataSpecFromArgs(args: Args): { spec: AnalysisSpec; files: Record<string, string> } {
  const stored = readDataSpec(args.values.get('spec'));
  const spec = newSpec('analyze import');
  const files: Record<string, string> = {};
  const taken = new Set<string>();
  const sources: SourceSpec[] = fileList(args).map((path) => {
    const name = basename(path);
    const saved = stored.sources.find((s) => s.fileName === name);
    const source = saved && !taken.has(saved.id) ? saved : newSourceSpec(name, taken);
    taken.add(source.id);
    files[source.id] = path;
    return source;
  });
  const changeTable = args.values.get('change-table');
  if (changeTable) {
    const name = basename(changeTable);
    const source = sourceSpecSchema.parse({ id: `change:${name}`, fileName: name, format: /\.xlsx$/i.test(name) ? 'xlsx' : 'csv', role: 'change-table' });
    files[source.id] = changeTable;
    sources.push(source);
  }
  spec.data = { ...stored, sources, structure: (args.values.get('structure') as DataSpec['structure'] | undefined) ?? stored.structure };
  return { spec: checkedSpec(spec), files };
}

export function datasetReport(ds: Dataset, sources: ImportedSource[]) {
  return {
    rows: ds.table.nRows,
    files: sources.map((s) => ({ file: s.spec.fileName, status: s.status, format: s.detected.format, spec: s.spec })),
    catalogue: ds.catalogue,
    validation: ds.validation,
    problems: ds.problems,
  };
}

const IMPORT_OPTIONS: OptionDef[] = [
  { name: 'files', kind: 'value', arg: 'FILE', help: 'første fil (flere kan følge) / first file (more may follow)' },
  { name: 'spec', kind: 'value', arg: 'FILE', help: 'lagret analyse: filenes lagrede oppsett / saved analysis: the files’ stored mappings' },
  { name: 'structure', kind: 'value', choices: ['none', '2020', '2024'], help: 'kommunestruktur (standard none) / municipality structure (default none)' },
  { name: 'change-table', kind: 'value', arg: 'FILE', help: 'Klass endringstabell / Klass code-change table' },
  { name: 'out', kind: 'value', arg: 'FILE', help: 'tidy CSV' },
  { name: 'report', kind: 'value', arg: 'FILE', help: 'JSON-rapport / JSON report' },
  PRINT_SPEC,
];

export const importCommand = defineCommand({
  name: 'import',
  summary: 'les filer (CSV, JSON-stat, xlsx), koble og slå sammen → tidy CSV + rapport / import files → tidy CSV + report',
  options: IMPORT_OPTIONS,
  positional: 'FILE...',
  async run(args) {
    const built = dataSpecFromArgs(args);
    const { spec, pipeline, refused } = await loadSources(built.spec, built.files);
    if (args.flags.has('print-spec')) return printSpec(spec);
    const sources = spec.data.sources.map((s) => pipeline.importedSource(s.id) ?? refused.get(s.id)).filter((s): s is ImportedSource => s !== undefined);
    const ds = pipeline.dataset(spec);
    const out = args.values.get('out');
    if (out) writeFileSync(out, tableToTidyCsv(ds.table));
    const report = datasetReport(ds, sources);
    const reportPath = args.values.get('report');
    if (reportPath) writeFileSync(reportPath, JSON.stringify(report, null, 1));
    if (args.flags.has('json')) process.stdout.write(JSON.stringify(report, null, 1) + '\n');
    else {
      process.stdout.write(`${ds.table.nRows} rader, ${ds.catalogue.length} variabler${out ? ` → ${out}` : ''}\n`);
      for (const p of ds.problems) process.stdout.write(`  [${p.severity}] ${p.message}\n`);
    }
    return sources.some((s) => s.status === 'error') ? 1 : 0;
  },
});

/** What the importer made of one file, in the shape documented in the README. */
export function inspectSource(s: ImportedSource) {
  const counts = s.variables.map(() => ({ values: 0, missing: 0, suppressed: 0 }));
  for (let i = 0; i < s.obs.n; i++) {
    const c = counts[s.obs.variable[i]];
    const m = s.obs.missing[i];
    if (m === 0) c.values++;
    else if (m === 2) c.suppressed++;
    else c.missing++;
  }
  return {
    file: s.spec.fileName,
    format: s.detected.format,
    encoding: s.detected.encoding ?? null,
    delimiter: s.detected.delimiter ?? null,
    layout: s.detected.layout ?? null,
    units: s.units.length,
    unit_codes: s.units,
    years: [...new Set(s.obs.year)].filter((y) => y > 0).sort((a, b) => a - b),
    aggregates_set_aside: s.aggregates.map((a) => a.label || a.code),
    header_row: !s.detected.headerless,
    // Quarters/months combined to years (src/ingest/periods.ts): the kind and the rule per variable.
    periods: s.detected.periods ? { kind: s.detected.periods.kind, rule: s.detected.periods.rule, applied: s.detected.periods.applied, incomplete_years: s.detected.periods.incompleteYears } : null,
    variables: s.variables.map((v, i) => ({ name: v.name, ...counts[i] })),
    problems: s.problems.map((p) => ({ code: p.code, message: p.message, line: p.where?.line ?? null, column: p.where?.column ?? null })),
  };
}

export const inspectCommand = defineCommand({
  name: 'inspect',
  summary: 'vis hva innleseren gjorde med hver fil / show what the importer made of each file',
  options: [{ name: 'files', kind: 'value', arg: 'FILE', help: 'første fil (flere kan følge) / first file (more may follow)' }, PRINT_SPEC],
  positional: 'FILE...',
  async run(args) {
    const built = dataSpecFromArgs(args);
    const { spec, pipeline, refused } = await loadSources(built.spec, built.files);
    if (args.flags.has('print-spec')) return printSpec(spec);
    const sources = spec.data.sources.map((s) => pipeline.importedSource(s.id) ?? refused.get(s.id)).filter((s): s is ImportedSource => s !== undefined);
    const out = sources.map(inspectSource);
    if (args.flags.has('json')) process.stdout.write(JSON.stringify(out, null, 1) + '\n');
    else {
      for (const o of out) {
        process.stdout.write(`${o.file}: ${o.format}, ${o.encoding ?? '-'}, skilletegn ${JSON.stringify(o.delimiter)}, ${o.layout ?? '-'}, ${o.units} kommuner, år ${o.years.join(' ')}, ${o.variables.length} variabler\n`);
        for (const p of o.problems) process.stdout.write(`  ${p.message}\n`);
      }
    }
    return sources.some((s) => s.status === 'error') ? 1 : 0;
  },
});
