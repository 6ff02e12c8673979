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
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
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
import { chartLayoutWidth, fitScale, STAGE } from './stage';
import { parseItemSlide, type ItemSlide } from './slideKinds';
import { SlideFocusContext, ViewIdContext } from './slideFocus';
import { SLIDE_KEY_ATTR, SLIDE_TITLE_ATTR } from '../../charts/slideSlot';

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

/**
 * One chart of a view on its own: the view renders as usual (its results, its choices), and once the
 * chart's figure is found every other element of the view is hidden (app.css, `.kl-slide-only`).
 * Until then, or if the view has no such chart now (no results yet), the whole view shows.
 */
function ChartSlide({ item, onTitle }: { item: ItemSlide; onTitle(t: string): void }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState(false);
  const v = views.find((x) => x.id === item.view);
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const mark = () => {
      const el = Array.from(host.querySelectorAll(`[${SLIDE_KEY_ATTR}]`)).find((e) => e.getAttribute(SLIDE_KEY_ATTR) === item.key);
      for (const old of Array.from(host.querySelectorAll('[data-slide-focus]'))) if (old !== el) old.removeAttribute('data-slide-focus');
      if (el) {
        if (!el.hasAttribute('data-slide-focus')) el.setAttribute('data-slide-focus', '');
        onTitle(el.getAttribute(SLIDE_TITLE_ATTR) ?? '');
      }
      setFound(!!el);
    };
    mark();
    // Views load lazily and charts appear when their results arrive.
    const mo = new MutationObserver(mark);
    mo.observe(host, { childList: true, subtree: true, attributes: true, attributeFilter: [SLIDE_KEY_ATTR, SLIDE_TITLE_ATTR] });
    return () => mo.disconnect();
  }, [item.key, onTitle]);
  if (!v) return null;
  const C = v.component;
  return (
    <div ref={hostRef} className={found ? 'kl-slide-only' : undefined} data-testid="slide-item" data-found={found}>
      <ViewIdContext.Provider value={item.view}>
        <C />
      </ViewIdContext.Provider>
    </div>
  );
}

/** One table of a view: the view renders out of sight and its table export draws the report table here. */
function TableSlide({ item, onTitle }: { item: ItemSlide; onTitle(t: string): void }) {
  const [target, setTarget] = useState<HTMLDivElement | null>(null);
  const [found, setFound] = useState(false);
  const v = views.find((x) => x.id === item.view);
  const focus = useMemo(
    () =>
      target && {
        key: item.key,
        target,
        onTitle: (t: string) => {
          setFound(true);
          onTitle(t);
        },
      },
    [target, item.key, onTitle],
  );
  if (!v) return null;
  const C = v.component;
  return (
    <div data-testid="slide-item" data-found={found}>
      <div ref={setTarget} />
      <div hidden={found}>
        <ViewIdContext.Provider value={item.view}>
          <SlideFocusContext.Provider value={focus || null}>{focus && <C />}</SlideFocusContext.Provider>
        </ViewIdContext.Provider>
      </div>
    </div>
  );
}

function SlideBody({ slide, onTitle }: { slide: Slide; onTitle(t: string): void }) {
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
  const item = parseItemSlide(slide.kind);
  if (item?.item === 'chart') return <ChartSlide item={item} onTitle={onTitle} />;
  if (item?.item === 'table') return <TableSlide item={item} onTitle={onTitle} />;
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
    // The page behind the deck must not scroll (nor show a scroll bar beside the slide).
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden';
    return () => {
      root.style.overflow = overflow;
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
  // A chart or table slide takes its title from the item as it is now (language, chosen model).
  const [liveTitle, setLiveTitle] = useState<{ kind: string; title: string } | null>(null);
  const onTitle = useCallback((t: string) => setLiveTitle((old) => (old?.kind === slide.kind && old.title === t ? old : { kind: slide.kind, title: t })), [slide.kind]);
  const title = (liveTitle?.kind === slide.kind && liveTitle.title) || slide.title;
  const spec = useAnalysisStore((st) => st.spec);
  const stage = useStageScale();
  const [fit, setFit] = useState(1);
  const isChart = parseItemSlide(slide.kind)?.item === 'chart';
  const [chartWidth, setChartWidth] = useState<number | null>(null);
  useLayoutEffect(() => setChartWidth(null), [index]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  // The slide's content is laid out narrower than the slide and zoomed up (charts and tables read
  // from the back of a room); a tall one is zoomed less, so it always fits. Re-measured whenever
  // the content changes size (a lazy view arriving, a chart measuring itself).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const inner = innerRef.current;
    if (!body || !inner) return;
    const measure = () => {
      const [bw, bh, iw, ih] = [body.clientWidth, body.clientHeight, inner.offsetWidth, inner.scrollHeight];
      if (!isChart) return setFit(fitScale(bw, bh, iw, ih));
      const want = chartLayoutWidth(bw, bh, ih);
      // Re-laid out at the new width, the observer measures again; 4 px is close enough to stop.
      if (Math.abs(want - iw) > 4) setChartWidth(want);
      else setFit(fitScale(bw, bh, iw, ih, STAGE.chartZoom));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(inner);
    return () => ro.disconnect();
  }, [index, isChart]);
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
          {title}
        </Heading>
        <section className="kl-slide-body" ref={bodyRef} aria-labelledby="kl-slide-title">
          <div className="kl-slide-inner" ref={innerRef} style={{ width: isChart && chartWidth ? chartWidth : `${100 / STAGE.zoom}%`, transform: `scale(${fit})` }}>
            <SlideBody key={slide.kind} slide={slide} onTitle={onTitle} />
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
