/**
 * On every view while the analysis uses synthetic demo data: what the results are about, the share
 * of synthetic rows when demo and real files are mixed, and «Fjern demodata» at hand. The text comes
 * from the one rule (src/spec/synthetic.ts), like the badge, the charts and the exports.
 */
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useLanguage } from '../i18n/useLanguage';
import { useStrings } from '../i18n/useStrings';
import { syntheticNote } from '../spec/synthetic';
import { removeDemo } from '../store/actions';
import { selectIsSynthetic, selectSyntheticShare, useAnalysisStore } from '../store/analysisStore';

const strings = {
  nb: {
    demo: 'Resultatene gjelder oppdiktede kommuner (nummer 9xxx) fra demoen.',
    mixed: 'Resultatene blander demoens oppdiktede kommuner med dine data. Fjern demodata for en analyse av bare dine filer.',
    remove: 'Fjern demodata',
  },
  en: {
    demo: 'The results are about the demo’s fictitious municipalities (codes 9xxx).',
    mixed: 'The results mix the demo’s fictitious municipalities with your data. Remove the demo data for an analysis of your files only.',
    remove: 'Remove demo data',
  },
};

export function SyntheticNotice() {
  const s = useStrings(strings);
  const lang = useLanguage();
  const synthetic = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  if (!synthetic) return null;
  const mixed = share !== 1;
  return (
    <Alert data-color="warning" data-size="sm" className="kl-synthetic-notice" data-testid="synthetic-notice" data-share={share ?? ''}>
      <Paragraph data-size="sm">
        <strong>{syntheticNote(lang, share)}.</strong> {mixed ? s.mixed : s.demo}
      </Paragraph>
      {mixed && (
        <Button data-size="sm" variant="secondary" onClick={() => void removeDemo()}>
          {s.remove}
        </Button>
      )}
    </Alert>
  );
}
