/**
 * Chart export: the chart's own SVG (src/charts/svg), made self-contained (computed styles inlined, system font,
 * no external references) and framed with title, axis labels, source line and the synthetic-data
 * note, as SVG text or a PNG at 2× resolution drawn on a canvas. No network: the image is loaded from
 * a data: URL, so the canvas is never tainted.
 */
import type { Language } from '../i18n/language';
import { syntheticNote } from '../spec/synthetic';

export interface ChartExportInfo {
  title: string;
  subtitle?: string;
  xLabel?: string;
  yLabel?: string;
  source?: string;
  synthetic?: boolean;
  /** Share of rows from synthetic sources when mixed (src/spec/synthetic.ts). */
  syntheticShare?: number | null;
  lang: Language;
}

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];
const FONT = 'Arial, Helvetica, sans-serif';
const SOURCE = { nb: 'Kilde', en: 'Source' };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Copies computed presentation styles onto a clone, element by element, so the file looks the same
 *  outside the page's stylesheets. */
function inlineStyles(source: Element, target: Element): void {
  if (typeof getComputedStyle === 'function') {
    const cs = getComputedStyle(source);
    const decl = STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
      .filter(([, v]) => v && v !== 'normal' && v !== 'auto')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (decl) target.setAttribute('style', `${decl};font-family:${FONT}`);
  }
  const s = source.children;
  const t = target.children;
  for (let i = 0; i < s.length && i < t.length; i++) inlineStyles(s[i], t[i]);
}

/** Removes anything that could reach outside the file (scripts, foreign content, external hrefs). */
function sanitise(root: Element): void {
  root.querySelectorAll('script, foreignObject').forEach((n) => n.remove());
  root.querySelectorAll('*').forEach((n) => {
    for (const a of [...n.attributes]) {
      if (/^on/i.test(a.name)) n.removeAttribute(a.name);
      if ((a.name === 'href' || a.name === 'xlink:href') && !a.value.startsWith('#'))
        n.removeAttribute(a.name);
    }
  });
}

export function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const r = svg.getBoundingClientRect?.();
  const width = Number(svg.getAttribute('width')) || r?.width || 600;
  const height = Number(svg.getAttribute('height')) || r?.height || 400;
  return { width, height };
}

/** A standalone SVG document: header (title, subtitle), the chart, axis labels, footer notes. */
export function buildChartSvg(
  svg: SVGSVGElement,
  info: ChartExportInfo,
): { text: string; width: number; height: number } {
  const { width: cw, height: ch } = chartSize(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  sanitise(clone);
  const left = info.yLabel ? 28 : 8;
  const top = info.subtitle ? 52 : 36;
  const footerLines = [
    info.xLabel ? '' : null,
    info.source ? `${SOURCE[info.lang]}: ${info.source}` : null,
    info.synthetic ? syntheticNote(info.lang, info.syntheticShare ?? 1) : null,
  ].filter((x): x is string => x !== null);
  const bottom = (info.xLabel ? 22 : 0) + footerLines.filter(Boolean).length * 18 + 10;
  const width = cw + left + 8;
  const height = ch + top + bottom;
  clone.setAttribute('x', String(left));
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(cw));
  clone.setAttribute('height', String(ch));
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  const inner = new XMLSerializer().serializeToString(clone);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${esc(info.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${left}" y="22" font-size="16" font-weight="bold" fill="#1e2b3c">${esc(info.title)}</text>`,
  ];
  if (info.subtitle)
    parts.push(`<text x="${left}" y="42" font-size="12" fill="#4b5563">${esc(info.subtitle)}</text>`);
  if (info.yLabel)
    parts.push(
      `<text transform="translate(14 ${top + ch / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#4b5563">${esc(info.yLabel)}</text>`,
    );
  parts.push(inner);
  let y = top + ch;
  if (info.xLabel) {
    y += 18;
    parts.push(
      `<text x="${left + cw / 2}" y="${y}" text-anchor="middle" font-size="12" fill="#4b5563">${esc(info.xLabel)}</text>`,
    );
  }
  if (info.source) {
    y += 18;
    parts.push(
      `<text x="${left}" y="${y}" font-size="11" fill="#4b5563">${esc(`${SOURCE[info.lang]}: ${info.source}`)}</text>`,
    );
  }
  if (info.synthetic) {
    y += 18;
    parts.push(
      `<text x="${left}" y="${y}" font-size="11" font-weight="bold" fill="#b00020" data-synthetic="true">${esc(syntheticNote(info.lang, info.syntheticShare ?? 1))}</text>`,
    );
  }
  parts.push('</svg>');
  return { text: parts.join('\n'), width, height };
}

/** PNG at `scale`× (2 by default, sharp on high-DPI screens and in print). */
export async function chartToPng(svg: SVGSVGElement, info: ChartExportInfo, scale = 2): Promise<Blob> {
  const { text, width, height } = buildChartSvg(svg, info);
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  const img = new Image();
  img.width = width;
  img.height = height;
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('svg-load'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no-canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png'),
  );
}

/** Finds the chart's <svg> inside a container (the first one: the plot comes before captions and buttons). */
export function findChartSvg(container: Element | null): SVGSVGElement | null {
  return container?.querySelector('svg') ?? null;
}
