/**
 * Worked example from Fafo 2014 (Trondheim): 2012 district counts (Table V2.2; grunn- og
 * hjelpestønad are the report's 2010 figures) and the three proposed keys of Table 2.18. The computed
 * shares reproduce Tables 2.19/2.20 (oracle case trondheim-2012).
 */
import type { DistrictSpec } from '../../spec/sections/costkey';

/**
 * The report gives kroner only in its text; ≈ 190 mill. kr of key-distributed budget for F244+251+252 is
 * inferred from those statements (Lerkendal +4,5 pp ≈ +8,5 mill. kr). Three-year phase-in: the report
 * suggests two to three years.
 */
export const TRONDHEIM_BUDGET_NOTE = {
  nb: 'Budsjettet i eksemplet (190 mill. kr for barnevern, F244+251+252) er utledet av kronebeløpene i rapportens tekst, ikke oppgitt i en tabell.',
  en: 'The example budget (NOK 190 million for child welfare, F244+251+252) is inferred from the kroner figures in the report text, not given in a table.',
};

export const trondheimExample: Pick<DistrictSpec, 'counts' | 'keys' | 'currentKeyId' | 'proposedKeyId' | 'budget' | 'phaseInYears'> = {
  budget: 190_000_000,
  phaseInYears: 3,
  counts: {
    Midtbyen: { n_0_21: 12321, n_16_24: 5673, n_grunn_hjelpestonad_0_17: 337, n_ikkevestlig_0_19: 882, n_ikkevestlig_kontantstotte: 102, n_ikkevestlig_uten_yrkesinntekt: 567, n_lav_utdanning_17_54: 4884 },
    Østbyen: { n_0_21: 11993, n_16_24: 5232, n_grunn_hjelpestonad_0_17: 304, n_ikkevestlig_0_19: 785, n_ikkevestlig_kontantstotte: 90, n_ikkevestlig_uten_yrkesinntekt: 593, n_lav_utdanning_17_54: 4677 },
    Lerkendal: { n_0_21: 13335, n_16_24: 5260, n_grunn_hjelpestonad_0_17: 369, n_ikkevestlig_0_19: 1076, n_ikkevestlig_kontantstotte: 126, n_ikkevestlig_uten_yrkesinntekt: 611, n_lav_utdanning_17_54: 4874 },
    Heimdal: { n_0_21: 9383, n_16_24: 3442, n_grunn_hjelpestonad_0_17: 331, n_ikkevestlig_0_19: 1368, n_ikkevestlig_kontantstotte: 140, n_ikkevestlig_uten_yrkesinntekt: 657, n_lav_utdanning_17_54: 4763 },
  },
  keys: [
    { id: 'F232_ny', label: 'F232 helsestasjon, nye kriterier', weights: { n_0_21: 0.9, n_16_24: 0.05, n_ikkevestlig_kontantstotte: 0.05 }, source: 'Fafo 2014, tabell 2.18' },
    { id: 'BV_alt1', label: 'Barnevern alternativ 1', weights: { n_0_21: 0.35, n_grunn_hjelpestonad_0_17: 0.05, n_ikkevestlig_uten_yrkesinntekt: 0.6 }, source: 'Fafo 2014, tabell 2.18' },
    { id: 'BV_alt2', label: 'Barnevern alternativ 2 (anbefalt)', weights: { n_0_21: 0.25, n_ikkevestlig_0_19: 0.55, n_lav_utdanning_17_54: 0.2 }, source: 'Fafo 2014, tabell 2.18' },
  ],
  currentKeyId: 'BV_alt1',
  proposedKeyId: 'BV_alt2',
};
