/**
 * Presets of sector weights v_s for the total key. Published sector weights change every year (the
 * sectors are re-weighted annually from 2017, docs/REFERENCES.md, «The revenue system») and must be checked against Grønt hefte;
 * each preset therefore carries its source and whether it is a third-party copy.
 */

export interface SectorWeightPreset {
  id: string;
  label: { nb: string; en: string };
  year: number;
  /** Sector id → label and weight, in the order the source lists them. */
  sectors: { id: string; label: { nb: string; en: string }; weight: number }[];
  source: string;
  /** The figures are not from the ministry's own tables: check them before use. */
  thirdParty: boolean;
  note: { nb: string; en: string };
}

export const sectorWeightPresets: SectorWeightPreset[] = [
  {
    id: 'sektorvekter-2025-kommunebarometer',
    label: { nb: 'Sektorvekter 2025 (tredjepartstall)', en: 'Sector weights 2025 (third-party figures)' },
    year: 2025,
    sectors: [
      { id: 'grunnskole', label: { nb: 'Grunnskole', en: 'Primary and lower secondary school' }, weight: 0.272 },
      { id: 'pleie_og_omsorg', label: { nb: 'Pleie og omsorg', en: 'Care services' }, weight: 0.353 },
      { id: 'barnehage', label: { nb: 'Barnehage', en: 'Kindergarten' }, weight: 0.157 },
      { id: 'barnevern', label: { nb: 'Barnevern', en: 'Child welfare' }, weight: 0.03 },
      { id: 'sosialhjelp', label: { nb: 'Sosialhjelp', en: 'Social assistance' }, weight: 0.046 },
      { id: 'kommunehelse', label: { nb: 'Kommunehelse', en: 'Municipal health' }, weight: 0.046 },
      { id: 'administrasjon', label: { nb: 'Administrasjon', en: 'Administration' }, weight: 0.096 },
    ],
    source: 'vegard1104/kommunebarometer, scripts/oppdater-dki-fra-kmd.py (SEKTOR_VEKTER) – kontroller mot Grønt hefte',
    thirdParty: true,
    note: {
      nb: 'Tredjepartstall fra et åpent kodelager, ikke fra departementets tabeller: kontroller mot Grønt hefte før bruk. Summen er 1,000.',
      en: 'Third-party figures from a public code repository, not from the ministry\'s tables: check against Grønt hefte before use. They add up to 1.000.',
    },
  },
];

/** Σ v_s of a preset (1.000 for the 2025 weights). */
export function presetSum(p: SectorWeightPreset): number {
  return p.sectors.reduce((s, x) => s + x.weight, 0);
}
