/**
 * A project file saved by spec version 1 (view state inside the spec, `costKey.total`,
 * `explained.stability` with the significance level taken from the results table's stars,
 * `variables.describe`) opens unchanged in results: the figures below were computed by the
 * version-1 code from this same file (test/spec/v1-project.knl.json, data embedded), and the view
 * state it held (municipality, grouping, slides, CSV style) comes back as view state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/export/projectFile';
import { loadSpec } from '../../src/spec/migrate';
import { SPEC_VERSION } from '../../src/spec/schema';
import { Pipeline } from '../../src/worker/pipeline';
import { v1Figures } from './v1Figures';

/** Computed by the version-1 pipeline (commit de6bb1d) from v1-project.knl.json. */
const EXPECTED: Record<string, number> = {
  'costKey.proposed.__basic__': 0.36793876098417655,
  'costKey.proposed.x1': 0.5824349772903393,
  'costKey.proposed.x2': 0.049626261725484136,
  'costKey.current.__basic__': 0.4128242660748834,
  'costKey.current.x1': 0.5871757339251167,
  'costKey.outcome.change[0]': -1374021.981778484,
  'costKey.outcome.change[7]': 1494864.9360551466,
  'costKey.outcome.phaseIn.length': 2,
  'totalKey.ok': 1,
  'totalKey.index[0]': 0.912907253199428,
  'totalKey.index[5]': 0.9835961316651938,
  'totalKey.change[3]': -374964.7289505711,
  'totalKey.weight.s': 0.25,
  'stability.alpha': 0.1,
  'stability.nSignificant.x1': 4,
  'stability.nSignificant.x2': 2,
  'stability.loyo': 1,
  'stability.bootstrap.B': 20,
  'describe.variables': 3,
  'explained.lmg.x1': 0.8311521281488764,
  'explained.lmg.x2': 0.01812952042916438,
};

const file = readFileSync(join(__dirname, 'v1-project.knl.json'));

describe('a version-1 project file', () => {
  const opened = openProject(file);

  it('migrates: sections per stage, view state out of the spec', () => {
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { spec, view } = opened.project;
    expect(spec.version).toBe(SPEC_VERSION);
    expect(spec.totalKey.sectors.map((s) => s.id)).toEqual(['s', 't']);
    expect('total' in spec.costKey).toBe(false);
    expect(spec.stability).toMatchObject({ modelId: 'm1', bootstrap: true, bootstrapB: 20, seed: 3, alpha: 0.1 });
    expect('stability' in spec.explained).toBe(false);
    expect(spec.describe.variables).toEqual(['y', 'x1', 'x_sum']);
    expect('describe' in spec.variables).toBe(false);
    expect(spec.redistribution).toEqual({ nationalPerCapita: 2000, phaseInYears: 2 });
    expect('present' in spec).toBe(false);
    expect(view).toEqual({
      myMunicipality: '0305',
      redistributionGroupBy: 'county',
      slides: [{ id: 'sum', kind: 'summary', title: 'Om analysen' }],
      csvStyle: 'en',
    });
  });

  it('gives the same results as version 1 did', async () => {
    if (!opened.ok) throw new Error('project did not open');
    const pipeline = new Pipeline();
    for (const f of opened.project.files) await pipeline.importFile({ name: f.source.fileName, bytes: f.bytes }, f.source);
    const results = await pipeline.run(opened.project.spec, { cancelled: () => false, progress: () => {} });
    const got = v1Figures(results);
    expect(Object.keys(got).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [k, v] of Object.entries(EXPECTED)) {
      const tol = 1e-9 * Math.max(1, Math.abs(v));
      if (!(Math.abs(got[k] - v) <= tol)) throw new Error(`${k}: got ${got[k]}, version 1 gave ${v}`);
    }
  }, 60_000);

  it('an autosaved version-1 spec gives its view state back too, and a bad one is refused with its old path', () => {
    const raw = JSON.parse(file.toString('utf8')).spec;
    const r = loadSpec(raw);
    expect(r.ok && r.view.myMunicipality).toBe('0305');
    const bad = loadSpec({ ...raw, redistribution: { ...raw.redistribution, groupBy: 'galaxy' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].message).toContain('redistribution.groupBy');
  });

  it('a version-2 spec carries no view state', () => {
    if (!opened.ok) throw new Error('project did not open');
    const again = loadSpec(JSON.parse(JSON.stringify(opened.project.spec)));
    expect(again.ok && again.view).toEqual({});
  });
});
