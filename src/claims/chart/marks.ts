import type { Layer } from './chart-style.ts';

// Text labels at data positions, the one layer shape every figure repeats.

export interface Channel {
  (field: string): object;
}

export interface LabelRow {
  x: number;
  y: number;
  text: string;
}

export interface LabelStyle {
  dx?: number;
  dy?: number;
  align?: 'left' | 'center' | 'right';
  baseline?: 'top' | 'middle' | 'bottom';
  angle?: number;
  color?: string;
  fontSize?: number;
}

/** A layer of text labels placed at data coordinates (x, y), all in one style. */
export function labelLayer(name: string, rows: LabelRow[], x: Channel, y: Channel, style: LabelStyle = {}): Layer {
  return {
    name,
    data: { values: rows },
    mark: { type: 'text', align: 'left', baseline: 'middle', ...style },
    encoding: { x: x('x'), y: y('y'), text: { field: 'text', type: 'nominal' } },
  };
}
