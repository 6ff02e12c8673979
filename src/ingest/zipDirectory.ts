/**
 * Reads the central directory of a zip file (names and declared sizes) without unpacking anything.
 * An .xlsx is a zip; before exceljs unpacks a workbook we need to know (a) that it is a workbook at
 * all and not a plain zip, an .ods or a .docx, and (b) how large its parts claim to be, so a small
 * file that unpacks to gigabytes is refused before anything is inflated.
 */

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** As declared; 0xFFFFFFFF (ZIP64) is reported as Infinity: we do not read ZIP64 files. */
  uncompressedSize: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

/** The entries of the zip's central directory, or null when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  // The end record is the last 22 bytes, unless a comment (≤ 65 535 bytes) follows it.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (offset + size > bytes.length) return null;
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) return null;
    const compressed = u32(bytes, p + 20);
    const uncompressed = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    if (p + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      compressedSize: compressed,
      uncompressedSize: uncompressed === 0xffffffff ? Infinity : uncompressed,
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** What a zip holds, by the parts that identify the common office formats. */
export type ZipKind = 'xlsx' | 'opendocument' | 'docx' | 'pptx' | 'zip';

export function zipKind(entries: ZipEntry[], bytes: Uint8Array): ZipKind {
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  // OpenDocument: the first entry is an uncompressed `mimetype` naming the type.
  if (names.has('mimetype') && names.has('content.xml')) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 120));
    if (head.includes('opendocument')) return 'opendocument';
  }
  return 'zip';
}

/** Sum of the declared uncompressed sizes (Infinity when any is unknown). */
export function unpackedSize(entries: ZipEntry[]): number {
  let sum = 0;
  for (const e of entries) sum += e.uncompressedSize;
  return sum;
}
