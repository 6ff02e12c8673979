import { describe, expect, it } from 'vitest';
import { startupPreloads, type ChunkInfo } from '../../scripts/build/startupPreload';

const chunk = (fileName: string, o: Partial<ChunkInfo> = {}): ChunkInfo => ({ type: 'chunk', fileName, imports: [], dynamicImports: [], ...o });

/** A bundle shaped like the built app's: an entry whose dynamic imports are the start-up stages. */
function bundle(): Record<string, ChunkInfo> {
  const list = [
    chunk('index.js', { isEntry: true, imports: ['react.js'], dynamicImports: ['zodCore.js', 'data.js', 'App.js'] }),
    chunk('react.js'),
    chunk('zodCore.js', { imports: ['zod-core.js'] }),
    chunk('zod-core.js'),
    chunk('data.js', { imports: ['zod-core.js', 'zod.js', 'react.js'] }),
    chunk('zod.js'),
    chunk('App.js', { imports: ['ds-react.js'], dynamicImports: ['upload.js', 'models.js'] }),
    chunk('ds-react.js', { imports: ['react.js'] }),
    chunk('upload.js', { facadeModuleId: '/repo/src/features/upload/index.ts', imports: ['specOps.js'] }),
    chunk('specOps.js'),
    chunk('models.js', { facadeModuleId: '/repo/src/features/models/index.ts', imports: ['charts.js'] }),
    chunk('charts.js'),
    { type: 'asset' as const, fileName: 'index.css' },
  ];
  return Object.fromEntries(list.map((c) => [c.fileName, c]));
}

describe('startupPreloads', () => {
  it('lists each stage after its static imports, then the first view, each file once', () => {
    expect(startupPreloads(bundle(), 'index.js', /features\/upload\/index\.ts$/)).toEqual([
      'zod-core.js',
      'zodCore.js',
      'zod.js',
      'data.js',
      'ds-react.js',
      'App.js',
      'specOps.js',
      'upload.js',
    ]);
  });

  it('leaves out what the entry script loads itself and the views not opened first', () => {
    const files = startupPreloads(bundle(), 'index.js', /features\/upload\/index\.ts$/);
    expect(files).not.toContain('index.js');
    expect(files).not.toContain('react.js');
    expect(files).not.toContain('models.js');
    expect(files).not.toContain('charts.js');
  });

  it('lists nothing for an entry without dynamic imports and no matching view', () => {
    expect(startupPreloads({ 'a.js': chunk('a.js') }, 'a.js', /nothing/)).toEqual([]);
  });
});
