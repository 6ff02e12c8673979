/** Only the result sections that changed cross to the main thread, and merging keeps the others. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../export/projectFile';
import { Pipeline } from '../worker/pipeline';
import { diffResults, mergeResults } from './update';

const ctl = { cancelled: () => false, progress: () => {} };

describe('results updates', () => {
  it('a redistribution edit sends the cost key and the total key only; the rest keep their objects (the scenarios, none here, read nothing)', async () => {
    const opened = openProject(readFileSync(join(__dirname, '../../test/spec/v1-project.knl.json')));
    if (!opened.ok) throw new Error('test project did not open');
    const { spec, files } = opened.project;
    const pipeline = new Pipeline();
    for (const f of files) await pipeline.importFile({ name: f.source.fileName, bytes: f.bytes }, f.source);

    const first = (await pipeline.runVersioned(spec, ctl))!;
    const all = diffResults(first.results, first.versions, {});
    expect(Object.keys(all.changed).sort()).toEqual(['costKey', 'dataset', 'describe', 'district', 'explained', 'keyUncertainty', 'models', 'scenarios', 'stability', 'totalKey']);
    const held = mergeResults(null, {}, all)!;
    expect(held.explained).toBe(first.results.explained);

    const edited = structuredClone(spec);
    edited.redistribution.phaseInYears = 3;
    const second = (await pipeline.runVersioned(edited, ctl))!;
    const update = diffResults(second.results, second.versions, first.versions);
    expect(Object.keys(update.changed).sort()).toEqual(['costKey', 'totalKey']);
    const merged = mergeResults(held, first.versions, update)!;
    expect(merged.costKey!.outcome!.phaseIn).toHaveLength(3);
    for (const k of ['dataset', 'models', 'describe', 'district', 'explained', 'stability'] as const) expect(merged[k], k).toBe(held[k]);
    expect(merged.specHash).toBe(second.results.specHash);

    // Versions the receiver does not hold cannot be merged: it has to ask for everything.
    expect(mergeResults(held, {}, update)).toBeNull();
  });
});
