/**
 * public/demo/demo-spec.json: the AnalysisSpec the app opens with. It lists the demo files with the
 * mappings the importer proposes for them, builds the report's variables (SØF 2017; docs/METHODS.md §2) and sets up
 * the comparison «dagens nøkkel barnevern» vs «+ pasienter i psykisk helsevern under 18 år».
 *
 * Dataset variable names below are the names src/ingest derives from the files' labels
 * (test/demo/ingest.test.ts re-imports the files and fails if one of them is not produced).
 */
import { FILE_NAMES, type DemoFile } from './files';

/** Names the importer gives the demo variables. */
export const DATASET = {
  innbyggere: 'innbyggere',
  ensligForsorger: 'barn_0_15_ar_med_enslig_forsorger',
  lavinntekt: 'personer_med_lavinntekt',
  ufore: 'ufore_18_49_ar',
  flyktninger: 'flyktninger_uten_integreringstilskudd',
  botid: 'flyktninger_med_botid_0_5_ar',
  aleneboende: 'aleneboende_30_66_ar',
  opphopning: 'opphopningsindeks',
  pu: 'psykisk_utviklingshemmede_16_ar_og_over',
  phv017: 'pasienter_psykisk_helsevern_under_18_ar',
  phv18: 'pasienter_psykisk_helsevern_over_18_ar',
  tsb: 'opphold_i_tsb_rusbehandling',
  frieInntekter: 'frie_inntekter_per_innbygger_kr',
  bvTiltak: 'barn_0_22_ar_med_barnevernstiltak_i_alt',
  bvHjelpetiltak: 'barn_0_22_ar_med_hjelpetiltak',
  bvOmsorgstiltak: 'barn_0_22_ar_med_omsorgstiltak',
  sosialhjelpMottakere: 'sosialhjelpsmottakere',
  fylke: 'fylke',
  kostraGruppe: 'kostra_gruppe',
} as const;

const YEAR_COLUMNS = Array.from({ length: 10 }, (_, i) => String(2015 + i));
const wide = (valueColumns: string[], dimensionColumns: string[]) => ({
  unitColumn: 'region',
  yearColumn: null,
  valueColumns,
  dimensionColumns,
  layout: 'wide' as const,
  fixedYear: null,
  variablePrefix: '',
  nameColumn: null,
  decimalComma: null,
  unit: null,
});

/** Explicit mappings (what the importer proposes), so a re-import never depends on sniffing. */
const MAPPINGS: Record<string, unknown> = {
  [FILE_NAMES.population]: wide(YEAR_COLUMNS.map((y) => `Personer ${y}`), ['alder']),
  [FILE_NAMES.kostra]: wide(YEAR_COLUMNS.map((y) => `Beløp (1000 kr) ${y}`), ['regnskapsomfang', 'funksjon', 'art']),
  [FILE_NAMES.criteria]: wide(YEAR_COLUMNS, ['statistikkvariabel']),
  [FILE_NAMES.registry]: wide(YEAR_COLUMNS, ['statistikkvariabel']),
  [FILE_NAMES.recipients]: wide(YEAR_COLUMNS, ['statistikkvariabel']),
  [FILE_NAMES.municipalities]: wide(YEAR_COLUMNS, ['statistikkvariabel']),
  [FILE_NAMES.deflator]: {
    unitColumn: null,
    yearColumn: 'år',
    valueColumns: ['Kommunal deflator (2015=100)'],
    dimensionColumns: [],
    layout: 'long',
    fixedYear: null,
    variablePrefix: '',
    nameColumn: null,
    decimalComma: true,
    unit: null,
    role: 'national',
  },
  [FILE_NAMES.frieInntekter]: {
    unitColumn: 'KOKkommuneregion0000',
    yearColumn: 'Tid',
    valueColumns: ['value'],
    dimensionColumns: ['ContentsCode'],
    layout: 'long',
    fixedYear: null,
    variablePrefix: '',
    nameColumn: null,
    decimalComma: null,
    unit: null,
  },
};

/** The national price index has no municipality column: the importer reads it as a national series
 *  and repeats each year's value on every municipality, so expenditure is in fixed 2015 kroner. */
const NOT_IN_SPEC = new Set<string>();
const DEFLATOR = { variable: 'kommunal_deflator_2015_100', baseYear: 2015 };

const V = DATASET;
const ratio = (id: string, label: string, numerator: string, denominator: string | null = null, kind = 'per-capita') => ({
  id,
  label,
  numerator,
  denominator,
  scale: 1,
  kind,
});

const BV_KEY = ['enslig_forsorger_pi', 'lavinntekt_pi', 'andel_0_22'];
const SH_KEY = ['ufore_18_49_pi', 'opphopning_pi', 'andel_16_66', 'flyktninger_pi'];
const model = (id: string, label: string, dependent: string, regressors: string[]) => ({
  id,
  label,
  dependent,
  regressors,
  controls: ['frie_inntekter_1000'],
  design: 'pooled',
  intercept: true,
  yearEffects: true,
  se: 'cluster',
  cluster: null,
  weights: null,
  sample: null,
});

export function buildDemoSpec(files: DemoFile[]): Record<string, unknown> {
  return {
    version: 2,
    title: 'Demo (syntetiske data)',
    data: {
      sources: files
        .filter((f) => !NOT_IN_SPEC.has(f.name))
        .map((f) => ({
          id: `demo:${f.name}`,
          fileName: f.name,
          format: f.format,
          encoding: null,
          delimiter: null,
          sheet: null,
          mapping: MAPPINGS[f.name] ?? null,
          demo: true,
        })),
      structure: 'none',
    },
    variables: {
      population: V.innbyggere,
      expenditure: [
        { id: 'barnevern_pi', label: 'Barnevern (244+251+252), brutto driftsutgifter − avskrivninger, 1000 kr per innbygger', functions: ['244', '251', '252'], scope: 'konsern', netOfDepreciation: true, deflator: DEFLATOR, perCapita: true, unit: '1000kr' },
        { id: 'sosialhjelp_pi', label: 'Sosialhjelp (242+243+276+281), brutto driftsutgifter − avskrivninger, 1000 kr per innbygger', functions: ['242', '243', '276', '281'], scope: 'konsern', netOfDepreciation: true, deflator: DEFLATOR, perCapita: true, unit: '1000kr' },
        { id: 'rus_f243_pi', label: 'Tilbud til personer med rusproblemer (243), 1000 kr per innbygger', functions: ['243'], scope: 'konsern', netOfDepreciation: true, deflator: DEFLATOR, perCapita: true, unit: '1000kr' },
        { id: 'barnevern_total', label: 'Barnevern (244+251+252) i alt, 1000 kr', functions: ['244', '251', '252'], scope: 'konsern', netOfDepreciation: true, deflator: DEFLATOR, perCapita: false, unit: '1000kr' },
        { id: 'sosialhjelp_total', label: 'Sosialhjelp (242+243+276+281) i alt, 1000 kr', functions: ['242', '243', '276', '281'], scope: 'konsern', netOfDepreciation: true, deflator: DEFLATOR, perCapita: false, unit: '1000kr' },
      ],
      ratios: [
        ratio('enslig_forsorger_pi', 'Barn 0–15 år med enslig forsørger per innbygger', V.ensligForsorger),
        ratio('lavinntekt_pi', 'Personer med lavinntekt per innbygger', V.lavinntekt),
        ratio('ufore_18_49_pi', 'Uføre 18–49 år per innbygger', V.ufore),
        ratio('flyktninger_pi', 'Flyktninger uten integreringstilskudd per innbygger', V.flyktninger),
        ratio('botid_0_5_pi', 'Flyktninger med botid 0–5 år per innbygger', V.botid),
        ratio('aleneboende_30_66_pi', 'Aleneboende 30–66 år per innbygger', V.aleneboende),
        ratio('opphopning_pi', 'Opphopningsindeks per innbygger', V.opphopning),
        ratio('pu_16_pi', 'Psykisk utviklingshemmede 16 år og over per innbygger', V.pu),
        ratio('phv_under_18_pi', 'Pasienter i psykisk helsevern under 18 år per innbygger', V.phv017),
        ratio('phv_over_18_pi', 'Pasienter i psykisk helsevern over 18 år per innbygger', V.phv18),
        ratio('tsb_opphold_pi', 'Opphold i TSB per innbygger', V.tsb),
        ratio('bv_dekningsgrad', 'Barn med barnevernstiltak per innbygger 0–22 år', V.bvTiltak, 'innbyggere_0_22', 'coverage'),
        ratio('sosialhjelp_dekningsgrad', 'Sosialhjelpsmottakere per innbygger 16–66 år', V.sosialhjelpMottakere, 'innbyggere_16_66', 'coverage'),
        ratio('bv_enhetskostnad', 'Barnevern, 1000 kr per barn med tiltak', 'barnevern_total', V.bvTiltak, 'unit-cost'),
        ratio('sosialhjelp_enhetskostnad', 'Sosialhjelp, 1000 kr per mottaker', 'sosialhjelp_total', V.sosialhjelpMottakere, 'unit-cost'),
      ],
      ageGroups: [
        { id: 'andel_0_22', label: 'Innbyggere 0–22 år (andel)', from: 0, to: 22, share: true },
        { id: 'andel_16_66', label: 'Innbyggere 16–66 år (andel)', from: 16, to: 66, share: true },
        { id: 'andel_67_79', label: 'Innbyggere 67–79 år (andel)', from: 67, to: 79, share: true },
        { id: 'andel_80_pluss', label: 'Innbyggere 80 år og over (andel)', from: 80, to: null, share: true },
        { id: 'innbyggere_0_22', label: 'Innbyggere 0–22 år (antall)', from: 0, to: 22, share: false },
        { id: 'innbyggere_16_66', label: 'Innbyggere 16–66 år (antall)', from: 16, to: 66, share: false },
      ],
      formulas: [
        { id: 'frie_inntekter_1000', label: 'Frie inntekter, 1000 kr per innbygger', expression: `${V.frieInntekter} / 1000` },
        { id: 'urbanitet_pi', label: 'Urbanitet per innbygger (innbyggere^1,2 / innbyggere)', expression: `${V.innbyggere}^1.2 / ${V.innbyggere}` },
      ],
      residualised: [
        { id: 'phv_over_18_korrigert', label: 'Pasienter psykisk helsevern over 18 år, korrigert for PU og andel 80+', target: 'phv_over_18_pi', controls: ['pu_16_pi', 'andel_80_pluss'], yearEffects: false },
      ],
      groupings: [
        { id: 'storrelsesklasse', label: 'Kommunestørrelse (6 klasser)', kind: 'size-class', column: null },
        { id: 'fylke_gruppe', label: 'Fylke', kind: 'column', column: V.fylke },
        { id: 'kostra_gruppe_gruppe', label: 'KOSTRA-gruppe', kind: 'column', column: V.kostraGruppe },
      ],
    },
    describe: {
      variables: ['phv_over_18_pi', 'phv_under_18_pi', 'tsb_opphold_pi', 'barnevern_pi', 'sosialhjelp_pi'],
      correlation: ['phv_over_18_pi', 'phv_under_18_pi', 'tsb_opphold_pi'],
      bySizeClass: 'phv_over_18_pi',
      percentileYear: null,
    },
    models: {
      list: [
        model('bv_dagens', 'Dagens nøkkel barnevern', 'barnevern_pi', BV_KEY),
        model('bv_phv', '+ pasienter psykisk helsevern 0–17', 'barnevern_pi', [...BV_KEY, 'phv_under_18_pi']),
        model('sh_dagens', 'Dagens nøkkel sosialhjelp', 'sosialhjelp_pi', SH_KEY),
        model('sh_phv', '+ pasienter psykisk helsevern 18+', 'sosialhjelp_pi', [...SH_KEY, 'phv_over_18_pi']),
      ],
      shown: ['bv_dagens', 'bv_phv'],
      stars: [0.01, 0.05, 0.1],
    },
    explained: {
      baselineModelId: 'bv_dagens',
      candidateModelIds: ['bv_phv'],
      decompositionModelId: 'bv_phv',
    },
    stability: { modelId: 'bv_phv', leaveOneYearOut: true, bootstrap: false, bootstrapB: 999, seed: 1, alpha: 0.05 },
    // Today's key (bv_dagens) against the key with the psychiatric indicator (bv_phv): who gains, who loses.
    costKey: {
      method: 'coefficient',
      modelId: 'bv_phv',
      currentModelId: 'bv_dagens',
      year: null,
      remainder: 'population',
    },
    // The total key of the two demo sectors: barnevern goes from today's key to the proposed one,
    // sosialhjelp keeps today's key (from its model); sector weights from national spending per
    // inhabitant, so the view «Samlet nøkkel» shows what the barnevern proposal does to the total.
    totalKey: {
      weightMode: 'spending',
      weightsSource: '',
      perCapita: null,
      sectors: [
        { id: 'barnevern', label: 'Barnevern', source: { kind: 'proposed' }, compareWith: { kind: 'current' }, spending: { kind: 'variable', variable: 'barnevern_pi', unitNok: null }, weight: null },
        { id: 'sosialhjelp', label: 'Sosialhjelp', source: { kind: 'model', modelId: 'sh_dagens' }, compareWith: null, spending: { kind: 'variable', variable: 'sosialhjelp_pi', unitNok: null }, weight: null },
      ],
    },
    redistribution: { phaseInYears: 1 },
  };
}
