/**
 * Nothing is dropped silently: every message list of every result section (`problems`, `warnings`,
 * at any depth) reaches a view. The demo runs through the app's own pipeline with every optional part
 * switched on; a marked message is put into each list; the views that show the section are rendered
 * (server-side, no browser) and each mark must be in one of them. A new message field that no view
 * reads fails here, not in front of a user. Lists that are internal copies of another list are named
 * below with where their messages are shown instead.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { problem, type Problem } from '../engine/problem';
import type { ModelComparison } from '../engine/importance/compare';
import type { LeaveOneOutFit } from '../engine/stability/leaveOneYearOut';
import { ComparisonTable } from './explained/ComparisonTable';
import { EqualYearsTable } from './stability/EqualYearsTable';
import { StabilityView } from './stability/StabilityView';
import type { AnalysisResults, SectionKey } from '../results/analysisResults';
import type { AnalysisSpec } from '../spec/schema';
import { views } from './registry';
import { trondheimExample } from './district/example';
import { useAnalysisStore } from '../store/analysisStore';
import { runDemo } from '../../test/demo/runDemo';

/** Lists whose messages another list carries to the user (path with indices replaced by []). */
const COPIES: Record<string, string> = {
  'costKey.base.prep.problems': 'the key data’s refusals, also in costKey.problems (the stage adds them)',
  'stability.perYear.problems': 'the per-year refusals, also in stability.problems (the stage adds them)',
};

const MESSAGE_LISTS = new Set(['problems', 'warnings']);

/** Every message list in `x`: its path and the array itself. */
function messageLists(x: unknown, path: string, out: { path: string; list: Problem[] }[]): void {
  if (x === null || typeof x !== 'object' || ArrayBuffer.isView(x)) return;
  if (Array.isArray(x)) {
    x.forEach((v, i) => messageLists(v, `${path}[${i}]`, out));
    return;
  }
  for (const [k, v] of Object.entries(x)) {
    const p = `${path}.${k}`;
    if (MESSAGE_LISTS.has(k) && Array.isArray(v)) out.push({ path: p, list: v as Problem[] });
    else messageLists(v, p, out);
  }
}

// A code of its own per mark: a message box folds messages of one code under its first («vis alle»).
const mark = (path: string): Problem => ({ code: `audit-mark ${path}`, severity: 'warning', message: `MERKE ${path}`, messageEn: `MARK ${path}` });

// Views that defer a heavy part behind useDeferredValue(value, initial) render `initial` on the server;
// here they render the value, as the browser does a moment later.
vi.mock('react', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react')>();
  return { ...actual, default: actual, useDeferredValue: <T,>(value: T) => value };
});

// Server rendering reads a store's initial state (useSyncExternalStore's server snapshot); here the
// state the test sets is the one to render.
vi.mock('zustand', async (importOriginal) => (await import('../../test/support/zustandServerState')).zustandWithSetState(importOriginal));

let spec: AnalysisSpec;
/** The demo's results with every optional part on (never changed: each test works on a copy). */
let base: AnalysisResults;
beforeAll(async () => {
  const demo = await runDemo();
  spec = structuredClone(demo.spec);
  spec.models.shown = []; // every model in the results table
  // Every optional part on, so its section carries its lists.
  spec.stability.leaveOneYearOut = true;
  spec.stability.bootstrap = true;
  spec.stability.bootstrapB = 20;
  spec.explained.subsets.enabled = true;
  spec.keyUncertainty.enabled = true;
  spec.keyUncertainty.replications = 50;
  Object.assign(spec.district, structuredClone(trondheimExample));
  const r = await demo.pipeline.run(spec, { cancelled: () => false, progress: () => {} });
  if (!r) throw new Error('superseded');
  base = r;
}, 300_000);

describe('every message of every result section reaches a view', () => {
  it('marks put into each list are in the markup of a view that shows the section', async () => {
    const results = structuredClone(base);
    const bySection = new Map<SectionKey, string[]>();
    for (const key of Object.keys(results) as (keyof AnalysisResults)[]) {
      // The data's own problems are the shell's (App, relevance.test.ts); the dataset summary has none.
      if (key === 'problems' || key === 'specHash' || key === 'dataset') continue;
      const found: { path: string; list: Problem[] }[] = [];
      messageLists(results[key], key, found);
      for (const f of found) {
        if (COPIES[f.path.replace(/\[\d+\]/g, '[]')]) continue;
        f.list.push(mark(f.path));
        bySection.set(key as SectionKey, [...(bySection.get(key as SectionKey) ?? []), f.path]);
      }
    }
    // The parts switched on above do carry lists (else this test would check nothing there).
    for (const k of ['models', 'describe', 'costKey', 'explained', 'stability', 'keyUncertainty', 'scenarios', 'district'] as SectionKey[]) {
      expect(bySection.get(k)?.length ?? 0, k).toBeGreaterThan(0);
    }
    expect(bySection.get('stability')).toContain('stability.equalAcrossYears.problems');

    useAnalysisStore.setState({ spec, results, status: 'ready' });
    const html = new Map<string, string>();
    for (const v of views) html.set(v.id, renderToStaticMarkup(createElement((await v.load()).component)));

    const missing: string[] = [];
    for (const [section, paths] of bySection) {
      const shownBy = views.filter((v) => v.shows.includes(section)).map((v) => html.get(v.id) ?? '');
      for (const p of paths) if (!shownBy.some((h) => h.includes(`MERKE ${p}`))) missing.push(p);
    }
    expect(missing).toEqual([]);
  }, 120_000);
});

/** The markup from a test id to the end of its first list: what one message box says. */
function box(html: string, testId: string): string {
  const at = html.indexOf(`data-testid="${testId}"`);
  return at < 0 ? '' : html.slice(at, html.indexOf('</ul>', at));
}

describe('a failed part says why, where its numbers would be', () => {
  const refusal = (code: string, text: string, where?: Problem['where']) => problem(code, text, `${text} (en)`, where, 'warning');

  it('a comparison column that could not be fitted gives its reason in its column', () => {
    const ok = { id: 'a', label: 'A', ok: true, n: 10, ownN: 10, r2: 0.5, adjR2: 0.4, deltaR2: 0, deltaR2Pct: 0, cells: {}, yearEffects: true };
    const comparison: ModelComparison = {
      rows: [],
      columns: [ok, { ...ok, id: 'b', label: 'B', ok: false, r2: NaN, adjR2: NaN, deltaR2: NaN, deltaR2Pct: NaN, problem: refusal('estimator-se', 'Kvantilregresjon har ikke klyngerobuste standardfeil') }],
      starThresholds: [0.1, 0.05, 0.01],
      sample: { mode: 'common', n: 10, nExcluded: 0, excluded: [] },
    };
    const html = renderToStaticMarkup(createElement(ComparisonTable, { comparison, caption: 'Ett om gangen', labels: new Map() }));
    expect(html).toMatch(/data-testid="comparison-column-failure">Kunne ikke estimeres: Kvantilregresjon har ikke klyngerobuste standardfeil/);
  });

  it('a Wald test of equal years that could not be made names the criterion and why, even when no test could', () => {
    const res = { se: 'cluster' as const, rows: [], problems: [refusal('collinear', 'Kriteriet × år er kollineært', { variable: 'x' })] };
    const html = renderToStaticMarkup(createElement(EqualYearsTable, { res, labels: new Map([['x', 'Andel x']]), alpha: 0.05 }));
    expect(box(html, 'equal-years-problems')).toContain('Kriteriet × år er kollineært');
  });

  it('stability: the section’s messages at the top, each part’s in its panel, a year’s in its column', () => {
    const st = structuredClone(base.stability!);
    const py = st.perYear!;
    const yearRefusal = refusal('too-few-observations', 'Bare 1 observasjon', { year: py.years[0] });
    py.errors[0] = yearRefusal;
    const failedFit: LeaveOneOutFit = { year: py.years[1], ok: false, n: 3, r2: NaN, estimate: st.criteria.map(() => NaN), ciLow: [], ciHigh: [], problem: refusal('singular', 'Singulær matrise uten året') };
    st.leaveOneYearOut = { criteria: st.criteria, all: null, fits: [failedFit], maxShift: st.criteria.map(() => NaN) };
    st.problems = [
      refusal('whole', 'Gjelder hele seksjonen'),
      { ...yearRefusal },
      refusal('loyo-part', 'Gjelder ett år utelatt', { job: 'leave-one-year-out' }),
      refusal('boot-part', 'Gjelder bootstrapen', { job: 'cluster-bootstrap' }),
    ];
    const s2 = structuredClone(spec);
    s2.stability.leaveOneYearOut = true;
    s2.stability.bootstrap = true;
    useAnalysisStore.setState({ spec: s2, results: { ...base, stability: st }, status: 'ready' });
    const html = renderToStaticMarkup(createElement(StabilityView));
    const top = box(html, 'stability-problems');
    expect(top).toContain('Gjelder hele seksjonen');
    // The year's refusal is in its column of the table, not repeated at the top.
    expect(top).not.toContain('Bare 1 observasjon');
    expect(html).toMatch(/data-year="\d+">Bare 1 observasjon/);
    expect(top).not.toMatch(/Gjelder ett år utelatt|Gjelder bootstrapen/);
    expect(box(html, 'loyo-problems')).toContain('Gjelder ett år utelatt');
    expect(box(html, 'bootstrap-problems')).toContain('Gjelder bootstrapen');
    // A leave-one-year-out refit that failed says why in its row.
    expect(html).toMatch(/data-testid="loyo-refusal">Ikke estimert: Singulær matrise uten året/);
  });
});
