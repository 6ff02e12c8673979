/** Descriptives: mean (SD) per year, percentiles, correlation heat map, bar chart by size class × year. */
import { Field, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { formatInteger, formatSignificant } from '../../i18n/format';
import type { DescribeResult } from '../../engine/describe';
import { CorrelationHeatmap } from './CorrelationHeatmap';
import { SizeClassChart } from './SizeClassChart';
import { ChipPicker } from './ChipPicker';
import { ExportButtons } from '../ExportButtons';
import { describeReportTables } from '../../export/describeTables';
import { SIZE_CLASS_LABELS } from '../../engine/variables/sizeClass';
import { describeStrings } from './strings';
import './describe.css';
import { ViewShell } from '../kit/ViewShell';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';

export function DescribeView() {
  const s = useStrings(describeStrings);
  const result = useAnalysisStore((st) => st.results?.describe);
  const options = useAnalysisStore((st) => st.results?.dataset?.numericColumns) ?? [];
  const chosen = useAnalysisStore((st) => st.spec.describe);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  return (
    <ViewShell testId="describe-view" className="kl-ds" title={s.title} lead={s.intro}>
      <ChipPicker
        title={s.variables}
        help={s.variablesHelp}
        addLabel={s.addVariable}
        chosen={chosen.variables}
        options={options}
        onChange={(next) => updateSpec((d) => void (d.describe.variables = next))}
        testId="describe-picker"
      />
      <ChipPicker
        title={s.corrVariables}
        help={s.corrVariablesHelp}
        addLabel={s.addCorrVariable}
        chosen={chosen.correlation}
        options={options}
        onChange={(next) => updateSpec((d) => void (d.describe.correlation = next))}
        testId="correlation-picker"
      />
      {/* A chosen variable not found, a correlation matrix cut short, size classes missing: next to the pickers. */}
      <GroupedProblemList problems={result?.problems ?? []} heading={s.problems} testId="describe-problems" routine="open" />
      {!result ? (
        <Paragraph>{s.pending}</Paragraph>
      ) : result.variables.length === 0 ? (
        <Paragraph>{s.noData}</Paragraph>
      ) : (
        <>
          <ExportButtons
            fileBase="beskrivende-statistikk"
            testId="describe-export"
            tables={(l) => describeReportTables(result, { lang: l, sizeClassLabels: SIZE_CLASS_LABELS.map((c) => c[l]) })}
          />
          <ByYearTable result={result} />
          <PercentileTable result={result} />
          <CorrelationHeatmap result={result} />
          <SizeClassChart result={result} options={options} />
        </>
      )}
    </ViewShell>
  );
}

function ByYearTable({ result }: { result: DescribeResult }) {
  const s = useStrings(describeStrings);
  const lang = useLanguage();
  const cell = (m: { mean: number; sd: number } | null) => (m ? `${formatSignificant(m.mean, lang)} (${formatSignificant(m.sd, lang, 3)})` : '');
  return (
    <section className="kl-ds-section" aria-labelledby="ds-year">
      <h2 id="ds-year" className="kl-ds-h2">
        {s.byYearTitle}
      </h2>
      <div className="kl-table-scroll" role="region" aria-labelledby="ds-year" tabIndex={0}>
        <Table data-size="sm" data-testid="describe-by-year">
          <caption>{s.byYearCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.variable}</th>
              {result.years.map((y) => (
                <th key={y} scope="col" className="kl-num">
                  {y}
                </th>
              ))}
              <th scope="col" className="kl-num">
                {s.pooled}
              </th>
              <th scope="col" className="kl-num">
                {s.n}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.byYear.map((row, i) => (
              <tr key={row.variable}>
                <th scope="row">{result.variables[i]?.label ?? row.variable}</th>
                {row.cells.map((c, j) => (
                  <td key={j} className="kl-num">
                    {cell(c)}
                  </td>
                ))}
                <td className="kl-num">{cell(row.pooled)}</td>
                <td className="kl-num">{formatInteger(row.pooled?.n ?? 0, lang)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  );
}

function PercentileTable({ result }: { result: DescribeResult }) {
  const s = useStrings(describeStrings);
  const lang = useLanguage();
  const year = useAnalysisStore((st) => st.spec.describe.percentileYear);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const heads = ['Min', 'P10', 'P25', lang === 'nb' ? 'Median' : 'Median', 'P75', 'P90', lang === 'nb' ? 'Maks' : 'Max'];
  const def = lang === 'nb' ? result.percentiles.definition.nb : result.percentiles.definition.en;
  return (
    <section className="kl-ds-section" aria-labelledby="ds-pct">
      <h2 id="ds-pct" className="kl-ds-h2">
        {s.pctTitle}
      </h2>
      <Field data-size="sm" className="kl-ds-narrow">
        <Label>{s.pctYear}</Label>
        <Select
          value={year === null ? '' : String(year)}
          onChange={(e) => updateSpec((d) => void (d.describe.percentileYear = e.target.value ? Number(e.target.value) : null))}
        >
          <option value="">{s.allYears}</option>
          {result.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <div className="kl-table-scroll" role="region" aria-labelledby="ds-pct" tabIndex={0}>
        <Table data-size="sm" data-testid="describe-percentiles">
          <caption>{s.pctCaption(def, result.percentiles.year === null ? s.allYears.toLowerCase() : String(result.percentiles.year))}</caption>
          <thead>
            <tr>
              <th scope="col">{s.variable}</th>
              {heads.map((h) => (
                <th key={h} scope="col" className="kl-num">
                  {h}
                </th>
              ))}
              <th scope="col" className="kl-num">
                {s.n}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.percentiles.rows.map((row, i) => (
              <tr key={row.variable}>
                <th scope="row">{result.variables[i]?.label ?? row.variable}</th>
                {row.values.map((v, j) => (
                  <td key={j} className="kl-num">
                    {formatSignificant(v, lang)}
                  </td>
                ))}
                <td className="kl-num">{formatInteger(row.n, lang)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  );
}
