/**
 * The message box: one line per file and kind with its count and «vis alle», errors first, routine
 * notes folded away under one line (groupProblems.ts). Used by the shell for the active view's
 * messages and by the file cards for each file's.
 */
import { Alert, Button, Details, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Problem } from '../../engine/problem';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { ProblemText } from '../ProblemList';
import { groupProblems, type ProblemGroup } from './groupProblems';

const strings = {
  nb: {
    heading: 'Meldinger',
    more: (n: string) => `og ${n} til av samme slag`,
    showAll: (n: string) => `Vis alle ${n}`,
    showFewer: 'Vis færre',
    routine: (n: string) => `Rutinemerknader (${n})`,
  },
  en: {
    heading: 'Messages',
    more: (n: string) => `and ${n} more of the same kind`,
    showAll: (n: string) => `Show all ${n}`,
    showFewer: 'Show fewer',
    routine: (n: string) => `Routine notes (${n})`,
  },
};

const colour = { error: 'danger', warning: 'warning', info: 'info' } as const;
const SHOW_MAX = 200;

function GroupLine({ group }: { group: ProblemGroup }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  const n = group.problems.length;
  return (
    <li data-problem-code={group.code} data-count={n} data-severity={group.severity} data-testid="problem-group">
      <ProblemText problem={group.problems[0]} />
      {n > 1 && (
        <>
          {' '}
          <span className="kl-problem-more">({s.more(formatInteger(n - 1, lang))})</span>{' '}
          <Button variant="tertiary" data-size="sm" className="kl-problem-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? s.showFewer : s.showAll(formatInteger(n, lang))}
          </Button>
          {open && (
            <ul className="kl-problem-all">
              {group.problems.slice(1, SHOW_MAX).map((p, i) => (
                <li key={i}>
                  <ProblemText problem={p} />
                </li>
              ))}
              {n > SHOW_MAX && <li>… +{n - SHOW_MAX}</li>}
            </ul>
          )}
        </>
      )}
    </li>
  );
}

/**
 * `routine`: `folded` (the shell's box, where file notes pile up) or `open` — a section's own box, whose
 * few notes (the R² decomposition's estimator, a correlation matrix cut short) say how to read the
 * result next to it and are shown as plainly as its warnings.
 */
export function GroupedProblemList({
  problems,
  heading,
  testId = 'problem-list',
  routine: routineMode = 'folded',
}: {
  problems: readonly Problem[];
  heading?: string;
  testId?: string;
  routine?: 'folded' | 'open';
}) {
  const s = useStrings(strings);
  const lang = useLanguage();
  if (problems.length === 0) return null;
  const grouped = groupProblems([...problems]);
  const open = routineMode === 'open';
  const main = open ? [...grouped.main, ...grouped.routine] : grouped.main;
  const routine = open ? [] : grouped.routine;
  const worst = main[0]?.severity ?? 'info';
  const nRoutine = routine.reduce((a, g) => a + g.problems.length, 0);
  return (
    <Alert data-color={colour[worst]} data-size="sm" className="kl-problems" data-testid={testId}>
      <Paragraph className="kl-problems-heading">{heading ?? s.heading}</Paragraph>
      {main.length > 0 && (
        <ul>
          {main.map((g) => (
            <GroupLine key={g.key} group={g} />
          ))}
        </ul>
      )}
      {routine.length > 0 && (
        <Details data-size="sm" className="kl-problems-routine" data-testid="problem-routine">
          <Details.Summary>{s.routine(formatInteger(nRoutine, lang))}</Details.Summary>
          <Details.Content>
            <ul>
              {routine.map((g) => (
                <GroupLine key={g.key} group={g} />
              ))}
            </ul>
          </Details.Content>
        </Details>
      )}
    </Alert>
  );
}
