/**
 * The key's bootstrap intervals as the views read them (results section `keyUncertainty`). They
 * belong to the computed key on the cost key's current base: while the user edits weights, or shows
 * an edited key, there are no intervals for what is shown, so none are returned.
 */
import type { KeyOutcome } from '../../engine/costkey';
import type { KeyBootstrapResult } from '../../engine/costkey/keyBootstrap';
import type { KeyUncertaintyResults } from '../../results/keyUncertainty';
import { useAnalysisStore } from '../../store';
import { useCostKey } from './liveKey';

export function useKeyUncertainty(): KeyUncertaintyResults | undefined {
  return useAnalysisStore((s) => s.results?.keyUncertainty);
}

/** The bootstrap result when it describes `outcome` (the computed key, same units), else null. */
export function useIntervalsFor(outcome: KeyOutcome | null): KeyBootstrapResult | null {
  const ku = useKeyUncertainty();
  const ck = useCostKey();
  const r = ku?.result;
  if (!r || !ck?.base || !outcome || ck.edited || outcome !== ck.outcome) return null;
  const units = ck.base.prep.units;
  if (ku.units.length !== units.length || ku.units[0] !== units[0] || ku.units.at(-1) !== units.at(-1)) return null;
  return r;
}
