/**
 * The demo's pre-read files (demo-sources.bin): unpacking gives exactly what the ingest made, so a
 * page that uses the pack computes the same results as one that reads the CSV files; a pack with
 * another code stamp, or anything else, is refused.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/index';
import { packDemo, readDemoSources } from '../../scripts/demo/pack';
import { demoPackStamp } from '../../scripts/demo/packStamp';
import { packSources, unpack, unpackSources, unpackStream } from '../../src/ingest/packedSources';
import type { ImportedSource } from '../../src/ingest/types';

describe('packSources / unpackSources', () => {
  it('gives back values JSON alone would change: NaN, ±Infinity, −0, undefined, Maps, tag-like keys, every typed array', () => {
    const odd = {
      numbers: [NaN, Infinity, -Infinity, -0, 0, 1.5e-300, Number.MAX_VALUE, 0.1 + 0.2],
      gone: undefined,
      nested: { $t: 'not a typed array', $m: [1], plain: 'x' },
      map: new Map<string, unknown>([['a', new Float64Array([NaN, -0, 2])]]),
      f32: new Float32Array([1.25, -3]),
      i32: new Int32Array([-1, 2 ** 31 - 1]),
      u32: new Uint32Array([2 ** 32 - 1]),
      i16: new Int16Array([-5]),
      u16: new Uint16Array([65535]),
      i8: new Int8Array([-128]),
      u8: new Uint8Array([1, 2, 3]),
      empty: new Float64Array(0),
    };
    const back = unpackSources(packSources([odd as unknown as ImportedSource], 's'), 's') as unknown[];
    expect(back).toStrictEqual([odd]);
    const numbers = (back[0] as typeof odd).numbers;
    expect(Object.is(numbers[3], -0)).toBe(true);
    expect('gone' in (back[0] as object)).toBe(true);
  });

  it('refuses a pack written with another stamp, and bytes that are not a pack', () => {
    const bytes = packSources([], 'code-a');
    expect(unpackSources(bytes, 'code-a')).toEqual([]);
    expect(unpackSources(bytes, 'code-b')).toBeNull();
    expect(unpackSources(new TextEncoder().encode('kommune;aar\n0301;2024\n'), 'code-a')).toBeNull();
  });

  it('refuses what it cannot give back exactly (a class instance)', () => {
    expect(() => packSources([{ when: new Date(0) } as unknown as ImportedSource], 's')).toThrow(/cannot pack/);
  });
});

/** The bytes as a stream of chunks of `size` bytes (the last one shorter), as a DecompressionStream gives them. */
function chunked(bytes: Uint8Array, size: number, stopAt = bytes.length): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= stopAt) return controller.close();
      controller.enqueue(bytes.slice(at, Math.min(at + size, stopAt)));
      at += size;
    },
  });
}

describe('unpackStream', () => {
  const value = {
    a: new Float64Array([1.5, NaN, -0, 3]),
    b: [new Int32Array([7, -8, 9]), new Uint8Array(0), new Uint16Array([1, 2, 3, 4, 5])],
    m: new Map([['k', new Float32Array([0.25])]]),
  };
  const bytes = packSources([value as unknown as ImportedSource], 's', { note: 'first', x: new Float64Array([2, 4]) });

  it('gives the header at once and fills every array from chunks of any size, as unpack does', async () => {
    for (const size of [1, 3, 8, 13, 64, bytes.length]) {
      const out = await unpackStream(chunked(bytes, size), 's');
      expect(out).not.toBeNull();
      await out!.filled;
      const { filled: _, ...rest } = out!;
      expect(rest, `chunks of ${size}`).toStrictEqual(unpack(bytes, 's'));
    }
  });

  it('gives the sources and `extra` from the header alone, before any array’s bytes have come', async () => {
    const headerEnd = new DataView(bytes.buffer).getUint32(8, true) + 12;
    let served = false;
    const stalled = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (served) return new Promise<void>(() => {});
        served = true;
        controller.enqueue(bytes.slice(0, headerEnd));
      },
    });
    const out = await unpackStream(stalled, 's');
    expect(out!.extra).toMatchObject({ note: 'first' });
    expect((out!.sources[0] as unknown as typeof value).b[0]).toStrictEqual(new Int32Array(3));
  });

  it('with `begin`, reads nothing past the header until it resolves, then fills every array', async () => {
    const headerEnd = new DataView(bytes.buffer).getUint32(8, true) + 12;
    let served = 0;
    const counted = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (served >= bytes.length) return controller.close();
          const size = served === 0 ? headerEnd : 8;
          controller.enqueue(bytes.slice(served, served + size));
          served = Math.min(served + size, bytes.length);
        },
      },
      { highWaterMark: 0 },
    );
    let begin!: () => void;
    const out = await unpackStream(counted, 's', new Promise<void>((ok) => (begin = ok)));
    for (let i = 0; i < 20; i++) await new Promise((ok) => setTimeout(ok, 0));
    expect(served).toBe(headerEnd);
    begin();
    await out!.filled;
    expect(served).toBe(bytes.length);
    const { filled: _, ...rest } = out!;
    expect(rest).toStrictEqual(unpack(bytes, 's'));
  });

  it('rejects `filled` when the stream ends before the last array, and refuses another stamp or not a pack', async () => {
    const short = await unpackStream(chunked(bytes, 16, bytes.length - 4), 's');
    await expect(short!.filled).rejects.toThrow(/ended after/);
    expect(await unpackStream(chunked(bytes, 16), 'other')).toBeNull();
    expect(await unpackStream(chunked(new TextEncoder().encode('kommune;aar\n0301;2024\n'), 5), 's')).toBeNull();
  });
});

/**
 * Each typed array as its type, length and a digest of its bytes (exact, NaN and −0 included):
 * comparing half a million observations element by element takes toStrictEqual most of a minute.
 */
function withDigests(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) {
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    return { type: v.constructor.name, length: v.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  if (Array.isArray(v)) return v.map(withDigests);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, withDigests(x)]));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withDigests(x)]));
  return v;
}

describe('the demo pack', () => {
  it('unpacks to exactly the sources the ingest reads from the demo files', async () => {
    const demo = generateDemo();
    const fresh = await readDemoSources(demo);
    const unpacked = unpackSources(gunzipSync(await packDemo(demo)), demoPackStamp());
    expect(unpacked).not.toBeNull();
    expect(withDigests(unpacked)).toStrictEqual(withDigests(fresh));
  });
});
