import { describe, expect, it } from 'vitest';
import { makeTable, numericColumn, stringColumn, type Table } from '../engine/table';
import { emptySpec, type AnalysisSpec } from '../spec/schema';
import { sourceSpecSchema } from '../spec/sections/data';
import { modelEntrySchema } from '../spec/sections/models';
import { defaultDeps, type EngineDeps } from './engine';
import { Pipeline } from './pipeline';
import { modelsStage } from './stages/models';
import type { AnyStage } from './stages/types';
import type { ImportedSource } from './ingestTypes';

/** A small panel: 30 units × 3 years, y = 2 + 3x + noise. */
function panel(): Table {
  const kommune: string[] = [];
  const navn: string[] = [];
  const aar: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (let u = 0; u < 30; u++) {
    for (let t = 0; t < 3; t++) {
      kommune.push(String(9100 + u));
      navn.push(`Testkommune ${u}`);
      aar.push(2020 + t);
      const xi = (u * 7 + t * 3) % 11;
      x.push(xi);
      y.push(2 + 3 * xi + (((u * 13 + t * 5) % 7) - 3) * 0.1);
    }
  }
  return makeTable(
    [
      stringColumn('kommune', kommune),
      stringColumn('navn', navn),
      numericColumn('aar', aar),
      numericColumn('x', x),
      numericColumn('y', y),
    ],
    { unit: 'kommune', year: 'aar', unitName: 'navn' },
  );
}

function deps(): EngineDeps {
  const table = panel();
  return {
    ...defaultDeps,
    // The fake "import" carries the finished table straight through to buildDataset.
    ingestFile: async () => ({ table, problems: [] }) as unknown as ImportedSource,
    buildDataset: (sources) => ({
      table: (sources[0] as unknown as { table: Table } | undefined)?.table ?? makeTable([]),
      catalogue: [],
      validation: { sources: [], outliers: [], nOutliers: 0, unmatchedCodes: [], mappedCodes: [] },
      problems: [],
    }),
    buildVariables: (d) => ({ table: d.table, derived: [], problems: [] }),
  };
}

function spec(): AnalysisSpec {
  const s = emptySpec();
  s.data.sources = [sourceSpecSchema.parse({ id: 'a', fileName: 'a.csv', format: 'csv', demo: true })];
  s.models.list = [
    modelEntrySchema.parse({ id: 'm1', label: 'M1', dependent: 'y', regressors: ['x'], se: 'classical' }),
  ];
  return s;
}

const ctl = { cancelled: () => false, progress: () => {} };

async function loaded(stages?: AnyStage[]): Promise<Pipeline> {
  const p = new Pipeline(deps(), stages);
  await p.importFile({ name: 'a.csv', bytes: new Uint8Array() }, spec().data.sources[0]);
  return p;
}

describe('Pipeline', () => {
  it('names the ids held under another file name, so «a.json» after «a.csv» gets an id of its own', async () => {
    const p = await loaded();
    expect(p.idsHeldByOthers('a.json')).toEqual(['a']);
    expect(p.idsHeldByOthers('a.csv')).toEqual([]);
  });

  it('fits the models of the spec and summarises the data', async () => {
    const p = await loaded();
    const r = await p.run(spec(), ctl);
    expect(r?.dataset).toMatchObject({ nRows: 90, nUnits: 30, years: [2020, 2021, 2022], demo: true });
    const fit = r?.models?.m1.fits[0].outcome;
    expect(fit?.ok).toBe(true);
    if (fit?.ok) expect(fit.coefficients.find((c) => c.name === 'x')?.estimate).toBeCloseTo(3, 1);
  });

  it('names a municipality from its first row that has a name (an upload without names comes first)', async () => {
    const table = makeTable(
      [
        stringColumn('kommune', ['9003', '9003', '0301', '0301']),
        stringColumn('navn', ['', 'Navnløs først', '', 'Oslo']),
        numericColumn('aar', [1965, 2024, 1965, 2024]),
        numericColumn('x', [1, 2, 3, 4]),
        numericColumn('y', [1, 2, 3, 4]),
      ],
      { unit: 'kommune', year: 'aar', unitName: 'navn' },
    );
    const p = new Pipeline({ ...deps(), ingestFile: async () => ({ table, problems: [] }) as unknown as ImportedSource });
    await p.importFile({ name: 'a.csv', bytes: new Uint8Array() }, spec().data.sources[0]);
    const r = await p.run(spec(), ctl);
    expect(r?.dataset?.units).toEqual([
      { code: '0301', name: 'Oslo' },
      { code: '9003', name: 'Navnløs først' },
    ]);
  });

  it('refuses a model that names a variable the data lacks, in Norwegian', async () => {
    const p = await loaded();
    const s = spec();
    s.models.list[0].regressors = ['x', 'finnes_ikke'];
    const fit = (await p.run(s, ctl))?.models?.m1.fits[0].outcome;
    expect(fit?.ok).toBe(false);
    if (fit && !fit.ok) expect(fit.problem.message).toContain('finnes_ikke');
  });

  it('re-runs a stage only when its inputs or a section it read changed', async () => {
    const calls: string[] = [];
    const reader: AnyStage = {
      key: 'describe',
      select: () => null,
      run: (ctx) => {
        calls.push('reader');
        void ctx.results.models;
        return undefined;
      },
    };
    const counting: AnyStage = {
      ...modelsStage,
      run: (ctx) => {
        calls.push('models');
        return modelsStage.run(ctx);
      },
    };
    const p = await loaded([counting, reader]);
    await p.run(spec(), ctl);
    await p.run({ ...spec(), title: 'renamed' }, ctl);
    expect(calls).toEqual(['models', 'reader']);
    const s = spec();
    s.models.list[0].se = 'hc1';
    await p.run(s, ctl);
    expect(calls).toEqual(['models', 'reader', 'models', 'reader']);
  });

  it('with upTo runs only the stages up to those sections; the full run after it repeats none of them', async () => {
    const calls: string[] = [];
    const counted = (stage: AnyStage): AnyStage => ({
      ...stage,
      run: (ctx) => {
        calls.push(stage.key);
        return stage.run(ctx);
      },
    });
    const later: AnyStage = { key: 'describe', select: () => null, run: () => undefined };
    const p = await loaded([counted(modelsStage), counted(later)]);
    const first = await p.runVersioned(spec(), ctl, ['dataset']);
    expect(first?.results.dataset?.nRows).toBe(90);
    expect(Object.keys(first?.versions ?? {})).toEqual(['dataset']);
    expect(calls).toEqual([]);
    const upToModels = await p.runVersioned(spec(), ctl, ['models']);
    expect(Object.keys(upToModels?.versions ?? {})).toEqual(['dataset', 'models']);
    const all = await p.runVersioned(spec(), ctl);
    expect(Object.keys(all?.versions ?? {})).toEqual(['dataset', 'models', 'describe']);
    expect(calls).toEqual(['models', 'describe']);
    expect(all?.versions.dataset).toBe(first?.versions.dataset);
  });

  it('returns null for a superseded run', async () => {
    const p = await loaded();
    expect(await p.run(spec(), { cancelled: () => true, progress: () => {} })).toBeNull();
  });

  it('reports sources the spec names but the session has not loaded', async () => {
    const p = new Pipeline(deps());
    const r = await p.run(spec(), ctl);
    expect(r?.problems.map((x) => x.code)).toContain('source-not-loaded');
  });
});
