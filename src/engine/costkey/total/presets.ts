/**
 * Presets of sector weights v_s for the total key, over all sectors of the municipalities' cost key,
 * and what a total key made of fewer sectors does to them. Published sector weights
 * change every year (the sectors are re-weighted annually from 2017, docs/REFERENCES.md, «The revenue system»).
 *
 * The 2026 weights are a third party's transcription of Grønt hefte 2026 (vegard1104/kommunebarometer,
 * SEKTORVEKTER_2026), checked here against published numbers: a least-squares fit of the total index
 * of Grønt hefte 2026 table A-k (355 municipalities, the Grønt hefte cost-index file of docs/REFERENCES.md
 * «Real files») on that project's seven sector indices gives .2299 .3532 .1599 .0422 .0742 .0634 .0773
 * (residual RMS 7·10⁻⁵, the 4-decimal rounding), and the weights below reproduce A-k for all 350
 * municipalities with both to within 0,0005. The 2025 figures the same project lists (barnevern 0,030,
 * sosialhjelp 0,046 …) do not reproduce table A-k for 2025 (errors up to 0,077; the fit gives
 * .2334 .3567 .1574 .0406 .0700 .0630 .0789), so they are not offered.
 * Grønt hefte: https://www.regjeringen.no/no/tema/kommuner-og-regioner/kommuneokonomi/gront-hefte/id547024/
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
    id: 'sektorvekter-2026',
    label: {
      nb: 'Sektorvekter 2026 (tredjepartstall, samsvarer med Grønt hefte 2026 tabell A-k)',
      en: 'Sector weights 2026 (third-party figures, consistent with Grønt hefte 2026 table A-k)',
    },
    year: 2026,
    sectors: [
      { id: 'grunnskole', label: { nb: 'Grunnskole', en: 'Primary and lower secondary school' }, weight: 0.2299 },
      { id: 'pleie_og_omsorg', label: { nb: 'Pleie og omsorg', en: 'Care services' }, weight: 0.3532 },
      { id: 'barnehage', label: { nb: 'Barnehage', en: 'Kindergarten' }, weight: 0.1597 },
      { id: 'barnevern', label: { nb: 'Barnevern', en: 'Child welfare' }, weight: 0.0422 },
      { id: 'sosialhjelp', label: { nb: 'Sosialhjelp', en: 'Social assistance' }, weight: 0.0741 },
      { id: 'kommunehelse', label: { nb: 'Kommunehelse', en: 'Municipal health' }, weight: 0.0637 },
      { id: 'administrasjon', label: { nb: 'Administrasjon', en: 'Administration' }, weight: 0.0772 },
    ],
    source:
      'vegard1104/kommunebarometer, scripts/generer-dki-sektor-breakdown.mjs (SEKTORVEKTER_2026), kontrollert mot Grønt hefte 2026 tabell A-k (https://www.regjeringen.no/no/tema/kommuner-og-regioner/kommuneokonomi/gront-hefte/id547024/)',
    thirdParty: true,
    note: {
      nb: 'Tredjepartstall, ikke avskrevet fra departementets tabell (Grønt hefte 2026 som PDF/ODS finnes ikke blant de lagrede offentlige kopiene vi kunne søke i). Med disse vektene gjenskaper sektorindeksene den publiserte samlede indeksen i Grønt hefte 2026 tabell A-k for 350 kommuner med avvik under 0,0005. Summen er 1,000.',
      en: "Third-party figures, not copied from the ministry's table (Grønt hefte 2026 as PDF/ODS is not among the stored public copies we could search). With these weights the sector indices reproduce the published total index of Grønt hefte 2026 table A-k for 350 municipalities to within 0.0005. They add up to 1.000.",
    },
  },
];

/** Σ v_s of a preset (1.000 for the 2026 weights). */
export function presetSum(p: SectorWeightPreset): number {
  return p.sectors.reduce((s, x) => s + x.weight, 0);
}

const norm = (x: string) => x.toLowerCase().replace(/[^a-zæøå]/g, '');

/** The preset sector a sector of the analysis is (matched by id or by label). */
export function matchPresetSector(p: SectorWeightPreset, sector: { id: string; label: string }) {
  return p.sectors.find((x) => x.id === sector.id || norm(x.label.nb) === norm(sector.label) || norm(x.label.en) === norm(sector.label)) ?? null;
}

export interface SectorCoverage {
  presetId: string;
  year: number;
  /** Sectors of the real key the total key lacks, with their weight in the real key. */
  missing: { id: string; label: { nb: string; en: string }; weight: number }[];
  /** Share of the real key's weight that the total key's sectors have. */
  presentShare: number;
  /** Each sector of the total key: its weight here against its weight in the real key (null: a sector
   *  the real key does not have). */
  sectors: { id: string; label: string; weight: number; realWeight: number | null }[];
}

/**
 * What a total key made of fewer sectors than the real cost key does to the sector weights: with
 * v_s = U_s / Σ U_s over two sectors, barnevern gets ≈ 0,49 instead of 0,04, and every change in
 * kroner is scaled up by the same factor.
 */
export function sectorCoverage(sectors: readonly { id: string; label: string; weight: number }[], p: SectorWeightPreset): SectorCoverage {
  const matched = new Set<string>();
  const rows = sectors.map((s) => {
    const hit = matchPresetSector(p, s);
    if (hit) matched.add(hit.id);
    return { id: s.id, label: s.label, weight: s.weight, realWeight: hit?.weight ?? null };
  });
  const missing = p.sectors.filter((x) => !matched.has(x.id));
  const presentShare = p.sectors.filter((x) => matched.has(x.id)).reduce((a, x) => a + x.weight, 0);
  return { presetId: p.id, year: p.year, missing, presentShare, sectors: rows };
}
