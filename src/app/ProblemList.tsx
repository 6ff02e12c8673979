/**
 * Shows Problems in the current language, next to the thing that caused them. Views import this to
 * show the problems of their own section; the shell shows the rest.
 */
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { Problem } from '../engine/problem';
import { useLanguage } from '../i18n/useLanguage';
import { problemMessage, useVariableLabels } from '../features/useVariableLabels';
import { useMemo } from 'react';
import { useAnalysisStore } from '../store/analysisStore';

const whereLabels = {
  nb: {
    file: 'fil',
    line: 'linje',
    column: 'kolonne',
    variable: 'variabel',
    model: 'modell',
    unit: 'kommune',
    year: 'år',
  },
  en: {
    file: 'file',
    line: 'line',
    column: 'column',
    variable: 'variable',
    model: 'model',
    unit: 'municipality',
    year: 'year',
  },
};

export function describeWhere(
  p: Problem,
  lang: 'nb' | 'en',
  labels?: ReadonlyMap<string, string>,
  /** Model id → its label: a message names the model as the user named it, not by its id. */
  modelLabels?: ReadonlyMap<string, string>,
): string {
  const w = p.where;
  if (!w) return '';
  const l = whereLabels[lang];
  const parts: string[] = [];
  for (const k of ['file', 'line', 'column', 'variable', 'model', 'unit', 'year'] as const) {
    const raw = w[k];
    const v =
      k === 'variable' && typeof raw === 'string'
        ? (labels?.get(raw) ?? raw)
        : k === 'model' && typeof raw === 'string'
          ? (modelLabels?.get(raw) ?? raw)
          : raw;
    if (v !== undefined && v !== null && v !== '') parts.push(`${l[k]} ${v}`);
  }
  if (w.variables?.length) parts.push(w.variables.map((x) => labels?.get(x) ?? x).join(', '));
  return parts.join(' · ');
}

export function ProblemText({ problem }: { problem: Problem }) {
  const lang = useLanguage();
  const labels = useVariableLabels();
  const models = useAnalysisStore((st) => st.spec.models.list);
  const modelLabels = useMemo(() => new Map(models.map((m) => [m.id, m.label])), [models]);
  const where = describeWhere(problem, lang, labels, modelLabels);
  return (
    <>
      {problemMessage(problem, lang, labels)}
      {where && <span className="kl-problem-where"> ({where})</span>}
    </>
  );
}

const colour = { error: 'danger', warning: 'warning', info: 'info' } as const;

export function ProblemList({
  problems,
  max = 8,
  heading,
}: {
  problems: Problem[];
  max?: number;
  heading?: string;
}) {
  if (problems.length === 0) return null;
  const worst = problems.some((p) => p.severity === 'error')
    ? 'error'
    : problems.some((p) => p.severity === 'warning')
      ? 'warning'
      : 'info';
  const shown = problems.slice(0, max);
  return (
    <Alert data-color={colour[worst]} data-size="sm" className="kl-problems">
      {heading && <Paragraph className="kl-problems-heading">{heading}</Paragraph>}
      <ul>
        {shown.map((p, i) => (
          <li key={`${p.code}-${i}`} data-problem-code={p.code}>
            <ProblemText problem={p} />
          </li>
        ))}
        {problems.length > max && <li>… +{problems.length - max}</li>}
      </ul>
    </Alert>
  );
}
