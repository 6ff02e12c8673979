import { describe, expect, it } from 'vitest';
import { boundedPreview, PREVIEW_CELL_CHARS, PREVIEW_ROWS } from './boundedPreview';

describe('boundedPreview: what the mapping step gets of the first rows', () => {
  it('keeps the first rows of an ordinary file as they are', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ['0301', '2022', String(i)]);
    expect(boundedPreview(rows, 3)).toEqual(rows.slice(0, PREVIEW_ROWS));
  });

  it('gives a 16 000-column file one row (20 000 cells at most)', () => {
    const row = Array.from({ length: 16_000 }, () => '1');
    expect(boundedPreview([row, row, row], 16_000)).toHaveLength(1);
    expect(boundedPreview([row, row, row], 5_000)).toHaveLength(3);
  });

  it('cuts a long cell, with a mark that it was cut', () => {
    const [[cell]] = boundedPreview([['x'.repeat(32_767)]], 1);
    expect(cell).toHaveLength(PREVIEW_CELL_CHARS);
    expect(cell.endsWith('…')).toBe(true);
  });
});
