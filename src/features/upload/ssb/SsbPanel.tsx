/**
 * «Hent fra SSB» in the data view: the setting that allows fetching (off = the page sends nothing), the
 * sector recipes, the table search, the query builder for the chosen table, and «Oppdater fra SSB» for the sources already
 * fetched. An offline build (VITE_SSB_FETCH=off) shows why fetching is not there.
 */
import { Alert, Details, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useStrings } from '../../../i18n/useStrings';
import { pageSsb } from '../../../ssb/pageSettings';
import { useAnalysisStore } from '../../../store/analysisStore';
import { useUiStore } from '../../../store/uiStore';
import { QueryBuilder } from './QueryBuilder';
import { RecipePanel } from './RecipePanel';
import { RefreshPanel } from './RefreshPanel';
import { ssbStrings } from './strings';
import { TableSearch } from './TableSearch';
import './ssb.css';

export function SsbPanel() {
  const s = useStrings(ssbStrings);
  const allowed = useUiStore((u) => u.ssbFetch);
  const setAllowed = useUiStore((u) => u.setSsbFetch);
  const ssbSources = useAnalysisStore((st) => st.spec.data.sources.filter((x) => x.ssb).length);
  const [table, setTable] = useState<string | null>(null);
  return (
    <Details data-testid="ssb-panel" className="kl-ssb" defaultOpen={ssbSources > 0}>
      <Details.Summary>{s.title}</Details.Summary>
      <Details.Content>
        <div className="kl-ssb-body">
          <Paragraph data-size="sm">{s.intro}</Paragraph>
          {!pageSsb.api ? (
            <Alert data-color="info" data-size="sm" data-testid="ssb-built-out">
              {s.builtOut}
            </Alert>
          ) : (
            <>
              <Switch data-size="sm" label={s.allow} description={s.allowHelp} checked={allowed} onChange={(e) => setAllowed(e.target.checked)} data-testid="ssb-allow" />
              {!allowed && <Paragraph data-size="sm">{s.off}</Paragraph>}
              {allowed && (
                <>
                  {ssbSources > 0 && <RefreshPanel count={ssbSources} />}
                  <RecipePanel />
                  <TableSearch onPick={setTable} />
                  {table && <QueryBuilder key={table} tableId={table} />}
                </>
              )}
            </>
          )}
        </div>
      </Details.Content>
    </Details>
  );
}
