/** Per criterion: the Wald test that its coefficient is the same every year (computed in the worker). */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { EqualAcrossYears } from '../../engine/stability/equalAcrossYears';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { stabilityStrings } from './strings';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';

export function EqualYearsTable({
  res,
  labels,
  alpha,
}: {
  res: EqualAcrossYears;
  labels: Map<string, string>;
  alpha: number;
}) {
  const s = useStrings(stabilityStrings);
  const lang = useLanguage();
  // A criterion whose test could not be made is named with the reason, even when no test could.
  if (res.rows.length === 0 && res.problems.length === 0) return null;
  return (
    <section className="kl-equal-years" aria-labelledby="equal-years-heading">
      <Heading level={2} data-size="xs" id="equal-years-heading">
        {s.equalTitle}
      </Heading>
      <Paragraph data-size="sm">{s.equalIntro(s.equalSe[res.se])}</Paragraph>
      <GroupedProblemList
        problems={res.problems}
        heading={s.equalProblems}
        testId="equal-years-problems"
        routine="open"
      />
      {res.rows.length > 0 && (
        <div className="kl-table-wrap" tabIndex={0}>
          <Table data-size="sm" zebra data-testid="equal-years-table">
            <caption className="kl-visually-hidden">{s.equalTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{s.criterion}</th>
                <th scope="col" className="kl-num">
                  {s.equalF}
                </th>
                <th scope="col" className="kl-num">
                  {s.equalDf}
                </th>
                <th scope="col" className="kl-num">
                  {s.equalP}
                </th>
                <th scope="col">{s.equalVerdict}</th>
              </tr>
            </thead>
            <tbody>
              {res.rows.map((r) => (
                <tr key={r.variable} data-variable={r.variable}>
                  <th scope="row">{labels.get(r.variable) ?? r.variable}</th>
                  <td className="kl-num">{formatNumber(r.f, lang, 2)}</td>
                  <td className="kl-num">
                    {r.df1}, {r.df2}
                  </td>
                  <td className="kl-num">
                    {r.p < 0.001 ? `< ${formatNumber(0.001, lang, 3)}` : formatNumber(r.p, lang, 3)}
                  </td>
                  <td>{r.p < alpha ? s.equalRejected(formatNumber(alpha, lang, 2)) : s.equalKept}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
