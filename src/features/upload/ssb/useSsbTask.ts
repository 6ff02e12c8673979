/**
 * One SSB task at a time (a fetch, a recipe, a refresh) with its progress, cancel and outcome, for the
 * panels of «Hent fra SSB». The task itself is a store action; this hook only keeps its UI state.
 */
import { useCallback, useRef, useState } from 'react';
import type { Problem } from '../../../engine/problem';
import type { Language } from '../../../i18n/language';
import type { FetchProgress } from '../../../ssb/client';
import type { SsbStrings } from './strings';

export interface TaskOutcome {
  problems: Problem[];
  /** A short success text (shown in a status line) in the given language, or null. Written when it is
   *  shown, so it follows a change of language. */
  message: ((s: SsbStrings, lang: Language) => string) | null;
}

export interface SsbTaskState {
  running: boolean;
  progress: FetchProgress | null;
  outcome: TaskOutcome | null;
}

export function useSsbTask() {
  const [state, setState] = useState<SsbTaskState>({ running: false, progress: null, outcome: null });
  const ctl = useRef<AbortController | null>(null);

  const run = useCallback(async (task: (signal: AbortSignal, onProgress: (p: FetchProgress) => void) => Promise<TaskOutcome>) => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setState({ running: true, progress: null, outcome: null });
    const outcome = await task(c.signal, (p) => setState((s) => ({ ...s, progress: p })));
    if (ctl.current === c) ctl.current = null;
    setState({ running: false, progress: null, outcome });
    return outcome;
  }, []);

  const cancel = useCallback(() => ctl.current?.abort(), []);
  return { ...state, run, cancel };
}
