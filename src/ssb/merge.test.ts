import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../ingest/jsonstat';
import { block } from './jsonstatBlocks';
import { mergeJsonStat } from './merge';
import { diffDatasets } from './diff';

function cube(): JsonObject {
  const regions = ['0301', '1101', '1103', '3101'];
  const years = ['2021', '2022', '2023'];
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  regions.forEach((r, i) => years.forEach((y, j) => {
    const k = i * years.length + j;
    if (r === '1103' && y === '2022') {
      value.push(null);
      status[String(k)] = ':';
    } else value.push(1000 * (i + 1) + j);
  }));
  return {
    version: '2.0',
    class: 'dataset',
    label: '99999: Test',
    updated: '2025-01-01T00:00:00Z',
    id: ['Region', 'ContentsCode', 'Tid'],
    size: [4, 1, 3],
    role: { time: ['Tid'], geo: ['Region'] },
    dimension: {
      Region: { label: 'region', category: { index: Object.fromEntries(regions.map((c, i) => [c, i])), label: Object.fromEntries(regions.map((c) => [c, `Kommune ${c}`])) } },
      ContentsCode: { label: 'statistikkvariabel', category: { index: { A: 0 }, label: { A: 'Antall' }, unit: { A: { base: 'personer', decimals: 0 } } } },
      Tid: { label: 'år', category: { index: Object.fromEntries(years.map((c, i) => [c, i])), label: Object.fromEntries(years.map((c) => [c, c])) } },
    },
    value,
    status,
  };
}

describe('reassembling split answers', () => {
  it('blocks over two dimensions put back together equal the whole, status symbols included', () => {
    const whole = cube();
    const parts = [
      block(whole, { Region: ['0301', '1101'], Tid: ['2021', '2022'] }),
      block(whole, { Region: ['0301', '1101'], Tid: ['2023'] }),
      block(whole, { Region: ['1103', '3101'], Tid: ['2021', '2022', '2023'] }),
    ];
    const order = { Region: ['0301', '1101', '1103', '3101'], ContentsCode: ['A'], Tid: ['2021', '2022', '2023'] };
    // Parts arrive in any order; the selection's order decides the layout.
    const m = mergeJsonStat([parts[2], parts[0], parts[1]], order);
    expect(m.uncovered).toBe(0);
    expect(m.conflicts).toBe(0);
    expect(m.doc).toEqual(whole);
  });

  it('counts cells no part covered and cells two parts disagree on', () => {
    const whole = cube();
    const a = block(whole, { Region: ['0301', '1101'] });
    const b = block(whole, { Region: ['1101'] });
    (b.value as number[])[0] = -1;
    const m = mergeJsonStat([a, b], { Region: ['0301', '1101', '1103', '3101'] });
    expect(m.uncovered).toBe(0); // only the regions some part has are in the result
    expect(m.conflicts).toBe(1);
    expect((m.doc.size as number[])[0]).toBe(2);
  });

  it('refuses parts with different dimensions', () => {
    const whole = cube();
    const other = { ...structuredClone(whole), id: ['Region', 'Tid'], size: [4, 3] } as JsonObject;
    delete (other.dimension as JsonObject).ContentsCode;
    expect(() => mergeJsonStat([whole, other])).toThrow(/andre dimensjoner/);
  });
});

describe('what changed between two fetches', () => {
  it('counts changed, added and removed cells and new years by their codes', () => {
    const before = block(cube(), { Tid: ['2021', '2022'] });
    const after = cube();
    (after.value as number[])[0] = 999;
    after.updated = '2025-06-01T00:00:00Z';
    const d = diffDatasets(before, after);
    expect(d).toEqual({ cellsChanged: 1, cellsAdded: 4, cellsRemoved: 0, yearsAdded: ['2023'], yearsRemoved: [], updatedBefore: '2025-01-01T00:00:00Z', updatedAfter: '2025-06-01T00:00:00Z' });
  });
});
