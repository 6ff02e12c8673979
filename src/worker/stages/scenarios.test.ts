/**
 * The scenarios stage on the demo: five scenarios of every kind, each measured
 * against the key in force on one base; the identities hold in every scenario; a scenario equal to
 * the cost key's proposed key gives exactly the cost key's own redistribution (one evaluation); the
 * sign filter marks exactly the municipalities that gain under one scenario and lose under another.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../scripts/demo/index';
import { changeSign } from '../../engine/costkey';
import { loadSpec } from '../../spec/migrate';
import { analysisSpecSchema, type AnalysisSpec } from '../../spec/schema';
import { Pipeline } from '../pipeline';
import { openProject, saveProject } from '../../export/projectFile';
import { scenarioReportTables } from '../../export/scenarioTables';
import type { AnalysisResults } from '../../results/analysisResults';

const ctl = { cancelled: () => false, progress: () => {} };
let spec: AnalysisSpec;
let pipeline: Pipeline;
let res: AnalysisResults;

const SCENARIOS: AnalysisSpec['scenarios']['list'] = [
  { id: 'a', label: 'Dagens', source: { kind: 'current' } },
  { id: 'b', label: 'Foreslått', source: { kind: 'proposed' } },
  { id: 'c', label: 'Modell med PHV', source: { kind: 'model', modelId: 'bv_phv' } },
  { id: 'd', label: 'Flat mot lavinntekt', source: { kind: 'weights', weights: { __basic__: 0.5, andel_0_22: 0.3, lavinntekt_pi: 0.2 }, source: 'test' } },
  { id: 'e', label: 'Sosialhjelpsmodell', source: { kind: 'model', modelId: 'sh_dagens' } },
];

beforeAll(async () => {
  const demo = generateDemo();
  const loaded = loadSpec(JSON.parse(demo.specJson));
  if (!loaded.ok) throw new Error('demo spec invalid');
  spec = loaded.spec;
  spec.scenarios.list = structuredClone(SCENARIOS);
  pipeline = new Pipeline();
  for (const s of spec.data.sources) {
    const f = demo.files.find((x) => x.name === s.fileName)!;
    await pipeline.importFile({ name: f.name, bytes: f.bytes }, s);
  }
  res = (await pipeline.run(spec, ctl))!;
}, 120_000);

describe('scenarios stage on the demo', () => {
  it('a spec without the section parses with no scenarios, and more than five are refused', () => {
    const old = structuredClone(spec) as Partial<AnalysisSpec>;
    delete old.scenarios;
    expect(analysisSpecSchema.parse(old).scenarios.list).toEqual([]);
    const six = { ...spec, scenarios: { list: [...SCENARIOS, { id: 'f', label: 'F', source: { kind: 'current' } }] } };
    expect(analysisSpecSchema.safeParse(six).success).toBe(false);
  });

  it('resolves every kind of scenario, against the key in force', () => {
    const sc = res.scenarios!;
    expect(sc.configured).toBe(true);
    expect(sc.reference.flat).toBe(false);
    expect(sc.reference.label).toBe(res.costKey!.currentLabel);
    expect(sc.scenarios.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const s of sc.scenarios) expect(s.outcome, `${s.label}: ${s.problems.map((p) => p.messageEn).join('; ')}`).not.toBeNull();
    expect(sc.scenarios[3].source.nb).toBe('Vekter skrevet inn (test)');
    expect(sc.scenarios[2].source.en).toContain('method A');
  });

  it('the identities hold in every scenario: population-weighted mean index 1, amounts and changes sum to zero', () => {
    const sc = res.scenarios!;
    for (const s of sc.scenarios) {
      const o = s.outcome!;
      expect(o.checks.ok, s.label).toBe(true);
      let pop = 0;
      let wIndex = 0;
      let sum = 0;
      let gross = 0;
      for (let i = 0; i < sc.units.length; i++) {
        pop += sc.population[i];
        wIndex += sc.population[i] * o.index[i];
        sum += o.change[i];
        gross += Math.abs(o.change[i]);
        expect(o.change[i]).toBeCloseTo(o.changePerCapita[i] * sc.population[i], 3);
      }
      expect(wIndex / pop).toBeCloseTo(1, 10);
      expect(Math.abs(sum)).toBeLessThanOrEqual(Math.max(1e-6, gross * 1e-9));
    }
  });

  it('the key in force moves nothing; the proposed key moves exactly what Omfordeling shows', () => {
    const sc = res.scenarios!;
    const current = sc.scenarios[0].outcome!;
    expect(Math.max(...current.change.map(Math.abs))).toBe(0);
    expect(current.gainers + current.losers).toBe(0);
    // The proposed key's criteria are all in the cost key's base, so it is evaluated on that base.
    const proposed = sc.scenarios[1].outcome!;
    const ck = res.costKey!;
    expect(sc.units).toEqual(ck.base!.prep.units);
    expect(Array.from(proposed.changePerCapita)).toEqual(Array.from(ck.outcome!.changePerCapita));
    expect(Array.from(proposed.index)).toEqual(Array.from(ck.outcome!.index));
  });

  it('a scenario with criteria outside the cost key joins them, leaving out (and counting) units without them', () => {
    const sc = res.scenarios!;
    const ck = res.costKey!;
    const left = ck.base!.prep.units.length - sc.units.length;
    if (left > 0) expect(sc.problems.map((p) => p.code)).toContain('scenario-units-left-out');
    else expect(sc.problems).toEqual([]);
    // Group labels follow their unit into the joined base.
    const pos = new Map(ck.base!.prep.units.map((u, i) => [u, i]));
    sc.units.forEach((u, i) => expect(sc.groups.county![i]).toBe(ck.base!.groups.county![pos.get(u)!]));
    // Sums by group add up to the total change of each scenario (zero).
    for (const s of sc.scenarios) {
      const total = s.outcome!.aggregates['size-class']!.reduce((a, g) => a + g.change, 0);
      const gross = s.outcome!.change.reduce((a, v) => a + Math.abs(v), 0);
      expect(Math.abs(total)).toBeLessThanOrEqual(Math.max(1e-6, gross * 1e-9));
    }
  });

  it('marks exactly the units that gain under one scenario and lose under another', () => {
    const sc = res.scenarios!;
    let marked = 0;
    for (let i = 0; i < sc.units.length; i++) {
      const signs = new Set(sc.scenarios.map((s) => changeSign(s.outcome!.changePerCapita[i], sc.signTolerance)));
      expect(sc.signDiffers[i], sc.units[i]).toBe(signs.has(1) && signs.has(-1) ? 1 : 0);
      marked += sc.signDiffers[i];
    }
    // The demo's scenarios disagree for some municipalities and agree for others.
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(sc.units.length);
  });

  it('a scenario that cannot be made says why and does not stop the others', async () => {
    const next = structuredClone(spec);
    next.scenarios.list = [
      SCENARIOS[0],
      { id: 'x', label: 'Ukjent', source: { kind: 'model', modelId: 'finnes-ikke' } },
      { id: 'y', label: 'Mangler', source: { kind: 'weights', weights: { __basic__: 0.5, ikke_i_data: 0.5 }, source: '' } },
      { id: 'z', label: 'Tom vekt', source: { kind: 'weights', weights: { __basic__: 0.5, andel_0_22: Number.NaN }, source: '' } },
      { id: 'w', label: 'Summerer ikke', source: { kind: 'weights', weights: { __basic__: 0.5, andel_0_22: 0.3 }, source: '' } },
    ];
    const r = (await pipeline.run(next, ctl))!.scenarios!;
    expect(r.scenarios[0].outcome).not.toBeNull();
    expect(r.scenarios[1].outcome).toBeNull();
    expect(r.scenarios[1].problems[0].code).toBe('unknown-model');
    expect(r.scenarios[2].problems[0].code).toBe('scenario-criterion-missing');
    expect(r.scenarios[3].problems[0].code).toBe('scenario-weight-missing');
    expect(r.scenarios[4].outcome?.checks.ok).toBe(false);
    expect(r.scenarios[4].problems.map((p) => p.code)).toContain('weights-sum');
  });

  it('the scenarios are saved in the project and come back unchanged', () => {
    const opened = openProject(saveProject(spec));
    if (!opened.ok) throw new Error(opened.problems[0].messageEn);
    expect(opened.project.spec.scenarios).toEqual(spec.scenarios);
  });

  it('exports one table per scenario and a comparison table with the sign mark', () => {
    const sc = res.scenarios!;
    const tables = scenarioReportTables(sc, { lang: 'nb', synthetic: true });
    expect(tables.map((t) => t.title)).toEqual([...SCENARIOS.map((s) => `Scenario: ${s.label}`), 'Sammenligning av scenarioer']);
    const cmp = tables.at(-1)!;
    expect(cmp.groups[0].rows).toHaveLength(sc.units.length);
    const i = sc.signDiffers.indexOf(1);
    expect(cmp.groups[0].rows[i].cells.at(-1)!.value).toBe('ja');
    // Each scenario's table: the municipality's change per inhabitant as a number.
    const d = tables[3].groups[0].rows[i].cells;
    expect(d[0].value).toBe(sc.units[i]);
    expect(d[5].value).toBe(sc.scenarios[3].outcome!.changePerCapita[i]);
    expect(tables[3].notes.join(' ')).toContain('Vekter skrevet inn (test)');
  });

  it('without scenarios the stage reports nothing configured', async () => {
    const next = structuredClone(spec);
    next.scenarios.list = [];
    const r = (await pipeline.run(next, ctl))!.scenarios!;
    expect(r.configured).toBe(false);
    expect(r.scenarios).toEqual([]);
  });
});
