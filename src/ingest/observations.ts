/**
 * Growable columnar store for long observations, plus the unit and variable dictionaries of one
 * file. Typed arrays double in size, so a 150 MB file never holds per-cell objects. The budget
 * (values, variables) is checked before the arrays grow: past it the builder throws
 * BudgetExceeded, and the reader reports the file as refused instead of running out of memory.
 */
export interface ObservationBudget {
  file: string;
  maxValues: number;
  maxVariables: number;
  /** Values the whole file would become, projected from the part read so far (CSV), if known. */
  projected?(): number;
}

const NO_BUDGET: ObservationBudget = { file: '', maxValues: LIMITS.values, maxVariables: LIMITS.variables };

import type { MissingCode } from '../engine/table';
import { isAdditive, uniqueName, variableName } from './dims';
import { BudgetExceeded, LIMITS, tooManyValues, tooManyVariables } from './limits';
import type { Observations, SourceVariable } from './types';

export class ObservationBuilder {
  n = 0;
  private cap: number;
  unit: Int32Array;
  year: Int32Array;
  variable: Int32Array;
  value: Float64Array;
  missing: Uint8Array;
  line: Int32Array;

  readonly units: string[] = [];
  readonly unitNames: string[] = [];
  private unitIndex = new Map<string, number>();

  readonly variables: SourceVariable[] = [];
  private variableIndex = new Map<string, number>();
  private names = new Set<string>();
  private nextSuffix = new Map<string, number>();

  constructor(
    initial = 1024,
    private readonly budget: ObservationBudget = NO_BUDGET,
  ) {
    initial = Math.max(1, Math.min(initial, budget.maxValues));
    this.cap = initial;
    this.unit = new Int32Array(initial);
    this.year = new Int32Array(initial);
    this.variable = new Int32Array(initial);
    this.value = new Float64Array(initial);
    this.missing = new Uint8Array(initial);
    this.line = new Int32Array(initial);
  }

  unitId(code: string, name: string): number {
    let id = this.unitIndex.get(code);
    if (id === undefined) {
      id = this.units.length;
      this.units.push(code);
      this.unitNames.push(name);
      this.unitIndex.set(code, id);
    } else if (!this.unitNames[id] && name) this.unitNames[id] = name;
    return id;
  }

  /**
   * The variable for a (measure, dims) combination, registered on first sight. `key` identifies the
   * combination cheaply (the caller builds it from codes), `make` is only called once per variable.
   */
  variableId(key: string, make: () => { measure: string; label: string; dims: Record<string, string>; unit?: string }): number {
    let id = this.variableIndex.get(key);
    if (id === undefined) {
      if (this.variables.length >= this.budget.maxVariables) {
        const b = this.budget;
        throw new BudgetExceeded(tooManyVariables(b.file, b.maxVariables + 1, b.maxVariables, 'at-least'));
      }
      const v = make();
      const name = uniqueName(variableName(v.measure, v.dims), this.names, this.nextSuffix);
      id = this.variables.length;
      this.variables.push({
        name,
        label: v.label,
        dims: v.dims,
        ...(v.unit ? { unit: v.unit } : {}),
        additive: isAdditive(v.label, v.unit, v.measure),
      });
      this.variableIndex.set(key, id);
    }
    return id;
  }

  push(unit: number, year: number, variable: number, value: number, missing: MissingCode, line: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.unit[i] = unit;
    this.year[i] = year;
    this.variable[i] = variable;
    this.value[i] = value;
    this.missing[i] = missing;
    this.line[i] = line;
  }

  private grow(): void {
    const { file, maxValues, projected } = this.budget;
    if (this.cap >= maxValues) {
      const about = projected?.() ?? 0;
      throw new BudgetExceeded(
        about > maxValues ? tooManyValues(file, about, maxValues, 'values', 'about') : tooManyValues(file, maxValues + 1, maxValues, 'values', 'at-least'),
      );
    }
    const cap = Math.min(this.cap * 2, maxValues);
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.unit = g(this.unit, (k) => new Int32Array(k));
    this.year = g(this.year, (k) => new Int32Array(k));
    this.variable = g(this.variable, (k) => new Int32Array(k));
    this.value = g(this.value, (k) => new Float64Array(k));
    this.missing = g(this.missing, (k) => new Uint8Array(k));
    this.line = g(this.line, (k) => new Int32Array(k));
    this.cap = cap;
  }

  /**
   * The columns trimmed to n. When the slack is small (the CSV reader sizes the columns from the
   * file) they are views, not copies: copying 25 bytes per value again at the end was the peak of a
   * large import. Otherwise trimmed copies, so a small result does not pin a large buffer.
   */
  finish(): Observations {
    const n = this.n;
    const view = this.cap - n <= this.cap >> 3;
    const trim = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => (view ? (a.subarray(0, n) as T) : (a.slice(0, n) as T));
    return {
      n,
      unit: trim(this.unit),
      year: trim(this.year),
      variable: trim(this.variable),
      value: trim(this.value),
      missing: trim(this.missing),
      line: trim(this.line),
    };
  }
}

export function emptyObservations(): Observations {
  return new ObservationBuilder(1).finish();
}
