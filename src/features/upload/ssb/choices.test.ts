import { describe, expect, it } from 'vitest';
import { defaultChoice, mergedSeriesList, toSelection } from './choices';
import { dim, testMeta } from '../../../ssb/testMeta';

describe('query builder choices', () => {
  it('defaults: all municipalities (merged series when offered), the latest five years, first contents, eliminable dims left out', () => {
    const meta = testMeta();
    meta.dimensions[0].codelists = [{ id: 'agg_KommFylker', label: 'Fylker', type: 'Aggregation' }, { id: 'agg_KommSummer', label: 'Kommuner 2024, sammenslåtte tidsserier', type: 'Aggregation' }];
    const choices = Object.fromEntries(meta.dimensions.map((d) => [d.id, defaultChoice(d)]));
    expect(toSelection(meta, choices)).toEqual([
      { variableCode: 'Region', codelist: 'agg_KommSummer', valueCodes: ['*'] },
      { variableCode: 'Alder', codelist: null, valueCodes: [] },
      { variableCode: 'ContentsCode', codelist: null, valueCodes: ['A'] },
      { variableCode: 'Tid', codelist: null, valueCodes: ['top(5)'] },
    ]);
  });

  it('all municipalities without a code list are the four-digit codes; years as a range', () => {
    const meta = testMeta();
    const choices = Object.fromEntries(meta.dimensions.map((d) => [d.id, defaultChoice(d)]));
    choices.Tid = { ...choices.Tid, mode: 'range', from: '2020', to: '2022' };
    const sel = toSelection(meta, choices);
    expect(sel[0].valueCodes).toEqual(['????']);
    expect(sel[3].valueCodes).toEqual(['range(2020,2022)']);
  });

  it('finds the merged-series code list by id or by label', () => {
    expect(mergedSeriesList([{ id: 'agg_X', label: 'Municipalities 2024, aggregated time series', type: 'Aggregation' }])?.id).toBe('agg_X');
    expect(mergedSeriesList([dim('x', []).codelists].flat())).toBeNull();
  });
});
