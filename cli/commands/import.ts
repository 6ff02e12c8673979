/**
 * `analyze -- import --files a.csv b.json [--spec spec.json] [--structure none|2020|2024]
 *   [--change-table klass.csv] --out tidy.csv [--report report.json] [--json]`
 * reads files with the same ingest code as the dashboard (a stored mapping in the spec's
 * `data.sources`, matched by file name, re-imports a file the same way), joins them and writes a
 * tidy CSV (kommune, navn, aar, variables…; `,` and decimal point; empty = missing; text cells
 * neutralised against formula injection by the same writer as `analysedata.csv`) plus a JSON
 * report (catalogue, validation, problems).
 *
 * `analyze -- inspect FILE... [--json]` prints per file what the importer made of it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Args } from '../args';
import type { Command } from './types';
import { buildDataset, ingestFile, type Dataset, type ImportedSource } from '../../src/ingest/index';
import { dataSpecSchema, sourceSpecSchema, type DataSpec, type SourceSpec } from '../../src/spec/sections/data';
import { tableToTidyCsv } from '../../src/export/analysisData';

function fileList(args: Args): string[] {
  const first = args.values.get('files');
  return [...(first ? [first] : []), ...args.positional];
}

function readSpec(path: string | undefined): DataSpec {
  if (!path) return dataSpecSchema.parse({});
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // Accept a whole AnalysisSpec, a project file ({ spec }) or just the data section.
  const spec = (raw.spec as Record<string, unknown> | undefined) ?? raw;
  return dataSpecSchema.parse((spec.data as unknown) ?? spec);
}

async function ingestAll(files: string[], data: DataSpec, changeTable?: string): Promise<ImportedSource[]> {
  const out: ImportedSource[] = [];
  for (const f of files) {
    const name = basename(f);
    const stored = data.sources.find((s) => s.fileName === name);
    out.push(await ingestFile({ name, bytes: new Uint8Array(readFileSync(f)) }, stored ? { source: stored } : {}));
  }
  if (changeTable) {
    const name = basename(changeTable);
    const source: SourceSpec = sourceSpecSchema.parse({ id: `change:${name}`, fileName: name, format: 'csv', role: 'change-table' });
    out.push(await ingestFile({ name, bytes: new Uint8Array(readFileSync(changeTable)) }, { source: { ...source, format: /\.xlsx$/i.test(name) ? 'xlsx' : 'csv' } }));
  }
  return out;
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

export const importCommand: Command = {
  summary: 'les filer (CSV, JSON-stat, xlsx), koble og slå sammen → tidy CSV + rapport / import files → tidy CSV + report',
  async run(args) {
    const files = fileList(args);
    if (files.length === 0) {
      process.stderr.write('mangler --files / missing --files\n');
      return 2;
    }
    const data = readSpec(args.values.get('spec'));
    const structure = args.values.get('structure');
    if (structure !== undefined) {
      if (structure !== 'none' && structure !== '2020' && structure !== '2024') {
        process.stderr.write('--structure må være none, 2020 eller 2024 / must be none, 2020 or 2024\n');
        return 2;
      }
      data.structure = structure;
    }
    const sources = await ingestAll(files, data, args.values.get('change-table'));
    const ds = buildDataset(sources, data);
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
};

/** What the importer made of one file, in the shape documented in the README (issue 4, point 8). */
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
    variables: s.variables.map((v, i) => ({ name: v.name, ...counts[i] })),
    problems: s.problems.map((p) => ({ code: p.code, message: p.message, line: p.where?.line ?? null, column: p.where?.column ?? null })),
  };
}

export const inspectCommand: Command = {
  summary: 'vis hva innleseren gjorde med hver fil / show what the importer made of each file',
  async run(args) {
    const files = fileList(args);
    if (files.length === 0) {
      process.stderr.write('mangler filer / missing files\n');
      return 2;
    }
    const sources = await ingestAll(files, dataSpecSchema.parse({}));
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
};
