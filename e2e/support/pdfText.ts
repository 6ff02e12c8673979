/**
 * Page count and text of a PDF that Chromium printed (`page.pdf`), for tests. Chromium's PDF writer
 * (Skia) writes plain objects (no object streams), Flate-compressed content, and Type0 fonts with
 * Identity-H encoding and a ToUnicode map; that is all this reads. Not a general PDF parser: a test
 * that needs more should add a library.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.search(/stream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0) {
      dict = body.slice(0, s);
      const from = start + s + (body[s + 6] === '\r' ? 8 : 7);
      const to = text.indexOf('endstream', from);
      const raw = pdf.subarray(from, to);
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        // A trailing end-of-line before «endstream» is allowed; retry without it.
        stream = inflateSync(raw.subarray(0, raw.length - 1));
      }
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  const chars = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, a, b] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(hex(a), chars(b));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, a, b, c] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = hex(c);
      for (let g = hex(a); g <= hex(b); g++) map.set(g, String.fromCharCode(first + g - hex(a)));
    }
  }
  return map;
}

/** Pages of the document, each page's text in drawing order (runs separated by spaces). */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const fontMap = (ref: number) => {
    let m = cmaps.get(ref);
    if (!m) {
      const tu = /\/ToUnicode (\d+) 0 R/.exec(objs.get(ref)?.dict ?? '')?.[1];
      const s = tu ? objs.get(Number(tu))?.stream : null;
      m = s ? toUnicodeMap(s.toString('latin1')) : new Map();
      cmaps.set(ref, m);
    }
    return m;
  };
  const pages: string[] = [];
  for (const o of objs.values()) {
    if (!/\/Type \/Page\b(?!s)/.test(o.dict)) continue;
    const fonts = new Map<string, number>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(o.dict)?.[1] ?? '';
    for (const [, name, ref] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(name, Number(ref));
    const contentRefs = /\/Contents \[([^\]]*)\]/.exec(o.dict)?.[1] ?? /\/Contents (\d+ 0 R)/.exec(o.dict)?.[1] ?? '';
    let text = '';
    for (const [, ref] of contentRefs.matchAll(/(\d+) 0 R/g)) {
      const content = objs.get(Number(ref))?.stream?.toString('latin1') ?? '';
      let map = new Map<number, string>();
      for (const t of content.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|\bT[dDm*]\b|\bET\b/g)) {
        if (t[1]) map = fontMap(fonts.get(t[1]) ?? -1);
        else if (t[2] !== undefined) text += (t[2].match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? '').join('');
        else text += ' ';
      }
    }
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  return pages;
}

/** Text with every kind of space removed, so «−692 163» matches however the PDF spaced it. */
export function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, '');
}
