import { describe, expect, it } from 'vitest';
import { problem } from '../../engine/problem';
import { groupProblems } from './groupProblems';
import { problemsForView, usedVariables } from './relevance';

const p = (code: string, sev: 'error' | 'warning' | 'info', file?: string, variable?: string, msg = code) =>
  problem(code, `${msg} nb`, `${msg} en`, file || variable ? { ...(file ? { file } : {}), ...(variable ? { variable } : {}) } : undefined, sev);

describe('groupProblems', () => {
  it('one line per file and kind with its count; errors first; routine notes apart; duplicates once', () => {
    const ages = Array.from({ length: 107 }, (_, a) => p('age-variable-ambiguous', 'warning', undefined, 'andel', `alder ${a}`));
    const g = groupProblems([
      p('zero-unit-years', 'info', 'a.csv'),
      ...ages,
      p('bad-year', 'warning', 'b.csv'),
      p('no-unit-column', 'error', 'c.csv'),
      p('bad-year', 'warning', 'a.csv'),
      p('bad-year', 'warning', 'a.csv'),
      p('bad-year', 'warning', 'a.csv', undefined, 'bad-year'),
    ]);
    expect(g.main.map((x) => `${x.severity}:${x.file ?? ''}:${x.code}:${x.problems.length}`)).toEqual([
      'error:c.csv:no-unit-column:1',
      'warning::age-variable-ambiguous:107',
      'warning:a.csv:bad-year:1',
      'warning:b.csv:bad-year:1',
    ]);
    expect(g.routine.map((x) => x.code)).toEqual(['zero-unit-years']);
    // 107 ages + one each of zero-unit-years, no-unit-column and bad-year in b.csv and a.csv (three times the same).
    expect(g.total).toBe(107 + 4);
  });
});

describe('problemsForView', () => {
  const spec = {
    variables: { population: 'innbyggere' },
    models: { list: [{ dependent: 'utg', regressors: ['andel_0_22'], controls: [], weights: null, cluster: null }] },
  };
  const all = [
    p('zero-unit-years', 'info', 'a.csv'),
    p('bad-year', 'warning', 'a.csv'),
    p('non-additive-merge', 'warning', undefined, 'andel_0_22'),
    p('non-additive-merge', 'warning', undefined, 'frie_inntekter'),
    p('formula-error', 'error', undefined, 'andel_0_22'),
    p('formula-error', 'error', undefined, 'ubrukt'),
    p('source-not-loaded', 'error', 'x.csv'),
  ];
  const codes = (view: string) => problemsForView(view, all, { used: usedVariables(spec) }).map((q) => `${q.code}:${q.where?.variable ?? q.where?.file ?? ''}`);

  it('Data shows files and the joined data; Variabler the building of variables', () => {
    expect(codes('data')).toEqual(['zero-unit-years:a.csv', 'bad-year:a.csv', 'non-additive-merge:andel_0_22', 'non-additive-merge:frie_inntekter', 'source-not-loaded:x.csv']);
    expect(codes('variables')).toEqual(['formula-error:andel_0_22', 'formula-error:ubrukt', 'source-not-loaded:x.csv']);
  });

  it('an analysis view shows only what touches the variables its models use, and what stops everything', () => {
    expect(codes('costkey')).toEqual(['non-additive-merge:andel_0_22', 'formula-error:andel_0_22', 'source-not-loaded:x.csv']);
  });
});
