/**
 * The data-set checklist at the top of the Data view: each piece a cost-key analysis needs, its
 * state, and a button that does the missing step (checklist.ts decides, checklistActions.ts edits).
 */
import { Button, Field, Heading, Label, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import type { ValidationReport } from '../../ingest/types';
import { useAnalysisStore } from '../../store/analysisStore';
import { buildChecklist, type CheckAction, type CheckItem, type CheckStatus } from './checklist';
import { runCheckAction } from './checklistActions';

const strings = {
  nb: {
    title: 'Sjekkliste for datasettet',
    lead: 'Dette trenger en analyse av en kostnadsnøkkel. Knappene gjør det som mangler.',
    status: { ok: 'OK', todo: 'Mangler', warn: 'Sjekk', optional: 'Valgfritt' } as Record<CheckStatus, string>,
    file: 'Fil',
    years: 'År',
    none: 'ingen',
    dependent: 'Avhengig variabel',
  },
  en: {
    title: 'Data-set checklist',
    lead: 'What a cost-key analysis needs. The buttons do what is missing.',
    status: { ok: 'OK', todo: 'Missing', warn: 'Check', optional: 'Optional' } as Record<CheckStatus, string>,
    file: 'File',
    years: 'Years',
    none: 'none',
    dependent: 'Dependent variable',
  },
};

const COLOR: Record<CheckStatus, 'success' | 'danger' | 'warning' | 'neutral'> = { ok: 'success', todo: 'danger', warn: 'warning', optional: 'neutral' };

export function DataChecklist() {
  const s = useStrings(strings);
  const lang = useLanguage();
  const spec = useAnalysisStore((st) => st.spec);
  const catalogue = useAnalysisStore((st) => st.catalogue);
  const dataset = useAnalysisStore((st) => st.results?.dataset);
  const busy = useAnalysisStore((st) => st.status !== 'ready' && st.status !== 'idle' && st.status !== 'error');
  const items = useMemo(
    () =>
      buildChecklist({
        spec,
        catalogue,
        validation: dataset?.validation as ValidationReport | undefined,
        numericColumns: dataset?.numericColumns ?? [],
        derived: dataset?.derived ?? [],
      }),
    [spec, catalogue, dataset],
  );
  const labels = useMemo(() => new Map((dataset?.numericColumns ?? []).map((c) => [c.name, c.label])), [dataset]);
  return (
    // The view's first screen has drawn its results once this says «shown» (the checklist is drawn
    // from them; the file cards, catalogue and report below follow in frames of their own): the
    // bench's demo_interactive_ms waits for it, not only for the results in the store (the view's
    // code arrives after them).
    <section
      className="kl-checklist"
      aria-labelledby="kl-checklist-title"
      data-testid="checklist"
      data-view-results={dataset ? 'shown' : 'waiting'}
    >
      <Heading level={3} data-size="sm" id="kl-checklist-title">
        {s.title}
      </Heading>
      <Paragraph data-size="sm">{s.lead}</Paragraph>
      <ol className="kl-checklist-items">
        {items.map((item) => (
          <ChecklistItem key={item.id} item={item} lang={lang} busy={busy} labels={labels} />
        ))}
      </ol>
    </section>
  );
}

function ChecklistItem({ item, lang, busy, labels }: { item: CheckItem; lang: 'nb' | 'en'; busy: boolean; labels: Map<string, string> }) {
  const s = useStrings(strings);
  const [dependent, setDependent] = useState('');
  const chosen = item.dependentChoices?.includes(dependent) ? dependent : item.dependentChoices?.[0] ?? '';
  const run = (a: CheckAction) => void runCheckAction(a.kind === 'make-model' ? { ...a, dependent: chosen } : a, lang);
  return (
    <li className="kl-check" data-testid="check-item" data-check={item.id} data-status={item.status}>
      <div className="kl-check-head">
        <Tag data-color={COLOR[item.status]} data-size="sm">
          {s.status[item.status]}
        </Tag>
        <strong>{item.title[lang]}</strong>
      </div>
      <Paragraph data-size="sm">{item.detail[lang]}</Paragraph>
      {item.files && item.files.length > 0 && (
        <ul className="kl-check-files" data-testid="check-years">
          {item.files.map((f) => (
            <li key={f.file}>
              {f.file}: {f.years.length ? f.years.join(', ') : s.none}
            </li>
          ))}
        </ul>
      )}
      {item.dependentChoices && item.dependentChoices.length > 1 && item.actions.some((a) => a.action.kind === 'make-model') && (
        <Field data-size="sm" className="kl-check-field">
          <Label htmlFor={`kl-check-dep`}>{s.dependent}</Label>
          <Select id="kl-check-dep" data-testid="check-dependent" value={chosen} onChange={(e) => setDependent(e.target.value)}>
            {item.dependentChoices.map((d) => (
              <option key={d} value={d}>
                {labels.get(d) && labels.get(d) !== d ? `${d} – ${labels.get(d)}` : d}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {item.actions.length > 0 && (
        <div className="kl-check-actions">
          {item.actions.map((a, i) => (
            <Button key={i} data-size="sm" variant={i === 0 ? 'primary' : 'secondary'} data-testid="check-action" data-action={a.action.kind} disabled={busy} onClick={() => run(a.action)}>
              {a.label[lang]}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
