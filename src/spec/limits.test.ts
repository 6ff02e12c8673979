import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSpec } from './migrate';
import { checkSpecLimits, MAX_MODELS, MAX_SOURCES } from './limits';
import { emptySpec } from './schema';

describe('spec limits', () => {
  it('refuses a spec with more models than MAX_MODELS before validating it, naming the count and the limit', () => {
    const spec = emptySpec() as unknown as Record<string, unknown>;
    const models = spec.models as Record<string, unknown>;
    // 10^6 models hung the page: refused without validating or fitting any of them.
    const list = Array.from({ length: 200_000 }, (_, i) => ({ id: `m${i}` }));
    const out = loadSpec({ ...spec, models: { ...models, list } });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].code).toBe('spec-too-many-models');
    expect(out.problems[0].message).toMatch(new RegExp(`200\\s000 modeller; grensen er ${MAX_MODELS}\\.`));
  });

  it('counts files and derived variables; a spec at the limits passes', () => {
    const sources = Array.from({ length: MAX_SOURCES + 1 }, () => ({}));
    expect(checkSpecLimits({ data: { sources } }).map((p) => p.code)).toEqual(['spec-too-many-files']);
    expect(checkSpecLimits({ data: { sources: sources.slice(1) } })).toEqual([]);
    const formulas = Array.from({ length: 2_001 }, () => ({}));
    expect(checkSpecLimits({ variables: { formulas } }).map((p) => p.code)).toEqual(['spec-too-many-variables']);
    // Garbage in the counted places is not counted (the schema reports it).
    expect(checkSpecLimits({ models: 'x', data: null, variables: [] } as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('the demo spec is within the limits', () => {
    const demo: unknown = JSON.parse(readFileSync(path.resolve('public/demo/demo-spec.json'), 'utf8'));
    expect(loadSpec(demo).ok).toBe(true);
  });
});
