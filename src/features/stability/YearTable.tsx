/** The layout of SØF 2017 Table 7: criteria × years (coefficient, stars, SE), R² and N per year, consistency flags. */
import { Table } from '@digdir/designsystemet-react';
import type { PerYearStability } from '../../engine/stability/perYear';
import { stars } from '../../engine/ols/stars';
import { formatInteger, formatNumber, formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { stabilityStrings } from './strings';
import { ProblemText } from '../../app/ProblemList';

export function YearTable({ py, labels, thresholds }: { py: PerYearStability; labels: Map<string, string>; thresholds: number[] }) {
  const s = useStrings(stabilityStrings);
  const lang = useLanguage();
  const name = (c: string) => labels.get(c) ?? c;
  return (
    <div className="kl-table-wrap" tabIndex={0}>
      <Table data-size="sm" zebra data-testid="stability-table">
        <caption>{s.table}</caption>
        <thead>
          <tr>
            <th scope="col">{s.criterion}</th>
            {py.years.map((y) => (
              <th key={y} scope="col" className="kl-num">
                {y}
              </th>
            ))}
            <th scope="col">{s.sign}</th>
            <th scope="col">{s.signif(formatNumber(py.alpha, lang, 2))}</th>
            <th scope="col" className="kl-num">{s.cv}</th>
          </tr>
        </thead>
        <tbody>
          {py.errors.some((e) => e !== null) && (
            // A year that could not be estimated says why in its own column (the others stand).
            <tr data-testid="stability-year-errors">
              <th scope="row">{s.notEstimated}</th>
              {py.errors.map((e, i) => (
                <td key={py.years[i]} className="kl-refusal" data-year={py.years[i]}>
                  {e && <ProblemText problem={e} />}
                </td>
              ))}
              <td colSpan={3} />
            </tr>
          )}
          {py.criteria.map((c) => (
            <tr key={c.name}>
              <th scope="row">{name(c.name)}</th>
              {py.years.map((y) => {
                const e = c.years.find((x) => x.year === y);
                return (
                  <td key={y} className="kl-num">
                    {e && (
                      <>
                        {formatSignificant(e.estimate, lang)}
                        {stars(e.p, thresholds)}
                        <br />
                        <span className="kl-se">({formatSignificant(e.se, lang)})</span>
                      </>
                    )}
                  </td>
                );
              })}
              <td>{c.signConsistent ? s.yes : s.no}</td>
              <td>{s.ofYears(c.nSignificant, c.years.length)}</td>
              <td className="kl-num">{formatNumber(c.cv, lang, 2)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{s.r2}</th>
            {py.r2.map((r, i) => (
              <td key={i} className="kl-num">
                {formatNumber(r, lang, 3)}
              </td>
            ))}
            <td colSpan={3} />
          </tr>
          <tr>
            <th scope="row">{s.n}</th>
            {py.n.map((n, i) => (
              <td key={i} className="kl-num">
                {formatInteger(n, lang)}
              </td>
            ))}
            <td colSpan={3} />
          </tr>
        </tbody>
      </Table>
    </div>
  );
}
