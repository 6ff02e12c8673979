/**
 * Text decoding. Statistikkbanken files arrive as UTF-8 (with or without BOM), ISO-8859-1 /
 * Windows-1252 (the old default), sometimes Mac Roman, and sometimes as UTF-8 that someone already
 * mis-decoded (U+FFFD inside). We sniff instead of trusting the file name, report what we chose and
 * let the user override it.
 */

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh';

export interface EncodingGuess {
  encoding: EncodingName;
  /** Bytes to skip before decoding (a byte order mark). */
  bomLength: number;
  reason: string;
}

const KNOWN: ReadonlySet<string> = new Set(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh']);

/** Accepts the names users type (latin1, iso-8859-1, cp1252, mac) and returns the decoder's name. */
export function normaliseEncoding(name: string): EncodingName | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (KNOWN.has(n)) return n as EncodingName;
  if (n === 'utf8') return 'utf-8';
  if (['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'cp1252', 'ansi', 'iso-8859-15'].includes(n)) return 'windows-1252';
  if (['mac', 'macroman', 'mac-roman', 'x-mac-roman'].includes(n)) return 'macintosh';
  return null;
}

/** True when every multi-byte sequence is well-formed UTF-8 (checked without building a string). */
export function isValidUtf8(bytes: Uint8Array, start = 0): boolean {
  const n = bytes.length;
  let i = start;
  // Whole-file check on a 150 MB file: skip ASCII eight bytes at a time through 32-bit words of the
  // aligned part (a byte loop alone cost ~6 % of ingest time).
  const words = (bytes.byteOffset & 3) === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, n >> 2) : null;
  while (i < n) {
    if (words !== null && (i & 3) === 0) {
      let w = i >> 2;
      const wn = words.length - 1;
      while (w < wn && ((words[w] | words[w + 1]) & 0x80808080) === 0) w += 2;
      if (w << 2 > i) {
        i = w << 2;
        continue;
      }
    }
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) return false;
    for (let k = 1; k <= need; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

// Norwegian letters æ ø å Æ Ø Å in each single-byte code page. A file in one code page read as the
// other shows these as rare symbols, so whichever has more hits is the better guess.
const CP1252_LETTERS = [0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xe9, 0xe4, 0xf6];
const MAC_LETTERS = [0xbe, 0xbf, 0x8c, 0xae, 0xaf, 0x81, 0x8e, 0x8a, 0x9a];

/**
 * UTF-16 without a byte order mark (Windows «Unicode» text saved by some tools): ASCII text then
 * has a zero byte beside every character. Looks at the first 512 bytes; null when they are not so.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.9 && zeroEven <= pairs * 0.1) return 'utf-16le';
  if (zeroEven >= pairs * 0.9 && zeroOdd <= pairs * 0.1) return 'utf-16be';
  return null;
}

export function sniffEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, reason: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'bom' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'bom' };
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: 'utf16-zero-bytes' };
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' };
  const counts = new Uint32Array(256);
  for (let i = 0; i < bytes.length; i++) counts[bytes[i]]++;
  let win = 0;
  let mac = 0;
  for (const b of CP1252_LETTERS) win += counts[b];
  for (const b of MAC_LETTERS) mac += counts[b];
  if (mac > win) return { encoding: 'macintosh', bomLength: 0, reason: 'norwegian-letters-mac' };
  return { encoding: 'windows-1252', bomLength: 0, reason: win > 0 ? 'norwegian-letters-1252' : 'not-utf8' };
}

/**
 * Decodes in slices so a large file can report progress and be cancelled between slices; the
 * decoder keeps state across slices (stream: true) so a multi-byte character split at a slice edge
 * is still read correctly.
 */
export function* decodeSlices(bytes: Uint8Array, guess: EncodingGuess, sliceBytes = 4 << 20): Generator<{ text: string; end: number }> {
  const decoder = new TextDecoder(guess.encoding, { fatal: false });
  let pos = guess.bomLength;
  if (pos >= bytes.length) {
    yield { text: '', end: bytes.length };
    return;
  }
  while (pos < bytes.length) {
    const end = Math.min(bytes.length, pos + sliceBytes);
    const last = end === bytes.length;
    const text = decoder.decode(bytes.subarray(pos, end), { stream: !last });
    pos = end;
    yield { text, end };
  }
}

/** Decodes a small head of the file for sniffing (delimiter, header, preview). */
export function decodeHead(bytes: Uint8Array, guess: EncodingGuess, maxBytes = 256 << 10): string {
  const end = Math.min(bytes.length, guess.bomLength + maxBytes);
  const text = new TextDecoder(guess.encoding, { fatal: false }).decode(bytes.subarray(guess.bomLength, end), {
    stream: end < bytes.length,
  });
  return text;
}
