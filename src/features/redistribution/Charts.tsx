import type { CSSProperties } from 'react';
/** Charts of the redistribution; each has a caption and a text alternative next to it. */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { KeyBase, KeyOutcome } from '../../engine/costkey';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { redistributionStrings } from './strings';

/** Visually hidden but read by screen readers: the text alternative of a chart. */
export const srOnly: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: number | string };
  textAnchor?: 'inherit' | 'end' | 'start' | 'middle';
  orientation?: string;
}

/**
 * Axis tick as plain SVG text. Recharts' own tick measures every word with getBoundingClientRect
 * (one forced layout each), which made a weight edit cost seconds on a page with a 357-row table.
 */
export function plainTick(format: (v: number | string) => string, fontSize = 12) {
  return function PlainTick(p: TickProps) {
    const vertical = p.orientation === 'left' || p.orientation === 'right';
    return (
      <text x={p.x} y={p.y} dy={vertical ? '0.32em' : '0.9em'} textAnchor={p.textAnchor ?? 'middle'} fontSize={fontSize} fill="#333">
        {p.payload ? format(p.payload.value) : ''}
      </text>
    );
  };
}

const GAIN = '#1e7d34';
const LOSS = '#b3261e';
const MINE = '#1a3b8f';

/** A short fingerprint of the key, so tests and the bench can see which key a chart shows. */
export function keyFingerprint(o: KeyOutcome): string {
  return Object.keys(o.key)
    .sort()
    .map((k) => `${k}=${o.key[k].toFixed(6)}`)
    .join(';');
}

export function SortedChangeChart({ base, outcome, mine }: { base: KeyBase; outcome: KeyOutcome; mine: string | null }) {
  const s = useStrings(redistributionStrings);
  const lang = useLanguage();
  const data = Array.from(outcome.order, (i) => ({
    unit: base.prep.units[i],
    name: base.names[i],
    value: outcome.changePerCapita[i],
  }));
  const mi = mine ? base.prep.units.indexOf(mine) : -1;
  const mineText = mi >= 0 ? s.mineIs(base.names[mi], formatInteger(outcome.changePerCapita[mi], lang)) : '';
  return (
    <figure className="kl-chart" data-testid="redistribution-chart" data-key={keyFingerprint(outcome)}>
      <figcaption>{s.sorted}</figcaption>
      <p style={srOnly} data-testid="redistribution-chart-desc">
        {s.sortedDesc(data.length, mineText)}
      </p>
      <div style={{ width: '100%', height: 320 }}>
        <ResponsiveContainer width="100%" height={320}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 16 }} barCategoryGap={0}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            {/* Hidden: 357 category labels would be measured one by one (a forced layout each). */}
            <XAxis dataKey="name" hide interval={0} tick={false} />
            <YAxis interval={0} tickCount={6} tick={plainTick((v) => formatInteger(Number(v), lang))} width={70} />
            <Tooltip formatter={(v) => formatInteger(Number(v), lang)} />
            <ReferenceLine y={0} stroke="#333" />
            <Bar dataKey="value" isAnimationActive={false} name={s.changePerCapita}>
              {data.map((d) => (
                <Cell key={d.unit} fill={d.unit === mine ? MINE : d.value >= 0 ? GAIN : LOSS} stroke={d.unit === mine ? MINE : undefined} strokeWidth={d.unit === mine ? 3 : 0} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {mi >= 0 && <p data-testid="redistribution-mine">{mineText.trim()}</p>}
    </figure>
  );
}

export function ChangeVsPopulation({ base, outcome, mine }: { base: KeyBase; outcome: KeyOutcome; mine: string | null }) {
  const s = useStrings(redistributionStrings);
  const lang = useLanguage();
  const all = base.prep.units.map((u, i) => ({ unit: u, name: base.names[i], population: base.prep.population[i], value: outcome.changePerCapita[i] }));
  return (
    <figure className="kl-chart">
      <figcaption>{s.scatter}</figcaption>
      <div style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart margin={{ top: 8, right: 8, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis interval={0} type="number" dataKey="population" scale="log" domain={['auto', 'auto']} name={s.population} tick={plainTick((v) => formatInteger(Number(v), lang))} />
            <YAxis interval={0} type="number" dataKey="value" name={s.changePerCapita} tick={plainTick((v) => formatInteger(Number(v), lang))} width={70} />
            <ReferenceLine y={0} stroke="#333" />
            <Tooltip formatter={(v) => formatInteger(Number(v), lang)} />
            <Scatter data={all.filter((d) => d.unit !== mine)} fill="#5a6b7b" isAnimationActive={false} name={s.kommune} />
            <Scatter data={all.filter((d) => d.unit === mine)} fill={MINE} shape="diamond" isAnimationActive={false} name={mine ?? ''} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <p style={srOnly}>{s.scatterDesc}</p>
    </figure>
  );
}

export function ChangeHistogram({ outcome }: { outcome: KeyOutcome }) {
  const s = useStrings(redistributionStrings);
  const lang = useLanguage();
  const data = outcome.distribution.map((b) => ({ label: `${formatInteger(b.from, lang)} – ${formatInteger(b.to, lang)}`, count: b.count, mid: (b.from + b.to) / 2 }));
  return (
    <figure className="kl-chart">
      <figcaption>{s.histogram}</figcaption>
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={plainTick((v) => String(v), 10)} interval={5} />
            <YAxis interval={0} allowDecimals={false} tick={plainTick((v) => String(v))} />
            <Tooltip />
            <Bar dataKey="count" isAnimationActive={false} name={s.count}>
              {data.map((d) => (
                <Cell key={d.label} fill={d.mid >= 0 ? GAIN : LOSS} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{s.histogramDesc(data.length)}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{s.changePerCapita}</th>
              <th scope="col">{s.count}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <td>{d.label}</td>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
