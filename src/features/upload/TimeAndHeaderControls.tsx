/**
 * The parts of a file card that say how time and the first row were read, each with the control
 * that changes it: the rule that turns quarters/months into years (shown per variable), «the first
 * row is a header» for files that had none, and «used as year X» set from the checklist.
 * Every change re-reads the file (the rule lives in the source's mapping in the spec).
 */
import { Button, Checkbox, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { describeRule, periodName, periodsPerYear } from '../../ingest/periods';
import type { DetectedFormat } from '../../ingest/types';
import type { ColumnMapping, SourceSpec } from '../../spec/sections/data';

const strings = {
  nb: {
    quarter: 'kvartaler',
    month: 'måneder',
    time: (k: string) => `Tiden i fila er ${k}; verdiene er slått sammen til år:`,
    rule: 'Regel for å lage år',
    auto: 'Etter innhold (bestand: siste periode, rate: gjennomsnitt, strøm: sum)',
    pick: (p: string) => `Bare ${p}`,
    mean: 'Gjennomsnitt av året',
    sum: 'Sum over året',
    incomplete: (ys: string) => `Ufullstendige år (ingen verdi for gjennomsnitt/sum): ${ys}.`,
    header: 'Første rad er en overskrift',
    headerless: 'Fila har ingen overskriftslinje; første rad er lest som data.',
    yearAs: (y: number) => `Fila brukes som år ${y}.`,
    undoYearAs: 'Bruk fila for sitt eget år',
  },
  en: {
    quarter: 'quarters',
    month: 'months',
    time: (k: string) => `The file's time is in ${k}; the values were combined to years:`,
    rule: 'Rule for making years',
    auto: 'By content (stock: last period, rate: mean, flow: sum)',
    pick: (p: string) => `Only ${p}`,
    mean: 'Mean of the year',
    sum: 'Sum over the year',
    incomplete: (ys: string) => `Incomplete years (no value for a mean or sum): ${ys}.`,
    header: 'The first row is a header',
    headerless: 'The file has no header row; the first row was read as data.',
    yearAs: (y: number) => `The file is used as year ${y}.`,
    undoYearAs: 'Use the file for its own year',
  },
};

type Rule = NonNullable<ColumnMapping['periodRule']>;

function ruleValue(r: Rule | undefined): string {
  if (!r || r.kind === 'auto') return 'auto';
  return r.kind === 'pick' ? `pick:${r.period ?? ''}` : r.kind;
}

function parseRule(v: string): Rule {
  if (v.startsWith('pick:')) return { kind: 'pick', period: Number(v.slice(5)) };
  return { kind: v as Rule['kind'], period: null };
}

export function TimeAndHeaderControls({
  source,
  detected,
  domId,
  reread,
}: {
  source: SourceSpec;
  detected: DetectedFormat | undefined;
  domId: string;
  reread(patch: Partial<SourceSpec>): void;
}) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const periods = detected?.periods;
  const setMapping = (patch: Partial<ColumnMapping>) => {
    if (source.mapping) reread({ mapping: { ...source.mapping, ...patch } });
  };
  const tabular = source.format === 'csv' || source.format === 'xlsx';
  return (
    <>
      {periods && (
        <div data-testid="period-rule" className="kl-period-rule">
          <Paragraph data-size="sm">
            {s.time(s[periods.kind])}{' '}
            {periods.applied
              .map((a) => `${a.variable}: ${describeRule(a.rule, periods.kind, lang)}`)
              .join('; ')}
          </Paragraph>
          <Field data-size="sm">
            <Label htmlFor={`${domId}-period`}>{s.rule}</Label>
            <Select
              id={`${domId}-period`}
              data-testid="period-rule-select"
              value={ruleValue(source.mapping?.periodRule)}
              onChange={(e) => setMapping({ periodRule: parseRule(e.target.value) })}
            >
              <option value="auto">{s.auto}</option>
              {Array.from({ length: periodsPerYear(periods.kind) }, (_, i) => i + 1).map((p) => (
                <option key={p} value={`pick:${p}`}>
                  {s.pick(periodName(periods.kind, p))}
                </option>
              ))}
              <option value="mean">{s.mean}</option>
              <option value="sum">{s.sum}</option>
            </Select>
          </Field>
          {periods.incompleteYears.length > 0 && <Paragraph data-size="sm">{s.incomplete(periods.incompleteYears.join(', '))}</Paragraph>}
        </div>
      )}
      {tabular && (detected?.headerless || source.headerLine === 0) && (
        <div data-testid="headerless">
          <Paragraph data-size="sm">{s.headerless}</Paragraph>
          <Checkbox
            data-size="sm"
            label={s.header}
            checked={false}
            onChange={(e) => e.target.checked && reread({ headerLine: 1, mapping: null })}
          />
        </div>
      )}
      {source.mapping?.yearAs != null && (
        <Paragraph data-size="sm" data-testid="year-as">
          {s.yearAs(source.mapping.yearAs)}{' '}
          <Button variant="tertiary" data-size="sm" onClick={() => setMapping({ yearAs: null })}>
            {s.undoYearAs}
          </Button>
        </Paragraph>
      )}
    </>
  );
}
