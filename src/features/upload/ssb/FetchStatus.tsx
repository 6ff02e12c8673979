/** Progress of a running SSB task (requests done of planned, waits for the rate limit) and its cancel button. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { ProblemList } from '../../../app/ProblemList';
import { useLanguage } from '../../../i18n/useLanguage';
import { useStrings } from '../../../i18n/useStrings';
import { ssbStrings } from './strings';
import type { SsbTaskState } from './useSsbTask';

export function FetchStatus({ task, onCancel, testId }: { task: SsbTaskState; onCancel(): void; testId: string }) {
  const s = useStrings(ssbStrings);
  const lang = useLanguage();
  const p = task.progress;
  return (
    <div className="kl-ssb-status" data-testid={testId} data-state={task.running ? 'running' : task.outcome ? (task.outcome.problems.some((x) => x.severity === 'error') ? 'error' : 'done') : 'idle'}>
      {task.running && (
        <div className="kl-ssb-progress" role="status" aria-live="polite">
          <span>
            {s.fetching}
            {p ? ` ${s.table} ${p.tableId}: ${p.done} ${s.of} ${p.total} ${p.total === 1 ? s.request : s.requests}` : ' …'}
            {p && p.waitingMs > 0 ? ` (${s.waiting} ${Math.ceil(p.waitingMs / 1000)} ${s.waitingWhy})` : ''}
          </span>
          <progress max={1} value={p && p.total ? p.done / p.total : 0} aria-label={s.fetching} />
          <Button data-size="sm" variant="secondary" onClick={onCancel} data-testid={`${testId}-cancel`}>
            {s.cancel}
          </Button>
        </div>
      )}
      {!task.running && task.outcome?.message && (
        <Paragraph data-size="sm" role="status" data-testid={`${testId}-message`}>
          {task.outcome.message(s, lang)}
        </Paragraph>
      )}
      {!task.running && task.outcome && task.outcome.problems.length > 0 && <ProblemList problems={task.outcome.problems} heading={s.problems} />}
    </div>
  );
}
