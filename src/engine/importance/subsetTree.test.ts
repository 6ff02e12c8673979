/**
 * The depth-first subset enumeration: every subset once, each R² as a fresh fit gives it, the same
 * bits however the subsets are cut into blocks, collinear subsets not fittable, and the best-subset
 * lists built on it are the top N of a brute-force ranking of all subsets.
 */
import { describe, expect, it } from 'vitest';
import { syntheticPanel } from '../../../bench/importance.bench';
import { buildCommonSample, isProblem } from './sample';
import { partialOut, type Reduced } from './partialOut';
import { fitSubset, maskToMembers, popcount } from './enumerate';
import { SubsetTree } from './subsetTree';
import { searchSubsets } from './search';

function reduced(p: number, dup = false): Reduced {
  const { table, criteria } = syntheticPanel(p, 3);
  if (dup) table.columns.set('dup', { ...table.columns.get('x2')!, name: 'dup' });
  const s = buildCommonSample(table, {
    dependent: 'y',
    criteria: dup ? [...criteria, 'dup'] : criteria,
    yearEffects: true,
  });
  if (isProblem(s)) throw new Error(s.messageEn);
  const red = partialOut(s);
  if (isProblem(red)) throw new Error(red.messageEn);
  return red;
}

/** R² per mask from the tree cut into blocks of 2^low subsets; throws on a mask visited twice. */
function treeR2(red: Reduced, low: number): Float64Array {
  const out = new Float64Array(2 ** red.p).fill(-1);
  const tree = new SubsetTree(red, low);
  let visited = 0;
  for (let b = 0; b < tree.blocks; b++) {
    visited += tree.visitBlock(b, (mask, size, r2) => {
      if (out[mask] !== -1) throw new Error(`mask ${mask} visited twice`);
      expect(size).toBe(popcount(mask));
      expect(mask >>> low).toBe(b);
      out[mask] = r2;
    });
  }
  expect(visited).toBe(2 ** red.p);
  return out;
}

describe('subset tree', () => {
  const red = reduced(9);

  it('visits every subset once, with the R² of a fresh fit', () => {
    const r2 = treeR2(red, 9);
    expect(r2.every((v) => v !== -1)).toBe(true);
    expect(r2[0]).toBeCloseTo(red.r2Base, 14);
    for (let mask = 0; mask < r2.length; mask++) {
      expect(Math.abs(r2[mask] - fitSubset(red, maskToMembers(mask, red.p)).r2)).toBeLessThan(1e-12);
    }
  });

  it('gives the same bits however the subsets are cut into blocks', () => {
    const whole = treeR2(red, 9);
    expect(treeR2(red, 4)).toEqual(whole);
    expect(treeR2(red, 0)).toEqual(whole);
  });

  it('marks exactly the subsets holding a criterion and its duplicate as not fittable', () => {
    const d = reduced(5, true); // criteria x1..x5, dup = x2 (bits 1 and 5)
    for (const low of [6, 3]) {
      const r2 = treeR2(d, low);
      for (let mask = 0; mask < r2.length; mask++) {
        const both = (mask & 0b100010) === 0b100010;
        expect(Number.isNaN(r2[mask])).toBe(both);
      }
    }
  });
});

describe('best subsets on the tree', () => {
  it('keeps the top N of each size of a brute-force ranking of every subset', () => {
    const red = reduced(11);
    const top = 4;
    const got = searchSubsets(red, { top });
    if (isProblem(got)) throw new Error(got.messageEn);
    expect(got.evaluated).toBe(2 ** 11);
    for (const { size, models } of got.bySize) {
      const all: { mask: number; r2: number }[] = [];
      for (let mask = 0; mask < 2 ** red.p; mask++) {
        if (popcount(mask) === size) all.push({ mask, r2: fitSubset(red, maskToMembers(mask, red.p)).r2 });
      }
      all.sort((a, b) => b.r2 - a.r2);
      expect(models.map((m) => m.mask)).toEqual(all.slice(0, top).map((m) => m.mask));
    }
  });
});
