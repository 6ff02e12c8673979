/** The stability view: per-year coefficients ± CI, Table 7 layout, leave-one-year-out, cluster bootstrap. */
import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { stabilityEntry } from '../../spec/sections/explained';
import { stabilityStrings } from './strings';
import { CoefficientChart } from './CoefficientChart';
import { YearTable } from './YearTable';
import { BootstrapPanel, LeaveOneOut, LeaveOneOutSwitch } from './Robustness';
import { ModelPicker } from './ModelPicker';
import { EqualYearsTable } from './EqualYearsTable';
import { ExportButtons } from '../ExportButtons';
import { useLanguage } from '../../i18n/useLanguage';
import { perYearReportTable } from '../../export/stabilityTables';
import { formatSignificant } from '../../i18n/format';
import { ViewShell } from '../kit/ViewShell';
import { partProblems } from '../kit/partProblems';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';
import type { Problem } from '../../engine/problem';

export function StabilityView() {
  const s = useStrings(stabilityStrings);
  const lang = useLanguage();
  const spec = useAnalysisStore((st) => st.spec);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const res = useAnalysisStore((st) => st.results?.stability);
  const numeric = useAnalysisStore((st) => st.results?.dataset?.numericColumns);
  const labels = useMemo(() => new Map((numeric ?? []).map((c) => [c.name, c.label || c.name])), [numeric]);
  const entry = stabilityEntry(spec.stability, spec.explained, spec.models);
  const py = res?.perYear;
  const viewProblems = useMemo(() => {
    const inYearTable = (p: Problem) => p.where?.year !== undefined && py?.errors[py.years.indexOf(p.where.year)]?.code === p.code;
    return partProblems(res?.problems, null).filter((p) => !inYearTable(p));
  }, [res, py]);
  return (
    <ViewShell testId="stability-view" title={s.title} lead={s.intro}>
      {!entry ? (
        <Paragraph>{s.noModel}</Paragraph>
      ) : (
        <>
          <ModelPicker label={entry.label} />
          {/* What stopped or qualifies the whole section (a missing variable, a refusal before any year
              was split off); a year's own refusal stands in its column of the table, a part's in its panel. */}
          <GroupedProblemList problems={viewProblems} heading={s.problems} testId="stability-problems" routine="open" />
          {py && (
            <>
              <div className="kl-chart-grid" data-testid="stability-charts" data-count={py.criteria.length}>
                {py.criteria.map((c) => (
                  <CoefficientChart key={c.name} crit={c} label={labels.get(c.name) ?? c.name} />
                ))}
              </div>
              <Field>
                <Label htmlFor="stability-alpha">{s.alpha}</Label>
                <Select
                  id="stability-alpha"
                  data-testid="stability-alpha"
                  value={String(spec.stability.alpha)}
                  onChange={(e) => updateSpec((d) => void (d.stability.alpha = Number(e.target.value)))}
                >
                  {[...new Set([0.01, 0.05, 0.1, spec.stability.alpha])].map((a) => (
                    <option key={a} value={String(a)}>
                      {formatSignificant(a, lang, 3)}
                    </option>
                  ))}
                </Select>
              </Field>
              <YearTable py={py} labels={labels} thresholds={spec.models.stars} />
              <ExportButtons
                fileBase="stabilitet-per-aar"
                testId="stability-table-export"
                tables={(l) => [perYearReportTable(py, { lang: l, model: entry.label, labels, stars: spec.models.stars })]}
              />
            </>
          )}
          {res?.equalAcrossYears && <EqualYearsTable res={res.equalAcrossYears} labels={labels} alpha={spec.models.stars[1] ?? 0.05} />}
          <LeaveOneOutSwitch res={res} />
          {res && spec.stability.leaveOneYearOut && <LeaveOneOut res={res} labels={labels} />}
          <BootstrapPanel res={res} labels={labels} />
        </>
      )}
    </ViewShell>
  );
}
