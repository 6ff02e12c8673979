/**
 * The width of a chart's box, kept up to date by a ResizeObserver. Measured once on mount (one
 * layout) instead of through Recharts' ResponsiveContainer, which re-measures on every render.
 */
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * `target` picks the element to measure (module-level, so it is stable): inside ChartFrame, Recharts'
 * ResponsiveContainer puts children in a zero-width box, so a chart there measures the container.
 */
export function useWidth<T extends HTMLElement>(fallback = 640, target?: (el: T) => Element): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const own = ref.current;
    if (!own) return;
    const el = target ? target(own) : own;
    setWidth(Math.round(el.getBoundingClientRect().width) || fallback);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth((old) => (old === w ? old : w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallback, target]);
  return [ref, width];
}

/** For `target`: inside ChartFrame a chart's own box has zero width (Recharts' ResponsiveContainer), so measure that container. */
export const chartFrameBox = (el: HTMLElement): Element => el.closest('.recharts-responsive-container') ?? el;
