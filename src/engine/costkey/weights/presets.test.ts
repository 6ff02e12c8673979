/**
 * Every preset of a key in force names its years and its public source, says what
 * was checked and what not, and a preset whose weights were not read from the ministry's table is
 * never presented as published. The default «today's key» is the newest preset with all its weights.
 */
import { describe, expect, it } from 'vitest';
import { keyPresets, normaliseRounding, publishedKeyFor, sectorOfFunctions } from './presets';

const national = keyPresets.filter((p) => p.sector !== 'district');

describe('presets of the keys in force', () => {
  it('each national preset cites the ministry’s documentation with its address and its years', () => {
    expect(national.length).toBeGreaterThanOrEqual(4);
    for (const p of national) {
      expect(p.years, p.id).not.toBeNull();
      expect(p.source, p.id).toMatch(/https:\/\/www\.regjeringen\.no\//);
      expect(p.source, p.id).toMatch(/Grønt hefte|Prop\. 1\d\d S/);
      // Every criterion has its published name in both languages.
      for (const c of Object.keys(p.weights)) {
        expect(p.criteria[c]?.nb, `${p.id} ${c}`).toBeTruthy();
        expect(p.criteria[c]?.en, `${p.id} ${c}`).toBeTruthy();
      }
    }
  });

  it('no national preset is labelled verified; the label and the checked text say what is not', () => {
    for (const p of national) {
      expect(p.verification, p.id).not.toBe('published');
      expect(p.checked.nb.length, p.id).toBeGreaterThan(40);
      expect(p.checked.en.length, p.id).toBeGreaterThan(40);
      expect(p.label.nb, p.id).toMatch(/ikke kontrollert|ikke verifisert/);
      expect(p.label.en, p.id).toMatch(/not checked|not verified/);
    }
    const bv = keyPresets.find((p) => p.id === 'barnevern-2026')!;
    expect(bv.checked.nb).toContain('ikke lest fra departementets tabell');
    expect(bv.checked.nb).toContain('tabell A-k');
  });

  it('the 2025–2026 keys add up to 1 up to the four-decimal rounding of the source', () => {
    for (const id of ['barnevern-2026', 'sosialhjelp-2026']) {
      const p = keyPresets.find((x) => x.id === id)!;
      const n = normaliseRounding(p.weights);
      expect(Math.abs(n.sum - 1), id).toBeLessThanOrEqual(1e-4 + 1e-12);
      expect(Object.values(n.key).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('today’s key by default: the newest preset of the sector with all weights known (never the 2017 criteria-only key)', () => {
    expect(publishedKeyFor('barnevern')?.id).toBe('barnevern-2026');
    expect(publishedKeyFor('sosialhjelp')?.id).toBe('sosialhjelp-2026');
    expect(sectorOfFunctions(['244', '251', '252'])).toBe('barnevern');
    expect(sectorOfFunctions(['281'])).toBe('sosialhjelp');
    expect(sectorOfFunctions(['244', '281'])).toBeNull();
  });
});
