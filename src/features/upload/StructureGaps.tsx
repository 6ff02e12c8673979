/**
 * Under the structure choice: per year, the municipalities the chosen structure leaves out (or keeps
 * with a break) because of a split, and why — instead of rows that silently disappear.
 */
import { Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useStrings } from '../../i18n/useStrings';
import type { SplitGap } from '../../ingest/types';

const strings = {
  nb: {
    summary: (n: number) => `Delte kommuner: ${n} år med kommuner som er holdt utenfor eller har brudd`,
    lead: 'SSB fører ingen sammenhengende serie for kommuner som fikk deler av en delt kommune. I 2024-strukturen har de derfor ingen rader før delingen; i 2020-strukturen er de med, men uten den delen de fikk.',
    year: 'År',
    missing: 'Ingen rad i strukturen',
    partial: 'Med, men uten den delte delen',
    codes: 'Holdt utenfor (nummer i fila) og hvorfor',
    split: (into: string) => `delt mellom ${into}`,
    received: (into: string, from: string) => `nå en del av ${into}, som fikk en del av ${from}`,
  },
  en: {
    summary: (n: number) => `Divided municipalities: ${n} years with municipalities left out or with a break`,
    lead: 'SSB keeps no continuous series for municipalities that took in part of a divided one. In the 2024 structure they therefore have no rows before the split; in the 2020 structure they are kept, but without the part they took in.',
    year: 'Year',
    missing: 'No row in the structure',
    partial: 'Kept, without the divided part',
    codes: 'Left out (code in the file) and why',
    split: (into: string) => `divided between ${into}`,
    received: (into: string, from: string) => `now part of ${into}, which took in part of ${from}`,
  },
};

const names = (xs: { code: string; name: string }[]) => xs.map((x) => `${x.code} ${x.name}`.trim()).join(', ');

export function StructureGaps({ gaps }: { gaps: SplitGap[] }) {
  const s = useStrings(strings);
  if (gaps.length === 0) return null;
  const anyMissing = gaps.some((g) => g.missingTargets.length > 0);
  const anyPartial = gaps.some((g) => g.partialTargets.length > 0);
  return (
    <Details data-size="sm" data-testid="structure-gaps">
      <Details.Summary>{s.summary(gaps.length)}</Details.Summary>
      <Details.Content>
        <Paragraph data-size="sm">{s.lead}</Paragraph>
        <div className="kl-scroll" tabIndex={0} role="region" aria-label={s.summary(gaps.length)}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s.year}</Table.HeaderCell>
                {anyMissing && <Table.HeaderCell>{s.missing}</Table.HeaderCell>}
                {anyPartial && <Table.HeaderCell>{s.partial}</Table.HeaderCell>}
                <Table.HeaderCell>{s.codes}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {gaps.map((g) => (
                <Table.Row key={g.year} data-year={g.year}>
                  <Table.Cell>{g.year}</Table.Cell>
                  {anyMissing && <Table.Cell>{names(g.missingTargets)}</Table.Cell>}
                  {anyPartial && <Table.Cell>{names(g.partialTargets)}</Table.Cell>}
                  <Table.Cell>
                    <ul className="kl-gap-list">
                      {g.codes.map((c) => (
                        <li key={c.code}>
                          {c.code} {c.name}: {c.kind === 'split' ? s.split(names(c.into)) : s.received(names(c.into), names(c.splitFrom))}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </Details.Content>
    </Details>
  );
}
