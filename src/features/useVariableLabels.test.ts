import { describe, expect, it } from 'vitest';
import { relabelText } from './useVariableLabels';

describe('relabelText', () => {
  it('replaces quoted variable names with their labels and leaves other text alone', () => {
    const labels = new Map([['andel_0_22', 'Andel 0–22 år']]);
    expect(relabelText('Kriteriet «andel_0_22» får negativ vekt (−0,2944).', labels)).toBe('Kriteriet «Andel 0–22 år» får negativ vekt (−0,2944).');
    expect(relabelText('Criterion "andel_0_22" is not significant.', labels)).toBe('Criterion "Andel 0–22 år" is not significant.');
    expect(relabelText('«ukjent_navn» mangler', labels)).toBe('«ukjent_navn» mangler');
  });
});
