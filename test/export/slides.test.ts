import { describe, expect, it } from 'vitest';
import { navigate, slidesFor } from '../../src/features/present/slides';

describe('presentation keyboard navigation', () => {
  it('moves, clamps at both ends, jumps and closes', () => {
    expect(navigate('ArrowRight', 0, 3)).toBe(1);
    expect(navigate('PageDown', 2, 3)).toBe(2);
    expect(navigate('ArrowLeft', 0, 3)).toBe(0);
    expect(navigate('PageUp', 2, 3)).toBe(1);
    expect(navigate('Home', 2, 3)).toBe(0);
    expect(navigate('End', 0, 3)).toBe(2);
    expect(navigate('Escape', 1, 3)).toBe('close');
    expect(navigate('a', 1, 3)).toBeNull();
  });
  it('falls back to default slides when none are chosen', () => {
    expect(slidesFor({ slides: [] }, 'nb').map((s) => s.kind)).toEqual(['summary', 'table:regression']);
  });
});
