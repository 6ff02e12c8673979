/**
 * District allocation (Fafo 2014, Tables 2.19/2.20) as a report table: each key's share in percent, then
 * — when a current and a proposed key are chosen — the change in percentage points (exact and as the
 * report prints it, from one-decimal shares), the proposed budget, the change in kroner and the kroner
 * change in each year of the phase-in.
 */
import type { DistrictResults } from '../results/district';
import type { Language } from '../i18n/language';
import { rowsTable, type ReportTable, type SimpleColumn } from './reportTable';

const T = {
  nb: {
    title: 'Fordeling mellom bydeler',
    district: 'Bydel',
    share: (k: string) => `Andel ${k} (%)`,
    pp: 'Endring (prosentpoeng)',
    ppRounded: 'Endring, avrundede andeler (prosentpoeng)',
    budget: 'Budsjett (kr)',
    change: 'Endring (kr)',
    year: (t: number) => `Innfasing år ${t} (kr)`,
    from: (a: string, b: string) => `Fra «${a}» til «${b}».`,
    sources: 'Kilder for nøklene',
  },
  en: {
    title: 'Allocation between districts',
    district: 'District',
    share: (k: string) => `Share ${k} (%)`,
    pp: 'Change (percentage points)',
    ppRounded: 'Change, rounded shares (percentage points)',
    budget: 'Budget (kr)',
    change: 'Change (kr)',
    year: (t: number) => `Phase-in year ${t} (kr)`,
    from: (a: string, b: string) => `From "${a}" to "${b}".`,
    sources: 'Sources of the keys',
  },
};

export function districtReportTable(res: DistrictResults, opts: { lang: Language; synthetic?: boolean }): ReportTable {
  const t = T[opts.lang];
  const ch = res.change;
  const phase = ch && ch.phaseIn.length > 1 ? ch.phaseIn : [];
  const columns: SimpleColumn[] = [
    ...res.keys.map((k) => ({ header: t.share(k.label), format: 'decimal' as const, digits: 1 })),
    ...(ch
      ? [
          { header: t.pp, format: 'decimal' as const, digits: 2 },
          { header: t.ppRounded, format: 'decimal' as const, digits: 1 },
          { header: t.budget, format: 'kroner' as const },
          { header: t.change, format: 'kroner' as const },
          ...phase.map((_, i) => ({ header: t.year(i + 1), format: 'kroner' as const })),
        ]
      : []),
  ];
  const cur = res.keys.find((k) => k.id === res.currentKeyId);
  const prop = res.keys.find((k) => k.id === res.proposedKeyId);
  const sources = [...new Set(res.keys.map((k) => k.source).filter(Boolean))];
  return rowsTable({
    id: 'district',
    title: t.title,
    rowHeader: t.district,
    columns,
    rows: res.districts.map((d, i) => ({
      label: d,
      values: [
        ...res.keys.map((k) => 100 * k.shares[i]),
        ...(ch ? [ch.changePp[i], ch.changePpRounded[i], ch.budgetProposed[i], ch.changeNok[i], ...phase.map((a) => a[i])] : []),
      ],
    })),
    notes: cur && prop ? [t.from(cur.label, prop.label)] : [],
    source: sources.length ? `${t.sources}: ${sources.join('; ')}` : undefined,
    synthetic: opts.synthetic,
  });
}
