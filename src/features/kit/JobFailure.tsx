/**
 * A parallel job that stopped because one of its blocks failed twice in a helper thread
 * (src/pool/runner.ts, code `pool-block-failed`): said where the job's results would be, with a
 * button that runs the analysis again. The failure is not cached (src/worker/pipeline.ts), so the
 * next run starts the job afresh; the rest of the analysis is not affected.
 */
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { Problem } from '../../engine/problem';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { kitStrings } from './strings';

/** The pool failures among `problems` that belong to `job` (a pool job's registry name). */
export function poolFailures(problems: readonly Problem[] | undefined, job: string): Problem[] {
  return (problems ?? []).filter((p) => p.code === 'pool-block-failed' && p.where?.job === job);
}

export function JobFailure({ problems, testId }: { problems: readonly Problem[]; testId: string }) {
  const s = useStrings(kitStrings);
  const lang = useLanguage();
  const running = useAnalysisStore((st) => st.status === 'running');
  const requestRun = useAnalysisStore((st) => st.requestRun);
  if (problems.length === 0) return null;
  const p = problems[0];
  return (
    <Alert data-color="danger" data-size="sm" data-testid={testId}>
      <Paragraph data-size="sm">{lang === 'nb' ? p.message : p.messageEn}</Paragraph>
      <Button variant="secondary" data-size="sm" onClick={() => requestRun()} disabled={running}>
        {s.retry}
      </Button>
    </Alert>
  );
}
