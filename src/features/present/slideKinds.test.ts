import { describe, expect, it } from 'vitest';
import { itemSlideKind, parseItemSlide } from './slideKinds';

describe('item slide kinds', () => {
  it('round-trips a chart and a table slide, keys may hold colons', () => {
    for (const s of [
      { item: 'chart' as const, view: 'stability', key: 'stability-chart-andel_0_22' },
      { item: 'table' as const, view: 'costkey', key: 'a:b' },
    ])
      expect(parseItemSlide(itemSlideKind(s))).toEqual(s);
  });
  it('leaves the other kinds alone', () => {
    for (const k of ['summary', 'table:regression', 'view:costkey', 'chart:', 'chart:x:']) expect(parseItemSlide(k)).toBeNull();
  });
});
