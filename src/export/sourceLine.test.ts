import { describe, expect, it } from 'vitest';
import { sourceLine } from './sourceLine';
import type { SourceSpec } from '../spec/sections/data';

const src = (over: Partial<SourceSpec>): SourceSpec =>
  ({ id: 'a', fileName: 'a.csv', format: 'csv', encoding: null, delimiter: null, sheet: null, mapping: null, demo: false, ...over }) as SourceSpec;

describe('sourceLine', () => {
  it('names SSB tables with their fetch date, files by name, and leaves out change tables', () => {
    const ssb = { api: 'x', query: { tableId: '12367', lang: 'no' as const, selection: [] }, title: 't', updated: null, fetchedAt: '2026-05-01T10:00:00Z', urls: [], cells: 1, recipe: null };
    const data = { sources: [src({ ssb }), src({ id: 'b', fileName: 'befolkning.csv' }), src({ id: 'c', fileName: 'endringer.csv', role: 'change-table' })] };
    expect(sourceLine({ data } as never, 'nb')).toBe('Kostnadsnøkkel-lab, beregnet fra SSB-tabell 12367 (hentet 2026-05-01); befolkning.csv');
    expect(sourceLine({ data } as never, 'en')).toBe('Kostnadsnøkkel-lab, computed from SSB table 12367 (fetched 2026-05-01); befolkning.csv');
  });
  it('says synthetic demo data once for the demo files', () => {
    const data = { sources: [src({ demo: true }), src({ id: 'b', demo: true, fileName: 'b.csv' })] };
    expect(sourceLine({ data } as never, 'nb')).toBe('Kostnadsnøkkel-lab, beregnet fra syntetiske demodata');
  });
});
