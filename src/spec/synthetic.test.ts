import { describe, expect, it } from 'vitest';
import { mixesSyntheticAndReal, syntheticBadge, syntheticNote, usesSyntheticSources } from './synthetic';

describe('the one synthetic rule', () => {
  it('any demo source makes the analysis synthetic (not only all of them)', () => {
    expect(usesSyntheticSources([])).toBe(false);
    expect(usesSyntheticSources([{ demo: false }])).toBe(false);
    expect(usesSyntheticSources([{ demo: true }, { demo: false }])).toBe(true);
    expect(mixesSyntheticAndReal([{ demo: true }, { demo: false }])).toBe(true);
    expect(mixesSyntheticAndReal([{ demo: true }])).toBe(false);
  });

  it('says how much is synthetic when demo and real data are mixed', () => {
    expect(syntheticNote('nb', 1)).toBe('Syntetiske data – ikke virkelige tall');
    expect(syntheticNote('nb', 0.5)).toBe('Delvis syntetiske data: 50 % av radene kommer fra syntetiske demofiler');
    expect(syntheticNote('en', 0.004)).toBe('Partly synthetic data: <1% of the rows come from synthetic demo files');
    expect(syntheticNote('nb', 0.998)).toContain('>99 %');
    expect(syntheticNote('nb', null, 'municipalities')).toBe('Syntetiske data – ikke virkelige kommuner');
    expect(syntheticBadge('nb', 1)).toBe('Syntetiske demodata');
    expect(syntheticBadge('nb', 0.42)).toBe('Syntetiske demodata (42 %)');
  });
});
