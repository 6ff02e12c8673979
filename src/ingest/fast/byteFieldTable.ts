/**
 * The distinct raw fields of one label column as bytes, for the byte reader (byteCsv.ts): a field
 * as it stands in the line, quotes included and, for all but the last column, the delimiter after
 * it (`"0301 Oslo";`), with its content decoded once (`texts`).
 *
 * Long Statistikkbanken files repeat a few hundred labels millions of times, so decoding every
 * field (TextDecoder over the whole file) was about a third of ingest time. Here a field is
 * recognised by its bytes and only a field never seen before is decoded. As in RawFieldTable, the
 * reader first tries the column's previous entry and the entry that followed it last time
 * (`successor`); only a field that is neither is hashed and looked up.
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

export class ByteFieldTable {
  /** Per entry: the content (between the quotes, without the delimiter), decoded. */
  readonly texts: string[] = [];
  /** The raw bytes of every entry, one after the other. */
  private pool = new Uint8Array(4096);
  private used = 0;
  offsets = new Int32Array(64);
  lengths = new Int32Array(64);
  /** Per entry: 1 when the field is quoted (its content starts one byte in). */
  quoted = new Uint8Array(64);
  /** Per entry: the entry that followed it in the column last time (-1 none yet). */
  successor = new Int32Array(64).fill(-1);
  private hashes = new Int32Array(64);
  private slots = new Int32Array(256);
  private mask = 255;

  get size(): number {
    return this.texts.length;
  }

  /**
   * True when bytes hold entry e's raw bytes at p (the caller has checked that they fit). Compared
   * from the end: labels that differ (years, codes) mostly differ there.
   */
  matchesAt(e: number, bytes: Uint8Array, p: number): boolean {
    const pool = this.pool;
    const off = this.offsets[e];
    for (let k = this.lengths[e] - 1; k >= 0; k--) if (bytes[p + k] !== pool[off + k]) return false;
    return true;
  }

  /** Entry of the raw bytes bytes[s, t) with hash h (`hashBytes`), or -1 when they are new. */
  find(bytes: Uint8Array, s: number, t: number, h: number): number {
    const n = t - s;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const e = this.slots[p] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.lengths[e] === n && this.matchesAt(e, bytes, s)) return e;
    }
  }

  /** Adds the raw bytes bytes[s, t) with hash h and decoded content `text` after `find` returned -1. */
  add(bytes: Uint8Array, s: number, t: number, h: number, quoted: boolean, text: string): number {
    const e = this.texts.length;
    if (e === this.quoted.length) this.grow();
    const n = t - s;
    if (this.used + n > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.used + n));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(s, t), this.used);
    this.offsets[e] = this.used;
    this.used += n;
    this.texts.push(text);
    this.lengths[e] = n;
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
    for (let e = 0; e < this.texts.length; e++) this.place(e);
  }

  private grow(): void {
    const n = this.quoted.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.offsets = copy(this.offsets, new Int32Array(n));
    this.lengths = copy(this.lengths, new Int32Array(n));
    this.quoted = copy(this.quoted, new Uint8Array(n));
    this.successor = copy(this.successor, new Int32Array(n).fill(-1));
    this.hashes = copy(this.hashes, new Int32Array(n));
  }
}

/** FNV-1a over bytes[s, t). */
export function hashBytes(bytes: Uint8Array, s: number, t: number): number {
  let h = FNV_OFFSET;
  for (let k = s; k < t; k++) h = Math.imul(h ^ bytes[k], FNV_PRIME);
  return h;
}
