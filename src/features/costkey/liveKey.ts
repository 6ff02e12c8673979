/**
 * The fast path of a weight edit. The worker stage returns a `base` (ratios x_ij/x̄_j, population, U,
 * the current key's index); an edit re-evaluates the key on that base at once with the engine's
 * `evaluateOnBase` (one k×n pass, well under a millisecond for 357 municipalities) so the charts move
 * with the slider, and commits the key to the spec, which the worker then recomputes in full. When the
 * worker's results arrive (a new base object), they replace the live outcome.
 * This is a store, not a view: the views only render what it holds.
 */
import { create } from 'zustand';
import { BASIC, evaluateOnBase, type KeyBase, type KeyOutcome, type KeyRecord } from '../../engine/costkey';
import { useAnalysisStore } from '../../store';
import type { CostKeyResults } from '../../results/costKey';

interface LiveKeyState {
  base: KeyBase | null;
  outcome: KeyOutcome | null;
  /** Keep the sum at 1 by moving the basic criterion when a criterion weight changes. */
  balance: boolean;
  setBalance(b: boolean): void;
}

export const useLiveKey = create<LiveKeyState>((set) => ({
  base: null,
  outcome: null,
  balance: true,
  setBalance: (balance) => set({ balance }),
}));

export function useCostKey(): CostKeyResults | undefined {
  return useAnalysisStore((s) => s.results?.costKey);
}

/** The outcome to show: the live one while it belongs to the current base, else the worker's. */
export function useKeyOutcome(): KeyOutcome | null {
  const res = useCostKey();
  const live = useLiveKey();
  if (res?.base && live.base === res.base && live.outcome) return live.outcome;
  return res?.outcome ?? null;
}

/** The key being shown (live edit or the worker's proposed key). */
export function useProposedKey(): KeyRecord | null {
  const o = useKeyOutcome();
  const res = useCostKey();
  return o?.key ?? res?.proposed ?? null;
}

/** Applies a whole key: live evaluation now, spec commit for the worker. */
export function applyKey(key: KeyRecord): void {
  const res = useAnalysisStore.getState().results?.costKey;
  const phase = useAnalysisStore.getState().spec.redistribution.phaseInYears;
  if (res?.base) useLiveKey.setState({ base: res.base, outcome: evaluateOnBase(res.base, key, phase) });
  useAnalysisStore.getState().updateSpec((d) => {
    d.costKey.manual = key;
  });
}

/** Sets one weight; with `balance` on, the basic criterion absorbs the difference. */
export function editWeight(name: string, value: number): void {
  if (!Number.isFinite(value)) return;
  const res = useAnalysisStore.getState().results?.costKey;
  const live = useLiveKey.getState();
  const currentKey = (res?.base && live.base === res.base ? live.outcome?.key : null) ?? res?.proposed ?? {};
  const key: KeyRecord = { ...currentKey };
  const old = key[name] ?? 0;
  key[name] = value;
  if (live.balance && name !== BASIC) key[BASIC] = (key[BASIC] ?? 0) - (value - old);
  applyKey(key);
}

/** Back to the computed key (drops the user's edits). */
export function resetToComputed(): void {
  useLiveKey.setState({ base: null, outcome: null });
  useAnalysisStore.getState().updateSpec((d) => {
    d.costKey.manual = null;
  });
}
