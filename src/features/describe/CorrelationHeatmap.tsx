/**
 * The correlation matrix as a heat map (Table 4 layout: lower triangle). It is a real table, so the
 * numbers are its own text alternative; colour only adds sign and strength.
 */
import { Table } from '@digdir/designsystemet-react';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { formatInteger, formatNumber } from '../../i18n/format';
import type { DescribeResult } from '../../engine/describe';
import { heatColor } from './heatColor';
import { describeStrings } from './strings';

const ALPHA = 0.05;

export function CorrelationHeatmap({ result }: { result: DescribeResult }) {
  const s = useStrings(describeStrings);
  const lang = useLanguage();
  const { variables, r, p, n } = result.correlation;
  const k = variables.length;
  const labels = new Map(result.variables.map((v) => [v.name, v.label]));
  const label = (v: string) => labels.get(v) ?? v;
  if (k < 2) return null;
  return (
    <section className="kl-ds-section" aria-labelledby="ds-corr">
      <h2 id="ds-corr" className="kl-ds-h2">
        {s.corrTitle}
      </h2>
      <div className="kl-table-scroll" role="region" aria-labelledby="ds-corr" tabIndex={0}>
        <Table data-size="sm" className="kl-ds-heat" data-testid="correlation-heatmap">
          <caption>{s.corrCaption}</caption>
          <thead>
            <tr>
              <td />
              {variables.slice(0, k - 1).map((v) => (
                <th key={v} scope="col" className="kl-ds-heat-col">
                  {label(v)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {variables.slice(1).map((row, i0) => {
              const i = i0 + 1;
              return (
                <tr key={row}>
                  <th scope="row">{label(row)}</th>
                  {variables.slice(0, k - 1).map((col, j) => {
                    if (j >= i) return <td key={col} />;
                    const idx = i * k + j;
                    const sig = p[idx] < ALPHA;
                    const style = heatColor(r[idx]);
                    const title = s.corrCell(formatNumber(r[idx], lang, 3), formatNumber(p[idx], lang, 3), formatInteger(n[idx], lang));
                    return (
                      <td key={col} className="kl-num kl-ds-heat-cell" style={style} title={title} data-r={r[idx]} data-p={p[idx]}>
                        {formatNumber(r[idx], lang, 3)}
                        {sig ? '*' : ''}
                        <span className="kl-visually-hidden"> ({title})</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </section>
  );
}
