/** «Oppdater fra SSB»: fetches every SSB source again with its stored query and lists what changed. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/useLanguage';
import { useStrings } from '../../../i18n/useStrings';
import type { DatasetChanges } from '../../../ssb/diff';
import { refreshSsbSources } from '../../../store/ssbActions';
import { changesText } from './changesText';
import { FetchStatus } from './FetchStatus';
import { ssbStrings } from './strings';
import { useSsbTask } from './useSsbTask';

export function RefreshPanel({ count }: { count: number }) {
  const s = useStrings(ssbStrings);
  const lang = useLanguage();
  const task = useSsbTask();
  // The outcomes, not their text: the lines follow a change of language.
  const [changed, setChanged] = useState<{ id: string; tableId: string; changes: DatasetChanges }[]>([]);
  const refresh = () =>
    void task.run(async (signal, onProgress) => {
      setChanged([]);
      const out = await refreshSsbSources({ signal, onProgress });
      setChanged(out.flatMap((o) => (o.changes ? [{ id: o.source.id, tableId: o.source.ssb?.query.tableId ?? '', changes: o.changes }] : [])));
      const cancelled = out.some((o) => o.problems.some((p) => p.code === 'ssb-cancelled'));
      return { problems: out.flatMap((o) => o.problems).filter((p) => p.code !== 'ssb-cancelled'), message: cancelled ? (t) => t.cancelled : null };
    });
  return (
    <div className="kl-ssb-refresh" data-testid="ssb-refresh-panel">
      <Paragraph data-size="sm">{s.refreshHelp}</Paragraph>
      <Button data-size="sm" variant="secondary" onClick={refresh} disabled={task.running} data-testid="ssb-refresh">
        {s.refresh} ({count})
      </Button>
      <FetchStatus task={task} onCancel={task.cancel} testId="ssb-refresh-status" />
      {changed.length > 0 && (
        <ul className="kl-ssb-changes" data-testid="ssb-changes" aria-live="polite">
          {changed.map((c) => (
            <li key={c.id}>
              {c.id} ({s.table} {c.tableId}): {changesText(c.changes, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
