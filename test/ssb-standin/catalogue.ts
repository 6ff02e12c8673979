/**
 * The stand-in's tables. Three carry real dimension ids, codes and labels from recorded SSB answers
 * (12134 key figures incl. «Frie inntekter per innbygger», 12367 detailed accounts by function and
 * art, 07459 population by age — its ids as in SSB's R vignette and the 07459 download in ../shared);
 * their values are generated, except the recorded cells, which are served as recorded. Tables 900xx
 * are generated criteria tables (titled «generert testtabell»: they are not SSB's) and 99xxx trigger
 * faults (429, 503, a dropped connection, a slow answer, an error body). Values are deterministic functions of the
 * cell's codes, so a split fetch and a single fetch give the same numbers, and `vintage` moves the
 * tables forward (a new year, a few revised cells) for «Oppdater fra SSB».
 */
import type { Recorded } from './recorded';

export interface SValue {
  code: string;
  label: string;
}

export interface SCodelist {
  id: string;
  label: string;
  type: 'Aggregation' | 'Valueset';
  values: { code: string; label: string; valueMap: string[] }[];
}

export interface SDim {
  id: string;
  label: string;
  role?: 'geo' | 'time' | 'metric';
  values: SValue[];
  elimination: boolean;
  codelists: SCodelist[];
  units?: Record<string, { base: string; decimals: number }>;
}

export interface Cell {
  value: number | null;
  status?: string;
}

export interface STable {
  id: string;
  label: string;
  updated: (vintage: number) => string;
  notes: string[];
  dims: (vintage: number) => SDim[];
  /** Value of one cell of the table's own (base) values. */
  cell: (codes: Record<string, string>, vintage: number) => Cell;
  fault?: 'rate-limit' | 'unavailable' | 'drop' | 'slow' | 'reject';
  /** A recorded body served verbatim for exactly this selection (sorted codes per dimension). */
  recorded?: { selection: Record<string, string[]>; body: string };
}

/** FNV-1a → [0, 1): the same codes always give the same number. */
export function unit(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const s = parts.join('\u0001');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

function timeDim(from: number, to: number, vintage: number): SDim {
  return { id: 'Tid', label: 'år', role: 'time', values: years(from, to + vintage).map((y) => ({ code: y, label: y })), elimination: false, codelists: [] };
}

function updated(base: string) {
  return (vintage: number) => new Date(Date.parse(base) + vintage * 86_400_000).toISOString().replace('.000Z', 'Z');
}

/** Municipality size (persons in 2020): Oslo-like for 0301, else log-uniform 200 – 300 000. */
export function size(code: string): number {
  if (code === '0301') return 700_000;
  return Math.round(200 * Math.exp(unit('size', code) * Math.log(1500)));
}

const AGE_WEIGHT = (a: number) => (a < 20 ? 1.15 : a < 40 ? 1.25 : a < 67 ? 1.3 : a < 80 ? 0.9 * (1 - (a - 67) / 40) : a < 105 ? 0.5 * Math.exp(-(a - 80) / 6) : 0.01);
const AGE_TOTAL = Array.from({ length: 106 }, (_, a) => AGE_WEIGHT(a)).reduce((x, y) => x + y, 0);

export function population(code: string, year: number, age?: number, sex?: string): number {
  const growth = 1 + 0.006 * (year - 2020) + 0.02 * (unit('growth', code) - 0.5) * (year - 2020) / 5;
  const ageShare = age === undefined ? 1 : (AGE_WEIGHT(age) / AGE_TOTAL) * (1 + 0.08 * (unit('age', code, age) - 0.5));
  const sexShare = sex === undefined ? 1 : sex === '1' ? 0.505 : 0.495;
  return Math.max(0, Math.round(size(code) * growth * ageShare * sexShare));
}

/** A living-condition share for a municipality (criteria tables and the accounts that depend on them). */
export function conditionShare(kind: string, code: string): number {
  const mean: Record<string, number> = { lavinntekt: 0.1, enslig: 0.035, ufor: 0.025, flyktning: 0.03, aleneboende: 0.09 };
  return (mean[kind] ?? 0.05) * (0.5 + unit('share', kind, code));
}

function municipalityValues(rec: Recorded | null): SValue[] {
  if (rec) return rec.municipalities.map((m) => ({ code: m.code, label: m.name }));
  return Array.from({ length: 357 }, (_, i) => ({ code: String(9001 + i), label: `Syntetisk kommune ${i + 1}` }));
}

function kommSummer(munis: SValue[]): SCodelist {
  return {
    id: 'agg_KommSummer',
    label: 'Kommuner 2024, sammenslåtte tidsserier',
    type: 'Aggregation',
    values: munis.map((m) => ({ code: `K-${m.code}`, label: m.label, valueMap: [m.code] })),
  };
}

const FUNCTIONS: SValue[] = [
  { code: '242', label: 'Råd, veiledning og sosialt forebyggende arbeid' },
  { code: '243', label: 'Tilbud til personer med rusproblemer' },
  { code: '244', label: 'Barnevernstjeneste' },
  { code: '251', label: 'Barnevernstiltak når barnet ikke er plassert av barnevernet' },
  { code: '252', label: 'Barnevernstiltak når barnet er plassert av barnevernet' },
  { code: '276', label: 'Kvalifiseringsordningen' },
  { code: '281', label: 'Ytelse til livsopphold' },
];

/** 1000 kr per inhabitant of gross operating expenditure (AGD10), and the criterion that drives it. */
const RATE: Record<string, [number, string]> = {
  '100': [0.5, ''],
  '110': [0.1, ''],
  '120': [3.0, ''],
  FGK8b: [15, ''],
  FGK9: [30, ''],
  '242': [0.45, 'aleneboende'],
  '243': [0.2, 'ufor'],
  '244': [0.7, 'enslig'],
  '251': [0.5, 'lavinntekt'],
  '252': [1.3, 'enslig'],
  '276': [0.15, 'flyktning'],
  '281': [1.1, 'lavinntekt'],
};
const ART_FACTOR: Record<string, number> = { AGD10: 1, AGD4: 0.93, AGD2: 0.82, AGD56: 0.02, AGD28: 0.01, '590': 0.03 };

function accounts(region: string, scope: string, fn: string, art: string, year: number): Cell {
  const [rate, driver] = RATE[fn] ?? [1, ''];
  const pop = population(region, year);
  // conditionShare = mean × (0.5 + u): spending rises with the municipality's criterion.
  const push = driver ? 0.5 + unit('share', driver, region) : 1;
  const noise = 1 + 0.15 * (unit('acc', region, fn, year) - 0.5);
  const v = rate * pop * (0.6 + 0.4 * push) * noise * (ART_FACTOR[art] ?? 0.05) * (scope === 'B' ? 0.96 : 1) * (1 + 0.025 * (year - 2020));
  // About one cell in 200 is not yet reported («..»), as in real KOSTRA tables.
  if (unit('missing', region, fn, art, year) < 0.005) return { value: null, status: '..' };
  return { value: Math.round(v) };
}

/** The last year of a table before any vintage: cells of that year may be revised in a later vintage. */
function revised(v: number, vintage: number, year: number, lastYear: number, ...codes: string[]): number {
  if (vintage > 0 && year === lastYear && unit('rev', ...codes) < 0.1) return Math.round(v * 1.01);
  return v;
}

export function buildCatalogue(rec: Recorded | null): Map<string, STable> {
  const munis = municipalityValues(rec);
  const tables: STable[] = [];
  const regionDim = (id: string, extra: SValue[] = []): SDim => ({
    id,
    label: 'region',
    role: 'geo',
    values: [...extra, ...munis],
    elimination: false,
    codelists: [kommSummer(munis)],
  });

  // 12134: recorded body, and its dimension ids, codes, labels, notes and unit.
  const body12134 = rec ? (JSON.parse(rec.body12134) as { label: string; note: string[]; updated: string }) : null;
  tables.push({
    id: '12134',
    label: body12134?.label ?? '12134: Utvalgte nøkkeltall for kommuneregnskap, kommunekonsern, etter region og år',
    updated: updated(body12134?.updated ?? '2026-03-16T07:00:00Z'),
    notes: body12134?.note ?? [],
    dims: (vintage) => [
      regionDim('KOKkommuneregion0000', [{ code: 'EAK', label: 'Landet' }]),
      { id: 'ContentsCode', label: 'statistikkvariabel', role: 'metric', values: [{ code: 'KOSAG110000', label: 'Frie inntekter per innbygger (kr)' }], elimination: false, codelists: [], units: { KOSAG110000: { base: 'kr', decimals: 0 } } },
      timeDim(2015, 2024, vintage),
    ],
    cell: (c, vintage) => {
      const region = c.KOKkommuneregion0000;
      const year = Number(c.Tid);
      const recorded: Record<string, number> = { '0301': 81240, '4601': 66605, '5001': 62853 };
      if (rec && year === 2024 && region in recorded) return { value: recorded[region] };
      const v = Math.round((55_000 + 30_000 * unit('frie', region)) * (1 + 0.03 * (year - 2024)));
      return { value: revised(v, vintage, year, 2024, '12134', region) };
    },
    recorded: rec ? { selection: { KOKkommuneregion0000: ['0301', '4601', '5001'], ContentsCode: ['KOSAG110000'], Tid: ['2024'] }, body: rec.body12134 } : undefined,
  });

  // 12367: the KS fixture's dimensions (with its codes and labels), extended with the functions of
  // the barnevern and sosialhjelp keys and art 590 (avskrivninger); the fixture's own cells — values
  // and `.`/`:` symbols — are served as recorded.
  const fx = rec?.fixture12367 as { label: string; updated: string; dimension: Record<string, { category: { index: Record<string, number>; label: Record<string, string> } }>; id: string[]; size: number[]; value: (number | null)[]; status?: Record<string, string> } | undefined;
  const fxValues = (id: string): SValue[] => (fx ? Object.keys(fx.dimension[id].category.index).map((c) => ({ code: c, label: fx.dimension[id].category.label[c] })) : []);
  const recorded12367 = new Map<string, Cell>();
  if (fx) {
    const sizes = fx.size;
    const codes = fx.id.map((id) => Object.keys(fx.dimension[id].category.index));
    const counter = sizes.map(() => 0);
    for (let i = 0; i < fx.value.length; i++) {
      const key = fx.id.map((id, k) => `${id}=${codes[k][counter[k]]}`).join('|');
      recorded12367.set(key, { value: fx.value[i], status: fx.status?.[String(i)] });
      for (let k = sizes.length - 1; k >= 0; k--) {
        if (++counter[k] < sizes[k]) break;
        counter[k] = 0;
      }
    }
  }
  const fxRegions = fxValues('KOKkommuneregion0000');
  tables.push({
    id: '12367',
    label: fx?.label ?? '12367: Detaljerte regnskapstall driftsregnskapet, etter region, regnskapsomfang, funksjon, art, statistikkvariabel og år',
    updated: updated('2025-06-15T06:00:00Z'),
    notes: ['Stand-in: verdiene er genererte, bortsett fra cellene i KS sitt testuttrekk (../shared).'],
    dims: (vintage) => [
      regionDim('KOKkommuneregion0000', fxRegions.length ? fxRegions.filter((r) => !munis.some((m) => m.code === r.code)) : [{ code: 'EAK', label: 'Landet' }]),
      { id: 'KOKregnskapsomfa0000', label: 'regnskapsomfang', values: fxValues('KOKregnskapsomfa0000').length ? fxValues('KOKregnskapsomfa0000') : [{ code: 'A', label: 'Kommuner/fylkeskommuner' }, { code: 'B', label: 'Kommuner/fylkeskommuner eksl. foretak, IKS, og samarbeid.' }], elimination: false, codelists: [] },
      { id: 'KOKfunksjon0000', label: 'funksjon', values: [...fxValues('KOKfunksjon0000'), ...FUNCTIONS], elimination: false, codelists: [] },
      { id: 'KOKart0000', label: 'art', values: [...(fxValues('KOKart0000').length ? fxValues('KOKart0000') : [{ code: 'AGD10', label: 'Brutto driftsutgifter på funksjon/tjenesteområde' }]), { code: '590', label: 'Avskrivninger' }], elimination: false, codelists: [] },
      { id: 'ContentsCode', label: 'statistikkvariabel', role: 'metric', values: [{ code: 'KOSbelop0000', label: 'Beløp (1000 kr)' }], elimination: false, codelists: [], units: { KOSbelop0000: { base: '1000 kr', decimals: 0 } } },
      timeDim(2015, 2024, vintage),
    ],
    cell: (c, vintage) => {
      const key = ['KOKkommuneregion0000', 'KOKregnskapsomfa0000', 'KOKfunksjon0000', 'KOKart0000', 'ContentsCode', 'Tid'].map((id) => `${id}=${c[id]}`).join('|');
      const hit = recorded12367.get(key);
      if (hit) return hit;
      const year = Number(c.Tid);
      const region = c.KOKkommuneregion0000;
      if (/^E/.test(region)) return { value: null, status: ':' };
      const cell = accounts(region, c.KOKregnskapsomfa0000, c.KOKfunksjon0000, c.KOKart0000, year);
      return cell.value === null ? cell : { value: revised(cell.value, vintage, year, 2024, '12367', region, c.KOKfunksjon0000, c.KOKart0000) };
    },
  });

  // 07459: population by region, sex, single age and year.
  const ages: SValue[] = Array.from({ length: 106 }, (_, a) => ({ code: a === 105 ? '105+' : String(a).padStart(3, '0'), label: a === 105 ? '105 år eller eldre' : `${a} år` }));
  const fiveYear: SCodelist = {
    id: 'agg_FemAarigGruppering',
    label: 'Femårige aldersgrupper',
    type: 'Aggregation',
    values: Array.from({ length: 21 }, (_, g) => {
      const from = g * 5;
      const members = ages.slice(from, g === 20 ? 106 : from + 5).map((a) => a.code);
      return { code: g === 20 ? 'F100+' : `F${String(from).padStart(3, '0')}-${String(from + 4).padStart(3, '0')}`, label: g === 20 ? '100 år eller eldre' : `${from}-${from + 4} år`, valueMap: members };
    }),
  };
  tables.push({
    id: '07459',
    label: '07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år',
    updated: updated('2025-02-20T07:00:00Z'),
    notes: [],
    dims: (vintage) => [
      { ...regionDim('Region'), elimination: true },
      { id: 'Kjonn', label: 'kjønn', values: [{ code: '1', label: 'Menn' }, { code: '2', label: 'Kvinner' }], elimination: true, codelists: [] },
      { id: 'Alder', label: 'alder', values: ages, elimination: true, codelists: [fiveYear, { id: 'vs_AlleAldre00B', label: 'Alle aldre', type: 'Valueset', values: ages.map((a) => ({ ...a, valueMap: [a.code] })) }] },
      { id: 'ContentsCode', label: 'statistikkvariabel', role: 'metric', values: [{ code: 'Personer1', label: 'Personer' }], elimination: false, codelists: [], units: { Personer1: { base: 'personer', decimals: 0 } } },
      timeDim(2015, 2025, vintage),
    ],
    cell: (c, vintage) => {
      const age = c.Alder === '105+' ? 105 : Number(c.Alder);
      const year = Number(c.Tid);
      return { value: revised(population(c.Region, year, age, c.Kjonn), vintage, year, 2025, '07459', c.Region, c.Alder, c.Kjonn) };
    },
  });

  // Generated criteria tables (not SSB's): counts of persons by municipality and year.
  const criteria: [string, string, string, string, string][] = [
    ['90001', 'lavinntekt', 'Lavinntekt', 'Personer i husholdninger med lavinntekt (EU60), etter region, statistikkvariabel og år (generert testtabell)', 'Personer med lavinntekt (EU60)'],
    ['90002', 'enslig', 'EnsligForsorger', 'Barn 0-15 år med enslig forsørger, etter region, statistikkvariabel og år (generert testtabell)', 'Barn 0-15 år med enslig forsørger'],
    ['90003', 'ufor', 'Ufore1849', 'Uføretrygdede 18-49 år, etter region, statistikkvariabel og år (generert testtabell)', 'Uføretrygdede 18-49 år'],
    ['90004', 'flyktning', 'Flyktninger', 'Flyktninger uten integreringstilskudd, etter region, statistikkvariabel og år (generert testtabell)', 'Flyktninger uten integreringstilskudd'],
    ['90005', 'aleneboende', 'Aleneboende3066', 'Aleneboende 30-66 år, etter region, statistikkvariabel og år (generert testtabell)', 'Aleneboende 30-66 år'],
  ];
  for (const [id, kind, code, label, contents] of criteria) {
    tables.push({
      id,
      label: `${id}: ${label}`,
      updated: updated('2025-05-02T06:00:00Z'),
      notes: ['Generert testtabell for SSB-stand-in; ikke en tabell fra SSB.'],
      dims: (vintage) => [regionDim('Region'), { id: 'ContentsCode', label: 'statistikkvariabel', role: 'metric', values: [{ code, label: contents }], elimination: false, codelists: [], units: { [code]: { base: 'personer', decimals: 0 } } }, timeDim(2015, 2024, vintage)],
      cell: (c, vintage) => {
        const year = Number(c.Tid);
        return { value: revised(Math.round(population(c.Region, year) * conditionShare(kind, c.Region) * (1 + 0.05 * (unit(id, c.Region, year) - 0.5))), vintage, year, 2024, id, c.Region) };
      },
    });
  }

  // Fault tables: small, one behaviour each.
  const faults: [string, STable['fault'], string][] = [
    ['99429', 'rate-limit', 'svarer 429 på første dataspørring'],
    ['99503', 'unavailable', 'svarer 503 på første dataspørring'],
    ['99000', 'drop', 'bryter forbindelsen på første dataspørring'],
    ['99001', 'slow', 'svarer sakte på dataspørringer'],
    ['99400', 'reject', 'avviser dataspørringer med en feilmelding fra SSB'],
  ];
  for (const [id, fault, what] of faults) {
    tables.push({
      id,
      label: `${id}: Testtabell som ${what} (generert testtabell)`,
      updated: updated('2025-01-01T00:00:00Z'),
      notes: [],
      fault,
      dims: (vintage) => [{ ...regionDim('Region'), values: munis.slice(0, 3), codelists: [] }, { id: 'ContentsCode', label: 'statistikkvariabel', role: 'metric', values: [{ code: 'Antall', label: 'Antall' }], elimination: false, codelists: [] }, timeDim(2022, 2024, vintage)],
      cell: (c) => ({ value: Math.round(1000 * unit(id, c.Region, c.Tid)) }),
    });
  }
  return new Map(tables.map((t) => [t.id, t]));
}

