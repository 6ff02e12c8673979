/** R² decomposition: one-at-a-time, last-in and LMG per criterion, and the LMG share chart. */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import type { RelImpResult } from '../../engine/importance/relimp';
import { ChartFrame } from '../../charts/ChartFrame';
import { HorizontalBars } from '../../charts/svg/HorizontalBars';
import { chartColors } from '../../charts/theme';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { explainedStrings } from './strings';

export function Decomposition({
  rel,
  labels,
  controls,
  nDropped,
}: {
  rel: RelImpResult;
  labels: Map<string, string>;
  controls: string[];
  /** Rows of the model's sample left out by listwise deletion (every model reports what it dropped). */
  nDropped: number;
}) {
  const s = useStrings(explainedStrings);
  const lang = useLanguage();
  const name = (c: string) => labels.get(c) ?? c;
  const sampled = rel.lmgMethod === 'sampled';
  // Memoised so the (memo) chart is not redrawn when only the surrounding view re-renders.
  const bars = useMemo(() => rel.criteria.map((c, j) => ({ label: labels.get(c) ?? c, value: rel.lmgShare[j] })), [rel, labels]);
  const tick = useMemo(() => (v: number) => formatPercent(v, lang, 0), [lang]);
  const share = useMemo(() => (v: number) => formatPercent(v, lang, 1), [lang]);
  const height = Math.max(160, 40 * bars.length + 40);
  return (
    <section aria-labelledby="kl-decomp">
      <Heading level={2} data-size="sm" id="kl-decomp">
        {s.decomposition}
      </Heading>
      <Paragraph data-size="sm">
        {s.decompositionIntro(formatInteger(rel.n, lang), controls.map(name).join(', '))}{' '}
        {nDropped > 0 && <span data-testid="decomposition-dropped">{s.decompositionDropped(formatInteger(nDropped, lang))} </span>}
        {sampled ? s.sampled(formatInteger(rel.orderings, lang)) : s.exact}
      </Paragraph>
      <div className="kl-table-wrap" tabIndex={0}>
        <Table data-size="sm" zebra data-testid="decomposition-table">
          <caption>
            {s.r2Full}: {formatNumber(rel.r2Full, lang, 4)} · {s.r2Base}: {formatNumber(rel.r2Base, lang, 4)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{s.criterion}</th>
              <th scope="col" className="kl-num">{s.alone}</th>
              <th scope="col" className="kl-num">{s.increment}</th>
              <th scope="col" className="kl-num">{s.lastIn}</th>
              <th scope="col" className="kl-num">{s.lmg}</th>
              {sampled && <th scope="col" className="kl-num">{s.mcse}</th>}
              <th scope="col" className="kl-num">{s.share}</th>
            </tr>
          </thead>
          <tbody>
            {rel.criteria.map((c, j) => (
              <tr key={c}>
                <th scope="row">{name(c)}</th>
                <td className="kl-num">{formatNumber(rel.oneAtATimeR2[j], lang, 4)}</td>
                <td className="kl-num">{formatNumber(rel.oneAtATimeIncrement[j], lang, 4)}</td>
                <td className="kl-num">{formatNumber(rel.lastIn[j], lang, 4)}</td>
                <td className="kl-num">{formatNumber(rel.lmg[j], lang, 4)}</td>
                {sampled && <td className="kl-num">{formatNumber(rel.lmgSe[j], lang, 5)}</td>}
                <td className="kl-num">{formatPercent(rel.lmgShare[j], lang, 1)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ChartFrame
        title={s.chartTitle}
        // The shares run along the horizontal axis (the criteria are the rows).
        xLabel={s.chartY}
        testId="lmg-chart"
        height={height}
        alt={{
          columns: [s.criterion, s.share, s.lmg],
          rows: rel.criteria.map((c, j) => [name(c), formatPercent(rel.lmgShare[j], lang, 1), formatNumber(rel.lmg[j], lang, 4)]),
        }}
      >
        <HorizontalBars
          bars={bars}
          format={tick}
          formatValue={share}
          label={`${s.chartTitle}. ${s.chartY}`}
          color={chartColors.primary}
          height={height}
        />
      </ChartFrame>
    </section>
  );
}
