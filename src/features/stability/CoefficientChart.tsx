/** One criterion's coefficient per year with its 95 % CI (points with error bars, zero line). */
import { ChartFrame } from '../../charts/ChartFrame';
import { EstimateIntervals } from '../../charts/svg/EstimateIntervals';
import { chartColors } from '../../charts/theme';
import type { CriterionStability } from '../../engine/stability/perYear';
import { formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { stabilityStrings } from './strings';

export function CoefficientChart({ crit, label }: { crit: CriterionStability; label: string }) {
  const s = useStrings(stabilityStrings);
  const lang = useLanguage();
  // The CI itself comes from the engine; the chart only draws it.
  const points = crit.years.map((y) => ({ label: String(y.year), estimate: y.estimate, low: y.ciLow, high: y.ciHigh }));
  return (
    <ChartFrame
      title={s.chartTitle(label)}
      yLabel={s.estimate}
      xLabel={s.year}
      height={240}
      testId="stability-chart"
      slideKey={`stability-chart-${crit.name}`}
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
      <EstimateIntervals points={points} format={(v) => formatSignificant(v, lang, 3)} label={s.chartTitle(label)} color={chartColors.primary} />
    </ChartFrame>
  );
}
