/** Text of the validation report's «left out» lines: every dropped row or value with its reason. */
import type { DroppedRows } from '../../ingest/types';
import { formatInteger } from '../../i18n/format';
import type { Language } from '../../i18n/language';

export const droppedStrings = {
  nb: {
    outOfRange: 'Tall utenfor det som kan regnes med (f.eks. 1e308)',
    dropped: 'Holdt utenfor',
    of: { rows: 'rader', values: 'verdier', 'unit-years': 'kommune-år' },
    ofOne: { rows: 'rad', values: 'verdi', 'unit-years': 'kommune-år' },
    reasons: {
      'bad-unit': 'kommunenummeret kunne ikke leses',
      'bad-year': 'året kunne ikke leses',
      aggregate: 'landet, fylker og grupper (satt til side)',
      'no-year': 'uten år',
      'unmatched-code': 'kommunenummeret passer ikke i valgt struktur',
      'zero-unit-year': 'bare nuller (kommunenummeret var ikke i bruk det året)',
      duplicate: 'dobbel nøkkel (første verdi beholdt)',
    },
    firstLine: 'første på linje',
  },
  en: {
    outOfRange: 'Numbers outside what can be computed with (e.g. 1e308)',
    dropped: 'Left out',
    of: { rows: 'rows', values: 'values', 'unit-years': 'municipality-years' },
    ofOne: { rows: 'row', values: 'value', 'unit-years': 'municipality-year' },
    reasons: {
      'bad-unit': 'the municipality number could not be read',
      'bad-year': 'the year could not be read',
      aggregate: 'the country, counties and groups (set aside)',
      'no-year': 'without a year',
      'unmatched-code': 'the municipality number does not fit the chosen structure',
      'zero-unit-year': 'only zeros (the code was not in use that year)',
      duplicate: 'duplicate key (first value kept)',
    },
    firstLine: 'first on line',
  },
};

type Strings = (typeof droppedStrings)['nb'];

/** `12 rader: kommunenummeret kunne ikke leses (første på linje 5)`; one is «1 rad», not «1 rader». The count
 *  in the language's number format («1 204 rader»); the line number as the file's editor shows it. */
export function describeDropped(d: DroppedRows, s: Strings, lang: Language): string {
  return `${formatInteger(d.count, lang)} ${(d.count === 1 ? s.ofOne : s.of)[d.of]}: ${s.reasons[d.reason]}${d.firstLine ? ` (${s.firstLine} ${d.firstLine})` : ''}`;
}
