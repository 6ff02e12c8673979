import { describe, expect, it } from 'vitest';
import { rowsTable } from '../../export/reportTable';
import { slideTable } from './slideTable';

const table = (n: number) =>
  rowsTable({ id: 't', title: 'T', rowHeader: 'Kommune', columns: [{ header: 'Endring' }], rows: Array.from({ length: n }, (_, i) => ({ label: `K${i}`, values: [i] })) });

describe('slideTable', () => {
  it('keeps a short table as it is', () => {
    const t = table(5);
    expect(slideTable(t, 'nb', 18)).toBe(t);
  });
  it('cuts a long table to the first rows and says so', () => {
    const t = slideTable(table(357), 'nb', 18);
    expect(t.groups.flatMap((g) => g.rows).map((r) => r.label)).toEqual(Array.from({ length: 18 }, (_, i) => `K${i}`));
    expect(t.notes[0]).toBe('Lysbildet viser de 18 første av 357 radene; hele tabellen er i eksporten (Excel, CSV).');
  });
});
