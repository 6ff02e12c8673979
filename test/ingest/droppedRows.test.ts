/**
 * Nothing dropped without a word: every row the reader or the join leaves out is counted in the
 * validation report («Kontroll av importen» → «Holdt utenfor») with its reason and the first line,
 * and the report's text says so in both languages.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset, ingestFile } from '../../src/ingest/index';
import { dataSpecSchema } from '../../src/spec/sections/data';
import { describeDropped, droppedStrings } from '../../src/features/upload/droppedStrings';

const enc = (t: string) => new TextEncoder().encode(t);

const CSV = [
  'region;år;verdi',
  '0 Hele landet;2022;100', // line 2: aggregate
  '03 Oslo (fylke);2022;50', // line 3: aggregate
  'Foo bar;2022;7', // line 4: unreadable municipality
  'Baz;2022;8', // line 5: unreadable municipality
  '0301 Oslo;20x2;9', // line 6: unreadable year
  '0301 Oslo;2022;1',
  '1101 Eigersund;2022;2',
  '0301 Oslo;2022;3', // line 9: duplicate key (the first value is kept)
].join('\n');

describe('the validation report counts every row left out, per reason', () => {
  it('aggregates, unreadable municipalities and years, duplicates: each counted with its first line', async () => {
    const src = await ingestFile({ name: 'utelatt.csv', bytes: enc(CSV + '\n') });
    const ds = buildDataset([src], dataSpecSchema.parse({}));
    const report = ds.validation.sources.find((v) => v.file === 'utelatt.csv')!;
    const byReason = Object.fromEntries(report.dropped.map((d) => [d.reason, d]));
    expect(byReason['aggregate']).toMatchObject({ count: 2, of: 'rows', firstLine: 2 });
    expect(byReason['bad-unit']).toMatchObject({ count: 2, of: 'rows', firstLine: 4 });
    expect(byReason['bad-year']).toMatchObject({ count: 1, of: 'rows', firstLine: 6 });
    expect(report.nDuplicates).toBe(1);
    // Whatever is kept is what was not left out: Oslo and Eigersund in 2022, Oslo's first value.
    expect(report.nUnits).toBe(2);
    expect(describeDropped(byReason['bad-unit'], droppedStrings.nb, 'nb')).toBe('2 rader: kommunenummeret kunne ikke leses (første på linje 4)');
    expect(describeDropped(byReason['bad-year'], droppedStrings.en, 'en')).toBe('1 row: the year could not be read (first on line 6)');
    expect(describeDropped(byReason['bad-year'], droppedStrings.nb, 'nb')).toBe('1 rad: året kunne ikke leses (første på linje 6)');
  });
});
