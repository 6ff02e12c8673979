/** The demo files: deterministic bytes, SSB layouts, fictional 9xxx municipalities. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itWithShared, REAL_DIR } from '../support/shared';
import { DEMO_SEED, generateDemo } from '../../scripts/demo/index';
import { decodeLatin1 } from '../../scripts/demo/formats';
import { FILE_NAMES } from '../../scripts/demo/files';

const demo = generateDemo();
const file = (name: string) => {
  const f = demo.files.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
};
const csvFiles = demo.files.filter((f) => f.format === 'csv');
const digest = (d: ReturnType<typeof generateDemo>) => {
  const h = createHash('sha256');
  for (const f of d.files) h.update(f.name).update(f.bytes);
  return h.update(d.specJson).digest('hex');
};

describe('determinism', () => {
  it('the same seed gives identical bytes', () => {
    const again = generateDemo(DEMO_SEED);
    expect(again.files.map((f) => f.name)).toEqual(demo.files.map((f) => f.name));
    expect(digest(again)).toBe(digest(demo));
  });

  it('a different seed gives different data', () => {
    expect(digest(generateDemo(DEMO_SEED + 1))).not.toBe(digest(demo));
  });

  it('matches the pinned hash (update it only when the generator is changed on purpose)', () => {
    // Guards against platform-dependent output (the PRNG and rounding must not vary by machine).
    expect(digest(demo).slice(0, 16)).toBe(PINNED_HASH);
  });
});

describe('SSB CSV layout', () => {
  it.each(csvFiles.map((f) => [f.name]))('%s is ISO-8859-1 with title line, blank line, quoted header, CRLF', (name) => {
    const bytes = file(name).bytes;
    // No UTF-8 lead byte for Latin letters (ø would be C3 B8 in UTF-8, F8 in ISO-8859-1).
    expect(bytes.includes(0xc3)).toBe(false);
    const text = decodeLatin1(bytes);
    expect(text.includes('\uFFFD')).toBe(false);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^"[^"]+\(syntetiske data\)"$/);
    expect(lines[1]).toBe('');
    expect(lines[2].startsWith('"')).toBe(true);
    const nCols = lines[2].split(';').length;
    expect(lines.slice(3, -1).filter((l) => l.split(';').length !== nCols)).toEqual([]);
  });

  it('writes Norwegian letters as single ISO-8859-1 bytes', () => {
    const kostra = file(FILE_NAMES.kostra).bytes;
    expect(kostra.includes(0xf8)).toBe(true); // ø in "Beløp"
    expect(decodeLatin1(kostra)).toContain('"Beløp (1000 kr) 2015"');
  });

  it('every region is a fictional 9xxx municipality, 356 of them, with unique names', () => {
    const labels = new Set<string>();
    const bad: string[] = [];
    for (const f of csvFiles.filter((x) => x.name !== FILE_NAMES.deflator)) {
      for (const l of decodeLatin1(f.bytes).split('\r\n').slice(3, -1)) {
        const m = /^"(9\d{3}) ([^"]+)";/.exec(l);
        if (!m) bad.push(`${f.name}: ${l.slice(0, 40)}`);
        else labels.add(`${m[1]} ${m[2]}`);
      }
    }
    expect(bad).toEqual([]);
    expect(labels.size).toBe(356);
    expect(new Set([...labels].map((l) => l.slice(5))).size).toBe(356);
    expect(demo.panel.municipalities.map((m) => m.code).every((c) => /^9\d{3}$/.test(c))).toBe(true);
  });

  it('uses decimal comma and the SSB symbols `..` and `:`', () => {
    const kostra = decodeLatin1(file(FILE_NAMES.kostra).bytes);
    expect(kostra).toMatch(/;\.\.(;|\r\n)/);
    expect(kostra).toMatch(/;:(;|\r\n)/);
    expect(decodeLatin1(file(FILE_NAMES.registry).bytes)).toMatch(/;:(;|\r\n)/);
    expect(decodeLatin1(file(FILE_NAMES.criteria).bytes)).toMatch(/"Opphopningsindeks";\d+,\d{4};/);
    expect(decodeLatin1(file(FILE_NAMES.deflator).bytes)).toContain('"2015";100,0\r\n');
  });

  it('population has 106 single ages per municipality, wide over 2015–2024, under 5 MB', () => {
    const f = file(FILE_NAMES.population);
    expect(f.bytes.length).toBeLessThan(5 * 1024 * 1024);
    const lines = decodeLatin1(f.bytes).split('\r\n');
    expect(lines[2]).toBe(['"region"', '"alder"', ...Array.from({ length: 10 }, (_, i) => `"Personer ${2015 + i}"`)].join(';'));
    expect(lines.length - 4).toBe(356 * 106);
    expect(lines[3]).toMatch(/^"9001 [^"]+";"0 år";\d+;/);
    expect(lines[3 + 105]).toMatch(/^"9001 [^"]+";"105 år eller eldre";/);
  });

  it('the registry suppresses exactly the counts ≤ 5', () => {
    for (const o of demo.panel.observations) {
      for (const v of Object.values(o.registry)) if (typeof v === 'number') expect(v).toBeGreaterThan(5);
    }
    const suppressed = demo.panel.observations.filter((o) => o.registry.phv_pasienter_0_17 === ':').length;
    // A few, not many (SØF 2017: "few missing values for child psychiatry").
    expect(suppressed).toBeGreaterThan(0);
    expect(suppressed / demo.panel.observations.length).toBeLessThan(0.08);
  });

  it('two municipalities miss their accounts for a whole year', () => {
    expect(demo.panel.missingAccounts).toHaveLength(2);
    for (const { code, year } of demo.panel.missingAccounts) {
      const o = demo.panel.observations.find((x) => x.code === code && x.year === year)!;
      expect(Object.values(o.kostra).every((c) => c === '..')).toBe(true);
    }
  });
});

describe('municipalities', () => {
  const pops2015 = demo.panel.observations.filter((o) => o.year === 2015).map((o) => o.pop);

  it('have a log-normal-like size distribution covering all six size classes of SØF 2017', () => {
    const cls = (p: number) => (p <= 2000 ? 1 : p <= 5000 ? 2 : p <= 10000 ? 3 : p <= 20000 ? 4 : p <= 50000 ? 5 : 6);
    const counts = [1, 2, 3, 4, 5, 6].map((c) => pops2015.filter((p) => cls(p) === c).length);
    for (const c of counts) expect(c).toBeGreaterThan(0);
    expect(counts[0] + counts[1]).toBeGreaterThan(356 / 3); // many below 5 000
    expect(counts[5]).toBeGreaterThanOrEqual(3); // a few above 50 000
    const max = Math.max(...pops2015);
    expect(max).toBeGreaterThan(550_000);
    expect(max).toBeLessThan(650_000);
  });

  it('have a county 90–99 and a KOSTRA group 1–16', () => {
    for (const m of demo.panel.municipalities) {
      expect(m.county).toBeGreaterThanOrEqual(90);
      expect(m.county).toBeLessThanOrEqual(99);
      expect(m.kostraGroup).toBeGreaterThanOrEqual(1);
      expect(m.kostraGroup).toBeLessThanOrEqual(16);
    }
    expect(new Set(demo.panel.municipalities.map((m) => m.kostraGroup)).size).toBeGreaterThanOrEqual(12);
  });

  const klass = join(REAL_DIR, 'ssb-pxwebapi2-12134-and-klass131-responses/extracted-klass131-codesAt-2026-01-01.json');
  const klass2013 = join(REAL_DIR, 'klass-131-municipality-codes-2013-2020-csv/ssb_kommunekoder_2013.csv');
  itWithShared([klass, klass2013], 'have names that are not real Norwegian municipality names', () => {
    const real = new Set<string>();
    const doc = JSON.parse(readFileSync(klass, 'utf8')) as { codes: { name: string }[] };
    for (const c of doc.codes) for (const part of c.name.split(' - ')) real.add(part.trim().toLowerCase());
    for (const line of decodeLatin1(new Uint8Array(readFileSync(klass2013))).split('\n').slice(1)) {
      const name = line.split(';')[3]?.replace(/"/g, '');
      if (name) for (const part of name.split(' - ')) real.add(part.trim().toLowerCase());
    }
    expect(real.size).toBeGreaterThan(400);
    for (const m of demo.panel.municipalities) for (const part of m.name.split(' - ')) expect(real.has(part.toLowerCase()), m.name).toBe(false);
  });
});

describe('frie inntekter as PxWebApi v2 JSON-stat2', () => {
  const doc = JSON.parse(new TextDecoder().decode(file(FILE_NAMES.frieInntekter).bytes)) as {
    version: string;
    id: string[];
    size: number[];
    value: (number | null)[];
    status: Record<string, string>;
    dimension: Record<string, { category: { index: Record<string, number> } }>;
  };
  it('has region × ContentsCode × Tid with row-major values and status for the missing cells', () => {
    expect(doc.version).toBe('2.0');
    expect(doc.id).toEqual(['KOKkommuneregion0000', 'ContentsCode', 'Tid']);
    expect(doc.size).toEqual([356, 1, 10]);
    expect(doc.value).toHaveLength(3560);
    const missing = Object.keys(doc.status);
    expect(missing.length).toBeGreaterThanOrEqual(1);
    for (const k of missing) {
      expect(doc.value[Number(k)]).toBeNull();
      expect(doc.status[k]).toBe('..');
    }
    expect(Object.keys(doc.dimension.KOKkommuneregion0000.category.index).every((c) => /^9\d{3}$/.test(c))).toBe(true);
    // Row-major: the second value is the first municipality's 2016 figure.
    const first = demo.panel.observations.filter((o) => o.code === '9001');
    expect(doc.value.slice(0, 10)).toEqual(first.map((o) => (typeof o.frieInntekter === 'number' ? o.frieInntekter : null)));
  });
});

// sha256 (first 16 hex) over all demo file names, bytes and demo-spec.json for DEMO_SEED.
const PINNED_HASH = '649ecf03a217a9f7';
