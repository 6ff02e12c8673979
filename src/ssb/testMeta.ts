/** A small hand-made table for the pure tests of the client's pieces. */
import type { DimensionMeta, TableMeta } from './types';

export function dim(id: string, codes: string[], extra: Partial<DimensionMeta> = {}): DimensionMeta {
  return { id, label: id.toLowerCase(), role: 'other', codes, labels: codes.map((c) => `${c} label`), elimination: false, codelists: [], units: {}, ...extra };
}

export function testMeta(): TableMeta {
  return {
    id: '12345',
    label: '12345: Test',
    updated: '2025-01-01T00:00:00Z',
    source: 'SSB',
    notes: [],
    codelists: {},
    dimensions: [
      dim('Region', ['0301', '1101', '1103', '3101', '3103', 'EAK'], { role: 'geo' }),
      dim('Alder', ['000', '001', '002', '105+'], { elimination: true }),
      dim('ContentsCode', ['A', 'B'], { role: 'metric' }),
      dim('Tid', ['2019', '2020', '2021', '2022', '2023'], { role: 'time' }),
    ],
  };
}
