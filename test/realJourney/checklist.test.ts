/**
 * The own-data journey on the worker pipeline, with real files from ../shared only:
 * population by single age (07459, 2022), the Grønt hefte 2025 index and SSB's 1994–2024 grouping.
 * The checklist says what is missing; its actions, applied one by one, lead to a fitted model and a
 * cost key on real municipalities, with nothing synthetic in it. Also the demo's removal keeps
 * nothing of the demo. Fails (does not skip) under CI=true when ../shared is missing.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildChecklist, type CheckAction, type CheckItem } from '../../src/features/upload/checklist';
import { applyToSpec } from '../../src/features/upload/checklistSpec';
import type { ValidationReport } from '../../src/ingest/types';
import { emptySpec, type AnalysisSpec } from '../../src/spec/schema';
import { sourceSpecSchema, type SourceSpec } from '../../src/spec/sections/data';
import { usesSyntheticSources } from '../../src/spec/synthetic';
import { specWithoutDemo } from '../../src/spec/withoutDemo';
import { Pipeline } from '../../src/worker/pipeline';
import { newSourceSpec } from '../../src/worker/sources';
import { describeWithShared, REAL_DIR as REAL } from '../support/shared';
import type { AnalysisResults } from '../../src/results/analysisResults';


const FILES = [
  'ssb-07459-population-by-age-csv/Personer2022.csv',
  'kmd-gront-hefte-cost-index-per-municipality/dki-2025.A-k-samlet.json',
  'ssb-statbank-kommune-aggregation-1994-2024-xlsx/kommuner-1994-2024.xlsx',
];

const ctl = { cancelled: () => false, progress: () => {} };

async function importAll(p: Pipeline, spec: AnalysisSpec): Promise<void> {
  for (const rel of FILES) {
    const name = rel.split('/').pop() as string;
    // The source spec the worker makes for a new upload.
    const out = await p.importFile({ name, bytes: new Uint8Array(readFileSync(`${REAL}/${rel}`)) }, newSourceSpec(name, spec.data.sources.map((s) => s.id)));
    spec.data.sources.push(out.source);
  }
}

function checklist(spec: AnalysisSpec, res: AnalysisResults): CheckItem[] {
  const ds = res.dataset!;
  return buildChecklist({ spec, catalogue: ds.catalogue, validation: ds.validation as ValidationReport, numericColumns: ds.numericColumns, derived: ds.derived });
}

/** Applies a checklist action as the view does (a file's mapping change re-reads that file). */
async function apply(p: Pipeline, spec: AnalysisSpec, res: AnalysisResults, action: CheckAction): Promise<void> {
  if (action.kind === 'year-as' || action.kind === 'change-table') {
    const i = spec.data.sources.findIndex((s) => s.id === action.sourceId);
    const src = spec.data.sources[i];
    const next: SourceSpec = action.kind === 'year-as' ? { ...src, mapping: { ...src.mapping!, yearAs: action.year } } : { ...src, role: 'change-table' };
    if (action.kind === 'change-table') applyToSpec(spec, action, [], 'nb');
    const rel = FILES.find((f) => f.endsWith(src.fileName)) as string;
    const out = await p.importFile({ name: src.fileName, bytes: new Uint8Array(readFileSync(`${REAL}/${rel}`)) }, next);
    spec.data.sources[i] = out.source;
    return;
  }
  applyToSpec(spec, action, res.dataset!.numericColumns.map((c) => c.name), 'nb');
}

describeWithShared(REAL, 'own data from an empty start, following the checklist (real files only)', () => {
  it('reaches a model and a key on real municipalities, with no synthetic label', async () => {
    const p = new Pipeline();
    const spec = emptySpec();
    await importAll(p, spec);
    let res = (await p.run(spec, ctl))!;
    const first = checklist(spec, res);
    const status = (items: CheckItem[]) => Object.fromEntries(items.map((i) => [i.id, i.status]));
    expect(status(first)).toMatchObject({ population: 'todo', criteria: 'todo', years: 'todo', structure: 'warn', model: 'warn' });
    // What the user reads: the files share no year; the fix is one button.
    const years = first.find((i) => i.id === 'years')!;
    expect(years.detail.nb).toContain('ingen felles år');
    expect(years.actions[0].label.nb).toBe('Bruk 2025-fila «dki-2025.A-k-samlet.json» for år 2022');
    expect(first.find((i) => i.id === 'structure')!.actions[0].label.nb).toContain('kommuner-1994-2024.xlsx');

    // Follow the first button of every open item, as a user would, until the model exists.
    const done: string[] = [];
    for (let step = 0; step < 10; step++) {
      const items = checklist(spec, res);
      const next = items.find((i) => (i.status === 'todo' || i.status === 'warn') && i.actions.length > 0);
      if (!next) break;
      done.push(`${next.id}:${next.actions[0].action.kind}`);
      await apply(p, spec, res, next.actions[0].action);
      res = (await p.run(spec, ctl))!;
    }
    expect(done).toEqual(['population:population-from-ages', 'criteria:age-shares', 'years:year-as', 'structure:change-table', 'model:make-model']);
    const last = checklist(spec, res);
    expect(last.filter((i) => i.status === 'todo')).toEqual([]);

    // The model: the index on the age shares, one cross-section 2022 on the 2024 structure.
    const model = spec.models.list[0];
    expect(model).toMatchObject({ dependent: 'samlet', design: 'single' });
    expect(model.regressors).toEqual(['andel_0_22', 'andel_67_79', 'andel_80_pluss']);
    const outcome = res.models![model.id].fits[0].outcome;
    expect(outcome.ok).toBe(true);
    // 355 municipalities in the index, found in the population file once both are on 2024 numbers.
    if (outcome.ok) expect(outcome.n).toBeGreaterThanOrEqual(350);
    const key = res.costKey!;
    expect(key.modelId).toBe(model.id);
    expect(key.outcome).not.toBeNull();
    const units = key.base!.prep.units;
    expect(units.length).toBeGreaterThanOrEqual(350);
    // Real 2024 municipality numbers (3101 Halden, 4601 Bergen), none of the demo's 9xxx.
    expect(units).toEqual(expect.arrayContaining(['0301', '3101', '4601', '5001']));
    expect(units.some((u) => u.startsWith('9'))).toBe(false);
    // The population built from ages: Oslo 1 Jan 2022.
    expect(res.dataset!.demo).toBe(false);
    expect(res.dataset!.syntheticShare).toBe(0);
    expect(usesSyntheticSources(spec.data.sources)).toBe(false);

    // Scenarios on the real key: the proposed key, a model with one criterion and
    // typed weights, each against the same key on the same real municipalities; identities hold.
    spec.models.list.push({ ...model, id: 'bare_unge', label: 'Bare 0–22', regressors: ['andel_0_22'] });
    spec.scenarios.list = [
      { id: 'p', label: 'Foreslått', source: { kind: 'proposed' } },
      { id: 'm', label: 'Bare 0–22', source: { kind: 'model', modelId: 'bare_unge' } },
      { id: 't', label: 'Skrevet inn', source: { kind: 'weights', weights: { __basic__: 0.4, andel_0_22: 0.3, andel_67_79: 0.15, andel_80_pluss: 0.15 }, source: '' } },
    ];
    res = (await p.run(spec, ctl))!;
    const sc = res.scenarios!;
    expect(sc.units).toEqual(units);
    for (const x of sc.scenarios) {
      expect(x.problems, x.label).toEqual([]);
      expect(x.outcome!.checks.ok, x.label).toBe(true);
    }
    const nSign = sc.signDiffers.reduce((a, v) => a + v, 0);
    expect(nSign).toBeGreaterThan(0);
    expect(nSign).toBeLessThan(units.length);
  });

  it('«Fjern demodata» keeps the user\'s files and nothing of the demo', () => {
    const demo = emptySpec();
    demo.data.sources = [
      sourceSpecSchema.parse({ id: 'demo:a', fileName: 'befolkning-alder-07459.csv', format: 'csv', demo: true }),
      sourceSpecSchema.parse({ id: 'file:Personer2022.csv', fileName: 'Personer2022.csv', format: 'csv' }),
    ];
    demo.data.structure = '2024';
    demo.variables.population = 'innbyggere';
    demo.variables.ageGroups.push({ id: 'andel_0_22', label: 'x', from: 0, to: 22, share: true, filter: {} });
    demo.models.list.push({ ...emptySpec().models.list[0], id: 'dagens', label: 'Dagens nøkkel', dependent: 'utg_barnevern', regressors: ['andel_0_22'], controls: [], design: 'pooled', intercept: true, yearEffects: true, se: 'cluster', cluster: null, weights: null, sample: null } as AnalysisSpec['models']['list'][number]);
    demo.costKey.currentModelId = 'dagens';
    demo.costKey.presets.push({ id: 'p', label: 'p', weights: { andel_0_22: 1 }, source: '' });
    const out = specWithoutDemo(demo, new Set(['persons_age_0']));
    expect(out.data.sources.map((s) => s.id)).toEqual(['file:Personer2022.csv']);
    expect(out.data.structure).toBe('2024');
    expect(out.models.list).toEqual([]);
    expect(out.costKey.currentModelId).toBeNull();
    expect(out.costKey.presets).toEqual([]);
    expect(out.variables.ageGroups).toEqual([]);
    // «innbyggere» was the demo's variable: back to the default name, which the checklist then fills.
    expect(out.variables.population).toBe(emptySpec().variables.population);
    expect(usesSyntheticSources(out.data.sources)).toBe(false);
    // Only demo files: the empty analysis.
    const onlyDemo = { ...demo, data: { ...demo.data, sources: demo.data.sources.filter((s) => s.demo) } };
    expect(specWithoutDemo(onlyDemo, new Set())).toEqual(emptySpec());
  });
});
