/**
 * Shared by the browser benches: a tiny static server for the built app (no Vite preview, so a bench
 * can run next to other people's servers on a free port) and a Chromium launcher.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../scripts/chromiumArgs';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown',
  '.woff2': 'font/woff2',
};

export function serve(dir: string): Promise<{ server: Server; port: number }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, port: (server.address() as { port: number }).port })));
}

/** The built app's folder (BENCH_DIST or dist/), or null with a note on stderr when it is missing. */
export function builtApp(figure: string): string | null {
  const dist = resolve(process.env.BENCH_DIST ?? 'dist');
  if (existsSync(join(dist, 'index.html'))) return dist;
  process.stderr.write(`${figure}: ${dist}/index.html mangler – kjør «npm run build» først / missing, run "npm run build" first\n`);
  return null;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
}
