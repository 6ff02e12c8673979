/**
 * Presentation mode for working-group meetings: full-screen 16:9 slides. Each slide is laid out on a
 * 1920×1080 stage scaled to the window (never a scroll bar): a big title, the chosen chart or table
 * zoomed to fill the slide (shrunk when it would not fit), the source line and the synthetic-data
 * note at the foot. The views' controls (pickers, buttons, search, export) are hidden on a slide.
 * Keys, and clickers, which send the same keys: → / PageDown / Space next, ← / PageUp previous,
 * Home / End, Escape leaves (focus returns to the button that opened it). The slide counter is an
 * aria-live region, so screen readers hear it.
 */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useLanguage } from '../../i18n/useLanguage';
import { useAnalysisStore, selectIsSynthetic, selectSyntheticShare } from '../../store/analysisStore';
import { useUiStore } from '../../store/uiStore';
import { syntheticNote } from '../../spec/synthetic';
import { views } from '../registry';
import { describeSpec } from '../../export/describeSpec';
import { ReportTableView } from '../share/ReportTableView';
import { useRegressionTable } from '../share/useReportTables';
import { navigate, slidesFor, type Slide } from './slides';
import { sourceLine } from '../../export/sourceLine';
import { fitScale, STAGE } from './stage';

const strings = {
  nb: {
    label: 'Presentasjon',
    counter: (i: number, n: number) => `Lysbilde ${i} av ${n}`,
    prev: 'Forrige',
    next: 'Neste',
    close: 'Avslutt (Esc)',
    noResults: 'Ingen modellresultater ennå.',
    unknown: 'Dette lysbildet kan ikke vises i denne versjonen.',
    synthetic: 'Syntetiske data – ikke virkelige tall',
    help: 'Piltaster eller Page Up/Down blar, Home/End går til første/siste, Esc avslutter.',
  },
  en: {
    label: 'Presentation',
    counter: (i: number, n: number) => `Slide ${i} of ${n}`,
    prev: 'Previous',
    next: 'Next',
    close: 'Exit (Esc)',
    noResults: 'No model results yet.',
    unknown: 'This slide cannot be shown in this version.',
    synthetic: 'Synthetic data – not real figures',
    help: 'Arrow keys or Page Up/Down move, Home/End go to first/last, Esc exits.',
  },
};

function SlideBody({ slide }: { slide: Slide }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const spec = useAnalysisStore((st) => st.spec);
  const table = useRegressionTable();
  if (slide.kind === 'summary') {
    return (
      <dl style={{ fontSize: '1.5rem', display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.5rem 2rem' }}>
        {describeSpec(spec, lang).map((l, i) => (
          <div key={i} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 700 }}>{l.key}</dt>
            <dd style={{ margin: 0 }}>{l.value}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if (slide.kind === 'table:regression') return table ? <ReportTableView table={table} large /> : <Paragraph data-size="lg">{s.noResults}</Paragraph>;
  if (slide.kind.startsWith('view:')) {
    const v = views.find((x) => x.id === slide.kind.slice(5));
    if (v) {
      const C = v.component;
      return <C />;
    }
  }
  return <Paragraph data-size="lg">{s.unknown}</Paragraph>;
}

export function Presentation({ onClose }: { onClose(): void }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const chosen = useUiStore((st) => st.slides);
  const demo = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  const slides = slidesFor({ slides: chosen }, lang);
  const [index, setIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    const el = rootRef.current;
    el?.focus();
    // Full screen when the browser allows it; the overlay covers the window anyway.
    el?.requestFullscreen?.().catch(() => {});
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, []);

  // Focus follows the slide: keyboard and screen-reader users start reading at its heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [index]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key === ' ' && target.tagName === 'BUTTON') return; // Space activates the focused button
    const next = navigate(e.key, index, slides.length);
    if (next === null) return;
    e.preventDefault();
    if (next === 'close') onClose();
    else setIndex(next);
  };

  const slide = slides[Math.min(index, slides.length - 1)];
  const spec = useAnalysisStore((st) => st.spec);
  const stage = useStageScale();
  const [fit, setFit] = useState(1);
  const bodyRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  // The slide's content is laid out narrower than the slide and zoomed up (charts and tables read
  // from the back of a room); a tall one is zoomed less, so it always fits. Re-measured whenever
  // the content changes size (a lazy view arriving, a chart measuring itself).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const inner = innerRef.current;
    if (!body || !inner) return;
    const measure = () => setFit(fitScale(body.clientWidth, body.clientHeight, inner.offsetWidth, inner.scrollHeight));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(inner);
    return () => ro.disconnect();
  }, [index]);
  return (
    <div
      ref={rootRef}
      role="dialog"
      aria-modal="true"
      aria-label={s.label}
      aria-roledescription={s.label}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="presentation"
      className="kl-deck"
    >
      <div className="kl-stage" data-testid="slide" style={{ width: STAGE.width, height: STAGE.height, transform: `translate(-50%, -50%) scale(${stage})` }}>
        <Heading level={1} id="kl-slide-title" ref={headingRef} tabIndex={-1} data-testid="slide-title" className="kl-slide-title">
          {slide.title}
        </Heading>
        <section className="kl-slide-body" ref={bodyRef} aria-labelledby="kl-slide-title">
          <div className="kl-slide-inner" ref={innerRef} style={{ width: `${100 / STAGE.zoom}%`, transform: `scale(${fit})` }}>
            <SlideBody slide={slide} />
          </div>
        </section>
        <footer className="kl-slide-foot">
          <span>{sourceLine(spec, lang)}</span>
          {demo && <strong className="kl-slide-synthetic">{syntheticNote(lang, share)}</strong>}
          <span aria-live="polite" aria-atomic="true" data-testid="slide-counter">
            {s.counter(index + 1, slides.length)}
          </span>
        </footer>
      </div>
      {/* Out of sight until focused (a slide shows no controls); Esc does the same. */}
      <Button variant="tertiary" data-size="sm" onClick={onClose} className="kl-deck-close">
        {s.close}
      </Button>
      <p className="kl-sr-only">{s.help}</p>
    </div>
  );
}

/** Window size ÷ stage size: the 1920×1080 stage fills the window, letterboxed. */
function useStageScale(): number {
  const get = () => (typeof window === 'undefined' ? 1 : Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height));
  const [k, setK] = useState(get);
  useEffect(() => {
    const on = () => setK(get());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return k;
}
