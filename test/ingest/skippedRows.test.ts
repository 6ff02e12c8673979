/**
 * The message for rows whose municipality or year cannot be read counts them in words that fit the
 * number: one skipped row is the row the message quotes («1 such rows» read wrong in both languages).
 */
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index';

const enc = (s: string) => new TextEncoder().encode(s);

async function message(csv: string, code: string): Promise<{ nb: string; en: string }> {
  const r = await ingestFile({ name: 'x.csv', bytes: enc(csv) });
  const p = (r.problems ?? []).find((q) => q.code === code);
  if (!p) throw new Error(`no ${code} problem`);
  return { nb: p.message, en: p.messageEn };
}

describe('skipped rows are counted in words that fit the number', () => {
  it('one unreadable municipality: «raden» / «the row»', async () => {
    const m = await message('region;år;verdi\nFoo bar;2020;7\n0301 Oslo;2020;1\n0301 Oslo;2021;2\n', 'bad-unit');
    expect(m.nb).toContain('(raden ble hoppet over)');
    expect(m.en).toContain('(the row was skipped)');
  });

  it('three unreadable municipalities: the count', async () => {
    const m = await message('region;år;verdi\nFoo bar;2020;7\nFoo bar;2021;8\nBar;2020;9\n0301 Oslo;2020;1\n', 'bad-unit');
    expect(m.nb).toContain('(3 slike rader ble hoppet over)');
    expect(m.en).toContain('(3 such rows were skipped)');
  });

  it('one unreadable year', async () => {
    const m = await message('region;år;verdi\n0301 Oslo;20x0;7\n0301 Oslo;2020;1\n0301 Oslo;2021;2\n', 'bad-year');
    expect(m.en).toContain('(the row was skipped)');
  });
});
