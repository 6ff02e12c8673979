/**
 * View «Samlet nøkkel» / «Total key»: the sector editor, the sector weights with their sum check, the
 * identity checks and messages (municipalities left out, with the reason), a sorted bar chart of the
 * change per inhabitant in the total key and a paged, searchable, sortable table of all
 * municipalities with export. Everything shown is read from the worker's `totalKey` result.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { Alert, Button, Details, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import type { TotalKeyResult } from '../../engine/costkey';
import { SortedChangeFigure } from '../../charts/svg/SortedChangeFigure';
import { ExportButtons } from '../ExportButtons';
import { formatInteger, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useUnitTable } from '../useUnitTable';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore, useUiStore } from '../../store';
import type { TotalKeyResults } from '../../results/totalKey';
import { sortValue, totalKeyReportTables, totalKeyRows, type TotalSortKey } from './rows';
import { SectorEditor, applyWeightPreset } from './SectorEditor';
import { sectorWeightPresets } from '../../engine/costkey';
import { totalKeyStrings } from './strings';
import { ScenarioPanel } from '../scenarios/ScenarioPanel';
import './totalKey.css';
import { ViewShell } from '../kit/ViewShell';

const PAGE = 50;

function useTotalKey(): TotalKeyResults | undefined {
  return useAnalysisStore((st) => st.results?.totalKey);
}

function WeightsTable({ res }: { res: TotalKeyResults }) {
  const s = useStrings(totalKeyStrings);
  const lang = useLanguage();
  const r = res.result!;
  const sumCheck = r.checks.find((c) => c.code === 'sector-weights-sum');
  const sumOk = sumCheck?.ok ?? false;
  return (
    <section aria-labelledby="tk-weights" className="kl-tk-section kl-tk-lazy">
      <Heading level={2} data-size="sm" id="tk-weights">
        {s.weightsTable}
      </Heading>
      <div className="kl-tk-scroll">
        <Table data-testid="tk-weights-table" data-size="sm" zebra>
          <caption>{s.weightsCaption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s.colSector}</Table.HeaderCell>
              <Table.HeaderCell>{s.colSource}</Table.HeaderCell>
              <Table.HeaderCell className="kl-num">{s.colSpending}</Table.HeaderCell>
              <Table.HeaderCell className="kl-num">{s.colWeight}</Table.HeaderCell>
              <Table.HeaderCell className="kl-num">{s.colMean}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {r.sectors.map((x, i) => {
              const src = res.sources[i];
              return (
                <Table.Row key={x.id} data-sector={x.id}>
                  <Table.HeaderCell scope="row">{x.label}</Table.HeaderCell>
                  <Table.Cell>
                    {src?.source[lang]}
                    {src?.compareWith && (
                      <span className="kl-tk-subtle">
                        {' '}
                        ({s.before}: {src.compareWith[lang]})
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell className="kl-num" data-testid={`tk-u-${x.id}`}>
                    {formatInteger(x.spending, lang)}
                  </Table.Cell>
                  <Table.Cell className="kl-num" data-testid={`tk-v-${x.id}`}>
                    {formatNumber(x.weight, lang, 4)}
                  </Table.Cell>
                  <Table.Cell className="kl-num">{formatNumber(x.meanIndex, lang, 4)}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
          <Table.Foot>
            <Table.Row>
              <Table.HeaderCell scope="row">{s.sum}</Table.HeaderCell>
              <Table.Cell />
              <Table.Cell className="kl-num">{formatInteger(r.sectors.reduce((a, x) => a + x.spending, 0), lang)}</Table.Cell>
              <Table.Cell className="kl-num" data-testid="tk-weight-sum" data-ok={sumOk ? 'true' : 'false'}>
                {formatNumber(r.weightSum, lang, 4)}
              </Table.Cell>
              <Table.Cell />
            </Table.Row>
          </Table.Foot>
        </Table>
      </div>
      <Paragraph data-size="sm" role="status" data-testid="tk-sum-status">
        <Tag data-color={sumOk ? 'success' : 'danger'} data-size="sm">
          {sumOk ? s.ok : s.notOk}
        </Tag>{' '}
        {sumOk ? s.sumOk : s.sumBad} {s.totalU(formatInteger(r.perCapita, lang), s.uFrom[r.perCapitaFrom])} {s.year(r.year === null ? '–' : String(r.year))}
      </Paragraph>
    </section>
  );
}

function Checks({ r }: { r: TotalKeyResult }) {
  const s = useStrings(totalKeyStrings);
  const lang = useLanguage();
  if (!r.checks.length) return null;
  const allOk = r.checks.every((c) => c.ok);
  return (
    <section aria-labelledby="tk-checks" className="kl-tk-section kl-tk-lazy">
      <Heading level={2} data-size="sm" id="tk-checks">
        {s.checks}
      </Heading>
      <ul className="kl-tk-checks" data-testid="tk-checks" data-ok={allOk ? 'true' : 'false'}>
        {r.checks.map((c, i) => (
          <li key={i} data-code={c.code} data-ok={c.ok ? 'true' : 'false'}>
            <Tag data-color={c.ok ? 'success' : c.severity === 'warning' ? 'warning' : 'danger'} data-size="sm">
              {c.ok ? s.ok : s.notOk}
            </Tag>{' '}
            {lang === 'nb' ? c.message : c.messageEn}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Messages({ r }: { r: TotalKeyResult }) {
  const s = useStrings(totalKeyStrings);
  const lang = useLanguage();
  const shown = r.problems.filter((p) => p.severity !== 'info');
  if (!shown.length && !r.excluded.length) return null;
  const errors = shown.some((p) => p.severity === 'error');
  return (
    <Alert data-color={errors ? 'danger' : 'warning'} data-testid="tk-problems" className="kl-tk-section kl-tk-lazy">
      <Heading level={2} data-size="xs">
        {s.problems}
      </Heading>
      <ul>
        {shown.map((p, i) => (
          <li key={i} data-code={p.code}>
            {lang === 'nb' ? p.message : p.messageEn}
          </li>
        ))}
      </ul>
      {r.excluded.length > 0 && (
        <Details data-testid="tk-excluded">
          <Details.Summary>{s.excluded(r.excluded.length, r.nCandidates)}</Details.Summary>
          <Details.Content>
            <Table data-size="sm">
              <caption>{s.excludedCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s.number}</Table.HeaderCell>
                  <Table.HeaderCell>{s.kommune}</Table.HeaderCell>
                  <Table.HeaderCell>{s.reason}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {r.excluded.map((x) => (
                  <Table.Row key={x.unit} data-unit={x.unit}>
                    <Table.Cell>{x.unit}</Table.Cell>
                    <Table.Cell>{x.name}</Table.Cell>
                    <Table.Cell>{x.reasons.map((y) => `${y.variable}: ${s.reasons[y.reason] ?? y.reason}`).join('; ')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </Details.Content>
        </Details>
      )}
    </Alert>
  );
}

const TotalChart = memo(function TotalChart({ r, mine }: { r: TotalKeyResult; mine: string | null }) {
  const s = useStrings(totalKeyStrings);
  const perCapita = useMemo(() => (r.compared ? r.changePerCapita : Float64Array.from(r.needPerCapita, (x) => x - r.perCapita)), [r]);
  if (!Number.isFinite(r.perCapita)) return null;
  return (
    <SortedChangeFigure
      order={r.order}
      perCapita={perCapita}
      names={r.names}
      mineIndex={mine ? r.units.indexOf(mine) : -1}
      title={r.compared ? s.chart : s.chartNoCompare}
      description={s.chartDesc}
      mineIs={s.mineIs}
      xTitle={s.chartX}
      yTitle={s.krPerCapita}
      height={280}
      testId="tk-chart"
      className="kl-chart kl-tk-lazy"
      titleClassName="kl-chart-title"
      mineClassName="kl-chart-caption"
    />
  );
});

const UnitTable = memo(function UnitTable({ res, r, mine }: { res: TotalKeyResults; r: TotalKeyResult; mine: string | null }) {
  const s = useStrings(totalKeyStrings);
  const lang = useLanguage();
  const rows = useMemo(() => totalKeyRows(r), [r]);
  const { query, setQuery, sort, toggleSort, shown, at, last, setPage, pageRows } = useUnitTable(rows, { key: (r.compared ? 'changePerCapita' : 'index') as TotalSortKey, dir: -1 }, sortValue, PAGE);
  const header = (key: TotalSortKey, text: string, num = true) => (
    <Table.HeaderCell
      key={key}
      className={num ? 'kl-num' : undefined}
      sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
      onClick={() => toggleSort(key, key === 'name' || key === 'unit' ? 1 : -1)}
    >
      {text}
    </Table.HeaderCell>
  );
  // Body cells are plain <tr>/<td> (Designsystemet styles them through the table's class): 50 rows
  // × a dozen cells without a component each keeps a page change and the first render short.
  const cell = (v: number, digits: number | null, testId?: string) => (
    <td className="kl-num" data-testid={testId}>
      {digits === null ? formatInteger(v, lang) : formatNumber(v, lang, digits)}
    </td>
  );
  return (
    <section aria-labelledby="tk-table" className="kl-tk-section kl-tk-lazy">
      <Heading level={2} data-size="sm" id="tk-table">
        {s.table}
      </Heading>
      <div className="kl-tk-toolbar">
        <Textfield
          label={s.search}
          value={query}
          data-testid="tk-search"
          onChange={(e) => setQuery(e.target.value)}
        />
        <ExportButtons fileBase={s.exportTitle} testId="tk-export" tables={(l) => totalKeyReportTables(res, l)} />
      </div>
      <div className="kl-tk-pager">
        <Button variant="tertiary" data-size="sm" disabled={at === 0} onClick={() => setPage(at - 1)} data-testid="tk-prev">
          {s.prev}
        </Button>
        <span data-testid="tk-showing" aria-live="polite">
          {s.showing(formatInteger(shown.length ? at * PAGE + 1 : 0, lang), formatInteger(at * PAGE + pageRows.length, lang), formatInteger(shown.length, lang))}
        </span>
        <Button variant="tertiary" data-size="sm" disabled={at >= last} onClick={() => setPage(at + 1)} data-testid="tk-next">
          {s.next}
        </Button>
      </div>
      <div className="kl-tk-table-box" tabIndex={0} role="region" aria-label={s.table}>
        <Table data-testid="tk-table" data-size="sm" stickyHeader zebra>
          <caption>{s.tableCaption}</caption>
          <Table.Head>
            <Table.Row>
              {header('unit', s.number, false)}
              {header('name', s.kommune, false)}
              {header('population', s.population)}
              {r.sectors.map((x, j) => header(`sector:${j}`, s.indexOf(x.label)))}
              {header('index', s.total)}
              {r.compared && header('changePerCapita', s.changePerCapita)}
              {r.compared && header('change', s.change)}
              {header('needPerCapita', s.need)}
              {header('equalisation', s.equalisation)}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {pageRows.map((x) => (
              <tr key={x.unit} data-unit={x.unit} data-mine={x.unit === mine ? 'true' : undefined} className={x.unit === mine ? 'kl-tk-mine' : undefined}>
                <td>{x.unit}</td>
                <td>{x.name}</td>
                {cell(x.population, null)}
                {x.sectors.map((v, j) => (
                  <td key={j} className="kl-num">
                    {formatNumber(v, lang, 4)}
                  </td>
                ))}
                {cell(x.index, 4, `tk-index-${x.unit}`)}
                {r.compared && cell(x.changePerCapita, null, `tk-change-pc-${x.unit}`)}
                {r.compared && cell(x.change, null, `tk-change-${x.unit}`)}
                {cell(x.needPerCapita, null, `tk-need-${x.unit}`)}
                {cell(x.equalisation, null, `tk-eq-${x.unit}`)}
              </tr>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
});

/**
 * A total key of fewer sectors than the real cost key: which sectors are missing, what share of the
 * real key they carry, and what that does to the weights of the sectors here (barnevern ≈ 0,49 instead
 * of ≈ 0,04), with a way to add the missing sectors at their published weights (index 1, unchanged).
 */
function Coverage({ res }: { res: TotalKeyResults }) {
  const s = useStrings(totalKeyStrings);
  const lang = useLanguage();
  const update = useAnalysisStore((st) => st.updateSpec);
  const c = res.coverage;
  if (!c) return null;
  const preset = sectorWeightPresets.find((p) => p.id === c.presetId);
  const n = c.sectors.length;
  const total = n + c.missing.length;
  return (
    <Alert data-color="warning" data-testid="tk-coverage" className="kl-tk-section">
      <Heading level={2} data-size="xs">
        {s.coverageHeading(n, total)}
      </Heading>
      <Paragraph data-size="sm">
        {s.coverageMissing(
          c.missing.map((m) => `${m.label[lang].toLowerCase()} (${formatNumber(m.weight, lang, 4)})`).join(', '),
          formatNumber(1 - c.presentShare, lang, 3),
          String(c.year),
        )}
      </Paragraph>
      <ul data-testid="tk-coverage-sectors">
        {c.sectors.map((x) => (
          <li key={x.id} data-sector={x.id}>
            {x.realWeight === null
              ? s.coverageNotInKey(x.label, formatNumber(x.weight, lang, 4))
              : s.coverageSector(x.label, formatNumber(x.weight, lang, 4), formatNumber(x.realWeight, lang, 4), formatNumber(x.weight / x.realWeight, lang, 1))}
          </li>
        ))}
      </ul>
      {preset && (
        <Paragraph data-size="sm" data-testid="tk-coverage-source">
          {s.coverageSource(preset.label[lang], preset.source)}
        </Paragraph>
      )}
      {preset && (
        <Button variant="secondary" data-size="sm" data-testid="tk-coverage-add" onClick={() => update((d) => applyWeightPreset(d.totalKey, preset, lang))}>
          {s.coverageAdd(preset.label[lang])}
        </Button>
      )}
    </Alert>
  );
}

/**
 * Results part. It mounts in a deferred pass after the editor, and the long table one pass later
 * still (useDeferredValue with an initial value), so opening the view is several short tasks rather
 * than one long one; React renders deferred passes in time slices.
 */
function ResultParts({ res }: { res: TotalKeyResults }) {
  const mine = useUiStore((st) => st.myMunicipality);
  const r = res.result;
  const later = useDeferredValue<TotalKeyResult | null>(r, null);
  if (!r) return null;
  return (
    <>
      <Coverage res={res} />
      <Messages r={r} />
      {r.sectors.length > 0 && <WeightsTable res={res} />}
      <Checks r={r} />
      {r.ok && <TotalChart r={r} mine={mine} />}
      {later?.ok && <UnitTable res={res} r={later} mine={mine} />}
    </>
  );
}

export function TotalKeyView() {
  const s = useStrings(totalKeyStrings);
  const live = useTotalKey();
  const res = useDeferredValue<TotalKeyResults | undefined | null>(live, null);
  const hasData = useAnalysisStore((st) => (st.results?.dataset?.nUnits ?? 0) > 0);
  const configured = useAnalysisStore((st) => st.spec.totalKey.sectors.length > 0);
  const update = useAnalysisStore((st) => st.updateSpec);
  return (
    <ViewShell testId="totalkey-view" className="kl-total-key" title={s.title} lead={s.intro}>
      {!hasData && <Paragraph data-testid="tk-no-results">{s.noResults}</Paragraph>}
      <SectorEditor />
      {!configured && (
        <Paragraph data-testid="tk-empty">
          {s.notConfigured}{' '}
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() =>
              update((d) => {
                d.totalKey.sectors.push({
                  id: 'analysert_sektor',
                  label: s.sector,
                  source: { kind: 'proposed' },
                  compareWith: { kind: 'current' },
                  spending: { kind: 'none' },
                  weight: null,
                });
              })
            }
          >
            {s.starter}
          </Button>
        </Paragraph>
      )}
      {res && res.configured && <ResultParts res={res} />}
      {hasData && <ScenarioPanel context="total-key" />}
    </ViewShell>
  );
}
