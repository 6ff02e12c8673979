/**
 * The models' dropped rows cross packed (droppedPack.ts): what a reader gets on the page is exactly
 * the worker's list, model by model and fit by fit, through a real structured clone; the list is only
 * built when read; rows shared by models are in the shared row table once.
 */
import { describe, expect, it } from 'vitest';
import type { DroppedRow, ModelResult } from '../engine/model/types';
import { runDemo } from '../../test/demo/runDemo';
import { droppedCount, droppedPage, packModels, unpackDropped, unpackModels } from './droppedPack';
import { diffResults, mergeResults } from './update';

const ctl = { cancelled: () => false, progress: () => {} };

function model(lists: DroppedRow[][]): ModelResult {
  return {
    design: 'pooled',
    fits: lists.map((dropped, i) => ({ year: i === 0 ? null : 2020 + i, outcome: { ok: false, problem: { code: 'x', message: 'x', messageEn: 'x' }, n: 0, k: 0, dropped } })),
  } as unknown as ModelResult;
}

const a: DroppedRow[] = [
  { row: 3, variables: ['x', 'y'], reasons: ['missing', 'suppressed'], unit: '0301', year: 2021 },
  { row: 7, variables: ['x'], reasons: ['not-applicable'], unit: '1103', year: 2022 },
  // No unit or year column: the keys are absent, not undefined.
  { row: 9, variables: ['y'], reasons: ['missing'] },
  { row: 11, variables: ['dep'], reasons: ['cooks-d'], year: 2020 },
];
const b: DroppedRow[] = [
  { row: 7, variables: ['x'], reasons: ['not-applicable'], unit: '1103', year: 2022 },
  { row: 3, variables: ['x', 'y'], reasons: ['missing', 'suppressed'], unit: '0301', year: 2021 },
  { row: 3, variables: ['z'], reasons: ['missing'], unit: '0301', year: 2021 },
];

describe('dropped rows in transit', () => {
  it('round-trips every list exactly (order, keys present or absent, several fits per model)', () => {
    const models = { m1: model([a, []]), m2: model([b, a, []]) };
    const packed = structuredClone(packModels(models));
    const back = unpackModels(packed);
    expect(back).toStrictEqual(models);
    expect(back.m1.fits[0].outcome.dropped[2]).not.toHaveProperty('unit');
    expect(back.m1.fits[0].outcome.dropped[2]).not.toHaveProperty('year');
  });

  it('says a row once for all models, and a pattern once', () => {
    const { pack, dropped } = packModels({ m1: model([a]), m2: model([b]) });
    expect(Array.from(pack.rowIndex)).toEqual([3, 7, 9, 11]);
    // Patterns: x,y/missing,suppressed · x/n-a · y/missing · dep/cooks-d · z/missing.
    expect(pack.patVarStart.length - 1).toBe(5);
    const l = dropped.m2[0];
    expect(Array.from(pack.listRows.subarray(pack.listStart[l], pack.listStart[l + 1]))).toEqual([1, 0, 0]);
    expect(unpackDropped(pack, dropped.m2[0])).toStrictEqual(b);
  });

  it('builds a list only when it is read, then holds it; its count is known before', () => {
    const back = unpackModels(packModels({ m1: model([a]) }));
    const outcome = back.m1.fits[0].outcome;
    expect(droppedCount(outcome)).toBe(4);
    expect(Object.getOwnPropertyDescriptor(outcome, 'dropped')?.get).toBeTypeOf('function');
    const first = outcome.dropped;
    expect(first).toStrictEqual(a);
    expect(Object.getOwnPropertyDescriptor(outcome, 'dropped')?.value).toBe(first);
    expect(outcome.dropped).toBe(first);
  });

  it('a page of a packed list is unpacked alone: the whole list is not built, and the page is the worker\'s rows', () => {
    const long: DroppedRow[] = Array.from({ length: 250 }, (_, i) => ({ row: i * 2, variables: [i % 3 ? 'x' : 'y'], reasons: ['missing'], unit: String(3001 + (i % 40)), year: 2015 + (i % 10) }));
    const outcome = unpackModels(structuredClone(packModels({ m1: model([long, a]) }))).m1.fits[0].outcome;
    expect(droppedPage(outcome, 100, 200)).toStrictEqual(long.slice(100, 200));
    expect(droppedPage(outcome, 200, 300)).toStrictEqual(long.slice(200));
    expect(droppedPage(outcome, 300, 400)).toStrictEqual([]);
    // Still the lazy property: no page read built (or now holds) the 250 rows.
    expect(Object.getOwnPropertyDescriptor(outcome, 'dropped')?.get).toBeTypeOf('function');
    expect(droppedCount(outcome)).toBe(250);
    // Once something has read the whole list, a page is a slice of that same list.
    const all = outcome.dropped;
    expect(droppedPage(outcome, 0, 2)[1]).toBe(all[1]);
  });

  it('unpacks a range of a list exactly as the same rows of the whole list', () => {
    const { pack, dropped } = packModels({ m1: model([a]), m2: model([b]) });
    expect(unpackDropped(pack, dropped.m1[0], 1, 3)).toStrictEqual(a.slice(1, 3));
    expect(unpackDropped(pack, dropped.m2[0], 2, 99)).toStrictEqual(b.slice(2));
    expect(unpackDropped(pack, dropped.m2[0], 5, 9)).toStrictEqual([]);
  });

  it('the demo\'s results update: the page reads the dropped rows the worker had, through structuredClone', async () => {
    const demo = await runDemo();
    const run = (await demo.pipeline.runVersioned(demo.spec, ctl))!;
    const models = run.results.models!;
    const total = Object.values(models).reduce((n, m) => n + m.fits.reduce((k, f) => k + f.outcome.dropped.length, 0), 0);
    expect(total).toBeGreaterThan(0);
    const update = structuredClone(diffResults(run.results, run.versions, {}));
    // No row object crosses: the models section carries typed arrays.
    for (const m of Object.values(update.changed.models!.models)) for (const f of m.fits) expect(f.outcome).not.toHaveProperty('dropped');
    const held = mergeResults(null, {}, update)!;
    expect(held.models).toStrictEqual(models);
  });
});
