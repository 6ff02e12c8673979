/**
 * The shell of the dense charts (DenseBars, DenseScatter, ScenarioDots): a full-width box of the
 * chart's height holding one <svg role="img"> (what the chart export picks up), the index of the mark
 * under the pointer, and the hover label drawn on top. Each chart says only how a pointer position
 * maps to a mark (`pick`); the pointer plumbing and the label's look live here once.
 */
import { useState, type ReactNode, type RefObject } from 'react';
import type { Box } from './Axes';

/** The mark under the pointer, −1 for none. */
export function useHoverIndex(): [number, (i: number) => void] {
  const [hover, setHover] = useState(-1);
  return [hover, setHover];
}

export interface HoverSvgProps {
  /** The box useWidth measures. */
  boxRef: RefObject<HTMLDivElement | null>;
  width: number;
  height: number;
  label: string;
  /** The mark at (x, y) in the svg's pixels, or −1. */
  pick: (x: number, y: number) => number;
  onHover: (i: number) => void;
  children: ReactNode;
}

export function HoverSvg({ boxRef, width, height, label, pick, onHover, children }: HoverSvgProps) {
  return (
    <div ref={boxRef} style={{ width: '100%', height }}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={label}
        onPointerMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onHover(pick(e.clientX - r.left, e.clientY - r.top));
        }}
        onPointerLeave={() => onHover(-1)}
      >
        {children}
      </svg>
    </div>
  );
}

/** The hover label along the top of the plot, centred on `x` but kept `margin` px inside the box. */
export function HoverText({ x, box, margin, children }: { x: number; box: Box; margin: number; children: ReactNode }) {
  return (
    <text x={Math.min(Math.max(x, box.left + margin), box.right - margin)} y={box.top + 12} textAnchor="middle" fontSize={12} fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke">
      {children}
    </text>
  );
}
