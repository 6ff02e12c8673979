/**
 * `analyze -- run --project FILE --out DIR`: runs a saved project (`.knl.json`, or a bare spec)
 * through the same pipeline the dashboard's worker uses and writes, into DIR:
 *   results.json      the AnalysisResults (typed arrays as plain arrays)
 *   regression.csv    the models shown, in the report layout (Norwegian CSV; `--csv en` for , and .)
 *   results.xlsx      the same tables plus a sheet describing model and data
 *   analysis.R / analysis.do   scripts that reproduce the models
 *   analysedata.csv   the tidy analysis table the scripts read (kommune, navn, aar, every variable)
 *   scenarios.xlsx / scenarios.csv   with scenarios in the project: one sheet per scenario and a
 *                     comparison sheet (the dashboard's export of Omfordeling's scenario panel)
 * Data files come from the project (embedded), else from `--data DIR` (default: the project's folder),
 * else from public/demo for demo sources. Exit code 1 when any model failed or a file is missing.
 * `--print-spec` prints the project's spec as it runs (migrated, defaults filled in).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Args } from '../args';
import { required } from '../args';
import { defineCommand } from '../command';
import { printSpec } from '../analysis';
import { PRINT_SPEC } from '../options';
import { refetchSource } from '../ssbRefetch';
import { openProject } from '../../src/export/projectFile';
import { buildRegressionTable } from '../../src/export/regressionTable';
import { BOM, tableToCsv } from '../../src/export/csv';
import { scenarioReportTables } from '../../src/export/scenarioTables';
import { tablesToXlsx } from '../../src/export/xlsx';
import { describeSpec, isSyntheticSpec } from '../../src/export/describeSpec';
import { generateRScript } from '../../src/export/scripts/rScript';
import { generateStataScript } from '../../src/export/scripts/stataScript';
import { tableToTidyCsv } from '../../src/export/analysisData';
import { DEFAULT_DATA_FILE } from '../../src/export/scripts/common';
import { Pipeline } from '../../src/worker/pipeline';
import type { Problem } from '../../src/engine/problem';
import type { AnalysisResults } from '../../src/results/analysisResults';
import type { ReportTable } from '../../src/export/reportTable';

const here = dirname(fileURLToPath(import.meta.url));
const DEMO_DIR = resolve(here, '../../public/demo');

/** JSON with typed arrays as arrays (Float64Array would otherwise become {"0":…}). */
function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v),
    1,
  );
}

export function regressionTablesFor(results: AnalysisResults, spec: import('../../src/spec/schema').AnalysisSpec, lang: 'nb' | 'en'): ReportTable[] {
  const shown = spec.models.shown.length ? spec.models.shown : spec.models.list.map((m) => m.id);
  const inputs = shown
    .map((id) => spec.models.list.find((m) => m.id === id))
    .filter((m): m is NonNullable<typeof m> => Boolean(m))
    .flatMap((m) => (results.models?.[m.id] ? [{ label: m.label, result: results.models[m.id], entry: m }] : []));
  if (!inputs.length) return [];
  const labels: Record<string, string> = {};
  for (const c of results.dataset?.numericColumns ?? []) labels[c.name] = c.label;
  return [
    buildRegressionTable(inputs, {
      id: 'regression',
      title: lang === 'nb' ? `Regresjonsresultater – ${spec.title}` : `Regression results – ${spec.title}`,
      lang,
      stars: spec.models.stars,
      labels,
      synthetic: isSyntheticSpec(spec),
    }),
  ];
}

export const run = defineCommand({
  name: 'run',
  summary: 'kjør en lagret prosjektfil / run a saved project: --project FILE --out DIR [--data DIR] [--refetch [--api URL]] [--csv nb|en] [--lang nb|en]',
  options: [
    { name: 'project', kind: 'value', arg: 'FILE', help: 'prosjektfil (.knl.json) eller AnalysisSpec / project file (.knl.json) or AnalysisSpec' },
    { name: 'out', kind: 'value', arg: 'DIR', help: 'mappe for resultatene / folder for the results' },
    { name: 'data', kind: 'value', arg: 'DIR', help: 'mappe med datafilene (standard prosjektets mappe) / folder of the data files (default the project’s)' },
    { name: 'csv', kind: 'value', choices: ['nb', 'en'], help: 'CSV-stil (standard prosjektets) / CSV style (default the project’s)' },
    { name: 'lang', kind: 'value', choices: ['nb', 'en'], help: 'språk i tabellene (standard nb) / language of the tables (default nb)' },
    { name: 'refetch', kind: 'flag', help: 'hent SSB-kildene på nytt / fetch the SSB sources again' },
    { name: 'api', kind: 'value', arg: 'URL', help: 'API-adresse for --refetch (standard kildens) / API base for --refetch (default the source’s)' },
    PRINT_SPEC,
  ],
  async run(args: Args): Promise<number> {
    const projectPath = resolve(required(args, 'project'));
    const opened = openProject(readFileSync(projectPath));
    if (!opened.ok) {
      for (const p of opened.problems) process.stderr.write(`${p.message} / ${p.messageEn}\n`);
      return 1;
    }
    const { spec, view, files } = opened.project;
    // The spec as it runs: migrated to the current version, defaults filled in.
    if (args.flags.has('print-spec')) return printSpec(spec);
    const outDir = resolve(required(args, 'out'));
    const dataDir = resolve(args.values.get('data') ?? dirname(projectPath));
    const lang = args.values.get('lang') === 'en' ? 'en' : 'nb';
    const problems: Problem[] = [...opened.project.problems];
    const pipeline = new Pipeline();
    const refetch = args.flags.has('refetch');
    const refetched: { source: string; table: string; file: string; changes: unknown }[] = [];
    for (const [i, original] of spec.data.sources.entries()) {
      let source = original;
      const embedded = files.find((f) => f.source.id === source.id);
      let bytes = embedded?.bytes;
      if (!bytes) {
        const candidates = [join(dataDir, source.fileName), ...(source.demo ? [join(DEMO_DIR, source.fileName)] : [])];
        const found = candidates.find((p) => existsSync(p));
        if (found) bytes = new Uint8Array(readFileSync(found));
      }
      if (refetch && source.ssb) {
        // The stored query fetched again; the new file is used and written next to the results.
        const r = await refetchSource(source, bytes, args.values.get('api'));
        if ('problems' in r) {
          for (const p of r.problems) process.stderr.write(`${p.message}\n`);
          return 1;
        }
        source = r.ok.source;
        spec.data.sources[i] = source;
        bytes = r.ok.bytes;
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, source.fileName), bytes);
        refetched.push({ source: source.id, table: source.ssb!.query.tableId, file: source.fileName, changes: r.ok.changes });
      }
      if (!bytes) {
        process.stderr.write(`Finner ikke datafila «${source.fileName}» (bruk --data MAPPE). / Data file "${source.fileName}" not found (use --data DIR).\n`);
        return 1;
      }
      const out = await pipeline.importFile({ name: source.fileName, bytes }, source);
      problems.push(...out.problems);
    }
    const results = await pipeline.run(spec, { cancelled: () => false, progress: () => {} });
    if (!results) return 1;

    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'results.json'), toJson({ ...results, problems: [...problems, ...results.problems] }));
    const tables = regressionTablesFor(results, spec, lang);
    const csvStyle = args.values.get('csv') === 'en' ? 'en' : args.values.get('csv') === 'nb' ? 'nb' : (view.csvStyle ?? 'nb');
    for (const t of tables) writeFileSync(join(outDir, `${t.id}.csv`), tableToCsv(t, { style: csvStyle }));
    writeFileSync(join(outDir, 'results.xlsx'), await tablesToXlsx(tables, { lang, description: describeSpec(spec, lang), synthetic: isSyntheticSpec(spec) }));
    writeFileSync(join(outDir, 'analysis.R'), generateRScript(spec));
    writeFileSync(join(outDir, 'analysis.do'), generateStataScript(spec));
    // Written beside the scripts, under the name they read, so `Rscript analysis.R` runs as is.
    writeFileSync(join(outDir, DEFAULT_DATA_FILE), tableToTidyCsv(pipeline.analysisTable(spec)));
    const scenarioFiles: string[] = [];
    const sc = results.scenarios;
    if (sc?.configured && sc.units.length) {
      const st = scenarioReportTables(sc, { lang, synthetic: isSyntheticSpec(spec) });
      writeFileSync(join(outDir, 'scenarios.xlsx'), await tablesToXlsx(st, { lang, description: describeSpec(spec, lang), synthetic: isSyntheticSpec(spec) }));
      writeFileSync(join(outDir, 'scenarios.csv'), BOM + st.map((t) => tableToCsv(t, { style: csvStyle, bom: false })).join('\r\n'));
      scenarioFiles.push('scenarios.xlsx', 'scenarios.csv');
    }

    const failed = Object.entries(results.models ?? {}).filter(([, r]) => r.fits.some((f) => !f.outcome.ok));
    const summary = {
      out: outDir,
      files: ['results.json', ...tables.map((t) => `${t.id}.csv`), 'results.xlsx', 'analysis.R', 'analysis.do', DEFAULT_DATA_FILE, ...scenarioFiles],
      models: Object.keys(results.models ?? {}).length,
      failedModels: failed.map(([id]) => id),
      problems: [...problems, ...results.problems].filter((p) => p.severity === 'error').map((p) => p.messageEn),
      ...(sc?.configured
        ? {
            scenarios: {
              against: sc.reference.flat ? null : sc.reference.label,
              units: sc.units.length,
              signChanges: sc.signDiffers.reduce((a, v) => a + v, 0),
              list: sc.scenarios.map((x) => ({ id: x.id, label: x.label, ok: x.outcome?.checks.ok ?? false, gainers: x.outcome?.gainers ?? null, losers: x.outcome?.losers ?? null, problems: x.problems.map((p) => p.messageEn) })),
            },
          }
        : {}),
      ...(refetch ? { refetched } : {}),
    };
    if (args.flags.has('json')) process.stdout.write(JSON.stringify(summary, null, 1) + '\n');
    else process.stdout.write(`Skrev ${summary.files.length} filer til ${outDir} (${summary.models} modeller, ${failed.length} feilet).\n`);
    return failed.length ? 1 : 0;
  },
});
