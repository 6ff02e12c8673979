/** My municipality: search, index waterfall, criteria vs national, candidate keys, peers. */
import { useMemo, useRef, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { SyntheticNote } from '../../charts/SyntheticNote';
import { BASIC } from '../../engine/costkey';
import { formatInteger, formatNumber, formatPercent, formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore, useUiStore } from '../../store';
import { useCostKey, useKeyOutcome } from '../costkey/liveKey';
import { CategoryBars } from '../../charts/svg/CategoryBars';
import { srOnly } from '../../charts/svg/SortedChangeFigure';
import { ChartExportButtons } from '../../charts/ChartExportButtons';
import { myStrings } from './strings';
import { useIntervalsFor, useKeyUncertainty } from '../costkey/uncertainty';
import { uncertaintyStrings } from '../costkey/uncertaintyStrings';
import { MyScenarios } from '../scenarios/MyScenarios';
import { ViewShell } from '../kit/ViewShell';

function Search({ units, names }: { units: string[]; names: string[] }) {
  const s = useStrings(myStrings);
  const setView = useUiStore((st) => st.setView);
  const [q, setQ] = useState('');
  const query = q.trim().toLowerCase();
  const hits = query ? units.map((u, i) => ({ u, name: names[i] })).filter((x) => x.u.startsWith(query) || x.name.toLowerCase().includes(query)).slice(0, 8) : [];
  const choose = (u: string) => {
    setView({ myMunicipality: u });
    setQ('');
  };
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (hits[0]) choose(hits[0].u);
      }}
    >
      <Textfield label={s.find} value={q} onChange={(e) => setQ(e.target.value)} data-testid="my-search" autoComplete="off" />
      {query && hits.length === 0 && <Paragraph data-size="sm">{s.notFound}</Paragraph>}
      {hits.length > 0 && (
        <ul className="kl-search-hits" data-testid="my-hits">
          {hits.map((h) => (
            <li key={h.u}>
              <Button variant="tertiary" data-size="sm" onClick={() => choose(h.u)} type="button">
                {h.name} ({h.u})
              </Button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

export function MyMunicipalityView() {
  const s = useStrings(myStrings);
  const lang = useLanguage();
  const su = useStrings(uncertaintyStrings);
  const res = useCostKey();
  const o = useKeyOutcome();
  const boot = useIntervalsFor(o);
  const ku = useKeyUncertainty();
  const mine = useUiStore((st) => st.myMunicipality);
  const phase = useAnalysisStore((st) => st.spec.redistribution.phaseInYears);
  const [peerBy, setPeerBy] = useState<'size-class' | 'kostra-group'>('size-class');
  const waterfallRef = useRef<HTMLElement>(null);
  const base = res?.base ?? null;
  const i = base && mine ? base.prep.units.indexOf(mine) : -1;
  const waterfall = useMemo(() => {
    if (!base || !o || i < 0) return [];
    const n = base.prep.units.length;
    const names = [BASIC, ...base.prep.criteria];
    let acc = 0;
    return names.map((c, j) => {
      const v = o.contributions[j * n + i];
      // Floating bars: each starts where the previous ended (layout, not a statistic).
      const start = acc;
      acc += v;
      return { label: c === BASIC ? s.basic : (res?.labels[c] ?? c), base: start, value: v, color: v >= 0 ? '#1a3b8f' : '#b3261e' };
    });
  }, [base, o, i, res, s.basic]);

  if (!res || !base || !o) {
    return (
      <ViewShell testId="my-view" title={s.title} empty={s.noResults} />
    );
  }
  const name = i >= 0 ? base.names[i] : '';
  const peerGroups = base.groups[peerBy];
  const peers = i >= 0 && peerGroups ? base.prep.units.map((_, j) => j).filter((j) => peerGroups[j] === peerGroups[i]) : [];
  return (
    <ViewShell testId="my-view" title={s.title} lead={s.intro}>
      <Search units={base.prep.units} names={base.names} />
      {i < 0 ? (
        <Paragraph data-testid="my-none">{s.none}</Paragraph>
      ) : (
        <>
          <Heading level={2} data-size="sm" data-testid="my-name">
            {name} ({mine})
          </Heading>
          <Paragraph data-testid="my-summary">
            {s.index}: {formatNumber(o.index[i], lang, 4)}. {s.summary(name, formatInteger(o.change[i], lang), formatInteger(o.changePerCapita[i], lang))}
          </Paragraph>
          {boot && (
            <Paragraph data-testid="my-uncertainty">
              {/* The share of replications on the side of the point estimate, in plain words. */}
              {boot.change[i] < 0 ? su.loses(formatPercent(boot.shareLoss[i], lang, 0)) : su.gains(formatPercent(boot.shareGain[i], lang, 0))}{' '}
              {su.interval(formatInteger(boot.low95[i], lang), formatInteger(boot.high95[i], lang))}{' '}
              {boot.signUncertain[i] === 1 ? `${su.uncertainSign} ` : ''}
              <small>{su.stated(boot.valid, boot.B, boot.seed, boot.nClusters, ku?.modelLabel ?? '', boot.method)}</small>
            </Paragraph>
          )}
          {o.phaseIn.length > 1 && (
            <ul>
              {o.phaseIn.map((a, t) => (
                <li key={t}>
                  {s.phase(t + 1, phase)}: {formatInteger(a[i], lang)} kr
                </li>
              ))}
            </ul>
          )}
          <figure className="kl-chart" ref={waterfallRef}>
            <figcaption>{s.waterfall}</figcaption>
            <p style={srOnly}>{s.waterfallDesc(name, formatNumber(o.index[i], lang, 4))}</p>
            <CategoryBars
              bars={waterfall}
              format={(v) => formatNumber(v, lang, 2)}
              label={s.waterfallDesc(name, formatNumber(o.index[i], lang, 4))}
              height={260}
              maxBarWidth={80}
            />
            <SyntheticNote />
            <ChartExportButtons fileBase={`${s.waterfall} ${mine}`} chartRef={waterfallRef} chart={{ title: `${s.waterfall}: ${name} (${mine})`, yLabel: s.contribution }} />
          </figure>
          <Table data-testid="my-criteria">
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
              {[BASIC, ...base.prep.criteria].map((c, j) => {
                const n = base.prep.units.length;
                const ratio = j === 0 ? 1 : base.prep.ratios[(j - 1) * n + i];
                const nat = j === 0 ? NaN : base.prep.national[j - 1];
                return (
                  <Table.Row key={c}>
                    <Table.Cell>{c === BASIC ? s.basic : (res.labels[c] ?? c)}</Table.Cell>
                    <Table.Cell>{j === 0 ? '' : formatSignificant(ratio * nat, lang, 4)}</Table.Cell>
                    <Table.Cell>{j === 0 ? '' : formatSignificant(nat, lang, 4)}</Table.Cell>
                    <Table.Cell>{formatNumber(ratio, lang, 3)}</Table.Cell>
                    <Table.Cell>{formatNumber(o.key[c] ?? 0, lang, 4)}</Table.Cell>
                    <Table.Cell>{formatNumber(o.contributions[j * n + i], lang, 4)}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
          <Table data-testid="my-candidates">
            <caption>{s.candidates}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s.key}</Table.HeaderCell>
                <Table.HeaderCell>{s.change}</Table.HeaderCell>
                <Table.HeaderCell>{s.perCapita}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              <Table.Row>
                <Table.Cell>{s.proposed}</Table.Cell>
                <Table.Cell data-testid="my-change">{formatInteger(o.change[i], lang)}</Table.Cell>
                <Table.Cell>{formatInteger(o.changePerCapita[i], lang)}</Table.Cell>
              </Table.Row>
              {res.candidates.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    {c.label}
                    {c.sumOk ? '' : ' ⚠'}
                  </Table.Cell>
                  <Table.Cell>{formatInteger(c.change[i], lang)}</Table.Cell>
                  <Table.Cell>{formatInteger(c.changePerCapita[i], lang)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <MyScenarios unit={mine!} name={name} />
          <section aria-labelledby="my-peers">
            <Heading level={2} data-size="sm" id="my-peers">
              {s.peers}
            </Heading>
            <Field>
              <Label htmlFor="my-peer-by">{s.peersBy}</Label>
              <Select id="my-peer-by" value={peerBy} onChange={(e) => setPeerBy(e.target.value as 'size-class' | 'kostra-group')}>
                <option value="size-class">{s.peerOptions['size-class']}</option>
                <option value="kostra-group">{s.peerOptions['kostra-group']}</option>
              </Select>
            </Field>
            {peerGroups ? (
              <Table data-testid="my-peers-table">
                <caption>
                  {s.peers}: {s.peerOptions[peerBy]} ({peerGroups[i] || '–'})
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{s.kommune}</Table.HeaderCell>
                    <Table.HeaderCell>{s.population}</Table.HeaderCell>
                    <Table.HeaderCell>{s.index}</Table.HeaderCell>
                    <Table.HeaderCell>{s.perCapita}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {peers.map((j) => (
                    <Table.Row key={base.prep.units[j]} style={j === i ? { fontWeight: 700 } : undefined}>
                      <Table.Cell>{base.names[j]}</Table.Cell>
                      <Table.Cell>{formatInteger(base.prep.population[j], lang)}</Table.Cell>
                      <Table.Cell>{formatNumber(o.index[j], lang, 4)}</Table.Cell>
                      <Table.Cell>{formatInteger(o.changePerCapita[j], lang)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : (
              <Paragraph data-size="sm">{s.noPeers}</Paragraph>
            )}
          </section>
        </>
      )}
    </ViewShell>
  );
}
