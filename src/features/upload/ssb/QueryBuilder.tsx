/**
 * Building a query for one table from its metadata: a choice per dimension (DimensionChoice), the
 * number of cells and of requests before anything is fetched (limit from the API's /config), then
 * «Hent tabellen» with progress and cancel. Choosing a code list re-reads the metadata with it, so the
 * values shown are the list's (K-3101 Halden …).
 */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import type { Problem } from '../../../engine/problem';
import { ProblemList } from '../../../app/ProblemList';
import { formatInteger } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { useStrings } from '../../../i18n/useStrings';
import type { SsbQuery } from '../../../spec/sections/data';
import { cellCount, resolveQuery } from '../../../ssb/query';
import { DEFAULT_MAX_URL_LENGTH, splitRequest } from '../../../ssb/split';
import type { ApiConfig, TableMeta } from '../../../ssb/types';
import { fetchSsbSource, problemsOf, ssbClient } from '../../../store/ssbActions';
import { chosenCodelists, defaultChoice, toSelection, type DimChoice } from './choices';
import { DimensionChoice } from './DimensionChoice';
import { FetchStatus } from './FetchStatus';
import { ssbStrings } from './strings';
import { useSsbTask } from './useSsbTask';

export function QueryBuilder({ tableId }: { tableId: string }) {
  const s = useStrings(ssbStrings);
  const lang = useLanguage();
  const [base, setBase] = useState<TableMeta | null>(null);
  const [meta, setMeta] = useState<TableMeta | null>(null);
  const [config, setConfig] = useState<ApiConfig | null>(null);
  const [choices, setChoices] = useState<Record<string, DimChoice>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const task = useSsbTask();
  const codelists = useMemo(() => chosenCodelists(choices), [choices]);
  const codelistKey = JSON.stringify(codelists);

  // The table's own metadata: its dimensions, code lists and the default choices.
  useEffect(() => {
    const client = ssbClient();
    if (!client) return;
    let live = true;
    Promise.all([client.getConfig(), client.getMetadata(tableId)])
      .then(([cfg, m]) => {
        if (!live) return;
        setConfig(cfg);
        setBase(m);
        setChoices(Object.fromEntries(m.dimensions.map((d) => [d.id, defaultChoice(d)])));
      })
      .catch((e: unknown) => live && setProblems(problemsOf(e)));
    return () => {
      live = false;
    };
  }, [tableId]);

  // With code lists chosen, the values shown and counted are the lists'.
  useEffect(() => {
    const client = ssbClient();
    if (!client || !base) return;
    const lists = JSON.parse(codelistKey) as Record<string, string>;
    if (Object.keys(lists).length === 0) {
      setMeta(base);
      return;
    }
    let live = true;
    setMeta(null);
    client
      .getMetadata(tableId, lists)
      .then((m) => live && setMeta(m))
      .catch((e: unknown) => live && setProblems(problemsOf(e)));
    return () => {
      live = false;
    };
  }, [tableId, base, codelistKey]);

  const query: SsbQuery | null = useMemo(() => (meta ? { tableId, lang: 'no', selection: toSelection(meta, choices) } : null), [meta, choices, tableId]);
  const plan = useMemo(() => {
    if (!meta || !query || !config) return null;
    const r = resolveQuery(meta, query);
    const ok = !r.unknown.length && !r.unknownDims.length && !r.missingMandatory.length && cellCount(r.request) > 0;
    const cells = cellCount(r.request);
    const requests = ok ? splitRequest(r.request, { maxCells: config.maxDataCells, maxUrlLength: DEFAULT_MAX_URL_LENGTH, api: ssbClient()?.api ?? '' }).length : 0;
    return { ok, cells, requests, missing: r.missingMandatory };
  }, [meta, query, config]);

  if (!base) {
    return (
      <div className="kl-ssb-builder" data-testid="ssb-builder" data-state="loading">
        {problems.length ? <ProblemList problems={problems} heading={s.problems} /> : <Paragraph data-size="sm">{s.loadingMeta}</Paragraph>}
      </div>
    );
  }
  const fetchNow = () =>
    query &&
    void task.run(async (signal, onProgress) => {
      const r = await fetchSsbSource(query, { signal, onProgress });
      const cancelled = r.problems.some((p) => p.code === 'ssb-cancelled');
      return {
        problems: cancelled ? [] : r.problems,
        message: cancelled ? (t) => t.cancelled : r.source ? (t, l) => `${t.table} ${tableId} ${t.added} «${r.source!.id}» (${formatInteger(r.source!.ssb?.cells ?? 0, l)} ${t.cells}).` : null,
      };
    });

  return (
    <div className="kl-ssb-builder" data-testid="ssb-builder" data-state={meta ? 'ready' : 'loading'}>
      <Heading level={4} data-size="xs">
        {base.label}
      </Heading>
      <Paragraph data-size="sm">
        {s.updated}: {base.updated?.slice(0, 10) ?? s.unknown}
      </Paragraph>
      <ProblemList problems={problems} heading={s.problems} />
      <div className="kl-ssb-dims">
        {(meta ?? base).dimensions.map((d) => {
          const offered = base.dimensions.find((b) => b.id === d.id)?.codelists ?? [];
          return <DimensionChoice key={d.id} tableId={tableId} dim={{ ...d, codelists: offered }} choice={choices[d.id] ?? defaultChoice(d)} onChange={(c) => setChoices((x) => ({ ...x, [d.id]: c }))} />;
        })}
      </div>
      {plan && config && (
        <Paragraph data-size="sm" data-testid="ssb-plan" data-cells={plan.cells} data-requests={plan.requests} aria-live="polite">
          {plan.ok
            ? `${s.plan} ${formatInteger(plan.cells, lang)} ${s.cells}. ${s.split} ${formatInteger(plan.requests, lang)} ${plan.requests === 1 ? s.request : s.requests} (${s.limit}: ${formatInteger(config.maxDataCells, lang)} ${s.cells}).`
            : `${s.invalid}${plan.missing.length ? `: ${plan.missing.join(', ')}` : ''}.`}
        </Paragraph>
      )}
      <Button data-size="sm" data-testid="ssb-fetch" disabled={!plan?.ok || task.running} onClick={fetchNow}>
        {s.fetch}
      </Button>
      <FetchStatus task={task} onCancel={task.cancel} testId="ssb-fetch-status" />
    </div>
  );
}
