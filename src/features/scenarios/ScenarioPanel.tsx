/**
 * Scenarios side by side, shown in «Omfordeling» and «Samlet nøkkel»: the editor,
 * what the changes are measured against, a chart of every scenario's change per inhabitant sorted by a
 * chosen one, sums by size class / county / KOSTRA group per scenario, and every municipality's index
 * and change under every scenario with a filter for those whose sign changes between scenarios.
 * Everything shown is read from the worker's `scenarios` result; exports: one sheet per scenario and a
 * comparison sheet.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { ScenarioDots, isStrokeMarker, markerPath } from '../../charts/svg/ScenarioDots';
import { srOnly } from '../../charts/svg/SortedChangeFigure';
import { seriesColor } from '../../charts/theme';
import { SyntheticNote } from '../../charts/SyntheticNote';
import { ExportButtons } from '../ExportButtons';
import { ChartExportButtons } from '../../charts/ChartExportButtons';
import { scenarioReportTables } from '../../export/scenarioTables';
import { formatInteger, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore, useUiStore } from '../../store';
import { selectIsSynthetic } from '../../store/analysisStore';
import type { ScenarioResult, ScenariosResults } from '../../results/scenarios';
import { useUnitTable } from '../useUnitTable';
import { ScenarioEditor } from './ScenarioEditor';
import { scenarioStrings } from './strings';
import { GroupBySelect, useGroupKindLabel } from '../kit/GroupBySelect';
import './scenarios.css';

const PAGE = 50;

export function useScenarios(): ScenariosResults | undefined {
  return useAnalysisStore((st) => st.results?.scenarios);
}

type Made = ScenarioResult & { outcome: NonNullable<ScenarioResult['outcome']> };
const madeOf = (r: ScenariosResults): Made[] => r.scenarios.filter((s): s is Made => s.outcome !== null);

function Legend({ made, mineName }: { made: Made[]; mineName: string | null }) {
  const s = useStrings(scenarioStrings);
  return (
    <ul className="kl-scenario-legend" aria-label={s.legend}>
      {made.map((m, k) => (
        <li key={m.id}>
          <svg width={14} height={14} aria-hidden="true">
            <path d={markerPath(k, 7, 7)} fill={isStrokeMarker(k) ? 'none' : seriesColor(k)} stroke={isStrokeMarker(k) ? seriesColor(k) : 'none'} strokeWidth={1.5} />
          </svg>
          {m.label}
        </li>
      ))}
      {mineName && <li>{s.mineLine(mineName)}</li>}
    </ul>
  );
}

const ScenarioChart = memo(function ScenarioChart({ r, made, mine }: { r: ScenariosResults; made: Made[]; mine: string | null }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  const [by, setBy] = useState(0);
  const k = Math.min(by, made.length - 1);
  const figureRef = useRef<HTMLElement>(null);
  const series = useMemo(() => made.map((m, j) => ({ label: m.label, color: seriesColor(j), values: m.outcome.changePerCapita })), [made]);
  const fmt = useMemo(() => (v: number) => formatInteger(v, lang), [lang]);
  const nameAt = useMemo(() => (u: number) => r.names[u], [r]);
  const mineIndex = mine ? r.units.indexOf(mine) : -1;
  const desc = s.chartDesc(formatInteger(r.units.length, lang), made[k].label, made.length);
  return (
    <figure ref={figureRef} className="kl-chart" data-testid="scenario-chart" data-sorted-by={made[k].id}>
      <figcaption>{s.chart}</figcaption>
      <Field>
        <Label htmlFor="scenario-sort-by">{s.sortBy}</Label>
        <Select id="scenario-sort-by" data-testid="scenario-sort-by" value={String(k)} onChange={(e) => setBy(Number(e.target.value))}>
          {made.map((m, j) => (
            <option key={m.id} value={j}>
              {m.label}
            </option>
          ))}
        </Select>
      </Field>
      <p style={srOnly}>{desc}</p>
      <Legend made={made} mineName={mineIndex >= 0 ? r.names[mineIndex] : null} />
      <ScenarioDots order={made[k].outcome.order} series={series} nameAt={nameAt} highlight={mineIndex} format={fmt} label={desc} xTitle={s.chartX(made[k].label)} yTitle={s.krPerCapita} />
      <SyntheticNote />
      <ChartExportButtons slideKey="scenario-chart" fileBase={s.chart} chartRef={figureRef} chart={{ title: s.chart, subtitle: s.chartX(made[k].label) }} />
    </figure>
  );
});

const GroupSums = memo(function GroupSums({ made }: { made: Made[] }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  const groupBy = useUiStore((st) => st.redistributionGroupBy);
  const groupLabel = useGroupKindLabel(groupBy);
  const first = made[0]?.outcome.aggregates[groupBy] ?? null;
  return (
    <section aria-labelledby="scenario-groups" className="kl-scenario-section">
      <Heading level={3} data-size="xs" id="scenario-groups">
        {s.groups}
      </Heading>
      <GroupBySelect id="scenario-groupby" label={s.groupBy} />
      {first ? (
        <div className="kl-scenario-scroll" tabIndex={0} role="region" aria-label={s.groups}>
          <Table data-testid="scenario-groups" data-size="sm">
            <caption>
              {s.groups}: {groupLabel}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell rowSpan={2}>{s.group}</Table.HeaderCell>
                <Table.HeaderCell rowSpan={2}>{s.units}</Table.HeaderCell>
                {made.map((m) => (
                  <Table.HeaderCell key={m.id} colSpan={2}>
                    {m.label}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
              <Table.Row>
                {made.map((m) => [
                  <Table.HeaderCell key={`${m.id}-c`}>{s.change}</Table.HeaderCell>,
                  <Table.HeaderCell key={`${m.id}-p`}>{s.perCap}</Table.HeaderCell>,
                ])}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {first.map((g, gi) => (
                <Table.Row key={g.group}>
                  <Table.Cell>{g.group || '–'}</Table.Cell>
                  <Table.Cell>{g.units}</Table.Cell>
                  {made.map((m) => {
                    const a = m.outcome.aggregates[groupBy]?.[gi];
                    return [
                      <Table.Cell key={`${m.id}-c`}>{formatInteger(a?.change, lang)}</Table.Cell>,
                      <Table.Cell key={`${m.id}-p`}>{formatInteger(a?.changePerCapita, lang)}</Table.Cell>,
                    ];
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Paragraph data-size="sm">{s.noGroup}</Paragraph>
      )}
    </section>
  );
});

interface Row {
  pos: number;
  unit: string;
  name: string;
  population: number;
  indexCurrent: number;
  sign: number;
}
const rowValue = (r: Row, k: 'name' | 'unit' | 'population') => r[k];

const UnitTable = memo(function UnitTable({ r, made, mine }: { r: ScenariosResults; made: Made[]; mine: string | null }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  const [onlySign, setOnlySign] = useState(false);
  const all = useMemo<Row[]>(
    () => r.units.map((unit, i) => ({ pos: i, unit, name: r.names[i], population: r.population[i], indexCurrent: r.indexCurrent[i], sign: r.signDiffers[i] })),
    [r],
  );
  const nSign = useMemo(() => all.reduce((a, x) => a + x.sign, 0), [all]);
  const rows = useMemo(() => (onlySign ? all.filter((x) => x.sign === 1) : all), [all, onlySign]);
  const { query, setQuery, shown, at, last, setPage, pageRows } = useUnitTable(rows, { key: 'name' as const, dir: 1 }, rowValue, PAGE);
  return (
    <section aria-labelledby="scenario-table" className="kl-scenario-section">
      <Heading level={3} data-size="xs" id="scenario-table">
        {s.table}
      </Heading>
      <Paragraph data-size="sm" data-testid="scenario-sign-count">
        {s.signCount(formatInteger(nSign, lang), formatInteger(all.length, lang))} {s.signNote}
      </Paragraph>
      <div className="kl-scenario-toolbar">
        <Textfield label={s.search} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="scenario-search" />
        <Checkbox label={s.onlySign(formatInteger(nSign, lang))} checked={onlySign} onChange={(e) => setOnlySign(e.target.checked)} data-testid="scenario-only-sign" />
      </div>
      <div className="kl-scenario-pager">
        <Button variant="tertiary" data-size="sm" disabled={at === 0} onClick={() => setPage(at - 1)}>
          {s.prev}
        </Button>
        <span data-testid="scenario-showing">{s.showing(formatInteger(shown.length ? at * PAGE + 1 : 0, lang), formatInteger(at * PAGE + pageRows.length, lang), formatInteger(shown.length, lang))}</span>
        <Button variant="tertiary" data-size="sm" disabled={at >= last} onClick={() => setPage(at + 1)}>
          {s.next}
        </Button>
      </div>
      <div className="kl-scenario-scroll kl-scenario-tall" tabIndex={0} role="region" aria-label={s.table}>
        <Table data-testid="scenario-table" data-size="sm" stickyHeader>
          <caption>{s.table}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell rowSpan={2}>{s.number}</Table.HeaderCell>
              <Table.HeaderCell rowSpan={2}>{s.kommune}</Table.HeaderCell>
              <Table.HeaderCell rowSpan={2}>{s.population}</Table.HeaderCell>
              <Table.HeaderCell rowSpan={2}>{s.indexCurrent}</Table.HeaderCell>
              {made.map((m) => (
                <Table.HeaderCell key={m.id} colSpan={3}>
                  {m.label}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell rowSpan={2}>{s.signCol}</Table.HeaderCell>
            </Table.Row>
            <Table.Row>
              {made.map((m) => [
                <Table.HeaderCell key={`${m.id}-i`}>{s.index}</Table.HeaderCell>,
                <Table.HeaderCell key={`${m.id}-c`}>{s.change}</Table.HeaderCell>,
                <Table.HeaderCell key={`${m.id}-p`}>{s.perCap}</Table.HeaderCell>,
              ])}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {pageRows.map((row) => (
              <Table.Row key={row.unit} data-unit={row.unit} data-sign-changes={row.sign ? 'true' : undefined} style={row.unit === mine ? { fontWeight: 700 } : undefined}>
                <Table.Cell>{row.unit}</Table.Cell>
                <Table.Cell>{row.name}</Table.Cell>
                <Table.Cell>{formatInteger(row.population, lang)}</Table.Cell>
                <Table.Cell>{formatNumber(row.indexCurrent, lang, 4)}</Table.Cell>
                {made.map((m) => [
                  <Table.Cell key={`${m.id}-i`}>{formatNumber(m.outcome.index[row.pos], lang, 4)}</Table.Cell>,
                  <Table.Cell key={`${m.id}-c`}>{formatInteger(m.outcome.change[row.pos], lang)}</Table.Cell>,
                  <Table.Cell key={`${m.id}-p`} data-testid={`scenario-pc-${m.id}-${row.unit}`} data-value={m.outcome.changePerCapita[row.pos]}>
                    {formatInteger(m.outcome.changePerCapita[row.pos], lang)}
                  </Table.Cell>,
                ])}
                <Table.Cell>{row.sign ? s.yes : ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
});

/** Each scenario's identity check and count of gainers and losers. */
function Summary({ made }: { made: Made[] }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  return (
    <ul className="kl-scenario-summary" data-testid="scenario-summary">
      {made.map((m) => (
        <li key={m.id} data-checks-ok={m.outcome.checks.ok ? 'true' : 'false'}>
          <strong>{m.label}</strong>: {s.gainersLosers(formatInteger(m.outcome.gainers, lang), formatInteger(m.outcome.losers, lang))}.{' '}
          {m.outcome.checks.ok ? s.checksOk : s.checksFail(formatNumber(m.outcome.checks.meanIndex, lang, 6))}
        </li>
      ))}
    </ul>
  );
}

export function ScenarioPanel({ context }: { context: 'redistribution' | 'total-key' }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  const r = useScenarios();
  const mine = useUiStore((st) => st.myMunicipality);
  const synthetic = useAnalysisStore(selectIsSynthetic);
  const made = useMemo(() => (r ? madeOf(r) : []), [r]);
  const ready = r && r.configured && made.length > 0 && r.units.length > 0;
  return (
    <section aria-labelledby={`scenarios-${context}`} className="kl-scenarios" data-testid="scenario-panel">
      <Heading level={2} data-size="sm" id={`scenarios-${context}`}>
        {s.title}
      </Heading>
      <Paragraph data-size="sm">{s.intro(5)}</Paragraph>
      {context === 'total-key' && <Paragraph data-size="sm">{s.totalKeyNote}</Paragraph>}
      <ScenarioEditor results={r?.scenarios ?? []} />
      {r?.problems.map((p, i) => (
        <Paragraph key={i} data-size="sm" data-testid="scenario-panel-problem">
          {lang === 'nb' ? p.message : p.messageEn}
        </Paragraph>
      ))}
      {ready && (
        <>
          <Paragraph data-size="sm" data-testid="scenario-against">
            {s.against(r.reference.flat ? s.flat : (r.reference.label ?? ''))} {s.perCapitaU(formatInteger(r.perCapitaNok, lang), r.year === null ? '' : String(r.year))}
          </Paragraph>
          <Summary made={made} />
          <ExportButtons
            fileBase={s.exportName}
            testId="scenario-export"
            tables={(l) => scenarioReportTables(r, { lang: l, synthetic })}
          />
          <ScenarioChart r={r} made={made} mine={mine} />
          <GroupSums made={made} />
          <UnitTable r={r} made={made} mine={mine} />
        </>
      )}
    </section>
  );
}
