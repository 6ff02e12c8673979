/**
 * What a variable measures: a count, a rate per inhabitant, a share, an amount in
 * kroner, an amount per inhabitant … read from the unit the variable builder or the file gives it,
 * else from its label, dimensions and whether the importer found it additive. A cost-key regression
 * is on per-inhabitant values; a criterion entered as a count next to a per-inhabitant dependent
 * mostly measures municipality size (its coefficient comes out as −3,5E−5 and means nothing), so the
 * pickers show the unit and the model gets a warning next to such a criterion.
 */
import { problem, type Problem } from '../problem';
import type { DerivedKind } from './types';

export type Measure =
  | 'amount-per-inhabitant'
  | 'per-inhabitant'
  | 'share'
  | 'per-target-group'
  | 'per-recipient'
  | 'count'
  | 'amount'
  | 'index'
  | 'code'
  | 'unknown';

/** Order of the groups in the pickers (what a cost-key analysis reaches for first). */
export const MEASURE_ORDER: readonly Measure[] = [
  'amount-per-inhabitant',
  'per-inhabitant',
  'share',
  'per-target-group',
  'per-recipient',
  'count',
  'amount',
  'index',
  'code',
  'unknown',
];

export interface VariableMeasure {
  measure: Measure;
  /** Unit as shown next to the variable («1000 kr per innbygger», «antall», «andel» …). */
  unit: string;
}

export interface MeasureInput {
  label: string;
  /** Unit text from the file's metadata or the variable builder. */
  unit?: string;
  dims?: Record<string, string>;
  /** The importer's judgement: counts and amounts add up over merged municipalities. */
  additive?: boolean;
  /** How the variable builder made it; undefined for imported variables. */
  kind?: DerivedKind;
}

const THOUSAND_KR = /1\s?000\s?(?:kr|kroner|nok)\b|tusen kroner/i;
const KRONER = /(?:^|[\s(])(?:kr|kroner|nok)\b/i;
const PER_INHABITANT = /per\s+innbygger(?!\s+(?:\d|i\b))|pr\.?\s+innbygger|per\s+capita|per\s+inhabitant/i;
const PER_TARGET = /per\s+innbygger\s+(?:\d|i\b)|målgruppe|dekningsgrad|coverage/i;
const PER_RECIPIENT = /per\s+(?:mottaker|bruker|barn med|elev|recipient)/i;
const SHARE = /\bandel\b|prosent|percent|%|\bshare\b/i;
const INDEX = /indeks|index|=\s?100\b/i;
const CODE = /^(?:fylke|kostra[-\s]?gruppe|region|kommunenummer|kode|klasse)\b|\bklasse\s+\d/i;

function amountUnit(text: string, unitGiven: string | undefined): string {
  if (unitGiven) return unitGiven;
  return THOUSAND_KR.test(text) ? '1000 kr' : 'kr';
}

/** Classifies by text alone (unit first, then label and dimensions). */
function fromText(input: MeasureInput): VariableMeasure | null {
  const unit = input.unit?.trim() || undefined;
  const text = [unit, input.label, input.dims?.measure, input.dims?.contents].filter(Boolean).join(' · ');
  const amount = THOUSAND_KR.test(text) || KRONER.test(text);
  if (amount && PER_RECIPIENT.test(text)) return { measure: 'per-recipient', unit: unit ?? `${amountUnit(text, undefined)} per mottaker` };
  if (amount && PER_INHABITANT.test(text))
    return { measure: 'amount-per-inhabitant', unit: unit && /\bper\b/i.test(unit) ? unit : `${amountUnit(text, unit)} per innbygger` };
  if (amount) return { measure: 'amount', unit: amountUnit(text, unit) };
  // A yes/no indicator (SSB's unit «ja=1, nei=0») is a code, not a share or a count.
  if (CODE.test(input.label) || (unit && /klasse|ja\s*=\s*1/i.test(unit))) return { measure: 'code', unit: unit ?? 'kode' };
  if (PER_TARGET.test(text)) return { measure: 'per-target-group', unit: unit ?? 'per innbygger i målgruppen' };
  if (PER_INHABITANT.test(text)) return { measure: 'per-inhabitant', unit: unit ?? 'per innbygger' };
  if (SHARE.test(text)) return { measure: 'share', unit: unit ?? 'andel' };
  if (INDEX.test(text)) return { measure: 'index', unit: unit ?? 'indeks' };
  // Full-time equivalents («årsverk») grow with municipality size like any count.
  if (unit && /^(?:personer|antall|persons|count|number|årsverk|man-years|fte)$/i.test(unit)) return { measure: 'count', unit };
  return null;
}

export function measureOf(input: MeasureInput): VariableMeasure {
  switch (input.kind) {
    case 'size-class':
    case 'grouping':
      return { measure: 'code', unit: input.unit ?? 'gruppe' };
    case 'age-group':
      return input.unit === 'andel' ? { measure: 'share', unit: 'andel' } : { measure: 'count', unit: input.unit ?? 'personer' };
    default:
      break;
  }
  const t = fromText(input);
  if (t) return t;
  // An imported statistic without a unit that the importer found additive (it sums over merged
  // municipalities) is a count of persons, cases or stays: SSB gives rates and amounts with a unit.
  if (input.kind === undefined && input.additive) return { measure: 'count', unit: 'antall' };
  return { measure: 'unknown', unit: input.unit ?? '' };
}

/** Measures of a dependent variable that are «per inhabitant» (the cost-key regressions' scale). */
const PER_CAPITA_SCALE: ReadonlySet<Measure> = new Set(['amount-per-inhabitant', 'per-inhabitant', 'share']);
/** Measures that grow with municipality size. */
const SIZE_SCALE: ReadonlySet<Measure> = new Set(['count', 'amount']);

export interface MeasuredVariable {
  name: string;
  label: string;
  measure: Measure;
  unit: string;
}

/**
 * A criterion on a size scale (a count or an amount in total) next to a dependent variable per
 * inhabitant: a warning naming both, with the per-inhabitant variable to use when one exists.
 */
export function criterionUnitWarning(dependent: MeasuredVariable, criterion: MeasuredVariable, perCapita?: { name: string; label: string }): Problem | null {
  if (!PER_CAPITA_SCALE.has(dependent.measure) || !SIZE_SCALE.has(criterion.measure)) return null;
  const what = { nb: criterion.measure === 'count' ? 'et antall' : 'et beløp i alt', en: criterion.measure === 'count' ? 'a count' : 'an amount in total' };
  // «antall» says nothing «et antall» does not; another unit («1000 kr») is worth repeating.
  const paren = criterion.unit && criterion.unit !== 'antall' ? ` (${criterion.unit})` : '';
  const use = perCapita
    ? { nb: ` Bruk «${perCapita.label}» i stedet.`, en: ` Use "${perCapita.label}" instead.` }
    : { nb: ' Lag en variabel per innbygger under Variabler (forholdstall) og bruk den.', en: ' Make a per-inhabitant variable under Variables (ratios) and use it.' };
  return problem(
    'criterion-unit-mismatch',
    `«${criterion.label}» er ${what.nb}${paren}, mens den avhengige variabelen «${dependent.label}» er per innbygger (${dependent.unit}). Koeffisienten måler da mest kommunestørrelse.${use.nb}`,
    `"${criterion.label}" is ${what.en}${paren}, while the dependent variable "${dependent.label}" is per inhabitant (${dependent.unit}). Its coefficient then mostly measures municipality size.${use.en}`,
    { variable: criterion.name },
    'warning',
  );
}

/** A variable as the pickers know it, with what it was built from (ratios name their numerator first). */
export interface CatalogueVariable extends MeasuredVariable {
  origin?: string;
  inputs?: string[];
}

/** The unit warnings of one model: each criterion checked against the dependent variable. */
export function unitWarningsFor(variables: readonly CatalogueVariable[], dependent: string, criteria: readonly string[]): Problem[] {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const dep = byName.get(dependent);
  if (!dep) return [];
  const out: Problem[] = [];
  for (const name of criteria) {
    const crit = byName.get(name);
    if (!crit) continue;
    const alternative = variables.find((v) => v.origin === 'ratio' && v.measure === 'per-inhabitant' && v.inputs?.[0] === name);
    const w = criterionUnitWarning(dep, crit, alternative);
    if (w) out.push(w);
  }
  return out;
}
