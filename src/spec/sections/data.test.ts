import { describe, expect, it } from 'vitest';
import { dataSpecSchema, sourceSpecSchema, usesDemoData } from './data';

const source = (id: string, demo: boolean) => sourceSpecSchema.parse({ id, fileName: `${id}.csv`, format: 'csv', demo });

describe('usesDemoData (the one demo rule)', () => {
  it('labels an analysis with any synthetic source, and only such an analysis', () => {
    expect(usesDemoData(dataSpecSchema.parse({}))).toBe(false);
    expect(usesDemoData({ sources: [source('a', false)] })).toBe(false);
    expect(usesDemoData({ sources: [source('demo', true)] })).toBe(true);
    // A real file joined to the demo does not make the synthetic numbers real.
    expect(usesDemoData({ sources: [source('demo', true), source('real', false)] })).toBe(true);
  });
});
