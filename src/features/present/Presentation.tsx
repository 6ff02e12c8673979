/**
 * Presentation mode for working-group meetings: a full-screen sequence of slides with large type.
 * Keys: → / PageDown / Space next, ← / PageUp previous, Home / End, Escape leaves (focus returns to
 * the button that opened it). The slide counter is an aria-live region, so screen readers hear it.
 */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
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
      style={{ position: 'fixed', inset: 0, zIndex: 1000, background: '#fff', overflow: 'auto', padding: '2rem 3rem', display: 'flex', flexDirection: 'column', fontSize: '1.25rem' }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16 }}>
        <p aria-live="polite" aria-atomic="true" data-testid="slide-counter" style={{ margin: 0, fontSize: '1rem' }}>
          {s.counter(index + 1, slides.length)}
        </p>
        {demo && <strong style={{ color: '#b00020' }}>{syntheticNote(lang, share)}</strong>}
        <Button variant="tertiary" onClick={onClose}>
          {s.close}
        </Button>
      </div>
      <section style={{ flex: 1, marginTop: '1rem' }} aria-labelledby="kl-slide-title">
        <Heading level={1} data-size="xl" id="kl-slide-title" ref={headingRef} tabIndex={-1} data-testid="slide-title">
          {slide.title}
        </Heading>
        <div style={{ marginTop: '1.5rem' }}>
          <SlideBody slide={slide} />
        </div>
      </section>
      <div style={{ display: 'flex', gap: 16, justifyContent: 'space-between', alignItems: 'center', marginTop: '1rem' }}>
        <Button variant="secondary" onClick={() => setIndex(Math.max(0, index - 1))} disabled={index === 0}>
          {s.prev}
        </Button>
        <Paragraph data-size="sm">{s.help}</Paragraph>
        <Button variant="primary" onClick={() => setIndex(Math.min(slides.length - 1, index + 1))} disabled={index === slides.length - 1}>
          {s.next}
        </Button>
      </div>
    </div>
  );
}
