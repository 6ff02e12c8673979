/** One criterion's coefficient per year with its 95 % CI (points with error bars, zero line). */
import { CartesianGrid, ComposedChart, ErrorBar, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../charts/ChartFrame';
import { axisProps, chartColors } from '../../charts/theme';
import type { CriterionStability } from '../../engine/stability/perYear';
import { formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { stabilityStrings } from './strings';
import { gridAtTicks } from '../../app/gridLines';

export function CoefficientChart({ crit, label }: { crit: CriterionStability; label: string }) {
  const s = useStrings(stabilityStrings);
  const lang = useLanguage();
  // Recharts draws asymmetric error bars from [below, above] offsets; the CI itself comes from the engine.
  const data = crit.years.map((y) => ({
    year: String(y.year),
    estimate: y.estimate,
    err: [y.estimate - y.ciLow, y.ciHigh - y.estimate],
  }));
  return (
    <ChartFrame
      title={s.chartTitle(label)}
      yLabel={s.estimate}
      xLabel={s.year}
      height={240}
      testId="stability-chart"
      alt={{
        columns: [s.year, s.estimate, s.ciLow, s.ciHigh],
        rows: crit.years.map((y) => [
          String(y.year),
          formatSignificant(y.estimate, lang),
          formatSignificant(y.ciLow, lang),
          formatSignificant(y.ciHigh, lang),
        ]),
      }}
    >
      <ComposedChart data={data} margin={{ left: 16, right: 24, top: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={chartColors.grid} {...gridAtTicks} vertical={false} />
        <XAxis dataKey="year" {...axisProps} />
        <YAxis {...axisProps} tickFormatter={(v: number) => formatSignificant(v, lang, 3)} width={72} />
        <ReferenceLine y={0} stroke={chartColors.reference} />
        <Line dataKey="estimate" stroke={chartColors.primary} strokeWidth={0} dot={{ r: 4, fill: chartColors.primary }} isAnimationActive={false}>
          <ErrorBar dataKey="err" width={6} stroke={chartColors.primary} direction="y" isAnimationActive={false} />
        </Line>
      </ComposedChart>
    </ChartFrame>
  );
}
