/** Text of the key's uncertainty, shared by Kostnadsnøkkel, Omfordeling and Min kommune (nb, en). */
const methodNb = { coefficient: 'metode A', 'sub-function': 'metode C' } as const;
const methodEn = { coefficient: 'method A', 'sub-function': 'method C' } as const;
type M = keyof typeof methodNb;

export const uncertaintyStrings = {
  nb: {
    heading: 'Usikkerhet i nøkkelen',
    intro:
      'Hvor sikre er vektene, og hvor mye av en kommunes gevinst eller tap er støy fra regresjonen? Klyngebootstrap: trekker kommuner med tilbakelegging (alle år for en kommune sammen), estimerer modellen på nytt og beregner vektene og endringen for hver kommune på nytt. Nasjonale verdier holdes faste.',
    enable: 'Beregn usikkerhet (klyngebootstrap)',
    replications: 'Antall trekk',
    seed: 'Frø (seed)',
    running: 'Beregner …',
    job: 'Bootstrap av nøkkelen',
    cancelled: 'Usikkerhetsberegningen ble avbrutt. Kryss av «Beregn usikkerhet (klyngebootstrap)» for å starte den på nytt.',
    table: 'Vekter med bootstrap-intervaller',
    criterion: 'Kriterium',
    estimate: 'Vekt',
    ci90: '90 %-intervall',
    ci95: '95 %-intervall',
    sameSign: 'Samme fortegn',
    basic: 'Grunnkriteriet (innbyggere)',
    stated: (valid: string, B: string, seed: number, clusters: string, model: string, method: M) =>
      `${valid} av ${B} trekk, frø ${seed}, klyngebootstrap over ${clusters} kommuner av modellen «${model}» (${methodNb[method]}); persentilintervaller.`,
    against: (label: string) => `Endringer er målt mot «${label}».`,
    edited: 'Intervallene gjelder den beregnede nøkkelen. Du viser en endret nøkkel, så Omfordeling og Min kommune viser ingen intervaller før du går tilbake til den beregnede.',
    identities: (ok: boolean): string => (ok ? 'Identitetene holdt i hvert trekk (snittindeks 1, endringene summerer til null).' : 'Identitetene holdt ikke i alle trekk.'),
    signUncertain: 'Fortegn usikkert',
    onlyUncertain: 'Vis bare kommuner med usikkert fortegn',
    signUncertainCount: (n: string, total: string) => `${n} av ${total} kommuner har usikkert fortegn (95 %-intervallet for endringen krysser null).`,
    whiskers: (valid: string, seed: number) => `Strekene viser 95 %-intervallet for hver kommune (${valid} trekk, frø ${seed}).`,
    loses: (pct: string) => `I ${pct} av trekkene taper kommunen på den nye nøkkelen.`,
    gains: (pct: string) => `I ${pct} av trekkene vinner kommunen på den nye nøkkelen.`,
    interval: (lo: string, hi: string) => `95 %-intervall for endringen: ${lo} til ${hi} kr per innbygger.`,
    uncertainSign: 'Fortegnet er usikkert: intervallet krysser null.',
  },
  en: {
    heading: 'Uncertainty of the key',
    intro:
      "How sure are the weights, and how much of a municipality's gain or loss is noise from the regression? Cluster bootstrap: municipalities are drawn with replacement (all years of a municipality together), the model is refitted and the weights and every municipality's change are recomputed. National values are held fixed.",
    enable: 'Compute the uncertainty (cluster bootstrap)',
    replications: 'Replications',
    seed: 'Seed',
    running: 'Computing …',
    job: 'Bootstrap of the key',
    cancelled: 'The uncertainty was cancelled. Tick "Compute the uncertainty (cluster bootstrap)" to start it again.',
    table: 'Weights with bootstrap intervals',
    criterion: 'Criterion',
    estimate: 'Weight',
    ci90: '90 % interval',
    ci95: '95 % interval',
    sameSign: 'Same sign',
    basic: 'Basic criterion (population)',
    stated: (valid: string, B: string, seed: number, clusters: string, model: string, method: M) =>
      `${valid} of ${B} replications, seed ${seed}, cluster bootstrap over ${clusters} municipalities of the model "${model}" (${methodEn[method]}); percentile intervals.`,
    against: (label: string) => `Changes are measured against "${label}".`,
    edited: 'The intervals belong to the computed key. You are showing an edited key, so Redistribution and My municipality show no intervals until you go back to the computed one.',
    identities: (ok: boolean): string => (ok ? 'The identities held in every replication (mean index 1, changes sum to zero).' : 'The identities did not hold in every replication.'),
    signUncertain: 'Sign uncertain',
    onlyUncertain: 'Show only municipalities with an uncertain sign',
    signUncertainCount: (n: string, total: string) => `${n} of ${total} municipalities have an uncertain sign (the 95 % interval of the change crosses zero).`,
    whiskers: (valid: string, seed: number) => `The whiskers show each municipality's 95 % interval (${valid} replications, seed ${seed}).`,
    loses: (pct: string) => `In ${pct} of the replications the municipality loses under the new key.`,
    gains: (pct: string) => `In ${pct} of the replications the municipality gains under the new key.`,
    interval: (lo: string, hi: string) => `95 % interval of the change: ${lo} to ${hi} kr per inhabitant.`,
    uncertainSign: 'The sign is uncertain: the interval crosses zero.',
  },
};
