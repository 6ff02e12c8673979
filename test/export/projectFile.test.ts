import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openProject, saveProject, projectFileName } from '../../src/export/projectFile';
import { base64ToBytes, bytesToBase64 } from '../../src/export/base64';
import { demoSpec } from './fixtures';

describe('base64', () => {
  it('round-trips arbitrary bytes and rejects garbage', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70000 }), (b) => {
      expect(base64ToBytes(bytesToBase64(b))).toEqual(b);
    }), { numRuns: 30 });
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab!d')).toBeNull();
  });
});

describe('project file', () => {
  const spec = demoSpec();
  const bytes = new TextEncoder().encode('region;år;verdi\n0301 Oslo;2014;1,5\n');
  const latin1 = new Uint8Array([0x42, 0xf8, 0x3b, 0xe6, 0xe5, 0x0a, 0xff, 0x00]);

  it('round-trips spec and embedded data exactly', () => {
    const text = saveProject(spec, { files: [{ source: spec.data.sources[0], bytes }, { source: { ...spec.data.sources[0], id: 'src1' }, bytes: latin1 }], savedAt: new Date('2024-01-02T03:04:05Z') });
    const r = openProject(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.spec).toEqual(spec);
    expect(r.project.files.map((f) => f.bytes)).toEqual([bytes, latin1]);
    expect(r.project.files[0].source).toEqual(spec.data.sources[0]);
    expect(r.project.savedAt).toBe('2024-01-02T03:04:05.000Z');
    expect(r.project.problems).toEqual([]);
    // Also from bytes (what a File gives), with a BOM.
    const r2 = openProject(new TextEncoder().encode('\uFEFF' + text));
    expect(r2.ok && r2.project.spec).toEqual(spec);
  });

  it('saves without data when none is given and accepts a bare spec', () => {
    const text = saveProject(spec);
    expect(JSON.parse(text).data).toBeUndefined();
    const bare = openProject(JSON.stringify(spec));
    expect(bare.ok && bare.project.spec).toEqual(spec);
  });

  it('gives Norwegian problems for hostile or broken files, never throws', () => {
    const cases: (string | Uint8Array)[] = [
      '',
      'not json',
      '[]',
      'null',
      '{"format":"something-else"}',
      '{"__proto__":{"polluted":1},"format":"kostnadsnokkel-lab-project","formatVersion":1,"spec":{"version":1,"title":5}}',
      JSON.stringify({ format: 'kostnadsnokkel-lab-project', formatVersion: 99, spec: spec }),
      JSON.stringify({ format: 'kostnadsnokkel-lab-project', formatVersion: 1, spec: { version: 7 } }),
      JSON.stringify({ format: 'kostnadsnokkel-lab-project', formatVersion: 1, spec: { ...spec, models: { list: [{ id: 1 }] } } }),
      new Uint8Array([0xff, 0xfe, 0x00, 0xd8]),
      '['.repeat(100000),
    ];
    for (const c of cases) {
      const r = openProject(c);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) {
        expect(p.message.length).toBeGreaterThan(0);
        expect(p.messageEn.length).toBeGreaterThan(0);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips damaged embedded files with a warning but opens the spec', () => {
    const env = JSON.parse(saveProject(spec, { files: [{ source: spec.data.sources[0], bytes }] }));
    env.data.push({ source: spec.data.sources[0], base64: '###' });
    env.data.push({ source: { nonsense: true }, base64: '' });
    env.data.push({ source: { ...spec.data.sources[0], id: 'other' }, base64: bytesToBase64(bytes) });
    env.data[0].size = 3; // size mismatch = truncated
    const r = openProject(JSON.stringify(env));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.files).toHaveLength(1);
    expect(r.project.problems.map((p) => p.code)).toEqual(['project-bad-data', 'project-bad-data', 'project-bad-source', 'project-orphan-data']);
    expect(r.project.problems[0].message).toContain('skadet');
  });

  it('carries the view state beside the spec; a bad field falls back to its default', () => {
    const view = { myMunicipality: '0301', redistributionGroupBy: 'county' as const, slides: [{ id: 's1', kind: 'table:regression', title: 'Resultater' }], csvStyle: 'en' as const };
    const r = openProject(saveProject(spec, { view }));
    expect(r.ok && r.project.view).toEqual(view);
    expect(r.ok && r.project.spec).toEqual(spec);
    const env = JSON.parse(saveProject(spec, { view }));
    env.view.csvStyle = 'klingon';
    const bad = openProject(JSON.stringify(env));
    expect(bad.ok && bad.project.view).toEqual({ myMunicipality: '0301', redistributionGroupBy: 'county', slides: view.slides });
    const none = openProject(saveProject(spec));
    expect(none.ok && none.project.view).toEqual({});
  });

  it('makes a file name from the title', () => {
    expect(projectFileName(spec)).toBe('barnevern-tabell-6.knl.json');
  });
});
