/** Redistribution view: live weight editor, checks, charts, sums by group and the full table. */
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import type { KeyBase, KeyOutcome } from '../../engine/costkey';
import { formatInteger, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useUnitTable } from '../useUnitTable';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore, useUiStore } from '../../store';
import { useCostKey, useKeyOutcome } from '../costkey/liveKey';
import { KeyChecks, WeightEditor } from '../costkey/WeightEditor';
import { FlaggedCriteria } from '../costkey/FlaggedCriteria';
import { ChangeHistogram, ChangeVsPopulation, SortedChangeChart } from './Charts';
import { redistributionReportTable, redistributionRows, type RedistributionRow } from './rows';
import { ExportButtons } from '../ExportButtons';
import { redistributionStrings } from './strings';
import { useIntervalsFor } from '../costkey/uncertainty';
import { uncertaintyStrings } from '../costkey/uncertaintyStrings';
import { ScenarioPanel } from '../scenarios/ScenarioPanel';
import { ViewShell } from '../kit/ViewShell';
import { GroupBySelect, useGroupKindLabel } from '../kit/GroupBySelect';

type SortKey = 'name' | 'unit' | 'population' | 'index' | 'amount' | 'change' | 'changePerCapita';

const GroupSums = memo(function GroupSums({ outcome }: { outcome: KeyOutcome | null }) {
  const s = useStrings(redistributionStrings);
  const lang = useLanguage();
  const groupBy = useUiStore((st) => st.redistributionGroupBy);
  const groupLabel = useGroupKindLabel(groupBy);
  const rows = outcome?.aggregates[groupBy] ?? null;
  return (
    <section aria-labelledby="rd-groups">
      <Heading level={2} data-size="sm" id="rd-groups">
        {s.groups}
      </Heading>
      <GroupBySelect id="rd-groupby" label={s.groupBy} />
      {rows ? (
        <Table data-testid="redistribution-groups">
          <caption>
            {s.groups}: {groupLabel}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s.group}</Table.HeaderCell>
              <Table.HeaderCell>{s.units}</Table.HeaderCell>
              <Table.HeaderCell>{s.population}</Table.HeaderCell>
              <Table.HeaderCell>{s.change}</Table.HeaderCell>
              <Table.HeaderCell>{s.changePerCapita}</Table.HeaderCell>
              <Table.HeaderCell>{s.gainers}</Table.HeaderCell>
              <Table.HeaderCell>{s.losers}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((g) => (
              <Table.Row key={g.group}>
                <Table.Cell>{g.group || '–'}</Table.Cell>
                <Table.Cell>{g.units}</Table.Cell>
                <Table.Cell>{formatInteger(g.population, lang)}</Table.Cell>
                <Table.Cell>{formatInteger(g.change, lang)}</Table.Cell>
                <Table.Cell>{formatInteger(g.changePerCapita, lang)}</Table.Cell>
                <Table.Cell>{g.gainers}</Table.Cell>
                <Table.Cell>{g.losers}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Paragraph data-size="sm">{s.noGroup}</Paragraph>
      )}
    </section>
  );
});

/** Rows per page: 357 rows × 9 cells re-rendered on every edit were most of an edit's cost. */
const PAGE = 50;

const rowValue = (r: RedistributionRow, k: SortKey) => r[k];

const UnitTable = memo(function UnitTable({ rows, mine }: { rows: RedistributionRow[]; mine: string | null }) {
  const s = useStrings(redistributionStrings);
  const su = useStrings(uncertaintyStrings);
  const lang = useLanguage();
  const boot = rows.length > 0 && rows[0].low95 !== undefined;
  const { query, setQuery, sort, toggleSort, shown, at, last, setPage, pageRows } = useUnitTable(rows, { key: 'changePerCapita' as SortKey, dir: -1 }, rowValue, PAGE);
  const header = (key: SortKey, text: string) => (
    <Table.HeaderCell
      sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
      onClick={() => toggleSort(key, -1)}
    >
      {text}
    </Table.HeaderCell>
  );
  return (
    <section aria-labelledby="rd-table">
      <Heading level={2} data-size="sm" id="rd-table">
        {s.table}
      </Heading>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}>
        <Textfield
          label={s.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="redistribution-search"
        />
        <ExportButtons fileBase={s.title} testId="redistribution-export" tables={(lang) => [redistributionReportTable(rows, lang)]} />
      </div>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', margin: '0.5rem 0' }}>
        <Button variant="tertiary" data-size="sm" disabled={at === 0} onClick={() => setPage(at - 1)} data-testid="redistribution-prev">
          {s.prev}
        </Button>
        <span data-testid="redistribution-showing">{s.showing(formatInteger(shown.length ? at * PAGE + 1 : 0, lang), formatInteger(at * PAGE + pageRows.length, lang), formatInteger(shown.length, lang))}</span>
        <Button variant="tertiary" data-size="sm" disabled={at >= last} onClick={() => setPage(at + 1)} data-testid="redistribution-next">
          {s.next}
        </Button>
      </div>
      {/* contain: the table's own layout stays inside the box, so a row update never relayouts the page. */}
      <div style={{ maxHeight: '30rem', overflow: 'auto', contain: 'strict', height: '30rem' }} tabIndex={0} role="region" aria-label={s.table}>
        <Table data-testid="redistribution-table" stickyHeader>
          <caption>{s.table}</caption>
          <Table.Head>
            <Table.Row>
              {header('unit', s.number)}
              {header('name', s.kommune)}
              {header('population', s.population)}
              {header('index', s.index)}
              <Table.HeaderCell>{s.indexCurrent}</Table.HeaderCell>
              <Table.HeaderCell>{s.need}</Table.HeaderCell>
              {header('amount', s.amount)}
              {header('change', s.change)}
              {header('changePerCapita', s.changePerCapita)}
              {boot && <Table.HeaderCell>{su.ci95}</Table.HeaderCell>}
              {boot && <Table.HeaderCell>{su.signUncertain}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {pageRows.map((r) => (
              <Table.Row key={r.unit} data-unit={r.unit} data-sign-uncertain={r.signUncertain ? 'true' : undefined} data-mine={r.unit === mine ? 'true' : undefined} style={r.unit === mine ? { fontWeight: 700 } : undefined}>
                <Table.Cell>{r.unit}</Table.Cell>
                <Table.Cell>{r.name}</Table.Cell>
                <Table.Cell>{formatInteger(r.population, lang)}</Table.Cell>
                <Table.Cell>{formatNumber(r.index, lang, 4)}</Table.Cell>
                <Table.Cell>{formatNumber(r.indexCurrent, lang, 4)}</Table.Cell>
                <Table.Cell>{formatInteger(r.needPerCapita, lang)}</Table.Cell>
                <Table.Cell>{formatInteger(r.amount, lang)}</Table.Cell>
                <Table.Cell data-testid={`change-${r.unit}`}>{formatInteger(r.change, lang)}</Table.Cell>
                <Table.Cell>{formatInteger(r.changePerCapita, lang)}</Table.Cell>
                {boot && (
                  <Table.Cell>
                    {formatInteger(r.low95, lang)} – {formatInteger(r.high95, lang)}
                  </Table.Cell>
                )}
                {boot && <Table.Cell data-testid={`sign-uncertain-${r.unit}`}>{r.signUncertain ? '±' : ''}</Table.Cell>}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
});

/** The sorted bar chart follows every edit at once (the only urgent render besides the editor). */
function LiveChart({ base, mine }: { base: KeyBase; mine: string | null }) {
  const outcome = useKeyOutcome();
  // The bootstrap's whiskers only while the chart shows the key they belong to (not during an edit).
  const boot = useIntervalsFor(outcome);
  return outcome ? <SortedChangeChart base={base} outcome={outcome} mine={mine} boot={boot} /> : null;
}

/**
 * The scatter, histogram, group sums and table catch up in a deferred (interruptible) render so they
 * never hold an edit back; they are memoised, so the urgent pass skips them.
 */
function LaterParts({ base, mine }: { base: KeyBase; mine: string | null }) {
  const su = useStrings(uncertaintyStrings);
  const lang = useLanguage();
  const later = useDeferredValue(useKeyOutcome());
  const boot = useIntervalsFor(later);
  const [onlyUncertain, setOnlyUncertain] = useState(false);
  const all = useMemo(() => (later ? redistributionRows(base, later, boot) : []), [base, later, boot]);
  const rows = useMemo(() => (boot && onlyUncertain ? all.filter((r) => r.signUncertain) : all), [all, boot, onlyUncertain]);
  const nUncertain = useMemo(() => all.filter((r) => r.signUncertain).length, [all]);
  return (
    <>
      {boot && (
        <section aria-label={su.signUncertain} data-testid="redistribution-uncertainty">
          <Paragraph data-size="sm" data-testid="redistribution-sign-uncertain-count">
            {su.signUncertainCount(formatInteger(nUncertain, lang), formatInteger(all.length, lang))} {su.whiskers(formatInteger(boot.valid, lang), boot.seed)}
          </Paragraph>
          <Checkbox
            label={su.onlyUncertain}
            checked={onlyUncertain}
            data-testid="redistribution-only-uncertain"
            onChange={(e) => setOnlyUncertain(e.target.checked)}
          />
        </section>
      )}
      {later && later.index.length === base.prep.units.length && <ChangeVsPopulation base={base} outcome={later} mine={mine} />}
      {later && <ChangeHistogram outcome={later} />}
      <GroupSums outcome={later} />
      <UnitTable rows={rows} mine={mine} />
    </>
  );
}

export function RedistributionView() {
  const s = useStrings(redistributionStrings);
  // Only the worker's results here, not the live outcome: an edit must not re-render the whole view.
  const res = useCostKey();
  const mine = useUiStore((st) => st.myMunicipality);
  const phase = useAnalysisStore((st) => st.spec.redistribution.phaseInYears);
  const lang = useLanguage();
  const update = useAnalysisStore((st) => st.updateSpec);
  const base = res?.base ?? null;
  if (!res || !base || !res.outcome) {
    return (
      <ViewShell testId="redistribution-view" title={s.title} empty={s.noResults} />
    );
  }
  return (
    <ViewShell testId="redistribution-view" title={s.title} lead={s.intro}>
      <Paragraph data-size="sm" data-testid="rd-against" data-kind={res.currentKind}>
        {s.against(res.currentText[lang])}
      </Paragraph>
      <FlaggedCriteria idPrefix="rd" />
      <WeightEditor idPrefix="rd" />
      <KeyChecks />
      <Field>
        <Label htmlFor="rd-phase">{s.phase}</Label>
        <Select id="rd-phase" value={String(phase)} onChange={(e) => update((d) => void (d.redistribution.phaseInYears = Number(e.target.value)))}>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {s.years(n)}
            </option>
          ))}
        </Select>
      </Field>
      <LiveChart base={base} mine={mine} />
      <LaterParts base={base} mine={mine} />
      <ScenarioPanel context="redistribution" />
    </ViewShell>
  );
}
