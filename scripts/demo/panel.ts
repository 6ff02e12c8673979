/**
 * The in-memory synthetic panel: fictional municipalities × 2015–2024 with population by single age,
 * grønt hefte criteria counts, registry counts, recipients, KOSTRA amounts and frie inntekter.
 * The file writers only serialise this; tests compute their calibration figures from it.
 *
 * How the data are made (so that the demo behaves like the source report, SØF 2017):
 * every municipality has a few persistent latent traits (social deprivation, psychiatric morbidity
 * of children and adults, substance problems, refugee settlement, age structure, income). Criteria
 * are binomial counts from rates driven by those traits, so small municipalities get noisy rates.
 * Expenditure per inhabitant is a linear function of the observed criteria per inhabitant (with
 * coefficients of the report's order of magnitude), a persistent municipality effect and noise
 * that shrinks with population size (one out-of-home placement is a lot of money in a small
 * municipality). The constants live in PARAMS so that the calibration can be tuned in one place.
 */
import { binomial, createRng, normalQuantile, poisson, shuffle, type Rng } from './prng';
import { municipalityNames } from './names';

export const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] as const;
export const N_AGES = 106; // 0 … 104 and "105 år eller eldre"
export const FUNCTIONS = ['242', '243', '244', '251', '252', '276', '281'] as const;
export type KostraFunction = (typeof FUNCTIONS)[number];
export const ARTS = ['AGD10', '590'] as const;
export type KostraArt = (typeof ARTS)[number];

/** A published cell: a number, or SSB's symbol for "missing" (`..`) or "suppressed" (`:`). */
export type Cell = number | '..' | ':';

export const CRITERIA = [
  'innbyggere',
  'enslig_forsorger',
  'lavinntekt',
  'ufor_18_49',
  'flyktninger',
  'botid_0_5',
  'aleneboende_30_66',
  'skilte_16_59',
  'arbeidsledige_16_59',
  'fattige',
  'pu_16',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const REGISTRY = ['phv_pasienter_0_17', 'phv_pasienter_18', 'tsb_opphold'] as const;
export type RegistryId = (typeof REGISTRY)[number];

export const RECIPIENTS = ['bv_tiltak_0_22', 'bv_hjelpetiltak_0_22', 'bv_omsorgstiltak_0_22', 'sosialhjelp_mottakere'] as const;
export type RecipientId = (typeof RECIPIENTS)[number];

export interface Municipality {
  code: string;
  name: string;
  county: number;
  kostraGroup: number;
}

export interface Observation {
  code: string;
  year: number;
  popByAge: number[];
  /** Sum of popByAge. */
  pop: number;
  criteria: Record<Criterion, number>;
  /** grønt hefte's opphopningsindeks: skilte × arbeidsledige × fattige / innbyggere², 4 decimals. */
  opphopningsindeks: number;
  registry: Record<RegistryId, Cell>;
  recipients: Record<RecipientId, Cell>;
  /** 1000 kr, nominal, konsern; key `${function}:${art}`. */
  kostra: Record<string, Cell>;
  /** Frie inntekter per innbygger, kr, nominal. */
  frieInntekter: Cell;
}

export interface DemoPanel {
  seed: number;
  municipalities: Municipality[];
  years: number[];
  /** Kommunal deflator, 2015 = 100. */
  deflator: Record<number, number>;
  observations: Observation[];
  /** Municipality-years whose KOSTRA accounts are missing as a whole (`..`). */
  missingAccounts: { code: string; year: number }[];
}

export const PARAMS = {
  nMunicipalities: 356,
  capitalPopulation: 600_000,
  /** Log-normal population: median and log-SD (2015). */
  popMedian: 4800,
  popLogSd: 1.2,
  /** Child welfare, 1000 kr (2015) per inhabitant. */
  bv: { c: 0.75, ef: 25, lav: 6, sh022: -3, fi: 0.008, phv017: 36, trend: 0.03, u: 0.5, e0: 0.4, e1: 0.7 },
  /** Social assistance (242+276+281 part), 1000 kr (2015) per inhabitant. */
  sh: { c: -1.89, uf: 18, opph: 3500, sh1666: 2.5, flykt: 10, botid: 14, alene: 6, phv18: 20, fi: 0.004, trend: 0.01, u: 0.4, e0: 0.4, e1: 0.55 },
  /** Function 243 (services for persons with substance problems). */
  f243: { c: 0.05, tsb: 1.6, phv18: 1.5, e0: 0.03, e1: 0.05 },
};

/** Annual change of the kommunal deflator (per cent), 2016 … 2024. */
const DEFLATOR_GROWTH = [2.5, 2.6, 2.8, 3.2, 2.1, 3.6, 5.5, 5.4, 4.4];
/** Refugee settlement waves (residence ≤ 5 years), relative to the mean. */
const REFUGEE_WAVE = [0.8, 1.3, 1.6, 1.5, 1.2, 0.9, 0.7, 0.9, 1.6, 1.9];
/** Unemployment cycle (covid in 2020–2021). */
const UNEMPLOYMENT = [1.0, 1.1, 1.0, 0.9, 0.85, 1.4, 1.2, 0.7, 0.75, 0.85];

export function deflatorIndex(): Record<number, number> {
  const out: Record<number, number> = { 2015: 100 };
  let v = 100;
  DEFLATOR_GROWTH.forEach((g, i) => {
    v *= 1 + g / 100;
    out[2016 + i] = Math.round(v * 10) / 10;
  });
  return out;
}

/** Piecewise-linear relative age weights (roughly Norway's age pyramid around 2020). */
const AGE_KNOTS: [number, number][] = [
  [0, 1.05], [5, 1.15], [15, 1.2], [19, 1.2], [25, 1.35], [35, 1.35], [55, 1.35], [65, 1.15],
  [72, 1.0], [78, 0.7], [83, 0.45], [88, 0.25], [93, 0.08], [98, 0.015], [103, 0.002], [105, 0.0008],
];
function baseAgeWeight(a: number): number {
  for (let k = 1; k < AGE_KNOTS.length; k++) {
    const [a0, w0] = AGE_KNOTS[k - 1];
    const [a1, w1] = AGE_KNOTS[k];
    if (a <= a1) return w0 + ((w1 - w0) * (a - a0)) / (a1 - a0);
  }
  return AGE_KNOTS[AGE_KNOTS.length - 1][1];
}
/** How an "old, rural" municipality differs: fewer young adults, more elderly. */
function ageTilt(a: number): number {
  if (a < 16) return -0.1;
  if (a < 40) return -0.45;
  if (a < 60) return 0;
  return 0.45;
}

export function countAges(popByAge: number[], from: number, to: number | null): number {
  let s = 0;
  const hi = to === null ? N_AGES - 1 : Math.min(to, N_AGES - 1);
  for (let a = from; a <= hi; a++) s += popByAge[a];
  return s;
}

interface Traits {
  basePop: number;
  growth: number;
  social: number;
  psychChild: number;
  psychAdult: number;
  substance: number;
  refugee: number;
  income: number;
  ageOld: number;
  kids: number;
  pu: number;
  uBv: number;
  uSh: number;
  shares: { f244: number; f251: number; f252: number; f242: number; f276: number };
  depreciates: boolean;
}

function drawTraits(rng: Rng, basePop: number): Traits {
  const urb = urbanity(basePop);
  const social = rng.normal();
  const psychAdult = rng.normal();
  const ln = (s: number) => Math.exp(s * rng.normal());
  return {
    basePop,
    growth: 0.002 + 0.004 * urb + 0.004 * rng.normal(),
    social,
    psychAdult,
    // Child and adult psychiatry are correlated (SØF 2017, Table 4: 0.32).
    psychChild: 0.45 * psychAdult + 0.89 * rng.normal(),
    substance: rng.normal(),
    refugee: rng.normal(),
    income: 0.85 * rng.normal() + (rng.next() < 0.1 ? 2.5 : 0),
    ageOld: -0.45 * urb + 0.6 * rng.normal(),
    kids: 0.08 * rng.normal(),
    pu: rng.normal(),
    uBv: rng.normal(),
    uSh: rng.normal(),
    shares: { f244: 0.3 * ln(0.15), f251: 0.17 * ln(0.2), f252: 0.53 * ln(0.15), f242: 0.28 * ln(0.2), f276: 0.06 * ln(0.3) },
    depreciates: rng.next() < 0.7,
  };
}

/** log population relative to a typical municipality, roughly standardised. */
function urbanity(pop: number): number {
  return (Math.log(pop) - Math.log(5000)) / 1.2;
}

function kostraGroup(pop: number, fiReal: number, ageOld: number, isCapital: boolean): number {
  if (isCapital) return 16;
  if (pop >= 100_000) return 15;
  if (pop >= 20_000) return fiReal > 52_000 ? 14 : 13;
  const base = pop < 5000 ? 1 : 7;
  const fiLevel = fiReal < 52_000 ? 0 : fiReal < 60_000 ? 1 : 2;
  return base + 2 * fiLevel + (ageOld > 0 ? 1 : 0);
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const suppressSmall = (n: number): Cell => (n <= 5 ? ':' : n);

export function generatePanel(seed: number): DemoPanel {
  const rng = createRng(seed);
  const n = PARAMS.nMunicipalities;
  const deflator = deflatorIndex();

  // Stratified log-normal quantiles: the size distribution is the same shape for every seed,
  // so all six size classes of SØF 2017 are always populated.
  const pops: number[] = [];
  for (let k = 0; k < n - 1; k++) {
    const z = normalQuantile((k + 0.5) / (n - 1));
    pops.push(Math.round(PARAMS.popMedian * Math.exp(PARAMS.popLogSd * z + 0.05 * rng.normal())));
  }
  shuffle(rng.fork('order'), pops);
  pops.unshift(PARAMS.capitalPopulation);

  const names = municipalityNames(rng.fork('names'), n);
  const counties = [90, 91, 92, 93, 94, 95, 96, 97, 98, 99];
  const perCounty = Math.ceil(n / counties.length);

  const municipalities: Municipality[] = [];
  const observations: Observation[] = [];
  const traitsList: Traits[] = [];
  for (let i = 0; i < n; i++) {
    const county = counties[Math.floor(i / perCounty)];
    const seq = (i % perCounty) + 1;
    const code = `${county}${String(seq).padStart(2, '0')}`;
    const traits = drawTraits(rng.fork(`traits:${code}`), pops[i]);
    traitsList.push(traits);
    const fi2015 = frieInntekterReal(traits, 0);
    municipalities.push({ code, name: names[i], county, kostraGroup: kostraGroup(pops[i], fi2015, traits.ageOld, i === 0) });
  }

  // Two municipalities whose accounts are missing for a whole year, as when a municipality fails
  // to report to KOSTRA.
  const pick = rng.fork('missing-accounts');
  const missingAccounts = [
    { code: municipalities[10 + pick.int(100)].code, year: 2019 },
    { code: municipalities[150 + pick.int(150)].code, year: 2022 },
  ];

  municipalities.forEach((m, i) => {
    const r = rng.fork(`panel:${m.code}`);
    const t = traitsList[i];
    let pop = t.basePop;
    let socialDrift = 0;
    YEARS.forEach((year, k) => {
      if (k > 0) pop *= 1 + t.growth + 0.003 * r.normal();
      socialDrift = 0.7 * socialDrift + 0.2 * r.normal();
      const missing = missingAccounts.some((x) => x.code === m.code && x.year === year);
      observations.push(simulateYear(r, m, t, year, k, pop, t.social + socialDrift, deflator[year], missing));
    });
  });

  // A couple of frie inntekter cells missing (`..` in the JSON-stat status), as in SSB's tables.
  const gap = rng.fork('missing-fi');
  for (let j = 0; j < 2; j++) observations[gap.int(observations.length)].frieInntekter = '..';

  return { seed, municipalities, years: [...YEARS], deflator, observations, missingAccounts };
}

function frieInntekterReal(t: Traits, k: number): number {
  return 50_000 * Math.exp(-0.11 * urbanity(t.basePop) + 0.1 * t.income + 0.012 * k);
}

function simulateYear(
  r: Rng,
  m: Municipality,
  t: Traits,
  year: number,
  k: number,
  popTarget: number,
  social: number,
  defl: number,
  accountsMissing: boolean,
): Observation {
  const urb = urbanity(t.basePop);
  // Population by single age.
  const old = t.ageOld + 0.03 * k;
  const w: number[] = [];
  let wSum = 0;
  for (let a = 0; a < N_AGES; a++) {
    const x = baseAgeWeight(a) * Math.exp(old * ageTilt(a) + (a < 16 ? t.kids : 0));
    w.push(x);
    wSum += x;
  }
  const popByAge = w.map((x) => {
    const e = (popTarget * x) / wSum;
    return Math.max(0, Math.round(e + Math.sqrt(e) * r.normal()));
  });
  const pop = popByAge.reduce((s, x) => s + x, 0);
  const n0_15 = countAges(popByAge, 0, 15);
  const n0_17 = countAges(popByAge, 0, 17);
  const n0_22 = countAges(popByAge, 0, 22);
  const n16_59 = countAges(popByAge, 16, 59);
  const n16_66 = countAges(popByAge, 16, 66);
  const n16p = countAges(popByAge, 16, null);
  const n18_49 = countAges(popByAge, 18, 49);
  const n18p = countAges(popByAge, 18, null);
  const n30_66 = countAges(popByAge, 30, 66);

  // Grønt hefte criteria (counts).
  const criteria: Record<Criterion, number> = {
    innbyggere: pop,
    enslig_forsorger: binomial(r, n0_15, 0.145 * Math.exp(0.22 * social + 0.08 * urb)),
    lavinntekt: binomial(r, pop, 0.095 * Math.exp(0.25 * social + 0.05 * urb + 0.01 * k)),
    ufor_18_49: binomial(r, n18_49, 0.032 * Math.exp(0.35 * social - 0.12 * urb + 0.01 * k)),
    flyktninger: binomial(r, pop, 0.014 * Math.exp(0.5 * t.refugee + 0.2 * urb + 0.06 * k)),
    botid_0_5: binomial(r, pop, 0.006 * REFUGEE_WAVE[k] * Math.exp(0.5 * t.refugee + 0.1 * urb + 0.3 * r.normal())),
    aleneboende_30_66: binomial(r, n30_66, 0.17 * Math.exp(0.15 * social + 0.12 * urb)),
    skilte_16_59: binomial(r, n16_59, 0.09 * Math.exp(0.08 * social + 0.03 * urb)),
    arbeidsledige_16_59: binomial(r, n16_59, 0.028 * UNEMPLOYMENT[k] * Math.exp(0.2 * social + 0.05 * urb)),
    fattige: binomial(r, pop, 0.075 * Math.exp(0.15 * social + 0.03 * urb)),
    pu_16: binomial(r, n16p, 0.005 * Math.exp(0.2 * t.pu - 0.05 * urb)),
  };
  const c = criteria;
  const opphopningsindeks = pop > 0 ? round4((c.skilte_16_59 * c.arbeidsledige_16_59 * c.fattige) / (pop * pop)) : 0;

  // Registry counts (NPR): patients in specialist mental health care, stays in TSB.
  const phv017 = binomial(r, n0_17, 0.058 * Math.exp(0.1 * social + 0.22 * t.psychChild));
  const phv18 = binomial(r, n18p, 0.029 * Math.exp(0.1 * social + 0.22 * t.psychAdult + 0.04 * t.pu + 0.01 * k));
  const tsb = poisson(r, pop * 0.033 * Math.exp(0.72 * t.substance + 0.12 * social + 0.12 * urb + 0.15 * r.normal() + 0.025 * k));

  // Per-capita values the expenditure depends on.
  const pc = (x: number) => x / pop;
  const fiReal = frieInntekterReal(t, k) * Math.exp(0.02 * r.normal());
  const fi1000 = fiReal / 1000;
  const noise = (e0: number, e1: number) => (e0 + e1 / Math.sqrt(pop / 1000)) * r.normal();

  const B = PARAMS.bv;
  const bv = Math.max(
    0.3,
    B.c + B.ef * pc(c.enslig_forsorger) + B.lav * pc(c.lavinntekt) + B.sh022 * pc(n0_22) + B.fi * fi1000 +
      B.phv017 * pc(phv017) + B.trend * k + B.u * t.uBv + noise(B.e0, B.e1),
  );
  const S = PARAMS.sh;
  const shCore = Math.max(
    0.2,
    S.c + S.uf * pc(c.ufor_18_49) + S.opph * pc(opphopningsindeks) + S.sh1666 * pc(n16_66) + S.flykt * pc(c.flyktninger) +
      S.botid * pc(c.botid_0_5) + S.alene * pc(c.aleneboende_30_66) + S.phv18 * pc(phv18) + S.fi * fi1000 + S.trend * k +
      S.u * t.uSh + noise(S.e0, S.e1),
  );
  const F = PARAMS.f243;
  const f243 = Math.max(0, F.c + F.tsb * pc(tsb) + F.phv18 * pc(phv18) + noise(F.e0, F.e1));

  // Split into functions (net of depreciation, real 1000 kr per inhabitant), then add depreciation.
  const s = t.shares;
  const bvSum = s.f244 + s.f251 + s.f252;
  const shSum = s.f242 + s.f276 + (1 - 0.28 - 0.06);
  const net: Record<KostraFunction, number> = {
    '244': (bv * s.f244) / bvSum,
    '251': (bv * s.f251) / bvSum,
    '252': (bv * s.f252) / bvSum,
    '242': (shCore * s.f242) / shSum,
    '276': (shCore * s.f276) / shSum,
    '281': (shCore * (1 - 0.28 - 0.06)) / shSum,
    '243': f243,
  };
  const depRate: Record<KostraFunction, number> = {
    '244': t.depreciates ? 0.02 : 0,
    '251': 0,
    '252': t.depreciates ? 0.006 : 0,
    '242': t.depreciates ? 0.01 : 0,
    '243': t.depreciates ? 0.015 : 0,
    '276': 0,
    '281': 0,
  };
  const toNominal = (x: number) => Math.round((x * pop * defl) / 100);
  const kostra: Record<string, Cell> = {};
  for (const f of FUNCTIONS) {
    const dep = toNominal(net[f] * depRate[f] * Math.exp(0.3 * r.normal()));
    const gross = toNominal(net[f]) + dep;
    kostra[`${f}:AGD10`] = accountsMissing || r.next() < 0.002 ? '..' : gross;
    kostra[`${f}:590`] = accountsMissing ? '..' : r.next() < 0.003 ? ':' : dep;
  }

  // Recipients (SSB child-welfare and social-assistance statistics).
  const cov022 = Math.max(0.005, 0.004 + 0.6 * pc(c.enslig_forsorger) + 0.13 * pc(c.lavinntekt) + 1.0 * pc(phv017) + 0.006 * t.uBv);
  const bvAll = binomial(r, n0_22, cov022);
  const bvOut = binomial(r, bvAll, 0.28 * Math.exp(0.1 * t.social));
  const cov1666 = Math.max(
    0.004,
    -0.02 + 0.55 * pc(c.ufor_18_49) + 350 * pc(opphopningsindeks) + 0.2 * pc(c.aleneboende_30_66) + 0.36 * pc(phv18) + 0.004 * t.uSh,
  );
  const shRec = binomial(r, n16_66, cov1666);

  return {
    code: m.code,
    year,
    popByAge,
    pop,
    criteria,
    opphopningsindeks,
    registry: { phv_pasienter_0_17: suppressSmall(phv017), phv_pasienter_18: suppressSmall(phv18), tsb_opphold: suppressSmall(tsb) },
    recipients: {
      bv_tiltak_0_22: suppressSmall(bvAll),
      bv_hjelpetiltak_0_22: suppressSmall(bvAll - bvOut),
      bv_omsorgstiltak_0_22: suppressSmall(bvOut),
      sosialhjelp_mottakere: suppressSmall(shRec),
    },
    kostra,
    frieInntekter: Math.round((fiReal * defl) / 100),
  };
}
