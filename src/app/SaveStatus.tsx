/**
 * Autosave's own status line: when the session cannot be saved in this browser (quota,
 * the store deleted, a value too large, storage blocked) it says so and what to do, instead of
 * failing silently; nothing is shown while saving works.
 */
import { useStrings } from '../i18n/useStrings';
import type { Strings } from '../i18n/useStrings';
import { useSessionStore } from '../store/sessionStore';
import type { SaveFailure } from '../store/persistence';

const strings = {
  nb: {
    quota: 'Økten kan ikke lagres: nettleseren har ikke mer lagringsplass til dette nettstedet. Lagre en prosjektfil under «Del og eksporter», eller frigjør plass.',
    'store-deleted': 'Økten kan ikke lagres: nettleserens lagring for dette nettstedet er slettet og kan ikke åpnes igjen. Lagre en prosjektfil under «Del og eksporter» og last inn siden på nytt.',
    'too-large': 'Økten er for stor til å lagres i nettleseren. Lagre en prosjektfil under «Del og eksporter» for å beholde den.',
    unavailable: 'Nettleseren tillater ikke lagring her (privat vindu eller blokkert lagring): økten forsvinner når siden lukkes. Lagre en prosjektfil under «Del og eksporter».',
    unknown: 'Økten kunne ikke lagres i nettleseren. Lagre en prosjektfil under «Del og eksporter» for å beholde den.',
    file: (name: string) => `Fila «${name}» er lest, men kunne ikke lagres i nettleseren; etter en omlasting må den lastes opp igjen.`,
    lost: (names: string) => `Nettleserens lagring ble tømt mens siden var åpen: ${names} må lastes opp igjen etter en omlasting.`,
  },
  en: {
    quota: 'The session cannot be saved: the browser has no more storage for this site. Save a project file under "Share and export", or free some space.',
    'store-deleted': "The session cannot be saved: the browser's storage for this site was deleted and cannot be opened again. Save a project file under \"Share and export\" and reload the page.",
    'too-large': 'The session is too large to save in the browser. Save a project file under "Share and export" to keep it.',
    unavailable: 'The browser does not allow storage here (private window or blocked storage): the session is lost when the page closes. Save a project file under "Share and export".',
    unknown: 'The session could not be saved in the browser. Save a project file under "Share and export" to keep it.',
    file: (name: string) => `The file "${name}" was read but could not be stored in the browser; after a reload it must be uploaded again.`,
    lost: (names: string) => `The browser's storage was cleared while the page was open: ${names} must be uploaded again after a reload.`,
  },
} satisfies Strings;

export function SaveStatus() {
  const s = useStrings(strings);
  const save = useSessionStore((st) => st.save);
  const lost = useSessionStore((st) => st.lostFiles);
  if (save.ok && lost.length === 0) return null;
  const reason: SaveFailure | null = save.ok ? null : save.reason;
  const text = save.ok ? s.lost(lost.join(', ')) : save.file ? s.file(save.file) : s[reason!];
  return (
    <p className="kl-save-status" role="alert" data-testid="save-status" data-reason={reason ?? 'lost'}>
      {text}
    </p>
  );
}
