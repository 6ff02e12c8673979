/**
 * «Min kommune» under each scenario: the municipality's index, change in kroner and
 * per inhabitant, and whether it gains or loses, one row per scenario. Read from the worker's
 * `scenarios` result; nothing computed here.
 */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { changeSign } from '../../engine/costkey';
import { formatInteger, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useScenarios } from './ScenarioPanel';
import { scenarioStrings } from './strings';

export function MyScenarios({ unit, name }: { unit: string; name: string }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  const r = useScenarios();
  if (!r?.configured || r.scenarios.length === 0) return null;
  const i = r.units.indexOf(unit);
  return (
    <section aria-labelledby="my-scenarios-heading" data-testid="my-scenarios">
      <Heading level={2} data-size="sm" id="my-scenarios-heading">
        {s.mine}
      </Heading>
      {i < 0 ? (
        <Paragraph data-size="sm">{s.notInComparison}</Paragraph>
      ) : (
        <Table data-size="sm">
          <caption>{s.mineCaption(name)}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s.scenario}</Table.HeaderCell>
              <Table.HeaderCell>{s.index}</Table.HeaderCell>
              <Table.HeaderCell>{s.change}</Table.HeaderCell>
              <Table.HeaderCell>{s.changePerCapita}</Table.HeaderCell>
              <Table.HeaderCell>{s.outcome}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {r.scenarios.map((sc) => {
              const o = sc.outcome;
              const sign = o ? changeSign(o.changePerCapita[i], r.signTolerance) : 0;
              return (
                <Table.Row key={sc.id} data-scenario={sc.id} data-sign={o ? sign : undefined}>
                  <Table.Cell>{sc.label}</Table.Cell>
                  <Table.Cell>{o ? formatNumber(o.index[i], lang, 4) : '–'}</Table.Cell>
                  <Table.Cell>{o ? formatInteger(o.change[i], lang) : '–'}</Table.Cell>
                  <Table.Cell>{o ? formatInteger(o.changePerCapita[i], lang) : '–'}</Table.Cell>
                  <Table.Cell>{o ? (sign > 0 ? s.gains : sign < 0 ? s.loses : s.unchanged) : (sc.problems[0]?.[lang === 'nb' ? 'message' : 'messageEn'] ?? '–')}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
