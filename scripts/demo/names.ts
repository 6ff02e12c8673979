/**
 * Invented municipality and county names. Built from syllables chosen so that the results look
 * Norwegian but are not real places (test/demo checks them against SSB's real code lists when
 * ../shared is present). Some contain æ, ø, å and á so that the ISO-8859-1 encoding is exercised,
 * and two carry a second-language form after " - " as real SSB labels do (`Porsanger - Porsángu`).
 */
import type { Rng } from './prng';

const HEADS = [
  'Brek', 'Fjelm', 'Glos', 'Hvarm', 'Kjøl', 'Lesk', 'Mørn', 'Njar', 'Orv', 'Plæt', 'Ruv', 'Skjev',
  'Trøm', 'Ulk', 'Vask', 'Ygg', 'Ærd', 'Østr', 'Åsk', 'Blæk', 'Drøv', 'Fresk', 'Gnol', 'Hresk',
  'Kvarn', 'Limr', 'Mjølk', 'Nodd', 'Prusk', 'Rimf', 'Skvark', 'Tvær', 'Vrak', 'Ysk', 'Bjelk', 'Fløt',
];
const TAILS = [
  'ang', 'bø', 'dal', 'fjord', 'heim', 'lid', 'mark', 'nes', 'rud', 'stad', 'sund', 'vik', 'øy',
  'vær', 'berg', 'å', 'haug', 'sand', 'holm', 'set', 'tun', 'li', 'voll', 'eid',
];
/** Second-language forms (invented) for two municipalities. */
const SECOND = ['Gávvaluokta', 'Čiekčavuotna'];

export function municipalityNames(rng: Rng, n: number): string[] {
  const all: string[] = [];
  for (const h of HEADS) for (const t of TAILS) all.push(h + t);
  // Deterministic choice without repetition.
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  if (n > all.length) throw new Error(`only ${all.length} distinct names`);
  const names = all.slice(0, n);
  // Latin-1 cannot hold Č, so only the first second-language form is used; the list keeps the
  // reason visible.
  names[n - 1] = `${names[n - 1]} - ${SECOND[0]}`;
  return names;
}

export const COUNTY_NAMES: Record<number, string> = {
  90: 'Brekmark',
  91: 'Vestre Fjelmland',
  92: 'Hvarmøy',
  93: 'Indre Mørnland',
  94: 'Njarfjord',
  95: 'Søndre Plætmark',
  96: 'Ruvland',
  97: 'Trømsvær',
  98: 'Ulkfjell',
  99: 'Yskre Vaskmark',
};
