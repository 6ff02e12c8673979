/**
 * What each entry of a RawFieldTable resolved to for one role (unit, year, dimension id), filled
 * lazily: a column may hold several roles, and a label is only resolved once a row needs it.
 */
export const UNRESOLVED = -0x80000000;

export class EntryValues {
  private values = new Int32Array(64).fill(UNRESOLVED);

  get(e: number): number {
    return e >= 0 && e < this.values.length ? this.values[e] : UNRESOLVED;
  }

  set(e: number, v: number): void {
    if (e >= this.values.length) {
      let n = this.values.length * 2;
      while (n <= e) n *= 2;
      const values = new Int32Array(n).fill(UNRESOLVED);
      values.set(this.values);
      this.values = values;
    }
    this.values[e] = v;
  }
}
