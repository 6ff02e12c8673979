/**
 * The scenario comparison as report tables: one table per scenario (every
 * municipality's index under the key in force and the scenario, change in kroner and per inhabitant)
 * and a comparison table (change per inhabitant under every scenario, whether the sign changes). xlsx
 * gives each its own sheet; CSV writes them one after another. Shared by the views and `run`.
 */
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/language';
import type { ScenariosResults } from '../results/scenarios';
import type { ReportRow, ReportTable } from './reportTable';

const T = {
  nb: {
    comparison: 'Sammenligning av scenarioer',
    scenario: (l: string) => `Scenario: ${l}`,
    kommune: 'Kommune',
    number: 'Nr.',
    population: 'Innbyggere',
    indexCurrent: 'Indeks, dagens',
    index: 'Indeks',
    change: 'Endring (kr)',
    perCapita: 'Endring per innb. (kr)',
    perCapitaOf: (l: string) => `${l}: endring per innb. (kr)`,
    indexOf: (l: string) => `${l}: indeks`,
    sign: 'Skifter fortegn',
    yes: 'ja',
    no: 'nei',
    against: (c: string) => `Endring målt mot: ${c}.`,
    flat: 'lik fordeling per innbygger',
    u: (u: string, y: string) => `Utgift per innbygger U = ${u} kr${y ? `, nøkkelår ${y}` : ''}.`,
    source: (s: string) => `Nøkkel: ${s}.`,
    checks: (m: string, s: string) => `Kontroll: befolkningsvektet snittindeks ${m}, sum endring ${s} kr.`,
    notMade: 'Nøkkelen kunne ikke lages:',
    signNote: 'Skifter fortegn: vinner under minst ett scenario og taper under et annet (uten endring teller verken som vinner eller taper).',
  },
  en: {
    comparison: 'Comparison of scenarios',
    scenario: (l: string) => `Scenario: ${l}`,
    kommune: 'Municipality',
    number: 'No.',
    population: 'Population',
    indexCurrent: 'Index, in force',
    index: 'Index',
    change: 'Change (kr)',
    perCapita: 'Change per inh. (kr)',
    perCapitaOf: (l: string) => `${l}: change per inh. (kr)`,
    indexOf: (l: string) => `${l}: index`,
    sign: 'Sign changes',
    yes: 'yes',
    no: 'no',
    against: (c: string) => `Change measured against: ${c}.`,
    flat: 'an equal amount per inhabitant',
    u: (u: string, y: string) => `Spending per inhabitant U = ${u} kr${y ? `, key year ${y}` : ''}.`,
    source: (s: string) => `Key: ${s}.`,
    checks: (m: string, s: string) => `Check: population-weighted mean index ${m}, sum of changes ${s} kr.`,
    notMade: 'The key could not be made:',
    signNote: 'Sign changes: gains under at least one scenario and loses under another (no change counts as neither).',
  },
};

export interface ScenarioTableOptions {
  lang: Language;
  synthetic: boolean;
  source?: string;
}

export function scenarioReportTables(r: ScenariosResults, o: ScenarioTableOptions): ReportTable[] {
  const t = T[o.lang];
  const common = [t.against(r.reference.flat ? t.flat : (r.reference.label ?? '')), t.u(formatNumber(r.perCapitaNok, o.lang, 0), r.year === null ? '' : String(r.year))];
  const base = { rowHeader: t.kommune, synthetic: o.synthetic, ...(o.source ? { source: o.source } : {}) };
  const made = r.scenarios.filter((s) => s.outcome);
  const perScenario: ReportTable[] = r.scenarios.map((s) => {
    const out = s.outcome;
    const rows: ReportRow[] = out
      ? r.units.map((u, i) => ({
          label: r.names[i],
          kind: 'data' as const,
          cells: [
            { value: u, format: 'text' as const },
            { value: r.population[i], format: 'integer' as const },
            { value: r.indexCurrent[i], format: 'decimal' as const, digits: 4 },
            { value: out.index[i], format: 'decimal' as const, digits: 4 },
            { value: out.change[i], format: 'integer' as const },
            { value: out.changePerCapita[i], format: 'integer' as const },
          ],
        }))
      : [];
    const notes = [
      t.source(s.source[o.lang]),
      ...common,
      ...(out ? [t.checks(formatNumber(out.checks.meanIndex, o.lang, 10), formatNumber(out.checks.sumChange, o.lang, 2))] : []),
      ...(s.problems.length ? [`${out ? '' : `${t.notMade} `}${s.problems.map((p) => (o.lang === 'nb' ? p.message : p.messageEn)).join(' ')}`] : []),
    ];
    return {
      ...base,
      id: `scenario-${s.id}`,
      title: t.scenario(s.label),
      columns: [t.number, t.population, t.indexCurrent, t.index, t.change, t.perCapita],
      groups: [{ rows }],
      notes,
    };
  });
  const comparison: ReportTable = {
    ...base,
    id: 'scenario-comparison',
    title: t.comparison,
    columns: [t.number, t.population, t.indexCurrent, ...made.flatMap((s) => [t.indexOf(s.label), t.perCapitaOf(s.label)]), t.sign],
    groups: [
      {
        rows: r.units.map((u, i) => ({
          label: r.names[i],
          kind: 'data' as const,
          cells: [
            { value: u, format: 'text' as const },
            { value: r.population[i], format: 'integer' as const },
            { value: r.indexCurrent[i], format: 'decimal' as const, digits: 4 },
            ...made.flatMap((s) => [
              { value: s.outcome!.index[i], format: 'decimal' as const, digits: 4 },
              { value: s.outcome!.changePerCapita[i], format: 'integer' as const },
            ]),
            { value: r.signDiffers[i] ? t.yes : t.no, format: 'text' as const },
          ],
        })),
      },
    ],
    notes: [...common, t.signNote],
  };
  return [...perScenario, comparison];
}
