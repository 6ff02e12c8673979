/**
 * A plain-language summary of an AnalysisSpec (models, data sources, variables) for the "about"
 * sheet of an Excel export, the share view and the header of generated scripts.
 */
import type { AnalysisSpec } from '../spec/schema';
import { usesDemoData } from '../spec/sections/data';
import type { Language } from '../i18n/language';
import { describeProvenance } from '../ssb/provenance';

export interface DescriptionLine {
  key: string;
  value: string;
}

const L = {
  nb: {
    title: 'Analyse',
    sources: 'Datakilder',
    ssb: 'Hentet fra SSB',
    demo: ' (syntetiske demodata)',
    model: 'Modell',
    design: { pooled: 'samlet over år', 'per-year': 'ett tverrsnitt per år', within: 'innen kommune (faste effekter)', single: 'ett utvalg' } as Record<string, string>,
    se: { cluster: 'gruppert på kommune', hc1: 'robuste (HC1)', classical: 'klassiske' } as Record<string, string>,
    yearFx: 'årseffekter',
    weights: 'vekter',
    seLabel: 'standardfeil',
    formula: 'Avledet variabel',
    residual: 'Korrigert indikator',
    population: 'Folketall',
    structure: 'Kommunestruktur',
    none: 'ingen',
    sample: 'utvalg',
    years: 'år',
  },
  en: {
    title: 'Analysis',
    sources: 'Data sources',
    ssb: 'Fetched from SSB',
    demo: ' (synthetic demo data)',
    model: 'Model',
    design: { pooled: 'pooled over years', 'per-year': 'one cross-section per year', within: 'within municipality (fixed effects)', single: 'single sample' } as Record<string, string>,
    se: { cluster: 'clustered by municipality', hc1: 'robust (HC1)', classical: 'classical' } as Record<string, string>,
    yearFx: 'year effects',
    weights: 'weights',
    seLabel: 'standard errors',
    formula: 'Derived variable',
    residual: 'Corrected indicator',
    population: 'Population',
    structure: 'Municipality structure',
    none: 'none',
    sample: 'sample',
    years: 'years',
  },
};

/** The analysis uses synthetic demo data (the one rule: usesDemoData). */
export function isSyntheticSpec(spec: AnalysisSpec): boolean {
  return usesDemoData(spec.data);
}

export function describeSpec(spec: AnalysisSpec, lang: Language): DescriptionLine[] {
  const t = L[lang];
  const lines: DescriptionLine[] = [{ key: t.title, value: spec.title }];
  lines.push({
    key: t.sources,
    value: spec.data.sources.length ? spec.data.sources.map((s) => `${s.fileName} (${s.format})${s.demo ? t.demo : ''}`).join('; ') : t.none,
  });
  // Provenance of every fetched source: table, title, query, fetch time and SSB's last update.
  for (const src of spec.data.sources) if (src.ssb) lines.push({ key: `${t.ssb}: ${src.id}`, value: describeProvenance(src.ssb, lang) });
  lines.push({ key: t.structure, value: spec.data.structure === 'none' ? t.none : spec.data.structure });
  lines.push({ key: t.population, value: spec.variables.population });
  for (const f of spec.variables.formulas) lines.push({ key: `${t.formula}: ${f.id}`, value: `${f.label} = ${f.expression}` });
  for (const r of spec.variables.residualised) {
    lines.push({ key: `${t.residual}: ${r.id}`, value: `${r.target} ~ ${r.controls.join(' + ')}` });
  }
  for (const m of spec.models.list) {
    const parts = [
      `${m.dependent} ~ ${[...m.regressors, ...m.controls].join(' + ')}`,
      t.design[m.design] ?? m.design,
      m.yearEffects && m.design !== 'per-year' && m.design !== 'single' ? t.yearFx : '',
      `${t.seLabel} ${t.se[m.se] ?? m.se}`,
      m.weights ? `${t.weights}: ${m.weights}` : '',
      m.sample?.years ? `${t.years}: ${m.sample.years.join(', ')}` : '',
    ].filter(Boolean);
    lines.push({ key: `${t.model}: ${m.label}`, value: parts.join('; ') });
  }
  return lines;
}
