/** Per-file progress bars (bytes) with a cancel button while a file waits or is being read. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { formatFileSize } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { checkFileSize } from '../../ingest/limits';
import { useAnalysisStore } from '../../store/analysisStore';
import { strings } from './strings';
import type { QueueItem } from './useImportQueue';

export function QueueList({ items, onCancel }: { items: QueueItem[]; onCancel(key: number): void }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const progress = useAnalysisStore((st) => st.progress);
  const status = useAnalysisStore((st) => st.status);
  if (items.length === 0) return null;
  return (
    <div className="kl-queue" aria-live="polite">
      <Paragraph data-size="sm" className="kl-queue-title">
        {s.queue}
      </Paragraph>
      <ul>
        {items.map((it) => {
          const reading = it.state === 'reading';
          const fraction = reading ? (status === 'loading' ? (progress?.fraction ?? 0) : 1) : it.state === 'done' ? 1 : 0;
          const label = { queued: s.queued, reading: s.reading, done: s.done, cancelled: s.cancelled, refused: s.refused, failed: s.failed }[it.state];
          const refusal = it.state === 'refused' ? checkFileSize(it.name, it.size) : it.state === 'failed' ? (it.problem ?? null) : null;
          return (
            <li key={it.key} data-testid="queue-item" data-state={it.state}>
              <span className="kl-queue-name">{it.name}</span>
              <progress
                max={1}
                value={fraction}
                aria-label={`${it.name}: ${label}`}
                data-testid="file-progress"
              />
              <span className="kl-queue-bytes">
                {/* A file that was not read has no «0 kB of …» to show, only its size. */}
                {label} ·{' '}
                {it.state === 'failed' || it.state === 'refused'
                  ? formatFileSize(it.size, lang)
                  : `${formatFileSize(fraction * it.size, lang)} ${s.of} ${formatFileSize(it.size, lang)}`}
              </span>
              {(it.state === 'queued' || it.state === 'reading') && (
                <Button data-size="sm" variant="tertiary" onClick={() => onCancel(it.key)} aria-label={`${s.cancel} ${it.name}`}>
                  {s.cancel}
                </Button>
              )}
              {refusal && (
                <span role="alert" className="kl-queue-error" data-testid="queue-error">
                  {lang === 'nb' ? refusal.message : refusal.messageEn}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
