/**
 * A parallel job's progress and its «Avbryt», shown in the section that asked for the job (best
 * subsets, the bootstraps, leave-one-year-out) while the job runs — on the worker pool or in the
 * analysis worker. It follows the job's own share of blocks done (`progress.job`), not the run's.
 * Cancel is the caller's: it switches the job off in the spec, which supersedes the run (the pool
 * then stops its workers); `JobCancelled` then says so where the switch is.
 * While the pool runs a backup copy of a block that hung (`job.backups`, src/pool/straggler.ts) the
 * bar stands still for seconds; a line under it says why, and goes when the copy answers or the job ends.
 */
import { Button, Label, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { kitStrings } from './strings';
import { formatPercent } from '../../i18n/format';

export function JobProgress({ job, title, onCancel, testId }: { job: string; title: string; onCancel(): void; testId: string }) {
  const progress = useAnalysisStore((st) => (st.status === 'running' && st.progress?.job?.name === job ? st.progress.job : null));
  if (progress === null) return null;
  return <JobProgressView progress={progress} title={title} onCancel={onCancel} testId={testId} />;
}

/** The running job's bar, «Avbryt» and the backup line (apart from the store, for its test). */
export function JobProgressView({
  progress,
  title,
  onCancel,
  testId,
}: {
  /** The store's `progress.job`: blocks done, and backups running (from the pool). */
  progress: { fraction: number; backups?: number };
  title: string;
  onCancel(): void;
  testId: string;
}) {
  const s = useStrings(kitStrings);
  const lang = useLanguage();
  const id = useId();
  const { fraction } = progress;
  const text = formatPercent(Math.min(1, Math.max(0, fraction)), lang, 0);
  const backup = (progress.backups ?? 0) > 0;
  return (
    <div className="kl-job-progress" data-testid={testId} data-fraction={fraction} data-backups={progress.backups ?? 0}>
      <div className="kl-job-progress-bar">
        <Label id={id}>{title}</Label>
        <progress aria-labelledby={id} aria-valuetext={`${text} ${s.done}`} max={1} value={fraction} />
        <span aria-hidden="true">{text}</span>
        <Button variant="secondary" data-size="sm" onClick={onCancel} aria-label={`${s.cancel}: ${title}`}>
          {s.cancel}
        </Button>
      </div>
      {/* Always there (empty when no backup runs), so a screen reader hears the line when it comes. */}
      <p role="status" className="kl-job-backup" data-testid={`${testId}-backup`}>
        {backup ? s.backup : ''}
      </p>
    </div>
  );
}

/** A polite live region that says a job was cancelled (empty otherwise, so the announcement is heard). */
export function JobCancelled({ text, testId }: { text: string | null; testId: string }) {
  return (
    <div role="status" data-testid={testId}>
      {text && <Paragraph data-size="sm">{text}</Paragraph>}
    </div>
  );
}
