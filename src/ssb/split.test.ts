import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellCount, dataUrl, type DataRequest } from './query';
import { bisect, splitRequest } from './split';

const API = 'https://data.ssb.no/api/pxwebapi/v2';
const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

function request(sizes: number[]): DataRequest {
  return { tableId: '12367', lang: 'no', dims: sizes.map((n, k) => ({ variableCode: `D${k}`, codelist: null, codes: codes(`c${k}_`, n) })) };
}

/** Every cell of the whole request, as a key, and the keys of each part. */
function cells(req: DataRequest): string[] {
  let out = [''];
  for (const d of req.dims) out = out.flatMap((p) => d.codes.map((c) => `${p}|${d.variableCode}=${c}`));
  return out;
}

describe('splitting a selection over the limits', () => {
  it('keeps a selection under both limits whole', () => {
    const req = request([5, 3, 4]);
    expect(splitRequest(req, { maxCells: 60, maxUrlLength: 2100, api: API })).toEqual([req]);
  });

  it('cuts the largest dimension into runs that fit; the parts cover every cell exactly once', () => {
    const req = request([357, 3, 2, 10]);
    const parts = splitRequest(req, { maxCells: 5000, maxUrlLength: 100_000, api: API });
    expect(parts.length).toBe(5); // 357 × 60 = 21 420 cells; 83 regions × 60 = 4 980 per part
    for (const p of parts) expect(cellCount(p)).toBeLessThanOrEqual(5000);
    const all = parts.flatMap(cells);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(cells(req).sort());
  });

  it('keeps every GET URL under the length limit (SSB: about 2 100 characters)', () => {
    const req = request([800, 1, 1]);
    const parts = splitRequest(req, { maxCells: 800_000, maxUrlLength: 2100, api: API });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(dataUrl(API, p).length).toBeLessThanOrEqual(2100);
  });

  it('splits a second dimension when one value of the first is still too big', () => {
    const req = request([4, 2000]);
    const parts = splitRequest(req, { maxCells: 500, maxUrlLength: 1_000_000, api: API });
    for (const p of parts) expect(cellCount(p)).toBeLessThanOrEqual(500);
    expect(parts.flatMap(cells).sort()).toEqual(cells(req).sort());
  });

  it('property: any sizes and limits give disjoint parts within the limits that cover the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 800 }), (sizes, maxCells) => {
        const req = request(sizes);
        const parts = splitRequest(req, { maxCells, maxUrlLength: 100_000, api: API });
        for (const p of parts) expect(cellCount(p)).toBeLessThanOrEqual(maxCells);
        const all = parts.flatMap(cells);
        expect(all.length).toBe(cellCount(req));
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 60 },
    );
  });

  it('bisect halves the largest dimension; a single cell cannot be halved', () => {
    const [a, b] = bisect(request([7, 3]))!;
    expect(a.dims[0].codes).toHaveLength(4);
    expect(b.dims[0].codes).toHaveLength(3);
    expect(bisect(request([1, 1]))).toBeNull();
  });
});
