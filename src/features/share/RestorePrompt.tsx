/**
 * What the session restore (src/store/session.ts) has to tell the user at the top of the app:
 * - the analysis was restored from the last session (once per page load; start over on the demo);
 * - the page stopped while a file was being read last time: the file was not read again (no crash
 *   loop), the analysis is open without it, and the user chooses to read it again or leave it out;
 * - a saved session or stored file that could not be used was kept aside: download it or delete it.
 * Mount it once near the top of the app (App.tsx); it renders nothing when there is nothing to say.
 */
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useLanguage } from '../../i18n/useLanguage';
import { clearCrashed, deleteDamaged, type DamagedEntry } from '../../store/persistence';
import { loadDemo, reimportSource, removeSource } from '../../store/actions';
import { useAnalysisStore } from '../../store/analysisStore';
import { useSessionStore } from '../../store/sessionStore';
import { downloadBytes, MIME } from '../../export/download';

const strings = {
  nb: {
    restored: (t: string) => `Analysen «${t}» er gjenopprettet fra forrige økt (lagret i denne nettleseren).`,
    keep: 'Fortsett',
    fresh: 'Start på nytt med demodata',
    crashed: (files: string, project?: string) =>
      `Siden stoppet sist mens ${files} ble lest${project ? ` fra prosjektfila «${project}»` : ''}. For at det ikke skal skje igjen, er fila ikke lest på nytt.`,
    crashedHeld: 'Analysen er gjenopprettet uten den.',
    crashedUpload: 'Den ble ikke lagt til i analysen.',
    readAgain: 'Prøv å lese fila igjen',
    leaveOut: 'Fortsett uten fila',
    ok: 'Greit',
    damagedSession: (why: string) => `Den lagrede økten kunne ikke åpnes: ${why} Den er lagt til side (ikke overskrevet), og demodataene er åpnet i stedet.`,
    damagedFile: (why: string) => `${why} Analysen er åpnet uten den, og kopien er lagt til side.`,
    download: 'Last ned det lagrede',
    remove: 'Slett det lagrede',
  },
  en: {
    restored: (t: string) => `The analysis "${t}" was restored from your last session (saved in this browser).`,
    keep: 'Continue',
    fresh: 'Start over with demo data',
    crashed: (files: string, project?: string) =>
      `The page stopped last time while ${files} was being read${project ? ` from the project file "${project}"` : ''}. So that it does not happen again, the file was not read again.`,
    crashedHeld: 'The analysis was restored without it.',
    crashedUpload: 'It was not added to the analysis.',
    readAgain: 'Try reading the file again',
    leaveOut: 'Continue without the file',
    ok: 'OK',
    damagedSession: (why: string) => `The saved session could not be opened: ${why} It was kept aside (not overwritten), and the demo data were opened instead.`,
    damagedFile: (why: string) => `${why} The analysis was opened without it, and the copy was kept aside.`,
    download: 'Download what was saved',
    remove: 'Delete what was saved',
  },
};

function quoteList(names: string[], lang: string): string {
  const q = names.map((n) => (lang === 'nb' ? `«${n}»` : `"${n}"`));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} ${lang === 'nb' ? 'og' : 'and'} ${q[q.length - 1]}`;
}

/** A kept-aside value as a file: bytes and text as they were, anything else as JSON. */
function downloadDamaged(e: DamagedEntry): void {
  const base = `kostnadsnokkel-lab-${e.what === 'session' ? 'okt' : 'fil'}-${e.keptAt.replace(/[:.]/g, '-')}`;
  const v = e.value;
  if (v instanceof Blob) return downloadBytes(v, `${base}.bin`, 'application/octet-stream');
  if (v instanceof Uint8Array) return downloadBytes(v, `${base}.bin`, 'application/octet-stream');
  if (typeof v === 'string') return downloadBytes(v, `${base}.txt`, MIME.text);
  let text: string;
  try {
    text = JSON.stringify(v, null, 2) ?? String(v);
  } catch {
    text = String(v);
  }
  downloadBytes(text, `${base}.json`, MIME.json);
}

function RestoredNotice() {
  const s = useStrings(strings);
  const title = useSessionStore((st) => st.restoredTitle);
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem('kl-restore-dismissed') === '1');
  if (!title || dismissed) return null;
  const dismiss = () => {
    sessionStorage.setItem('kl-restore-dismissed', '1');
    setDismissed(true);
  };
  return (
    <Alert data-color="info" data-testid="restore-prompt">
      <Paragraph>{s.restored(title)}</Paragraph>
      <div className="kl-notice-actions">
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

function CrashNotice() {
  const s = useStrings(strings);
  const lang = useLanguage();
  const crashed = useSessionStore((st) => st.crashed);
  const sources = useAnalysisStore((st) => st.spec.data.sources);
  if (!crashed) return null;
  const ids = new Set(crashed.files.map((f) => f.id).filter((x): x is string => !!x));
  const held = sources.filter((x) => ids.has(x.id));
  const done = () => {
    useSessionStore.getState().setCrashed(null);
    void clearCrashed();
  };
  return (
    <Alert data-color="warning" data-testid="crash-notice">
      <Paragraph>
        {s.crashed(quoteList(crashed.files.map((f) => f.name), lang), crashed.project)} {held.length > 0 ? s.crashedHeld : s.crashedUpload}
      </Paragraph>
      <div className="kl-notice-actions">
        {held.length > 0 ? (
          <>
            <Button
              data-size="sm"
              onClick={() => {
                done();
                void (async () => {
                  for (const h of held) await removeSource(h.id);
                })();
              }}
            >
              {s.leaveOut}
            </Button>
            <Button
              data-size="sm"
              variant="secondary"
              onClick={() => {
                done();
                void (async () => {
                  for (const h of held) await reimportSource(h);
                })();
              }}
            >
              {s.readAgain}
            </Button>
          </>
        ) : (
          <Button data-size="sm" onClick={done}>
            {s.ok}
          </Button>
        )}
      </div>
    </Alert>
  );
}

function DamagedNotice({ entry }: { entry: DamagedEntry }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const why = lang === 'nb' ? entry.reason : entry.reasonEn;
  return (
    <Alert data-color="warning" data-testid="damaged-notice" data-what={entry.what}>
      <Paragraph>{entry.what === 'session' ? s.damagedSession(why) : s.damagedFile(why)}</Paragraph>
      <div className="kl-notice-actions">
        <Button data-size="sm" onClick={() => downloadDamaged(entry)}>
          {s.download}
        </Button>
        <Button
          data-size="sm"
          variant="secondary"
          onClick={() => {
            void deleteDamaged(entry.key);
            const st = useSessionStore.getState();
            st.setDamaged(st.damaged.filter((d) => d.key !== entry.key));
          }}
        >
          {s.remove}
        </Button>
      </div>
    </Alert>
  );
}

export function RestorePrompt() {
  const damaged = useSessionStore((st) => st.damaged);
  return (
    <>
      <CrashNotice />
      {damaged.map((d) => (
        <DamagedNotice key={d.key} entry={d} />
      ))}
      <RestoredNotice />
    </>
  );
}
