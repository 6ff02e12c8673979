/**
 * The header's analysis actions: «Ny analyse» (start empty), «Fjern demodata» (one step: the demo
 * files and everything the demo brought go, the user's files stay) and «Last inn demodata» (the demo
 * back in one click). A step that would throw away the user's own files asks first, inline.
 */
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useStrings } from '../i18n/useStrings';
import { loadDemo, newAnalysis, removeDemo } from '../store/actions';
import { selectIsSynthetic, useAnalysisStore } from '../store/analysisStore';

const strings = {
  nb: {
    fresh: 'Ny analyse',
    freshTitle: 'Start en tom analyse uten filer, variabler, modeller eller nøkler',
    removeDemo: 'Fjern demodata',
    removeDemoTitle: 'Fjerner demofilene og alt demoen tok med seg; filene dine blir',
    loadDemo: 'Last inn demodata',
    loadDemoTitle: 'Åpne demoanalysen med syntetiske data',
    confirmFresh: 'Ny analyse tømmer analysen: filene dine, variabler, modeller og nøkler fjernes. Lagre en prosjektfil under «Del og eksporter» først hvis du vil ta vare på den.',
    confirmDemo: 'Demoanalysen erstatter analysen du har nå (filene dine, variabler, modeller og nøkler). Lagre en prosjektfil under «Del og eksporter» først hvis du vil ta vare på den.',
    yesFresh: 'Tøm og start på nytt',
    yesDemo: 'Erstatt med demoanalysen',
    cancel: 'Avbryt',
  },
  en: {
    fresh: 'New analysis',
    freshTitle: 'Start an empty analysis with no files, variables, models or keys',
    removeDemo: 'Remove demo data',
    removeDemoTitle: 'Removes the demo files and everything the demo brought; your files stay',
    loadDemo: 'Load demo data',
    loadDemoTitle: 'Open the demo analysis with synthetic data',
    confirmFresh: 'A new analysis empties this one: your files, variables, models and keys are removed. Save a project file under «Share and export» first if you want to keep it.',
    confirmDemo: 'The demo analysis replaces the one you have now (your files, variables, models and keys). Save a project file under «Share and export» first if you want to keep it.',
    yesFresh: 'Empty and start over',
    yesDemo: 'Replace with the demo analysis',
    cancel: 'Cancel',
  },
};

type Pending = null | 'fresh' | 'demo';

export function StartActions() {
  const s = useStrings(strings);
  const synthetic = useAnalysisStore(selectIsSynthetic);
  const hasOwnFiles = useAnalysisStore((st) => st.spec.data.sources.some((x) => !x.demo));
  const busy = useAnalysisStore((st) => st.status === 'loading');
  const [pending, setPending] = useState<Pending>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const run = (what: 'fresh' | 'demo') => {
    setPending(null);
    void (what === 'fresh' ? newAnalysis() : loadDemo());
  };
  const ask = (what: 'fresh' | 'demo') => (hasOwnFiles ? setPending(what) : run(what));

  return (
    <>
      <Button variant="tertiary" data-size="sm" data-testid="new-analysis" title={s.freshTitle} onClick={() => ask('fresh')} disabled={busy}>
        {s.fresh}
      </Button>
      {synthetic ? (
        <Button variant="tertiary" data-size="sm" data-testid="remove-demo" title={s.removeDemoTitle} onClick={() => void removeDemo()} disabled={busy}>
          {s.removeDemo}
        </Button>
      ) : (
        <Button variant="tertiary" data-size="sm" data-testid="load-demo" title={s.loadDemoTitle} onClick={() => ask('demo')} disabled={busy}>
          {s.loadDemo}
        </Button>
      )}
      {pending && (
        <Alert data-color="warning" data-size="sm" className="kl-start-confirm" data-testid="start-confirm">
          <Paragraph data-size="sm">{pending === 'fresh' ? s.confirmFresh : s.confirmDemo}</Paragraph>
          <div className="kl-start-confirm-buttons">
            <Button ref={confirmRef} data-size="sm" data-color="danger" data-testid="start-confirm-yes" onClick={() => run(pending)}>
              {pending === 'fresh' ? s.yesFresh : s.yesDemo}
            </Button>
            <Button data-size="sm" variant="secondary" onClick={() => setPending(null)}>
              {s.cancel}
            </Button>
          </div>
        </Alert>
      )}
    </>
  );
}
