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
  /** Valid UTF-8 judged on the head only: decode with `fatal` and re-sniff on NotUtf8Error. */
  tentative?: boolean;
}

/** A fatal decoder met bytes that are not UTF-8 (sniffEncoding's tentative guess was wrong). */
export class NotUtf8Error extends Error {
  constructor() {
    super('not UTF-8');
  }
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

/**
 * `headBytes`: judge UTF-8 validity on about that many first bytes only (cut at a line end). A head
 * that is valid UTF-8 gives a guess marked `tentative`: the caller must decode with `fatal` (see
 * decodeSlices) and, on NotUtf8Error, sniff again over the whole file. Checking a 150 MB file before
 * reading it cost about 5 % of ingest, and the decoder validates anyway.
 */
export function sniffEncoding(bytes: Uint8Array, headBytes = Infinity): EncodingGuess {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, reason: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'bom' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'bom' };
  const utf16 = sniffUtf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: 'utf16-zero-bytes' };
  if (headBytes < bytes.length) {
    // A line feed is never inside a UTF-8 character, so a head cut after one is whole characters.
    const cut = bytes.lastIndexOf(0x0a, headBytes - 1) + 1;
    if (cut > 0 && isValidUtf8(bytes.subarray(0, cut))) return { encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8', tentative: true };
  }
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
 *
 * `lineEnd` (the byte code of the newline's last character, 10 or 13): each slice but the last ends
 * just after that byte when the window holds one, so slices hold whole lines. The CSV reader then
 * need not join the rest of one slice to the next: a joined string is a rope that V8 copies flat on
 * the first search, which cost as much as the decoding itself. Only for encodings whose newline is
 * one byte that never occurs inside a character (UTF-8 and the single-byte code pages).
 */
export function* decodeSlices(
  bytes: Uint8Array,
  guess: EncodingGuess,
  sliceBytes = 4 << 20,
  lineEnd?: number,
  /**
   * Called with each line-aligned slice [start, end) that starts a line: reads what it can of it
   * from the bytes and returns where decoding must start (start when it read nothing). The decoder
   * then holds no partial character, so the bytes it skips change nothing for the rest.
   */
  readBytes?: (start: number, end: number) => number,
): Generator<{ text: string; end: number; bytesRead: boolean }> {
  // A tentative UTF-8 guess is confirmed by the decoder itself: it throws on the first bad byte.
  const fatal = guess.tentative === true;
  let decoder: TextDecoder | null = null;
  let pos = guess.bomLength;
  if (pos >= bytes.length) {
    yield { text: '', end: bytes.length, bytesRead: false };
    return;
  }
  const alignLines = lineEnd !== undefined && guess.encoding !== 'utf-16le' && guess.encoding !== 'utf-16be';
  while (pos < bytes.length) {
    let end = Math.min(bytes.length, pos + sliceBytes);
    if (alignLines && end < bytes.length) {
      const nl = bytes.lastIndexOf(lineEnd, end - 1);
      if (nl >= pos) end = nl + 1;
    }
    const last = end === bytes.length;
    const from = readBytes !== undefined && alignLines && (pos === guess.bomLength || bytes[pos - 1] === lineEnd) ? readBytes(pos, end) : pos;
    // A decoder that starts after bytes read without it must not take a byte order mark there for
    // the file's own (the whole-file decoder would have kept it as U+FEFF).
    decoder ??= new TextDecoder(guess.encoding, { fatal, ignoreBOM: from > guess.bomLength });
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(from, end), { stream: !last });
    } catch (err) {
      if (fatal && err instanceof TypeError) throw new NotUtf8Error();
      throw err;
    }
    const start = pos;
    pos = end;
    yield { text, end, bytesRead: from > start };
  }
}

/**
 * Decodes single fields for the byte reader (byteCsv.ts): fatal when the UTF-8 guess is tentative,
 * like decodeSlices, so bad bytes still end in NotUtf8Error. A field starts after a delimiter or a
 * line end, never at the stream's start, so a byte order mark there is kept as U+FEFF, as the
 * streaming decoder keeps it.
 */
export class FieldDecoder {
  private readonly decoder: TextDecoder;
  private readonly fatal: boolean;

  constructor(guess: EncodingGuess) {
    this.fatal = guess.tentative === true;
    this.decoder = new TextDecoder(guess.encoding, { fatal: this.fatal, ignoreBOM: true });
  }

  decode(bytes: Uint8Array, s: number, e: number): string {
    if (s >= e) return '';
    try {
      return this.decoder.decode(bytes.subarray(s, e));
    } catch (err) {
      if (this.fatal && err instanceof TypeError) throw new NotUtf8Error();
      throw err;
    }
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
