/** Bar chart of a variable's mean by size class × year (SØF 2017, Figures 1–4), with a table alternative. */
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId, useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { GroupedBars, type BarSeries } from '../../charts/svg/GroupedBars';
import { numberTick, yearColor } from '../../charts/theme';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { formatInteger, formatSignificant } from '../../i18n/format';
import type { DescribeResult } from '../../engine/describe';
import { SIZE_CLASS_LABELS } from '../../engine/variables/sizeClass';
import { describeStrings } from './strings';

export function SizeClassChart({ result, options }: { result: DescribeResult; options: { name: string; label: string }[] }) {
  const s = useStrings(describeStrings);
  const lang = useLanguage();
  const chosen = useAnalysisStore((st) => st.spec.describe.bySizeClass);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const selectId = useId();
  const data = result.bySizeClass;
  // One series per year (bars of one colour), one value per size class (the groups).
  const series = useMemo<BarSeries[]>(() => {
    const cells = data?.cells ?? [];
    const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
    return years.map((y, i) => {
      const values: (number | null)[] = SIZE_CLASS_LABELS.map(() => null);
      for (const c of cells) if (c.year === y && c.group >= 1 && c.group <= values.length) values[c.group - 1] = c.mean;
      return { name: y === null ? s.pooled : String(y), color: yearColor(i, years.length), values };
    });
  }, [data, s.pooled]);
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
          onChange={(e) => updateSpec((d) => void (d.describe.bySizeClass = e.target.value || null))}
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
          <GroupedBars
            groups={SIZE_CLASS_LABELS.map((l) => l[lang])}
            series={series}
            format={numberTick(lang)}
            label={`${s.sizeTitle(data.label)}. ${s.sizeSubtitle}`}
          />
        </ChartFrame>
      )}
    </section>
  );
}
