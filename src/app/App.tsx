import { Heading, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { views as registered } from '../features/registry';
import { useLanguage } from '../i18n/useLanguage';
import { useStrings } from '../i18n/useStrings';
import { useAnalysisStore } from '../store/analysisStore';
import { useUiStore } from '../store/uiStore';
import { pageSsb } from '../ssb/pageSettings';
import { Header } from './Header';
import { Nav } from './Nav';
import { GroupedProblemList } from './problems/GroupedProblemList';
import { problemsForView, usedVariables } from './problems/relevance';
import { RestorePrompt } from '../features/share/RestorePrompt';
import { StatusBar } from './StatusBar';
import { SaveStatus } from './SaveStatus';
import { SyntheticNotice } from './SyntheticNotice';
import { SyntheticContext } from '../charts/SyntheticNote';
import { ChartSourceContext } from '../charts/ChartExportButtons';
import { SlideSlotContext } from '../charts/slideSlot';
import { AddSlideButton } from '../features/present/AddSlideButton';
import { ViewIdContext } from '../features/present/slideFocus';
import { sourceLine } from '../export/sourceLine';
import type { Language } from '../i18n/language';
import { selectIsSynthetic, selectSyntheticShare } from '../store/analysisStore';
import { shellStrings } from './strings';
import { addressedView, useActiveView } from './useActiveView';
const sortedViews = () => [...registered].sort((a, b) => a.order - b.order);

/**
 * The one home of «what the open view shows» for the store (setShownSections: on a first load those
 * sections are computed and shown first): the sections of the view the address opens, set now —
 * before the session's first run, as the demo's load may finish before the first render — and again
 * on every change of the address, which is what opens a view (useActiveView).
 */
export function followShownSections(): void {
  const views = sortedViews();
  const follow = () => useAnalysisStore.getState().setShownSections(addressedView(views)?.shows ?? null);
  follow();
  window.addEventListener('hashchange', follow);
}

export function App() {
  const s = useStrings(shellStrings);
  const lang = useLanguage();
  const views = useMemo(sortedViews, []);
  const active = useActiveView(views);
  // Deferred: a new results object arrives in one store update; the list re-renders in the
  // interruptible follow-up render instead of the blocking one (speed budget: no main-thread task over 50 ms, README «Speed budgets»).
  const problems = useDeferredValue(useAnalysisStore((st) => st.problems));
  const spec = useAnalysisStore((st) => st.spec);
  const synthetic = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  const syntheticStatus = useMemo(() => ({ synthetic, share }), [synthetic, share]);
  // Charts do not read the store: their exports ask this for the «Kilde» line, on click.
  const chartSource = useCallback((l: Language) => sourceLine(useAnalysisStore.getState().spec, l), []);
  // Each view shows only the messages that affect it (relevance.ts); the Data view's file messages
  // sit on the file cards, so its box holds the rest.
  const viewProblems = useMemo(() => {
    const mine = problemsForView(active?.id, problems, { used: usedVariables(spec) });
    return active?.id === 'data' ? mine.filter((p) => p.where?.file === undefined) : mine;
  }, [active?.id, problems, spec]);
  const mainRef = useRef<HTMLElement>(null);
  // data-results="shown": the store holds all the result sections the open view shows (without a
  // view: every section, the latest run done). The view itself may draw them later (its code loads
  // lazily, its heavy parts are deferred): a view marks what it has drawn with data-view-results
  // (the Data view: its file cards with their reports), and the bench's demo_interactive_ms waits for both.
  const viewHasResults = useAnalysisStore((st) =>
    active ? active.shows.every((k) => st.results?.[k] !== undefined) : st.results !== null && st.status === 'ready',
  );
  // The privacy sentence says exactly what may leave the machine: nothing, or only SSB queries.
  const ssbFetch = useUiStore((u) => u.ssbFetch);
  const first = useRef(true);

  useEffect(() => {
    // Only on a real change: even re-setting the same lang restyles the whole document (15 ms on
    // the demo), and this effect runs on every view switch.
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    document.title = active ? `${active.title[lang]} – ${s.product}` : s.product;
  }, [lang, active, s.product]);

  // Moving focus to the new view tells keyboard and screen-reader users that the page changed.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // focus() forces a style recalculation; after the next frame the new view's styles are already
    // computed, so it is cheap there instead of adding to the task that mounted the view.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => mainRef.current?.focus({ preventScroll: true }));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [active?.id]);

  const View = active?.component;
  return (
    <SyntheticContext.Provider value={syntheticStatus}>
      <ChartSourceContext.Provider value={chartSource}>
       <SlideSlotContext.Provider value={AddSlideButton}>
        <div className="kl-app">
          <SkipLink href="#main">{s.skip}</SkipLink>
          <Header />
          <div className="kl-body">
            <Nav views={views} active={active?.id} />
            <main
              id="main"
              ref={mainRef}
              tabIndex={-1}
              className="kl-main"
              data-view={active?.id}
              data-results={viewHasResults ? 'shown' : 'waiting'}
            >
              <div className="kl-main-top">
                <StatusBar />
              </div>
              <SaveStatus />
              <RestorePrompt />
              <SyntheticNotice />
              <GroupedProblemList problems={viewProblems} heading={s.problems} />
              {View ? (
                <ViewIdContext.Provider value={active.id}>
                  <View key={active.id} />
                </ViewIdContext.Provider>
              ) : (
                <>
                  <Heading level={1} data-size="md">
                    {s.product}
                  </Heading>
                  <Paragraph>{s.noViews}</Paragraph>
                </>
              )}
            </main>
          </div>
          <footer className="kl-footer">
            <Paragraph data-size="xs" data-testid="privacy-footer">
              {pageSsb.api && ssbFetch ? s.footerSsb.replace('{host}', new URL(pageSsb.api).host) : s.footer}
            </Paragraph>
          </footer>
        </div>
       </SlideSlotContext.Provider>
      </ChartSourceContext.Provider>
    </SyntheticContext.Provider>
  );
}
