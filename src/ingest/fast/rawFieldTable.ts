/**
 * The distinct raw texts one label column of a CSV file holds: a field as it stands in the line,
 * quotes included and, for all but the last column, the delimiter after it (`"0301 Oslo";`).
 *
 * Recognising labels is most of the work of reading a large Statistikkbanken file, and reading a
 * label character by character with charCodeAt costs several nanoseconds per character, while
 * cutting it out with substring allocates on every row (which, at 150 MB, raised peak memory by
 * tens of MB through garbage collection). So each raw text gets a sticky RegExp that checks in
 * place, natively and without allocating, whether the line holds that text at a given position.
 * Sorted downloads repeat the field of the row above, or cycle through the same labels in the same
 * order, so the reader first tries the column's previous entry and then the entry that followed it
 * last time (`successor`); only a field that is neither is hashed and looked up.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * Matchers cost about 10 µs to compile and 2.5 kB of memory each (code space, outside the JS
 * heap); beyond these bounds (very long labels, columns with thousands of distinct labels) entries
 * are compared character by character instead.
 */
const MAX_MATCHER_LENGTH = 256;
const MAX_MATCHERS = 2048;

export class RawFieldTable {
  readonly raws: string[] = [];
  private readonly matchers: (RegExp | null)[] = [];
  /** Per entry: the raw text's length (read on every row, so not through the string). */
  lengths = new Int32Array(64);
  /**
   * Per entry: its middle character, and the last character of its content and where that stands.
   * Checking them first rejects most wrong guesses (unsorted files change labels on every row, and
   * labels such as years differ only at the end) for the price of a charCodeAt, not a RegExp call.
   */
  middles = new Uint16Array(64);
  tails = new Uint16Array(64);
  tailOffsets = new Int32Array(64);
  /** Per entry: 1 when the field is quoted (its content starts one character in). */
  quoted = new Uint8Array(64);
  /** Per entry: the entry that followed it in the column last time (-1 none yet). */
  successor = new Int32Array(64).fill(-1);
  private hashes = new Int32Array(64);
  private slots = new Int32Array(256);
  private mask = 255;

  /** `endsWithDelimiter`: the raw texts include the delimiter (every column but the last). */
  constructor(private readonly endsWithDelimiter = true) {}

  get size(): number {
    return this.raws.length;
  }

  /** True when text holds entry e's raw text at position p. */
  matchesAt(e: number, text: string, p: number): boolean {
    const re = this.matchers[e];
    if (re !== null) {
      re.lastIndex = p;
      return re.test(text);
    }
    const raw = this.raws[e];
    const n = raw.length;
    if (p + n > text.length) return false;
    let k = 0;
    while (k < n && raw.charCodeAt(k) === text.charCodeAt(p + k)) k++;
    return k === n;
  }

  /**
   * Entry of the raw text text[s, t), or -1 when it is new. h is its hash: any function of the text
   * (`hashSpan` of the raw text or of its content), the same one for every call.
   */
  find(text: string, s: number, t: number, h: number): number {
    const n = t - s;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const e = this.slots[p] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.lengths[e] === n && this.matchesAt(e, text, s)) return e;
    }
  }

  /** Adds the raw text text[s, t) with hash h after `find` returned -1; `quoted`: it starts with `"`. */
  add(text: string, s: number, t: number, h: number, quoted: boolean): number {
    const e = this.raws.length;
    if (e === this.quoted.length) this.grow();
    // An own copy: a substring would keep the whole decoded slice of the file alive.
    const raw = ownCopy(text.slice(s, t));
    this.raws.push(raw);
    this.matchers.push(raw.length <= MAX_MATCHER_LENGTH && e < MAX_MATCHERS ? new RegExp(escapeRegExp(raw), 'y') : null);
    this.lengths[e] = raw.length;
    this.middles[e] = raw.charCodeAt(raw.length >> 1);
    const tail = Math.max(0, raw.length - 1 - (this.endsWithDelimiter ? 1 : 0) - (quoted ? 1 : 0));
    this.tailOffsets[e] = tail;
    this.tails[e] = raw.charCodeAt(tail);
    this.quoted[e] = quoted ? 1 : 0;
    this.hashes[e] = h;
    if ((e + 1) * 2 > this.slots.length) this.rehash();
    else this.place(e);
    return e;
  }

  private place(e: number): void {
    let p = this.hashes[e] & this.mask;
    while (this.slots[p] !== 0) p = (p + 1) & this.mask;
    this.slots[p] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.raws.length; e++) this.place(e);
  }

  private grow(): void {
    const n = this.quoted.length * 2;
    const lengths = new Int32Array(n);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const middles = new Uint16Array(n);
    middles.set(this.middles);
    this.middles = middles;
    const tails = new Uint16Array(n);
    tails.set(this.tails);
    this.tails = tails;
    const tailOffsets = new Int32Array(n);
    tailOffsets.set(this.tailOffsets);
    this.tailOffsets = tailOffsets;
    const quoted = new Uint8Array(n);
    quoted.set(this.quoted);
    this.quoted = quoted;
    const successor = new Int32Array(n).fill(-1);
    successor.set(this.successor);
    this.successor = successor;
    const hashes = new Int32Array(n);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }
}

/** FNV-1a over text[s, t), computed by the caller so that the same span is hashed only once. */
export function hashSpan(text: string, s: number, t: number): number {
  let h = FNV_OFFSET;
  for (let k = s; k < t; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}

/** `t` as a RegExp source that matches exactly `t` (no `u` flag: code unit by code unit). */
export function escapeRegExp(t: string): string {
  return t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * A copy of `t` that does not point into the string it was cut from: V8 represents a substring of
 * 13 or more characters as a view of its parent.
 */
export function ownCopy(t: string): string {
  return t.length < 13 ? t : (' ' + t).slice(1);
}
