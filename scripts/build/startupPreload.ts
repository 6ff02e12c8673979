/**
 * Modulepreload links for the start-up chain (README «Performance»: demo_interactive_ms).
 *
 * src/main.tsx evaluates the start-up code as a chain of dynamic imports, one task each (speed budget:
 * no main-thread task over 50 ms). A dynamic import is fetched only when it is called, so the chain
 * was also a waterfall of about fifteen requests, each one started after the stage before it had run.
 * The built page now asks for all of them at once (`<link rel="modulepreload">`: fetched and compiled,
 * not evaluated), and each stage then finds its code at hand: the evaluation stays staged.
 *
 * Preloaded: the entry's dynamic imports (the stages) and what they import statically, plus the
 * first view's code (the view the app opens without an address), which is otherwise fetched only
 * after the shell's first render. The other views stay loaded on first use.
 */
import type { Plugin } from 'vite';

/** What this needs of a built chunk (Rollup/Rolldown `OutputChunk`). */
export interface ChunkInfo {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The files to preload, in the order the chain needs them: each of the entry's dynamic imports with
 * its static imports (depth first), then the first view's. Nothing the entry's own `<script>` already
 * loads (its static imports), and each file once.
 */
export function startupPreloads(bundle: Record<string, ChunkInfo>, entry: string, firstView: RegExp): string[] {
  const chunk = (f: string) => {
    const c = bundle[f];
    return c && c.type === 'chunk' ? c : undefined;
  };
  const seen = new Set<string>();
  const mark = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of chunk(f)?.imports ?? []) mark(i);
  };
  mark(entry);
  const out: string[] = [];
  const add = (f: string) => {
    if (seen.has(f) || !chunk(f)) return;
    // Its static imports come before it: the stage cannot be evaluated without them.
    seen.add(f);
    for (const i of chunk(f)?.imports ?? []) add(i);
    out.push(f);
  };
  for (const d of chunk(entry)?.dynamicImports ?? []) add(d);
  const view = Object.values(bundle).find((c) => c.type === 'chunk' && !!c.facadeModuleId && firstView.test(c.facadeModuleId));
  if (view) add(view.fileName);
  return out;
}

/**
 * The Vite plugin: the files of `startupPreloads` in a `<meta name="kl-startup-modules">` (paths from
 * the page, space-separated). The page's entry adds the preload links itself (src/startupPreload.ts),
 * after it has started the worker and the demo's requests: links in the HTML would be requested
 * before those, and before the entry's own imports.
 */
export function startupPreload(firstView: RegExp): Plugin {
  return {
    name: 'kostnadsnokkel-startup-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return;
        const files = startupPreloads(ctx.bundle as unknown as Record<string, ChunkInfo>, ctx.chunk.fileName, firstView);
        return [{ tag: 'meta', attrs: { name: STARTUP_META, content: files.join(' ') }, injectTo: 'head' as const }];
      },
    },
  };
}

export const STARTUP_META = 'kl-startup-modules';
