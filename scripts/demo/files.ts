/**
 * Serialises the synthetic panel into the files a user would download: the layouts imitate SSB's
 * Statistikkbanken CSV (07459, 12367) and PxWebApi v2 JSON-stat2 (12134), plus SSB-style CSVs for
 * grønt hefte criteria, NPR registry counts, recipients, the deflator and the municipality list.
 * Every title says the data are synthetic.
 */
import { COUNTY_NAMES } from './names';
import { csvText, dec, encodeLatin1, jsonStat2, text, type CsvCell } from './formats';
import {
  ARTS,
  CRITERIA,
  FUNCTIONS,
  N_AGES,
  RECIPIENTS,
  REGISTRY,
  type Cell,
  type Criterion,
  type DemoPanel,
  type Observation,
  type RecipientId,
  type RegistryId,
} from './panel';

export interface DemoFile {
  name: string;
  bytes: Uint8Array;
  format: 'csv' | 'json-stat';
  /** One line for the README and the spec. */
  description: string;
}

const SYNT = '(syntetiske data)';

export const FUNCTION_LABELS: Record<string, string> = {
  '242': 'Råd, veiledning og sosialt forebyggende arbeid',
  '243': 'Tilbud til personer med rusproblemer',
  '244': 'Barnevernstjeneste',
  '251': 'Barnevernstiltak når barnet ikke er plassert av barnevernet',
  '252': 'Barnevernstiltak når barnet er plassert av barnevernet',
  '276': 'Kvalifiseringsordningen',
  '281': 'Ytelse til livsopphold',
};
export const ART_LABELS: Record<string, string> = {
  AGD10: 'Brutto driftsutgifter på funksjon/tjenesteområde',
  '590': 'Avskrivninger',
};
export const CRITERION_LABELS: Record<Criterion | 'opphopningsindeks', string> = {
  innbyggere: 'Innbyggere',
  enslig_forsorger: 'Barn 0-15 år med enslig forsørger',
  lavinntekt: 'Personer med lavinntekt',
  ufor_18_49: 'Uføre 18-49 år',
  flyktninger: 'Flyktninger uten integreringstilskudd',
  botid_0_5: 'Flyktninger med botid 0-5 år',
  aleneboende_30_66: 'Aleneboende 30-66 år',
  skilte_16_59: 'Skilte og separerte 16-59 år',
  arbeidsledige_16_59: 'Arbeidsledige 16-59 år',
  fattige: 'Fattige',
  opphopningsindeks: 'Opphopningsindeks',
  pu_16: 'Psykisk utviklingshemmede 16 år og over',
};
export const REGISTRY_LABELS: Record<RegistryId, string> = {
  phv_pasienter_0_17: 'Pasienter psykisk helsevern under 18 år',
  phv_pasienter_18: 'Pasienter psykisk helsevern over 18 år',
  tsb_opphold: 'Opphold i TSB (rusbehandling)',
};
export const RECIPIENT_LABELS: Record<RecipientId, string> = {
  bv_tiltak_0_22: 'Barn 0-22 år med barnevernstiltak i alt',
  bv_hjelpetiltak_0_22: 'Barn 0-22 år med hjelpetiltak',
  bv_omsorgstiltak_0_22: 'Barn 0-22 år med omsorgstiltak',
  sosialhjelp_mottakere: 'Sosialhjelpsmottakere',
};

export const FILE_NAMES = {
  population: 'befolkning-alder-07459.csv',
  kostra: 'kostra-utgifter-12367.csv',
  criteria: 'gront-hefte-kriterier.csv',
  frieInntekter: 'frie-inntekter-12134.json',
  registry: 'npr-psykisk-helse-tsb.csv',
  deflator: 'kommunal-deflator.csv',
  recipients: 'mottakere-barnevern-sosialhjelp.csv',
  municipalities: 'kommuner-fylke-kostragruppe.csv',
} as const;

const ageLabel = (a: number) => (a === N_AGES - 1 ? `${a} år eller eldre` : `${a} år`);

function byMunicipality(panel: DemoPanel): Map<string, Map<number, Observation>> {
  const m = new Map<string, Map<number, Observation>>();
  for (const o of panel.observations) {
    let y = m.get(o.code);
    if (!y) m.set(o.code, (y = new Map()));
    y.set(o.year, o);
  }
  return m;
}

const latin1 = (s: string) => encodeLatin1(s);

export function buildFiles(panel: DemoPanel): DemoFile[] {
  const obs = byMunicipality(panel);
  const years = panel.years;
  const region = (code: string, name: string) => text(`${code} ${name}`);
  const files: DemoFile[] = [];

  // 1. Population by single age, wide over years (07459 as Statistikkbanken writes it).
  {
    const rows: CsvCell[][] = [];
    for (const m of panel.municipalities) {
      const ys = obs.get(m.code)!;
      for (let a = 0; a < N_AGES; a++) rows.push([region(m.code, m.name), text(ageLabel(a)), ...years.map((y) => ys.get(y)!.popByAge[a])]);
    }
    files.push({
      name: FILE_NAMES.population,
      format: 'csv',
      description: 'Befolkning 1. januar etter kommune, ettårig alder (0–105+) og år, som SSB-tabell 07459.',
      bytes: latin1(
        csvText({
          title: `07459: Befolkning, etter region, alder, statistikkvariabel og år ${SYNT}`,
          header: ['region', 'alder', ...years.map((y) => `Personer ${y}`)],
          rows,
        }),
      ),
    });
  }

  // 2. KOSTRA accounts by function and art, konsern, 1000 kr (12367).
  {
    const rows: CsvCell[][] = [];
    for (const m of panel.municipalities) {
      const ys = obs.get(m.code)!;
      for (const f of FUNCTIONS)
        for (const art of ARTS)
          rows.push([
            region(m.code, m.name),
            text('A Kommunekonsern'),
            text(`${f} ${FUNCTION_LABELS[f]}`),
            text(`${art} ${ART_LABELS[art]}`),
            ...years.map((y) => ys.get(y)!.kostra[`${f}:${art}`]),
          ]);
    }
    files.push({
      name: FILE_NAMES.kostra,
      format: 'csv',
      description: 'KOSTRA driftsregnskap, kommunekonsern, 1000 kr: funksjon 242, 243, 244, 251, 252, 276, 281 × art AGD10 (brutto driftsutgifter) og 590 (avskrivninger), som SSB-tabell 12367.',
      bytes: latin1(
        csvText({
          title: `12367: Detaljerte regnskapstall driftsregnskapet, etter region, regnskapsomfang, funksjon, art, statistikkvariabel og år ${SYNT}`,
          header: ['region', 'regnskapsomfang', 'funksjon', 'art', ...years.map((y) => `Beløp (1000 kr) ${y}`)],
          rows,
        }),
      ),
    });
  }

  // 3. Grønt hefte criteria (counts; the opphopningsindeks with four decimals).
  {
    const rows: CsvCell[][] = [];
    const keys: (Criterion | 'opphopningsindeks')[] = [...CRITERIA.slice(0, 10), 'opphopningsindeks', 'pu_16'];
    for (const m of panel.municipalities) {
      const ys = obs.get(m.code)!;
      for (const k of keys) {
        const cells = years.map((y): CsvCell => (k === 'opphopningsindeks' ? dec(ys.get(y)!.opphopningsindeks, 4) : ys.get(y)!.criteria[k]));
        rows.push([region(m.code, m.name), text(CRITERION_LABELS[k]), ...cells]);
      }
    }
    files.push({
      name: FILE_NAMES.criteria,
      format: 'csv',
      description: 'Kriteriedata som i grønt hefte: antall per kommune og år (enslig forsørger, lavinntekt, uføre 18–49, flyktninger, botid 0–5, aleneboende 30–66, skilte, arbeidsledige, fattige, opphopningsindeks, PU 16+).',
      bytes: latin1(
        csvText({
          title: `Kriteriedata for utgiftsutjevningen (grønt hefte), etter region, statistikkvariabel og år ${SYNT}`,
          header: ['region', 'statistikkvariabel', ...years.map(String)],
          rows,
        }),
      ),
    });
  }

  // 4. Frie inntekter per innbygger as PxWebApi v2 JSON-stat2 (12134).
  {
    const value: (number | null)[] = [];
    const status: Record<string, string> = {};
    for (const m of panel.municipalities) {
      const ys = obs.get(m.code)!;
      for (const y of years) {
        const c: Cell = ys.get(y)!.frieInntekter;
        if (typeof c === 'number') value.push(c);
        else {
          status[String(value.length)] = c;
          value.push(null);
        }
      }
    }
    files.push({
      name: FILE_NAMES.frieInntekter,
      format: 'json-stat',
      description: 'Frie inntekter per innbygger (kr), JSON-stat2 som PxWebApi v2 (tabell 12134), med status «..» for manglende celler.',
      bytes: new TextEncoder().encode(
        jsonStat2({
          label: `12134: Utvalgte nøkkeltall for kommuneregnskap, kommunekonsern, etter region og år ${SYNT}`,
          updated: '2025-03-15T07:00:00Z',
          note: ['Syntetiske data laget av Kostnadsnøkkel-lab for demonstrasjon. Kommunene er oppdiktet.'],
          tableId: '12134',
          roles: { time: ['Tid'], geo: ['KOKkommuneregion0000'], metric: ['ContentsCode'] },
          dims: [
            { id: 'KOKkommuneregion0000', label: 'region', codes: panel.municipalities.map((m) => m.code), labels: panel.municipalities.map((m) => m.name) },
            { id: 'ContentsCode', label: 'statistikkvariabel', codes: ['KOSAG110000'], labels: ['Frie inntekter per innbygger (kr)'], unit: { base: 'kr', decimals: 0 } },
            { id: 'Tid', label: 'år', codes: years.map(String), labels: years.map(String) },
          ],
          value,
          status,
        }),
      ),
    });
  }

  // 5. Registry counts (NPR), counts ≤ 5 suppressed with `:`.
  files.push(
    statTable(panel, obs, FILE_NAMES.registry, `Pasienter i psykisk helsevern og opphold i TSB, etter region, statistikkvariabel og år ${SYNT}`, REGISTRY, REGISTRY_LABELS, (o, k) => o.registry[k as RegistryId],
      'Registertall (som NPR): pasienter i psykisk helsevern 0–17 og 18+, opphold i TSB; antall ≤ 5 er prikket med «:».'),
  );

  // 6. Price index, one row per year.
  files.push({
    name: FILE_NAMES.deflator,
    format: 'csv',
    description: 'Kommunal deflator (prisindeks, 2015 = 100) per år, for faste kroner.',
    bytes: latin1(
      csvText({
        title: `Kommunal deflator, prisindeks etter år ${SYNT}`,
        header: ['år', 'Kommunal deflator (2015=100)'],
        rows: years.map((y) => [text(String(y)), dec(panel.deflator[y], 1)]),
      }),
    ),
  });

  // 7. Recipients (SSB child-welfare and social-assistance statistics), counts ≤ 5 suppressed.
  files.push(
    statTable(panel, obs, FILE_NAMES.recipients, `Barn med barnevernstiltak og sosialhjelpsmottakere, etter region, statistikkvariabel og år ${SYNT}`, RECIPIENTS, RECIPIENT_LABELS, (o, k) => o.recipients[k as RecipientId],
      'Mottakere: barn 0–22 år med barnevernstiltak (i alt, hjelpetiltak, omsorgstiltak) og sosialhjelpsmottakere; antall ≤ 5 er prikket med «:».'),
  );

  // 8. County and KOSTRA group per municipality and year (they are per year in Klass as well).
  const byCode = new Map(panel.municipalities.map((m) => [m.code, m]));
  files.push(
    statTable(panel, obs, FILE_NAMES.municipalities, `Kommuner etter fylke og KOSTRA-gruppe, etter region, statistikkvariabel og år ${SYNT}`, ['fylke', 'kostragruppe'], { fylke: 'Fylke', kostragruppe: 'KOSTRA-gruppe' },
      (o, k) => (k === 'fylke' ? byCode.get(o.code)!.county : byCode.get(o.code)!.kostraGroup),
      `Fylke (kode 90–99: ${Object.entries(COUNTY_NAMES).map(([c, n]) => `${c} ${n}`).join(', ')}) og KOSTRA-gruppe (1–16) per kommune og år.`),
  );

  return files;
}

function statTable(
  panel: DemoPanel,
  obs: Map<string, Map<number, Observation>>,
  name: string,
  title: string,
  keys: readonly string[],
  labels: Record<string, string>,
  get: (o: Observation, k: string) => Cell,
  description: string,
): DemoFile {
  const rows: CsvCell[][] = [];
  for (const m of panel.municipalities) {
    const ys = obs.get(m.code)!;
    for (const k of keys) rows.push([text(`${m.code} ${m.name}`), text(labels[k]), ...panel.years.map((y) => get(ys.get(y)!, k))]);
  }
  return {
    name,
    format: 'csv',
    description,
    bytes: encodeLatin1(csvText({ title, header: ['region', 'statistikkvariabel', ...panel.years.map(String)], rows })),
  };
}
