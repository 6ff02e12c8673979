/** District (bydel) mode: counts, keys, budget, shares, change in pp and kroner, phase-in. */
import { useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { formatInteger, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store';
import { TRONDHEIM_BUDGET_NOTE, trondheimExample } from './example';
import { ExportButtons } from '../ExportButtons';
import { districtReportTable } from '../../export/districtTable';
import { ViewShell } from '../kit/ViewShell';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';

const strings = {
  nb: {
    title: 'Bydeler',
    intro: 'Fordel et budsjett mellom bydeler: andel = Σ vekt · bydelens antall / byens antall, per kriterium.',
    example: 'Last eksempel: Trondheim 2012 (Fafo 2014)',
    counts: 'Antall per bydel og kriterium',
    district: 'Bydel',
    addDistrict: 'Legg til bydel',
    addCriterion: 'Legg til kriterium',
    newDistrict: 'Navn på ny bydel',
    newCriterion: 'Navn på nytt kriterium',
    keys: 'Nøkler',
    weight: (k: string, c: string) => `Vekt i ${k} for ${c}`,
    count: (d: string, c: string) => `Antall ${c} i ${d}`,
    sum: 'Sum vekter',
    budget: 'Budsjett som fordeles (kr)',
    current: 'Dagens nøkkel',
    proposed: 'Foreslått nøkkel',
    none: 'Ingen',
    phase: 'Innfasing (år)',
    results: 'Andeler og endring',
    share: (k: string) => `Andel ${k} (%)`,
    rounded: 'Avrundet (%)',
    changePp: 'Endring (prosentpoeng)',
    changePpRounded: 'Endring, avrundede andeler',
    kroner: 'Budsjett (kr)',
    changeKr: 'Endring (kr)',
    yearT: (t: number) => `År ${t} (kr)`,
    empty: 'Legg inn bydeler, kriterier og minst én nøkkel, eller last eksemplet.',
    problems: 'Meldinger om nøklene',
    source: 'Kilde',
  },
  en: {
    title: 'Districts',
    intro: 'Allocate a budget between city districts: share = Σ weight · district count / city count, per criterion.',
    example: 'Load example: Trondheim 2012 (Fafo 2014)',
    counts: 'Counts per district and criterion',
    district: 'District',
    addDistrict: 'Add district',
    addCriterion: 'Add criterion',
    newDistrict: 'Name of new district',
    newCriterion: 'Name of new criterion',
    keys: 'Keys',
    weight: (k: string, c: string) => `Weight in ${k} for ${c}`,
    count: (d: string, c: string) => `Count ${c} in ${d}`,
    sum: 'Sum of weights',
    budget: 'Budget to allocate (kr)',
    current: 'Current key',
    proposed: 'Proposed key',
    none: 'None',
    phase: 'Phase-in (years)',
    results: 'Shares and change',
    share: (k: string) => `Share ${k} (%)`,
    rounded: 'Rounded (%)',
    changePp: 'Change (percentage points)',
    changePpRounded: 'Change, rounded shares',
    kroner: 'Budget (kr)',
    changeKr: 'Change (kr)',
    yearT: (t: number) => `Year ${t} (kr)`,
    empty: 'Enter districts, criteria and at least one key, or load the example.',
    problems: 'Messages about the keys',
    source: 'Source',
  },
};

export function DistrictView() {
  const s = useStrings(strings);
  const lang = useLanguage();
  const spec = useAnalysisStore((st) => st.spec.district);
  const update = useAnalysisStore((st) => st.updateSpec);
  const res = useAnalysisStore((st) => st.results?.district ?? null);
  const [newDistrict, setNewDistrict] = useState('');
  const [newCriterion, setNewCriterion] = useState('');
  const districts = Object.keys(spec.counts);
  const criteria = [...new Set(districts.flatMap((d) => Object.keys(spec.counts[d])))];
  const cur = res?.keys.find((k) => k.id === res.currentKeyId);
  const prop = res?.keys.find((k) => k.id === res.proposedKeyId);
  const keyProblems = (res?.problems ?? []).map((p) => {
    const key = spec.keys.find((k) => k.id === p.where?.model)?.label;
    // The key's id is no model: its label leads the message instead.
    const { model: _id, ...where } = p.where ?? {};
    return key ? { ...p, message: `${key}: ${p.message}`, messageEn: `${key}: ${p.messageEn}`, where } : p;
  });
  return (
    <ViewShell testId="district-view" title={s.title} lead={s.intro}>
      <Button variant="secondary" data-testid="district-example" onClick={() => update((d) => void Object.assign(d.district, structuredClone(trondheimExample)))}>
        {s.example}
      </Button>
      <section aria-labelledby="dv-counts">
        <Heading level={2} data-size="sm" id="dv-counts">
          {s.counts}
        </Heading>
        {districts.length > 0 && (
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={s.counts}>
            <Table>
              <caption>{s.counts}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s.district}</Table.HeaderCell>
                  {criteria.map((c) => (
                    <Table.HeaderCell key={c}>{c}</Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {districts.map((d) => (
                  <Table.Row key={d}>
                    <Table.HeaderCell>{d}</Table.HeaderCell>
                    {criteria.map((c) => (
                      <Table.Cell key={c}>
                        <input
                          type="number"
                          aria-label={s.count(d, c)}
                          value={spec.counts[d][c] ?? 0}
                          style={{ width: '6rem' }}
                          onChange={(e) => update((dr) => void (dr.district.counts[d][c] = Number(e.target.value) || 0))}
                        />
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}>
          <Textfield label={s.newDistrict} value={newDistrict} onChange={(e) => setNewDistrict(e.target.value)} />
          <Button
            variant="secondary"
            disabled={!newDistrict.trim()}
            onClick={() => {
              update((dr) => void (dr.district.counts[newDistrict.trim()] = Object.fromEntries(criteria.map((c) => [c, 0]))));
              setNewDistrict('');
            }}
          >
            {s.addDistrict}
          </Button>
          <Textfield label={s.newCriterion} value={newCriterion} onChange={(e) => setNewCriterion(e.target.value)} />
          <Button
            variant="secondary"
            disabled={!newCriterion.trim() || districts.length === 0}
            onClick={() => {
              update((dr) => {
                for (const d of Object.keys(dr.district.counts)) dr.district.counts[d][newCriterion.trim()] = 0;
              });
              setNewCriterion('');
            }}
          >
            {s.addCriterion}
          </Button>
        </div>
      </section>
      <section aria-labelledby="dv-keys">
        <Heading level={2} data-size="sm" id="dv-keys">
          {s.keys}
        </Heading>
        {spec.keys.map((k, ki) => {
          const sum = Object.values(k.weights).reduce((a, b) => a + b, 0);
          return (
            <fieldset key={k.id}>
              <legend>
                {k.label} ({s.source}: {k.source || '–'})
              </legend>
              {criteria.map((c) => (
                <label key={c} style={{ display: 'inline-flex', flexDirection: 'column', marginRight: '0.75rem' }}>
                  <span>{c}</span>
                  <input
                    type="number"
                    step={0.05}
                    aria-label={s.weight(k.label, c)}
                    value={k.weights[c] ?? 0}
                    style={{ width: '6rem' }}
                    onChange={(e) => update((dr) => void (dr.district.keys[ki].weights[c] = Number(e.target.value) || 0))}
                  />
                </label>
              ))}
              <Paragraph data-size="sm">
                {s.sum}: {formatNumber(sum, lang, 3)}
              </Paragraph>
            </fieldset>
          );
        })}
        <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
          <Textfield
            label={s.budget}
            type="number"
            value={spec.budget}
            data-testid="district-budget"
            onChange={(e) => update((dr) => void (dr.district.budget = Number(e.target.value) || 0))}
          />
          {(['currentKeyId', 'proposedKeyId'] as const).map((f) => (
            <Field key={f}>
              <Label htmlFor={`dv-${f}`}>{f === 'currentKeyId' ? s.current : s.proposed}</Label>
              <Select id={`dv-${f}`} value={spec[f] ?? ''} onChange={(e) => update((dr) => void (dr.district[f] = e.target.value || null))}>
                <option value="">{s.none}</option>
                {spec.keys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.label}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Field>
            <Label htmlFor="dv-phase">{s.phase}</Label>
            <Select id="dv-phase" value={String(spec.phaseInYears)} onChange={(e) => update((dr) => void (dr.district.phaseInYears = Number(e.target.value)))}>
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </section>
      {/* A key's weights that cannot be used (a criterion not in the counts, a zero total), under the keys. */}
      <GroupedProblemList problems={keyProblems} heading={s.problems} testId="district-problems" routine="open" />
      {res ? (
        <section aria-labelledby="dv-results">
          <Heading level={2} data-size="sm" id="dv-results">
            {s.results}
          </Heading>
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={s.results}>
            <Table data-testid="district-results">
              <caption>{s.results}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s.district}</Table.HeaderCell>
                  {res.keys.map((k) => (
                    <Table.HeaderCell key={k.id}>{s.share(k.label)}</Table.HeaderCell>
                  ))}
                  {res.change && (
                    <>
                      <Table.HeaderCell>{s.changePp}</Table.HeaderCell>
                      <Table.HeaderCell>{s.changePpRounded}</Table.HeaderCell>
                      <Table.HeaderCell>{s.kroner}</Table.HeaderCell>
                      <Table.HeaderCell>{s.changeKr}</Table.HeaderCell>
                      {res.change.phaseIn.length > 1 && res.change.phaseIn.map((_, t) => <Table.HeaderCell key={t}>{s.yearT(t + 1)}</Table.HeaderCell>)}
                    </>
                  )}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {res.districts.map((d, i) => (
                  <Table.Row key={d} data-district={d}>
                    <Table.HeaderCell>{d}</Table.HeaderCell>
                    {res.keys.map((k) => (
                      <Table.Cell key={k.id} data-key={k.id}>
                        {formatNumber(100 * k.shares[i], lang, 1)}
                      </Table.Cell>
                    ))}
                    {res.change && (
                      <>
                        <Table.Cell>{formatNumber(res.change.changePp[i], lang, 2)}</Table.Cell>
                        <Table.Cell>{formatNumber(res.change.changePpRounded[i], lang, 1)}</Table.Cell>
                        <Table.Cell>{formatInteger(res.change.budgetProposed[i], lang)}</Table.Cell>
                        <Table.Cell>{formatInteger(res.change.changeNok[i], lang)}</Table.Cell>
                        {res.change.phaseIn.length > 1 && res.change.phaseIn.map((a, t) => <Table.Cell key={t}>{formatInteger(a[i], lang)}</Table.Cell>)}
                      </>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {cur && prop && (
            <Paragraph data-size="sm">
              {s.current}: {cur.label} → {s.proposed}: {prop.label}
            </Paragraph>
          )}
          {spec.budget === trondheimExample.budget && Object.keys(spec.counts).join() === Object.keys(trondheimExample.counts).join() && (
            <Paragraph data-size="sm" data-testid="district-budget-note">
              {TRONDHEIM_BUDGET_NOTE[lang]}
            </Paragraph>
          )}
          <ExportButtons fileBase="bydeler" testId="district-export" tables={(l) => [districtReportTable(res, { lang: l })]} />
        </section>
      ) : (
        <Paragraph>{s.empty}</Paragraph>
      )}
    </ViewShell>
  );
}
