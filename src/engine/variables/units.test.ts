/** Every variable carries its unit, and a count next to a per-inhabitant dependent is warned about. */
import { describe, expect, it } from 'vitest';
import { measureOf, unitWarningsFor, type CatalogueVariable } from './units';

describe('what a variable measures', () => {
  it('reads the unit the variable builder gives', () => {
    expect(measureOf({ label: 'Barnevern', unit: '1000 kr per innbygger (2015-kr)', kind: 'expenditure' })).toEqual({
      measure: 'amount-per-inhabitant',
      unit: '1000 kr per innbygger (2015-kr)',
    });
    expect(measureOf({ label: 'Barnevern i alt', unit: '1000 kr (2015-kr)', kind: 'expenditure' }).measure).toBe('amount');
    expect(measureOf({ label: 'Pasienter per innbygger', unit: 'per innbygger', kind: 'ratio' }).measure).toBe('per-inhabitant');
    expect(measureOf({ label: 'Dekningsgrad', unit: 'per innbygger i målgruppen', kind: 'ratio' }).measure).toBe('per-target-group');
    expect(measureOf({ label: 'Enhetskostnad', unit: '1000 kr per mottaker', kind: 'ratio' }).measure).toBe('per-recipient');
    expect(measureOf({ label: 'Innbyggere 0–22 år (andel)', unit: 'andel', kind: 'age-group' })).toEqual({ measure: 'share', unit: 'andel' });
    expect(measureOf({ label: 'Innbyggere 0–22 år (antall)', unit: 'personer', kind: 'age-group' })).toEqual({ measure: 'count', unit: 'personer' });
    expect(measureOf({ label: 'Kommunestørrelse', unit: 'klasse 1–6', kind: 'size-class' }).measure).toBe('code');
  });

  it('reads a file’s metadata and labels', () => {
    expect(measureOf({ label: 'Frie inntekter per innbygger (kr)', unit: 'kr' })).toEqual({ measure: 'amount-per-inhabitant', unit: 'kr per innbygger' });
    expect(measureOf({ label: 'Beløp (1000 kr), 244 Barnevernstjeneste', additive: true })).toEqual({ measure: 'amount', unit: '1000 kr' });
    expect(measureOf({ label: 'Pasienter psykisk helsevern under 18 år', additive: true })).toEqual({ measure: 'count', unit: 'antall' });
    expect(measureOf({ label: 'Kommunal deflator (2015=100)', additive: false }).measure).toBe('index');
    expect(measureOf({ label: 'Andel barn med tiltak (prosent)' }).measure).toBe('share');
    expect(measureOf({ label: 'Fylke', additive: true }).measure).toBe('code');
    // Without a unit and without the importer's judgement nothing is guessed.
    expect(measureOf({ label: 'x1' })).toEqual({ measure: 'unknown', unit: '' });
  });
});

describe('count criterion next to a per-inhabitant dependent', () => {
  const vars: CatalogueVariable[] = [
    { name: 'barnevern_pi', label: 'Barnevern, 1000 kr per innbygger', measure: 'amount-per-inhabitant', unit: '1000 kr per innbygger' },
    { name: 'barnevern_total', label: 'Barnevern i alt', measure: 'amount', unit: '1000 kr' },
    { name: 'pasienter', label: 'Pasienter psykisk helsevern under 18 år', measure: 'count', unit: 'antall' },
    { name: 'phv_pi', label: 'Pasienter per innbygger', measure: 'per-inhabitant', unit: 'per innbygger', origin: 'ratio', inputs: ['pasienter', 'innbyggere'] },
    { name: 'andel', label: 'Andel 0–22', measure: 'share', unit: 'andel' },
    { name: 'tiltak', label: 'Barn med tiltak', measure: 'count', unit: 'antall' },
  ];

  it('warns next to the count and names the per-inhabitant variable to use', () => {
    const w = unitWarningsFor(vars, 'barnevern_pi', ['pasienter', 'phv_pi', 'andel', 'tiltak']);
    expect(w.map((p) => p.where?.variable)).toEqual(['pasienter', 'tiltak']);
    expect(w[0].code).toBe('criterion-unit-mismatch');
    expect(w[0].severity).toBe('warning');
    expect(w[0].message).toContain('«Pasienter psykisk helsevern under 18 år» er et antall, mens');
    expect(w[0].message).toContain('Bruk «Pasienter per innbygger» i stedet');
    expect(w[1].message).toContain('Lag en variabel per innbygger');
  });

  it('says nothing when the dependent variable is itself a total', () => {
    expect(unitWarningsFor(vars, 'barnevern_total', ['pasienter'])).toEqual([]);
  });
});
