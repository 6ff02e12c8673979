/**
 * Stage cache keys are derived from each stage's `select(spec)`: this test changes every leaf of a
 * representative spec (one at a time) and asserts exactly which stages re-run. A stage that read a
 * spec path its key does not cover would keep a stale result (the cost-key stage once read
 * `explained.lmgSamples` but keyed on `lmgExactMax` only); a stage that re-ran for a path it does not
 * read would waste work (view state such as the chosen municipality used to re-run method B's LMG).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../export/projectFile';
import { analysisSpecSchema, type AnalysisSpec } from '../spec/schema';
import type { SectionKey } from '../results/analysisResults';
import { Pipeline } from './pipeline';
import { stages } from './stages';
import type { AnyStage } from './stages/types';

const ALL: SectionKey[] = ['models', 'costKey', 'district', 'totalKey', 'explained', 'stability', 'describe', 'keyUncertainty', 'scenarios'];

/** Which stages re-run when the leaf at `path` changes (first matching rule). */
const RULES: [RegExp, SectionKey[]][] = [
  [/^title$/, []],
  // The dataset and the table: every stage's cache key includes the table's key.
  [/^(data|variables)\./, ALL],
  [/^describe\./, ['describe']],
  // The descriptives read only the variables a model names.
  [/^models\.list\.\d+\.(dependent|regressors|controls)\b/, ['models', 'costKey', 'totalKey', 'explained', 'stability', 'describe', 'scenarios']],
  [/^models\.list\./, ['models', 'costKey', 'totalKey', 'explained', 'stability', 'scenarios']],
  // The first shown model is the default baseline of both importance views.
  [/^models\.shown\./, ['explained', 'stability']],
  [/^models\.stars\./, ['explained']],
  [/^explained\.(baselineModelId|decompositionModelId|candidateCriteria)\b/, ['explained', 'stability']],
  // Method B of the cost key decomposes with the LMG settings of «Forklart variasjon».
  [/^explained\.(lmgExactMax|lmgSamples|lmgSeed)$/, ['explained', 'costKey', 'totalKey', 'scenarios']],
  [/^explained\./, ['explained']],
  [/^stability\./, ['stability']],
  // The total key reads the cost key's results, so it follows every cost-key re-run. The key's
  // bootstrap is off in this spec, so it reads nothing but its own section. The scenarios read the
  // cost key's results (base, key in force) and resolve their keys as the total key's sectors do.
  [/^costKey\./, ['costKey', 'totalKey', 'scenarios']],
  [/^keyUncertainty\./, ['keyUncertainty']],
  [/^totalKey\./, ['totalKey']],
  [/^redistribution\./, ['costKey', 'totalKey', 'scenarios']],
  [/^scenarios\./, ['scenarios']],
  [/^district\./, ['district']],
];

function expected(path: string): SectionKey[] {
  const rule = RULES.find(([re]) => re.test(path));
  if (!rule) throw new Error(`no rule for ${path}`);
  return [...rule[1]].sort();
}

/** Every leaf (string, number, boolean) of the spec, as dotted paths; `version` is not a setting. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  if (value === null || path.join('.') === 'version') return [];
  return [path];
}

/** Another valid value of an enumerated setting (a changed name would make the spec invalid). */
const OTHER: Record<string, string> = {
  csv: 'json',
  common: 'own',
  long: 'wide',
  none: '2020',
  konsern: 'kasse',
  '1000kr': 'kr',
  'per-capita': 'coverage',
  column: 'size-class',
  pooled: 'per-year',
  cluster: 'hc1',
  hc1: 'classical',
  'explained-variance': 'coefficient',
  'base-year': 'key-year',
  'key-year': 'base-year',
  lmg: 'bivariate',
  population: 'rescale',
  spending: 'manual',
  proposed: 'current',
  current: 'proposed',
  flat: 'proposed',
  preset: 'flat',
  typed: 'none',
  model: 'current',
  weights: 'current',
};

/** The spec with the leaf at `path` changed to another valid value (null when there is none). */
function changed(spec: AnalysisSpec, path: string[]): AnalysisSpec | null {
  const v = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], spec);
  const candidates =
    typeof v === 'number' ? [v + 1, v / 2] : typeof v === 'boolean' ? [!v] : [`${String(v)}_`, ...(OTHER[String(v)] ? [OTHER[String(v)]] : [])];
  for (const next of candidates) {
    const copy = structuredClone(spec) as unknown as Record<string, unknown>;
    let obj = copy;
    for (const k of path.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
    obj[path.at(-1)!] = next;
    // The store only ever hands the worker a validated spec.
    const parsed = analysisSpecSchema.safeParse(copy);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The version-1 test project (migrated), with every setting given a non-default, non-null value. */
function representative(): { spec: AnalysisSpec; files: { name: string; bytes: Uint8Array; source: AnalysisSpec['data']['sources'][number] }[] } {
  const opened = openProject(readFileSync(join(__dirname, '../../test/spec/v1-project.knl.json')));
  if (!opened.ok) throw new Error('test project did not open');
  const spec = opened.project.spec;
  spec.data.changeTableSourceId = 'none';
  spec.data.rates = [{ variable: 'y', numerator: 'x1', denominator: 'innbyggere', scale: 1 }];
  spec.variables.groupings = [{ id: 'g', label: 'G', kind: 'column', column: 'kommune' }];
  spec.describe.bySizeClass = 'y';
  spec.describe.percentileYear = 2021;
  spec.models.list[1].weights = 'innbyggere';
  spec.models.list[1].cluster = 'kommune';
  spec.models.list[1].sample = { years: [2019, 2020, 2021, 2022], units: null, excludeUnits: ['0301'], sizeClasses: null, sizeClassColumn: null };
  spec.explained.candidateModelIds = ['m1'];
  spec.explained.candidateCriteria = ['x_sum'];
  spec.explained.subsets = { enabled: true, candidates: ['x1', 'x2'], top: 2 };
  spec.stability.modelId = 'm1';
  Object.assign(spec.costKey, {
    method: 'explained-variance',
    year: 2022,
    rounding: 0.05,
    target: 'x1',
    yUnitNok: 1000,
    dropped: ['x9'],
    manual: { __basic__: 0.4, x1: 0.5, x2: 0.1 },
    current: { id: 'c', label: 'C', source: 's', weights: { __basic__: 0.5, x1: 0.5 } },
    presets: [{ id: 'p', label: 'P', source: 's', weights: { __basic__: 0.6, x2: 0.4 } }],
    subFunction: { modelId: 'm0', functionVariable: 'x1', totalVariable: 'y' },
  });
  spec.totalKey.perCapita = 5000;
  spec.scenarios.list = [
    { id: 's1', label: 'I kraft', source: { kind: 'current' } },
    { id: 's2', label: 'Modell', source: { kind: 'model', modelId: 'm1' } },
    { id: 's3', label: 'Skrevet', source: { kind: 'weights', weights: { __basic__: 0.7, x1: 0.3 }, source: 's' } },
  ];
  spec.totalKey.sectors[1].weight = 0.5;
  spec.totalKey.sectors[1].compareWith = { kind: 'preset', presetId: 'p' };
  spec.district = {
    budget: 1000,
    counts: { A: { x1: 1, x2: 2 }, B: { x1: 3, x2: 1 } },
    keys: [
      { id: 'k1', label: 'K1', source: '', weights: { x1: 0.5, x2: 0.5 } },
      { id: 'k2', label: 'K2', source: 's', weights: { x1: 0.7, x2: 0.3 } },
    ],
    currentKeyId: 'k1',
    proposedKeyId: 'k2',
    phaseInYears: 2,
  };
  return { spec, files: opened.project.files.map((f) => ({ name: f.source.fileName, bytes: f.bytes, source: f.source })) };
}

const ctl = { cancelled: () => false, progress: () => {} };

describe('derived stage cache keys', () => {
  const { spec, files } = representative();
  const ran: SectionKey[] = [];
  const counting: AnyStage[] = stages.map((s) => ({
    ...s,
    run: (ctx) => {
      ran.push(s.key);
      return s.run(ctx);
    },
  }));
  const pipeline = new Pipeline(undefined, counting);

  beforeAll(async () => {
    for (const f of files) await pipeline.importFile({ name: f.name, bytes: f.bytes }, f.source);
    await pipeline.run(spec, ctl);
  }, 60_000);

  it('the representative spec sets every section and every stage has a result', async () => {
    const r = await pipeline.run(spec, ctl);
    for (const k of ALL) expect(r?.[k], k).toBeTruthy();
    const sections = new Set(leaves(spec).map((p) => p[0]));
    expect([...sections].sort()).toEqual(['costKey', 'data', 'describe', 'district', 'explained', 'keyUncertainty', 'models', 'redistribution', 'scenarios', 'stability', 'title', 'totalKey', 'variables']);
  });

  it('an unchanged spec re-runs nothing', async () => {
    ran.length = 0;
    await pipeline.run(structuredClone(spec), ctl);
    expect(ran).toEqual([]);
  });

  it('the key\'s bootstrap, switched on, follows the cost key; switched off it re-ran for nothing above', async () => {
    const on = structuredClone(spec);
    Object.assign(on.keyUncertainty, { enabled: true, replications: 50 });
    on.costKey.method = 'coefficient';
    await pipeline.run(on, ctl);
    ran.length = 0;
    const edit = structuredClone(on);
    edit.costKey.remainder = edit.costKey.remainder === 'rescale' ? 'population' : 'rescale';
    await pipeline.run(edit, ctl);
    expect(ran).toContain('keyUncertainty');
    ran.length = 0;
    edit.keyUncertainty.seed += 1;
    await pipeline.run(edit, ctl);
    expect(ran).toEqual(['keyUncertainty']);
    await pipeline.run(spec, ctl);
  }, 120_000);

  it('the cost key of method B follows the LMG settings of «Forklart variasjon» (no stale key)', async () => {
    // Sampled LMG (more criteria than lmgExactMax): the weights depend on the sample count and the seed.
    const sampled = structuredClone(spec);
    sampled.explained.lmgExactMax = 1;
    sampled.explained.lmgSamples = 400;
    sampled.costKey.rounding = null;
    sampled.models.list[1].regressors = ['x1', 'x2', 'innbyggere'];
    const before = (await pipeline.run(sampled, ctl))!.costKey!.computed!.criteria.map((c) => c.weight);
    for (const edit of [(s: AnalysisSpec) => void (s.explained.lmgSamples = 401), (s: AnalysisSpec) => void (s.explained.lmgSeed = 7)]) {
      const next = structuredClone(sampled);
      edit(next);
      const cached = (await pipeline.run(next, ctl))!.costKey!.computed!;
      const fresh = new Pipeline();
      for (const f of files) await fresh.importFile({ name: f.name, bytes: f.bytes }, f.source);
      const expectedKey = (await fresh.run(next, ctl))!.costKey!.computed!;
      expect(cached.criteria.map((c) => c.weight)).toEqual(expectedKey.criteria.map((c) => c.weight));
      expect(cached.criteria.map((c) => c.weight)).not.toEqual(before);
    }
    await pipeline.run(spec, ctl);
  }, 120_000);

  it('changing any one leaf re-runs exactly the stages that read it', async () => {
    const paths = leaves(spec);
    expect(paths.length).toBeGreaterThan(120);
    await pipeline.run(spec, ctl);
    const wrong: string[] = [];
    const unchangeable: string[] = [];
    for (const path of paths) {
      const next = changed(spec, path);
      if (!next) {
        unchangeable.push(path.join('.'));
        continue;
      }
      ran.length = 0;
      await pipeline.run(next, ctl);
      const got = [...new Set(ran)].sort();
      const want = expected(path.join('.'));
      if (got.join() !== want.join()) wrong.push(`${path.join('.')}: re-ran [${got}], expected [${want}]`);
      await pipeline.run(spec, ctl);
    }
    expect(wrong).toEqual([]);
    expect(unchangeable).toEqual([]);
  }, 600_000);
});
