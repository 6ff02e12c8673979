import { describe, expect, it } from 'vitest';
import { COLUMN_PAGE, columnPage } from './columnPage';

const wide = ['kommune', 'år', ...Array.from({ length: 16_000 }, (_, i) => `v${i}`)];

describe('columnPage: one page of a wide file’s columns for the mapping step', () => {
  it('shows at most one page of 16 002 columns, in file order', () => {
    const p = columnPage(wide, '', COLUMN_PAGE, new Set());
    expect(p.shown).toHaveLength(COLUMN_PAGE);
    expect(p.shown.slice(0, 3)).toEqual([0, 1, 2]);
    expect(p.matches).toBe(16_002);
  });

  it('finds a column far to the right by search, and counts the hits', () => {
    const p = columnPage(wide, 'V1234', COLUMN_PAGE, new Set());
    expect(p.shown.map((i) => wide[i])).toEqual(['v1234', ...Array.from({ length: 10 }, (_, i) => `v1234${i}`)]);
    expect(p.matches).toBe(11);
  });

  it('keeps the chosen columns in view, whatever the search', () => {
    const p = columnPage(wide, 'v9', 5, new Set(['kommune', 'v15000']));
    expect(p.shown.map((i) => wide[i])).toEqual(['kommune', 'v9', 'v90', 'v91', 'v92', 'v93', 'v15000']);
  });

  it('shows every column of a narrow file', () => {
    expect(columnPage(['a', 'b', 'c'], '', COLUMN_PAGE, new Set()).shown).toEqual([0, 1, 2]);
  });
});
