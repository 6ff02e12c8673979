import { useAnalysisStore } from '../store/analysisStore';
import { useStrings } from '../i18n/useStrings';
import { useLanguage } from '../i18n/useLanguage';
import { shellStrings } from './strings';

/**
 * A whole percent without Intl: the first Intl.NumberFormat of a page costs ~20 ms (locale data), and
 * the status bar renders in the blocking start-up updates (speed budget: no task over 50 ms). Same text as
 * formatPercent(x, lang, 0): "45 %" (no-break space) in bokmål, "45%" in English.
 */
function percent(fraction: number, lang: string): string {
  const n = Number.isFinite(fraction) ? Math.round(fraction * 100) : 0;
  return lang === 'nb' ? `${n}\u00a0%` : `${n}%`;
}

/** Worker status for screen readers and eyes; `data-status` lets end-to-end tests wait on it. */
export function StatusBar() {
  const s = useStrings(shellStrings);
  const lang = useLanguage();
  const status = useAnalysisStore((st) => st.status);
  const progress = useAnalysisStore((st) => st.progress);
  const label = {
    idle: s.statusIdle,
    loading: s.statusLoading,
    running: s.statusRunning,
    ready: s.statusReady,
    error: s.statusError,
  }[status];
  const busy = status === 'loading' || status === 'running';
  // Progress labels come from the worker in Norwegian; in English show the generic label only.
  const detail = busy && progress && lang === 'nb' ? progress.label : null;
  return (
    <div
      className="kl-status"
      role="status"
      aria-live="polite"
      data-status={status}
      data-testid="worker-status"
    >
      {/* A CSS spinner, not Designsystemet's <Spinner>: that one synchronises its animation through
          getAnimations() on mount, a forced page-wide style recalculation on every status change. */}
      {busy && <span className="kl-spinner" aria-hidden="true" />}
      <span>
        {label}
        {detail && detail !== label ? `: ${detail}` : ''}
        {busy && progress ? ` (${percent(progress.fraction, lang)})` : ''}
      </span>
      {busy && progress && <progress max={1} value={progress.fraction} aria-hidden="true" />}
    </div>
  );
}
