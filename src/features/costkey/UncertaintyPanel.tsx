/**
 * «Usikkerhet i nøkkelen» in the cost-key view: switches the key's cluster bootstrap on (spec
 * `keyUncertainty`), and shows each weight with its 90 % and 95 % interval and the share of
 * replications with the same sign, with the replications, seed, model and method stated. While the
 * bootstrap runs: its progress and «Avbryt»; when a block of it fails twice in a helper thread: that
 * error here, with «Prøv igjen».
 */
import { Alert, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { JobCancelled, JobProgress } from '../kit/JobProgress';
import { JobFailure, poolFailures } from '../kit/JobFailure';
import { BASIC } from '../../engine/costkey';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store';
import { useCostKey } from './liveKey';
import { useKeyUncertainty } from './uncertainty';
import { uncertaintyStrings } from './uncertaintyStrings';

export function UncertaintyPanel() {
  const s = useStrings(uncertaintyStrings);
  const lang = useLanguage();
  const settings = useAnalysisStore((st) => st.spec.keyUncertainty);
  const update = useAnalysisStore((st) => st.updateSpec);
  const running = useAnalysisStore((st) => st.status === 'running');
  const ku = useKeyUncertainty();
  const ck = useCostKey();
  const r = ku?.enabled ? ku.result : null;
  const [cancelled, setCancelled] = useState(false);
  const failures = ku?.enabled ? poolFailures(ku.problems, 'key-bootstrap') : [];
  const fmtW = (x: number) => formatNumber(x, lang, 4);
  const interval = (lo: number, hi: number) => `${fmtW(lo)} – ${fmtW(hi)}`;
  return (
    <section aria-labelledby="ck-uncertainty" data-testid="costkey-uncertainty">
      <Heading level={2} data-size="sm" id="ck-uncertainty">
        {s.heading}
      </Heading>
      <Paragraph data-size="sm">{s.intro}</Paragraph>
      <Checkbox
        label={s.enable}
        checked={settings.enabled}
        data-testid="uncertainty-enable"
        onChange={(e) => {
          setCancelled(false);
          update((d) => void (d.keyUncertainty.enabled = e.target.checked));
        }}
      />
      {settings.enabled && (
        <div className="kl-inline-fields">
          <Textfield
            label={s.replications}
            type="number"
            min={50}
            max={20000}
            data-size="sm"
            value={settings.replications}
            data-testid="uncertainty-replications"
            onChange={(e) => {
              const v = Math.round(Number(e.target.value));
              if (v >= 50 && v <= 20000) update((d) => void (d.keyUncertainty.replications = v));
            }}
          />
          <Textfield
            label={s.seed}
            type="number"
            min={0}
            data-size="sm"
            value={settings.seed}
            data-testid="uncertainty-seed"
            onChange={(e) => {
              const v = Math.round(Number(e.target.value));
              if (Number.isFinite(v) && v >= 0) update((d) => void (d.keyUncertainty.seed = v));
            }}
          />
        </div>
      )}
      {settings.enabled && running && !r && <Paragraph data-size="sm">{s.running}</Paragraph>}
      <JobProgress
        job="key-bootstrap"
        title={s.job}
        testId="uncertainty-progress"
        onCancel={() => {
          setCancelled(true);
          update((d) => void (d.keyUncertainty.enabled = false));
        }}
      />
      <JobCancelled text={cancelled ? s.cancelled : null} testId="uncertainty-cancelled" />
      <JobFailure problems={failures} testId="uncertainty-failure" />
      {ku?.enabled &&
        ku.problems
          .filter((p) => p.severity !== 'info' && !failures.includes(p))
          .map((p, i) => (
            <Alert key={i} data-color="warning" data-testid="uncertainty-problem">
              {lang === 'nb' ? p.message : p.messageEn}
            </Alert>
          ))}
      {r && (
        <>
          <Paragraph data-size="sm" data-testid="uncertainty-stated">
            {s.stated(formatInteger(r.valid, lang), formatInteger(r.B, lang), r.seed, formatInteger(r.nClusters, lang), ku?.modelLabel ?? '', r.method)} {ku?.currentLabel ? s.against(ku.currentLabel) : ''}{' '}
            {s.identities(r.identities.ok)}
          </Paragraph>
          {ck?.edited && <Paragraph data-size="sm">{s.edited}</Paragraph>}
          <Table data-testid="uncertainty-weights">
            <caption>{s.table}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s.criterion}</Table.HeaderCell>
                <Table.HeaderCell>{s.estimate}</Table.HeaderCell>
                <Table.HeaderCell>{s.ci90}</Table.HeaderCell>
                <Table.HeaderCell>{s.ci95}</Table.HeaderCell>
                <Table.HeaderCell>{s.sameSign}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {r.weights.map((w) => (
                <Table.Row key={w.name} data-criterion={w.name}>
                  <Table.Cell>{w.name === BASIC ? s.basic : (ck?.labels[w.name] ?? w.name)}</Table.Cell>
                  <Table.Cell>{fmtW(w.estimate)}</Table.Cell>
                  <Table.Cell>{interval(w.low90, w.high90)}</Table.Cell>
                  <Table.Cell>{interval(w.low95, w.high95)}</Table.Cell>
                  <Table.Cell data-testid={`same-sign-${w.name}`}>{formatPercent(w.sameSign, lang, 1)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}
