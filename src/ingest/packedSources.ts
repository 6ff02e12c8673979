/**
 * Imported sources in one binary file, so the demo's files can be shipped already read: `npm run
 * demo` writes demo/demo-sources.bin and the worker unpacks it as it streams in (demoPack.ts) instead of parsing 3,4 MB
 * of CSV on every first visit (README «Performance»: demo_interactive_ms).
 *
 * Layout (before the gzip that `npm run demo` applies to the file): the magic «KLPACK1\n», a little-endian u32 with the length of a UTF-8 JSON header, the
 * header, zero padding to 8 bytes, then every typed array's bytes, each starting on a multiple of 8.
 * The header is the value with each typed array replaced by {$t: type, o: offset, n: length} and the
 * values JSON cannot hold tagged ({$n: 'NaN'|'Infinity'|'-Infinity'|'-0'}, {$u: 1} for undefined,
 * {$m: entries} for a Map, {$o: object} for an object with a key of its own that looks like a tag),
 * so unpacking gives back exactly what was packed (test/demo/packedSources.test.ts).
 * The header also holds a stamp of the code that read the files: a pack written by other code than
 * the page's is not used (the page then reads the files themselves).
 */
import type { ImportedSource } from './types';

const MAGIC = 'KLPACK1\n';
const TAGS = new Set(['$t', '$n', '$u', '$m', '$o']);

const ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type ArrayName = keyof typeof ARRAYS;
type AnyTypedArray = InstanceType<(typeof ARRAYS)[ArrayName]>;

interface Packed {
  stamp: string;
  sources: unknown;
  /** What else the writer computed from these sources with the same code (see packSources). */
  extra?: unknown;
}

/** A pack's contents: the sources, and what its writer passed as `extra` (undefined when nothing). */
export interface Unpacked {
  sources: ImportedSource[];
  extra: unknown;
}

const align8 = (n: number) => (n + 7) & ~7;

function arrayName(v: unknown): ArrayName | null {
  if (!ArrayBuffer.isView(v)) return null;
  const name = v.constructor.name;
  return name in ARRAYS ? (name as ArrayName) : null;
}

/**
 * The sources as one file; `stamp` names the code that read them (see unpackSources). `extra` is
 * packed the same way (typed arrays, NaN, Maps, …): a value the writer computed from the sources with
 * the code the stamp names (the demo's first results, src/worker/firstPass.ts).
 */
export function packSources(sources: ImportedSource[], stamp: string, extra?: unknown): Uint8Array {
  const arrays: AnyTypedArray[] = [];
  let offset = 0;
  const encode = (v: unknown): unknown => {
    if (v === undefined) return { $u: 1 };
    if (typeof v === 'number') {
      if (Number.isFinite(v) && !Object.is(v, -0)) return v;
      return { $n: Object.is(v, -0) ? '-0' : String(v) };
    }
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    const name = arrayName(v);
    if (name) {
      const a = v as AnyTypedArray;
      const o = offset;
      arrays.push(a);
      offset = align8(offset + a.byteLength);
      return { $t: name, o, n: a.length };
    }
    if (Array.isArray(v)) return v.map(encode);
    if (v instanceof Map) return { $m: [...v].map(([k, x]) => [encode(k), encode(x)]) };
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error(`packSources: cannot pack ${Object.prototype.toString.call(v)}`);
    const out: Record<string, unknown> = {};
    let tagLike = false;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (TAGS.has(k)) tagLike = true;
      out[k] = encode(x);
    }
    return tagLike ? { $o: out } : out;
  };
  const header: Packed = { stamp, sources: encode(sources), ...(extra === undefined ? {} : { extra: encode(extra) }) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(MAGIC.length + 4 + json.length);
  const bytes = new Uint8Array(start + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, json.length, true);
  bytes.set(json, MAGIC.length + 4);
  let at = start;
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = align8(at + a.byteLength);
  }
  return bytes;
}

/**
 * The sources packed with this stamp, or null when the bytes are not a pack or were written with
 * another stamp. Every typed array is a copy of its own, as the ingest made them.
 */
export function unpackSources(bytes: Uint8Array, stamp: string): ImportedSource[] | null {
  return unpack(bytes, stamp)?.sources ?? null;
}

/** unpackSources with the pack's `extra` (null as there). */
export function unpack(bytes: Uint8Array, stamp: string): Unpacked | null {
  const parsed = readHeader(bytes, stamp);
  if (!parsed) return null;
  for (const s of parsed.slots) s.into.set(bytes.subarray(s.from, s.from + s.into.length));
  return parsed.value;
}

/**
 * unpack for a pack still arriving (being unzipped): the header comes first, so the sources and
 * `extra` are there as soon as it is read, each typed array allocated at its length but still zero;
 * `filled` resolves when every array holds its bytes and rejects when the stream fails or ends early
 * (the arrays must not be read then). The arrays are filled from the stream's chunks as they come,
 * so the whole pack is never held in one buffer. Null when the stream is not a pack or has another
 * stamp (the stream is then cancelled). With `begin`, nothing past the header is read (nor, for a
 * gzipped stream, unzipped) until it resolves: the caller starts the filling when the values are
 * needed, so that work does not compete with what is needed first.
 */
export async function unpackStream(
  stream: ReadableStream<Uint8Array>,
  stamp: string,
  begin: Promise<void> = Promise.resolve(),
): Promise<(Unpacked & { filled: Promise<void> }) | null> {
  const reader = stream.getReader();
  const head = MAGIC.length + 4;
  let have = new Uint8Array(0);
  // The header's bytes: the magic, its length, the JSON.
  for (;;) {
    const need = have.length < head ? head : head + new DataView(have.buffer, have.byteOffset, have.byteLength).getUint32(MAGIC.length, true);
    if (have.length >= need && have.length >= head) break;
    if (have.length >= MAGIC.length && new TextDecoder().decode(have.subarray(0, MAGIC.length)) !== MAGIC) break;
    const { done, value } = await reader.read();
    if (done) break;
    const more = new Uint8Array(have.length + value.length);
    more.set(have);
    more.set(value, have.length);
    have = more;
  }
  const parsed = readHeader(have, stamp);
  if (!parsed) {
    await reader.cancel().catch(() => {});
    return null;
  }
  const { slots } = parsed;
  const end = slots.reduce((m, s) => Math.max(m, s.from + s.into.length), 0);
  let next = 0;
  /** Copies what `chunk` (at offset `at` of the pack) holds of the arrays not yet complete. */
  const put = (chunk: Uint8Array, at: number) => {
    for (let i = next; i < slots.length; i++) {
      const s = slots[i];
      if (s.from >= at + chunk.length) break;
      const lo = Math.max(s.from, at);
      const hi = Math.min(s.from + s.into.length, at + chunk.length);
      if (hi > lo) s.into.set(chunk.subarray(lo - at, hi - at), lo - s.from);
      if (s.from + s.into.length <= at + chunk.length && i === next) next = i + 1;
    }
  };
  const filled = (async () => {
    put(have, 0);
    let at = have.length;
    await begin;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      put(value, at);
      at += value.length;
    }
    if (at < end) throw new Error(`the pack ended after ${at} of ${end} bytes`);
  })();
  return { ...parsed.value, filled };
}

/** Where one typed array's bytes lie in the pack, and the (new) array they go into. */
interface Slot {
  from: number;
  into: Uint8Array;
}

/** A pack's header JSON (after the magic and its length), or null when the bytes do not hold one. */
function parseHeader(bytes: Uint8Array): { header: Packed; jsonLength: number } | null {
  const head = MAGIC.length + 4;
  if (bytes.length < head || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) return null;
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  if (head + jsonLength > bytes.length) return null;
  return { header: JSON.parse(new TextDecoder().decode(bytes.subarray(head, head + jsonLength))) as Packed, jsonLength };
}

/**
 * The stamp a pack was written with, or null when the bytes are not a pack: `npm run bench` compares
 * it with the sources' own stamp, since a page never uses a pack of other code (scripts/demo/packStamp.ts).
 */
export function packStamp(bytes: Uint8Array): string | null {
  const stamp = parseHeader(bytes)?.header.stamp;
  return typeof stamp === 'string' ? stamp : null;
}

/**
 * A pack's header (magic, length, JSON) parsed, with every typed array allocated at its length (still
 * zero) and listed with where its bytes lie; null when the bytes are not a pack or have another stamp.
 */
function readHeader(bytes: Uint8Array, stamp: string): { value: Unpacked; slots: Slot[] } | null {
  const parsed = parseHeader(bytes);
  if (!parsed || parsed.header.stamp !== stamp) return null;
  const { header, jsonLength } = parsed;
  const start = align8(MAGIC.length + 4 + jsonLength);
  const slots: Slot[] = [];
  const decode = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(decode);
    const o = v as Record<string, unknown>;
    if ('$u' in o) return undefined;
    if ('$n' in o) return o.$n === '-0' ? -0 : Number(o.$n);
    if ('$t' in o) {
      const a = new ARRAYS[o.$t as ArrayName](o.n as number);
      slots.push({ from: start + (o.o as number), into: new Uint8Array(a.buffer) });
      return a;
    }
    if ('$m' in o) return new Map((o.$m as [unknown, unknown][]).map(([k, x]) => [decode(k), decode(x)]));
    const plain = ('$o' in o ? o.$o : o) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(plain)) out[k] = decode(x);
    return out;
  };
  const value: Unpacked = {
    sources: decode(header.sources) as ImportedSource[],
    extra: header.extra === undefined ? undefined : decode(header.extra),
  };
  slots.sort((a, b) => a.from - b.from);
  return { value, slots };
}
