/**
 * «Min kommune»: a one-page report on one municipality — what the key is and what it is compared
 * with, the index as a walk from the national average 1,0, the criteria against the country, the gain
 * or loss under each key, and five comparable municipalities. Made to print on one A4 page (the print
 * stylesheet hides the app around it) and to be linked to (`#kommune=0301`).
 */
import { useMemo, useRef, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { SyntheticNote } from '../../charts/SyntheticNote';
import { BASIC, indexSteps } from '../../engine/costkey';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore, useUiStore } from '../../store';
import { useCostKey, useKeyOutcome } from '../costkey/liveKey';
import { IndexWaterfall } from '../../charts/svg/IndexWaterfall';
import { srOnly } from '../../charts/svg/SortedChangeFigure';
import { ChartExportButtons } from '../../charts/ChartExportButtons';
import { ExportButtons } from '../ExportButtons';
import { myStrings } from './strings';
import { costKeyStrings } from '../costkey/strings';
import { useIntervalsFor, useKeyUncertainty } from '../costkey/uncertainty';
import { uncertaintyStrings } from '../costkey/uncertaintyStrings';
import { MyScenarios } from '../scenarios/MyScenarios';
import { ViewShell } from '../kit/ViewShell';
import { useVariableLabels } from '../useVariableLabels';
import { criterionScale, formatCriterion } from './criterionScale';
import { nearestPeers } from './peers';
import { KeyGainLossTable } from './KeyGainLossTable';
import { criteriaReportTable, gainLossReportTable, peersReportTable, reportKeys, type CriterionRow, type PeerRow } from './gainLoss';
import { municipalityHref } from '../../app/urlMunicipality';

function Search({ units }: { units: { code: string; name: string }[] }) {
  const s = useStrings(myStrings);
  const setView = useUiStore((st) => st.setView);
  const [q, setQ] = useState('');
  const query = q.trim().toLowerCase();
  const hits = query ? units.filter((x) => x.code.startsWith(query) || x.name.toLowerCase().includes(query)).slice(0, 8) : [];
  const choose = (u: string) => {
    setView({ myMunicipality: u });
    setQ('');
  };
  return (
    <form
      role="search"
      className="kl-no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (hits[0]) choose(hits[0].code);
      }}
    >
      <Textfield label={s.find} value={q} onChange={(e) => setQ(e.target.value)} data-testid="my-search" autoComplete="off" />
      {query && hits.length === 0 && <Paragraph data-size="sm">{s.notFound}</Paragraph>}
      {hits.length > 0 && (
        <ul className="kl-search-hits" data-testid="my-hits">
          {hits.map((h) => (
            <li key={h.code}>
              <Button variant="tertiary" data-size="sm" onClick={() => choose(h.code)} type="button">
                {h.name} ({h.code})
              </Button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** Why a municipality in the data has no index: the cost key's own message about it, in plain words. */
function LeftOut({ code, name }: { code: string; name: string | null }) {
  const s = useStrings(myStrings);
  const res = useCostKey();
  const labels = useVariableLabels();
  const population = useAnalysisStore((st) => st.spec.variables.population);
  if (name === null) return <Paragraph data-testid="my-left-out">{s.notInData(code)}</Paragraph>;
  const p = res?.problems.find((x) => (x.code === 'unit-without-index' || x.code === 'population-not-positive') && x.where?.unit === code);
  const variable = p?.where?.variable;
  const year = res?.year ?? null;
  // A population of 0 or below is there, only impossible: not «mangler folketall».
  const why =
    p?.code === 'population-not-positive'
      ? s.leftOutPopulationNotPositive(year)
      : variable === population
        ? s.leftOutPopulation(year)
        : variable
          ? s.leftOutWhy(labels.get(variable) ?? variable, year)
          : s.leftOutUnknown;
  return (
    <Paragraph data-testid="my-left-out" data-reason={p?.code}>
      {s.leftOut(name, code)} {why}
    </Paragraph>
  );
}

export function MyMunicipalityView() {
  const s = useStrings(myStrings);
  const sc = useStrings(costKeyStrings);
  const lang = useLanguage();
  const su = useStrings(uncertaintyStrings);
  const res = useCostKey();
  const o = useKeyOutcome();
  const boot = useIntervalsFor(o);
  const ku = useKeyUncertainty();
  const labels = useVariableLabels();
  const units = useAnalysisStore((st) => st.results?.dataset?.units);
  const chosenCurrent = useAnalysisStore((st) => st.spec.costKey.current);
  const mine = useUiStore((st) => st.myMunicipality);
  const phase = useAnalysisStore((st) => st.spec.redistribution.phaseInYears);
  const [peerBy, setPeerBy] = useState<'size-class' | 'kostra-group'>('size-class');
  const waterfallRef = useRef<HTMLElement>(null);
  const base = res?.base ?? null;
  const i = base && mine ? base.prep.units.indexOf(mine) : -1;
  const steps = useMemo(() => (base && o && i >= 0 ? indexSteps(base.prep, o.key, i) : []), [base, o, i]);
  const allUnits = useMemo(() => units ?? (base ? base.prep.units.map((code, j) => ({ code, name: base.names[j] })) : []), [units, base]);

  if (!res || !base || !o) return <ViewShell testId="my-view" title={s.title} empty={s.noResults} />;

  const name = i >= 0 ? base.names[i] : '';
  const label = (c: string) => (c === BASIC ? s.basic : c === 'weights-sum' ? s.sumStep : (res.labels[c] ?? labels.get(c) ?? c));
  const dependent = res.dependent ? (labels.get(res.dependent) ?? res.dependent) : sc.title.toLowerCase();
  const current = chosenCurrent ? chosenCurrent.label : res.currentLabel ? res.currentLabel : res.current ? s.computedAsCurrent : s.flat;
  const n = base.prep.units.length;

  const criteria: CriterionRow[] =
    i < 0
      ? []
      : steps.map((st, k) => {
          const j = k - 1;
          const isCriterion = st.criterion !== BASIC && st.criterion !== 'weights-sum';
          const nat = isCriterion ? base.prep.national[j] : NaN;
          const val = isCriterion ? base.prep.ratios[j * n + i] * nat : NaN;
          const scale = isCriterion ? criterionScale(nat, val) : 'raw';
          const factor = scale === 'per1000' ? 1000 : scale === 'percent' ? 100 : 1;
          return {
            label: label(st.criterion),
            value: isCriterion ? val * factor : null,
            national: isCriterion ? nat * factor : null,
            unit: scale === 'per1000' ? s.per1000 : scale === 'percent' ? '%' : '',
            ratio: st.ratio,
            weight: st.weight,
            deviation: st.deviation,
            scale,
            raw: [val, nat],
          } as CriterionRow & { scale: ReturnType<typeof criterionScale>; raw: [number, number] };
        });
  const keys = reportKeys(o, res.candidates, lang);
  const peerGroups = base.groups[peerBy];
  const peers = i >= 0 && peerGroups ? nearestPeers(base.prep.population, peerGroups, i, o.changePerCapita) : [];
  const peerCaption = peerGroups && i >= 0 ? s.peersCaption(s.peerOptions[peerBy], peerGroups[i] || '–') : '';
  const peerRows: PeerRow[] = peers.map((j) => ({ code: base.prep.units[j], name: base.names[j], population: base.prep.population[j], index: o.index[j], changePerCapita: o.changePerCapita[j] }));
  const what = s.what(dependent, sc.methods[res.method], res.modelLabel, res.year);
  const against = s.against(current);
  const idx = o.index[i];
  const gain = i >= 0 && o.change[i] >= 0;
  const summary = i >= 0 ? `${s.indexLine(formatNumber(idx, lang, 4))} ${s.changeLine(formatInteger(o.change[i], lang), formatInteger(o.changePerCapita[i], lang), gain)}` : '';

  return (
    <ViewShell testId="my-view" title={s.title} lead={s.intro}>
      <Search units={allUnits} />
      {!mine ? (
        <Paragraph data-testid="my-none">{s.none}</Paragraph>
      ) : i < 0 ? (
        <LeftOut code={mine} name={allUnits.find((u) => u.code === mine)?.name ?? null} />
      ) : (
        <article className="kl-report" data-testid="my-report" aria-labelledby="my-name">
          <header className="kl-report-head">
            <Heading level={2} data-size="md" id="my-name" data-testid="my-name">
              {s.reportTitle(name, mine)}
            </Heading>
            <Paragraph data-size="sm" data-testid="my-what">
              {what} {against} {s.proposedIs(res.edited)}
            </Paragraph>
            <Paragraph data-testid="my-summary" className="kl-report-summary">
              <strong>{s.indexLine(formatNumber(idx, lang, 4))}</strong> {s.indexMeaning(formatPercent(Math.abs(idx - 1), lang, 1), idx >= 1)}{' '}
              <strong>{s.changeLine(formatInteger(o.change[i], lang), formatInteger(o.changePerCapita[i], lang), gain)}</strong>
            </Paragraph>
            {boot && (
              <Paragraph data-size="sm" data-testid="my-uncertainty">
                {/* The share of replications on the side of the point estimate, in plain words. */}
                {boot.change[i] < 0 ? su.loses(formatPercent(boot.shareLoss[i], lang, 0)) : su.gains(formatPercent(boot.shareGain[i], lang, 0))}{' '}
                {su.interval(formatInteger(boot.low95[i], lang), formatInteger(boot.high95[i], lang))}{' '}
                {boot.signUncertain[i] === 1 ? `${su.uncertainSign} ` : ''}
                <small>{su.stated(formatInteger(boot.valid, lang), formatInteger(boot.B, lang), boot.seed, formatInteger(boot.nClusters, lang), ku?.modelLabel ?? '', boot.method)}</small>
              </Paragraph>
            )}
            {o.phaseIn.length > 1 && (
              <ul className="kl-report-phase">
                {o.phaseIn.map((a, t) => (
                  <li key={t}>
                    {s.phase(t + 1, phase)}: {formatInteger(a[i], lang)} kr
                  </li>
                ))}
              </ul>
            )}
          </header>
          <div className="kl-report-grid">
            <figure className="kl-chart kl-report-chart" ref={waterfallRef} data-testid="my-waterfall">
              <figcaption>{s.waterfall}</figcaption>
              <p style={srOnly}>{s.waterfallDesc(name, formatNumber(idx, lang, 4))}</p>
              <IndexWaterfall
                steps={steps.filter((st) => st.criterion !== BASIC).map((st) => ({ label: label(st.criterion), value: st.deviation }))}
                total={idx}
                totalLabel={`${s.total} ${name}`}
                startLabel={s.start}
                format={(v) => formatNumber(v, lang, 3)}
                formatStep={(v) => (v > 0 ? '+' : '') + formatNumber(v, lang, 3)}
                label={s.waterfallDesc(name, formatNumber(idx, lang, 4))}
                xTitle={s.indexAxis}
              />
              <SyntheticNote />
              <div className="kl-no-print">
                <ChartExportButtons
                  slideKey="my-waterfall"
                  fileBase={`${s.title} ${mine}`}
                  chartRef={waterfallRef}
                  chart={{ title: `${s.title}: ${s.reportTitle(name, mine)}`, subtitle: `${summary} ${what} ${against}`, xLabel: s.indexAxis }}
                  testId="my-chart-export"
                />
              </div>
            </figure>
            <div className="kl-report-tables">
              <KeyGainLossTable keys={keys} unit={i} />
              <section aria-labelledby="my-peers" data-testid="my-peers">
                <Heading level={3} data-size="2xs" id="my-peers">
                  {s.peers}
                </Heading>
                <Field className="kl-no-print">
                  <Label htmlFor="my-peer-by">{s.peersBy}</Label>
                  <Select id="my-peer-by" value={peerBy} onChange={(e) => setPeerBy(e.target.value as 'size-class' | 'kostra-group')} data-size="sm">
                    <option value="size-class">{s.peerOptions['size-class']}</option>
                    <option value="kostra-group">{s.peerOptions['kostra-group']}</option>
                  </Select>
                </Field>
                {peerGroups ? (
                  <Table data-testid="my-peers-table" data-size="sm">
                    <caption>{peerCaption}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{s.kommune}</Table.HeaderCell>
                        <Table.HeaderCell>{s.population}</Table.HeaderCell>
                        <Table.HeaderCell>{s.index}</Table.HeaderCell>
                        <Table.HeaderCell>{s.perCapita}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {peerRows.map((r) => (
                        <Table.Row key={r.code} data-unit={r.code} data-mine={r.code === mine ? 'true' : undefined} style={r.code === mine ? { fontWeight: 700 } : undefined}>
                          <Table.Cell>{r.name}</Table.Cell>
                          <Table.Cell className="kl-num">{formatInteger(r.population, lang)}</Table.Cell>
                          <Table.Cell className="kl-num">{formatNumber(r.index, lang, 4)}</Table.Cell>
                          <Table.Cell className="kl-num">{formatInteger(r.changePerCapita, lang)}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                ) : (
                  <Paragraph data-size="sm">{s.noPeers}</Paragraph>
                )}
              </section>
            </div>
          </div>
          <div className="kl-table-scroll" role="region" aria-label={s.criteriaTable} tabIndex={0}>
            <Table data-testid="my-criteria" data-size="sm">
              <caption>{s.criteriaTable}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s.criterion}</Table.HeaderCell>
                  <Table.HeaderCell>{s.value}</Table.HeaderCell>
                  <Table.HeaderCell>{s.national}</Table.HeaderCell>
                  <Table.HeaderCell>{s.ratio}</Table.HeaderCell>
                  <Table.HeaderCell>{s.weight}</Table.HeaderCell>
                  <Table.HeaderCell>{s.contribution}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {criteria.map((c, k) => {
                  const { scale, raw } = c as CriterionRow & { scale: ReturnType<typeof criterionScale>; raw: [number, number] };
                  const unit = scale === 'per1000' ? ` ${s.per1000}` : '';
                  return (
                    <Table.Row key={k}>
                      <Table.Cell>{c.label}</Table.Cell>
                      <Table.Cell className="kl-num">{c.value === null ? '' : formatCriterion(raw[0], scale, lang) + unit}</Table.Cell>
                      <Table.Cell className="kl-num">{c.national === null ? '' : formatCriterion(raw[1], scale, lang) + unit}</Table.Cell>
                      <Table.Cell className="kl-num">{formatNumber(c.ratio, lang, 3)}</Table.Cell>
                      <Table.Cell className="kl-num">{formatNumber(c.weight, lang, 4)}</Table.Cell>
                      <Table.Cell className="kl-num">{c.deviation === 0 ? '' : (c.deviation > 0 ? '+' : '') + formatNumber(c.deviation, lang, 4)}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          {/* The municipality under each scenario (features/scenarios). */}
          <MyScenarios unit={mine} name={name} />
          <div className="kl-no-print kl-report-actions">
            <Button variant="primary" data-size="sm" onClick={() => window.print()} data-testid="my-print">
              {s.print}
            </Button>
            <a href={municipalityHref(mine)} data-testid="my-link" title={s.linkHint}>
              {s.link}
            </a>
            <ExportButtons
              fileBase={`${s.title} ${mine}`}
              testId="my-export"
              tables={(l) => {
                const t = myStrings[l];
                const notes = [myStrings[l].what(dependent, costKeyStrings[l].methods[res.method], res.modelLabel, res.year), myStrings[l].against(current)];
                return [
                  gainLossReportTable(reportKeys(o, res.candidates, l), i, name, l, notes),
                  criteriaReportTable(criteria.map((c) => ({ ...c, unit: c.unit === s.per1000 ? t.per1000 : c.unit })), name, l, notes),
                  peersReportTable(peerRows, name, peerCaption, l),
                ];
              }}
            />
          </div>
        </article>
      )}
    </ViewShell>
  );
}
