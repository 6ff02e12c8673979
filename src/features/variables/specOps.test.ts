import { describe, expect, it } from 'vitest';
import { emptySpec } from '../../spec/schema';
import { caretLine, definedIds, removeDefinition, slug, uniqueId } from './specOps';

describe('variables spec edits', () => {
  it('makes safe, unique ids', () => {
    expect(slug('Barn 0–22 år')).toBe('barn_0_22_ar');
    expect(slug('80+ andel')).toBe('v_80_andel');
    expect(uniqueId('utg', ['utg', 'utg_2'])).toBe('utg_3');
  });
  it('removes a definition and its descriptives references', () => {
    const s = emptySpec();
    s.variables.formulas.push({ id: 'f1', label: 'f', expression: '1' });
    s.describe.variables = ['f1', 'x'];
    s.describe.bySizeClass = 'f1';
    expect(definedIds(s.variables)).toEqual(['f1']);
    removeDefinition(s, 'f1');
    expect(s.variables.formulas).toEqual([]);
    expect(s.describe.variables).toEqual(['x']);
    expect(s.describe.bySizeClass).toBeNull();
  });
  it('places the caret under the error', () => {
    expect(caretLine(3)).toBe('   ^');
  });
});
