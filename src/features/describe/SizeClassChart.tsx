/** Bar chart of a variable's mean by size class × year (seed 000 Figures 1–4), with a table alternative. */
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../charts/ChartFrame';
import { axisProps, gridProps, numberTick, seriesColor } from '../../charts/theme';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { formatInteger, formatSignificant } from '../../i18n/format';
import type { DescribeResult } from '../../engine/describe';
import { SIZE_CLASS_LABELS } from '../../engine/variables/sizeClass';
import { describeStrings } from './strings';
import { gridAtTicks } from '../../app/gridLines';

export function SizeClassChart({ result, options }: { result: DescribeResult; options: { name: string; label: string }[] }) {
  const s = useStrings(describeStrings);
  const lang = useLanguage();
  const chosen = useAnalysisStore((st) => st.spec.variables.describe.bySizeClass);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const selectId = useId();
  const data = result.bySizeClass;
  const years = [...new Set((data?.cells ?? []).map((c) => c.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  // One row per size class, one key per year: the shape Recharts groups bars by.
  const rows = SIZE_CLASS_LABELS.map((l, k) => {
    const row: Record<string, string | number> = { klasse: l[lang] };
    for (const c of data?.cells ?? []) if (c.group === k + 1) row[String(c.year ?? s.pooled)] = c.mean;
    return row;
  });
  return (
    <section className="kl-ds-section" aria-labelledby="ds-size">
      <h2 id="ds-size" className="kl-ds-h2">
        {data ? s.sizeTitle(data.label) : s.sizeVariable}
      </h2>
      <Field data-size="sm" className="kl-ds-narrow">
        <Label htmlFor={selectId}>{s.sizeVariable}</Label>
        {/* Empty value = null in the spec: the chart follows the first described variable. */}
        <Select
          id={selectId}
          data-testid="size-class-variable"
          value={chosen ?? ''}
          onChange={(e) => updateSpec((d) => void (d.variables.describe.bySizeClass = e.target.value || null))}
        >
          <option value="">{s.sizeDefault}</option>
          {options.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {data && (
        <ChartFrame
          title={s.sizeTitle(data.label)}
          subtitle={s.sizeSubtitle}
          yLabel={data.unit ? `${s.mean} (${data.unit})` : s.mean}
          xLabel={s.sizeClass}
          testId="size-class-chart"
          alt={{
            caption: s.sizeTitle(data.label),
            columns: [s.sizeClass, s.year, s.mean, s.nMunicipalities],
            rows: data.cells.map((c) => [
              SIZE_CLASS_LABELS[c.group - 1]?.[lang] ?? String(c.group),
              c.year === null ? s.pooled : String(c.year),
              formatSignificant(c.mean, lang),
              formatInteger(c.n, lang),
            ]),
          }}
        >
          {/* No keyboard layer: the chart is aria-hidden in ChartFrame, the table alternative carries the numbers. */}
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid {...gridProps} {...gridAtTicks} vertical={false} />
            <XAxis dataKey="klasse" {...axisProps} />
            <YAxis {...axisProps} tickFormatter={numberTick(lang)} width={64} />
            <Tooltip formatter={(v) => formatSignificant(Number(v), lang)} />
            <Legend />
            {years.map((y, i) => (
              <Bar key={String(y)} dataKey={String(y ?? s.pooled)} name={String(y ?? s.pooled)} fill={seriesColor(i)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ChartFrame>
      )}
    </section>
  );
}
