/** «Oppdater fra SSB»: fetches every SSB source again with its stored query and lists what changed. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/useLanguage';
import { useStrings } from '../../../i18n/useStrings';
import { refreshSsbSources } from '../../../store/ssbActions';
import { changesText } from './changesText';
import { FetchStatus } from './FetchStatus';
import { ssbStrings } from './strings';
import { useSsbTask } from './useSsbTask';

export function RefreshPanel({ count }: { count: number }) {
  const s = useStrings(ssbStrings);
  const lang = useLanguage();
  const task = useSsbTask();
  const [lines, setLines] = useState<{ id: string; text: string }[]>([]);
  const refresh = () =>
    void task.run(async (signal, onProgress) => {
      setLines([]);
      const out = await refreshSsbSources({ signal, onProgress });
      setLines(out.filter((o) => o.changes).map((o) => ({ id: o.source.id, text: `${o.source.id} (${s.table} ${o.source.ssb?.query.tableId}): ${changesText(o.changes!, lang)}` })));
      const cancelled = out.some((o) => o.problems.some((p) => p.code === 'ssb-cancelled'));
      return { problems: out.flatMap((o) => o.problems).filter((p) => p.code !== 'ssb-cancelled'), message: cancelled ? s.cancelled : null };
    });
  return (
    <div className="kl-ssb-refresh" data-testid="ssb-refresh-panel">
      <Paragraph data-size="sm">{s.refreshHelp}</Paragraph>
      <Button data-size="sm" variant="secondary" onClick={refresh} disabled={task.running} data-testid="ssb-refresh">
        {s.refresh} ({count})
      </Button>
      <FetchStatus task={task} onCancel={task.cancel} testId="ssb-refresh-status" />
      {lines.length > 0 && (
        <ul className="kl-ssb-changes" data-testid="ssb-changes" aria-live="polite">
          {lines.map((l) => (
            <li key={l.id}>{l.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
