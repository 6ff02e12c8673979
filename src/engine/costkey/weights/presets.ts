/**
 * Presets for today's keys. They carry criteria and a source note but the user fills in the weights
 * from the published tables (Grønt hefte / the seeds' tables), because published weights change every
 * year and must be checked against the source, not hard-coded in the engine. The Fafo 2014 Trondheim
 * keys (Fafo 2014, Table 2.18) are complete because they are fixed historical figures.
 * Criterion names are those the variable builder gives the per-inhabitant criteria (as in the demo);
 * with other data, the user maps each criterion to a variable in the preset editor.
 */
import type { KeyRecord } from '../types';

export interface KeyPreset {
  id: string;
  label: { nb: string; en: string };
  /** Criterion → weight; NaN = to be filled in by the user. */
  weights: KeyRecord;
  source: string;
}

export const keyPresets: KeyPreset[] = [
  {
    id: 'barnevern-dagens',
    label: { nb: 'Barnevern (dagens nøkkel, fyll inn)', en: 'Child welfare (current key, fill in)' },
    weights: { enslig_forsorger_pi: NaN, lavinntekt_pi: NaN, andel_0_22: NaN },
    source: 'Grønt hefte, tabell C-k (delkostnadsnøkkel barnevern), siste budsjettår',
  },
  {
    id: 'sosialhjelp-dagens',
    label: { nb: 'Sosialhjelp (dagens nøkkel, fyll inn)', en: 'Social assistance (current key, fill in)' },
    weights: { andel_16_66: NaN, ufore_18_49_pi: NaN, opphopning_pi: NaN, flyktninger_pi: NaN },
    source: 'Grønt hefte, tabell C-k (delkostnadsnøkkel sosialhjelp), siste budsjettår',
  },
  {
    id: 'trondheim-f232-ny',
    label: { nb: 'Trondheim F232, nye kriterier (Fafo 2014)', en: 'Trondheim F232, new criteria (Fafo 2014)' },
    weights: { n_0_21: 0.9, n_16_24: 0.05, n_ikkevestlig_kontantstotte: 0.05 },
    source: 'Fafo-rapport 2014, tabell 2.18',
  },
  {
    id: 'trondheim-bv-alt1',
    label: { nb: 'Trondheim barnevern alt. 1 (Fafo 2014)', en: 'Trondheim child welfare alt. 1 (Fafo 2014)' },
    weights: { n_0_21: 0.35, n_grunn_hjelpestonad_0_17: 0.05, n_ikkevestlig_uten_yrkesinntekt: 0.6 },
    source: 'Fafo-rapport 2014, tabell 2.18',
  },
  {
    id: 'trondheim-bv-alt2',
    label: { nb: 'Trondheim barnevern alt. 2 (Fafo 2014)', en: 'Trondheim child welfare alt. 2 (Fafo 2014)' },
    weights: { n_0_21: 0.25, n_ikkevestlig_0_19: 0.55, n_lav_utdanning_17_54: 0.2 },
    source: 'Fafo-rapport 2014, tabell 2.18',
  },
];
