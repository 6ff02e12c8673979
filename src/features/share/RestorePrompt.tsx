/**
 * After a reload or a crash the session restores the autosaved analysis silently (src/store/session).
 * This banner says so once per page load and offers to start over on the demo instead. Mount it once
 * near the top of the app (App.tsx); it renders nothing when there was nothing to restore.
 */
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { readSavedSpec } from '../../store/persistence';
import { loadSpec } from '../../spec/migrate';
import { loadDemo } from '../../store/actions';

const strings = {
  nb: { restored: (t: string) => `Analysen «${t}» er gjenopprettet fra forrige økt (lagret i denne nettleseren).`, keep: 'Fortsett', fresh: 'Start på nytt med demodata' },
  en: { restored: (t: string) => `The analysis "${t}" was restored from your last session (saved in this browser).`, keep: 'Continue', fresh: 'Start over with demo data' },
};

/** Read once at module load: before this session's autosave can overwrite it. */
const savedAtStart: Promise<string | null> = readSavedSpec()
  .then((raw) => {
    const r = raw === undefined ? null : loadSpec(raw);
    return r && r.ok && r.spec.data.sources.some((s) => !s.demo) ? r.spec.title : null;
  })
  .catch(() => null);

export function RestorePrompt() {
  const s = useStrings(strings);
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void savedAtStart.then((t) => {
      if (alive && t && !sessionStorage.getItem('kl-restore-dismissed')) setTitle(t);
    });
    return () => {
      alive = false;
    };
  }, []);
  if (!title) return null;
  const dismiss = () => {
    sessionStorage.setItem('kl-restore-dismissed', '1');
    setTitle(null);
  };
  return (
    <Alert data-color="info" data-testid="restore-prompt">
      <Paragraph>{s.restored(title)}</Paragraph>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button data-size="sm" onClick={dismiss}>
          {s.keep}
        </Button>
        <Button
          data-size="sm"
          variant="secondary"
          onClick={() => {
            dismiss();
            void loadDemo();
          }}
        >
          {s.fresh}
        </Button>
      </div>
    </Alert>
  );
}
