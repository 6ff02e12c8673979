/**
 * The synthetic-data note every chart carries while the analysis uses demo data (the one rule,
 * src/spec/synthetic.ts). Charts do not read the store: the shell provides the status through
 * SyntheticContext, and each chart's frame or figure renders <SyntheticNote />.
 */
import { createContext, useContext } from 'react';
import { useLanguage } from '../i18n/useLanguage';
import { syntheticNote } from '../spec/synthetic';

export interface SyntheticStatus {
  synthetic: boolean;
  /** Share of rows from synthetic sources (1 = only demo data; null = not counted yet). */
  share: number | null;
}

export const SyntheticContext = createContext<SyntheticStatus>({ synthetic: false, share: 0 });

export function useSynthetic(): SyntheticStatus {
  return useContext(SyntheticContext);
}

export function SyntheticNote({ synthetic }: { synthetic?: boolean }) {
  const lang = useLanguage();
  const status = useSynthetic();
  if (!(synthetic ?? status.synthetic)) return null;
  return (
    <span className="kl-chart-synthetic" data-testid="chart-synthetic">
      {syntheticNote(lang, status.share, 'municipalities')}
    </span>
  );
}
