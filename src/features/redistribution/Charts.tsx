/**
 * Charts of the redistribution; each has a caption and a text alternative next to it. They are drawn
 * with the hand-made SVG charts in src/charts/svg (not Recharts): with ~357 municipalities Recharts'
 * per-bar components and DOM text measurement made a weight edit cost ~0,5 s and opening the view
 * over 10 s of blocked main thread. Each chart is memoised on the outcome it shows.
 */
import { memo, useMemo, useRef } from 'react';
import type { KeyBase, KeyOutcome } from '../../engine/costkey';
import { CategoryBars } from '../../charts/svg/CategoryBars';
import { CHANGE_COLORS, SortedChangeFigure, srOnly } from '../../charts/svg/SortedChangeFigure';
import { DenseScatter } from '../../charts/svg/DenseScatter';
import { ChartExportButtons } from '../../charts/ChartExportButtons';
import { SyntheticNote } from '../../charts/SyntheticNote';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { redistributionStrings } from './strings';
import type { KeyBootstrapResult } from '../../engine/costkey/keyBootstrap';
import { uncertaintyStrings } from '../costkey/uncertaintyStrings';

const { gain: GAIN, loss: LOSS, highlight: MINE } = CHANGE_COLORS;

/** A short fingerprint of the key, so tests and the bench can see which key a chart shows. */
export function keyFingerprint(o: KeyOutcome): string {
  return Object.keys(o.key)
    .sort()
    .map((k) => `${k}=${o.key[k].toFixed(6)}`)
    .join(';');
}

interface ChartProps {
  base: KeyBase;
  outcome: KeyOutcome;
  mine: string | null;
}

export const SortedChangeChart = memo(function SortedChangeChart({ base, outcome, mine, boot }: ChartProps & { boot?: KeyBootstrapResult | null }) {
  const s = useStrings(redistributionStrings);
  const su = useStrings(uncertaintyStrings);
  const lang = useLanguage();
  const intervals = useMemo(() => (boot ? { low: boot.low95, high: boot.high95 } : null), [boot]);
  return (
    <SortedChangeFigure
      order={outcome.order}
      perCapita={outcome.changePerCapita}
      names={base.names}
      mineIndex={mine ? base.prep.units.indexOf(mine) : -1}
      title={s.sorted}
      description={s.sortedDesc}
      mineIs={s.mineIs}
      xTitle={s.sortedX}
      yTitle={s.krPerCapita}
      testId="redistribution-chart"
      dataKey={keyFingerprint(outcome)}
      descTestId="redistribution-chart-desc"
      mineTestId="redistribution-mine"
      intervals={intervals}
      intervalNote={boot ? su.whiskers(formatInteger(boot.valid, lang), boot.seed) : undefined}
    />
  );
});

export const ChangeVsPopulation = memo(function ChangeVsPopulation({ base, outcome, mine }: ChartProps) {
  const s = useStrings(redistributionStrings);
  const lang = useLanguage();
  const mi = mine ? base.prep.units.indexOf(mine) : -1;
  const fmt = useMemo(() => (v: number) => formatInteger(v, lang), [lang]);
  const nameAt = useMemo(() => (i: number) => base.names[i], [base]);
  const figureRef = useRef<HTMLElement>(null);
  return (
    <figure ref={figureRef} className="kl-chart" data-testid="redistribution-scatter">
      <figcaption>{s.scatter}</figcaption>
      <DenseScatter
        x={base.prep.population}
        y={outcome.changePerCapita}
        xLog
        nameAt={nameAt}
        highlight={mi}
        colors={{ point: '#5a6b7b', highlight: MINE }}
        formatX={fmt}
        formatY={fmt}
        label={s.scatterDesc}
        xTitle={s.populationLog}
        yTitle={s.krPerCapita}
      />
      <p style={srOnly}>{s.scatterDesc}</p>
      <SyntheticNote />
      <ChartExportButtons slideKey="redistribution-scatter" fileBase={s.scatter} chartRef={figureRef} chart={{ title: s.scatter }} />
    </figure>
  );
});

export const ChangeHistogram = memo(function ChangeHistogram({ outcome }: { outcome: KeyOutcome }) {
  const s = useStrings(redistributionStrings);
  const lang = useLanguage();
  const bars = useMemo(
    () =>
      outcome.distribution.map((b) => ({
        label: `${formatInteger(b.from, lang)} – ${formatInteger(b.to, lang)}`,
        value: b.count,
        color: (b.from + b.to) / 2 >= 0 ? GAIN : LOSS,
      })),
    [outcome, lang],
  );
  const figureRef = useRef<HTMLElement>(null);
  return (
    <figure ref={figureRef} className="kl-chart">
      <figcaption>{s.histogram}</figcaption>
      <CategoryBars bars={bars} format={(v) => formatInteger(v, lang)} label={s.histogramDesc(bars.length)} labelEvery={Math.ceil(bars.length / 6)} xTitle={s.changePerCapita} yTitle={s.units} />
      <ChartExportButtons slideKey="redistribution-histogram" fileBase={s.histogram} chartRef={figureRef} chart={{ title: s.histogram }} />
      <details>
        <summary>{s.histogramDesc(bars.length)}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{s.changePerCapita}</th>
              <th scope="col">{s.count}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((d) => (
              <tr key={d.label}>
                <td>{d.label}</td>
                <td>{d.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <SyntheticNote />
    </figure>
  );
});
