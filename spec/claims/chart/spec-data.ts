import type { TopLevelSpec } from 'vega-lite';

// Reads the inline data a figure's spec passes to one named layer (or view), for asserting on it.

type Row = Record<string, unknown>;

interface Named {
  name?: string;
  data?: { values?: Row[] };
  layer?: Named[];
  vconcat?: Named[];
}

function find(spec: Named, name: string): Named | undefined {
  if (spec.name === name) return spec;
  for (const child of [...(spec.layer ?? []), ...(spec.vconcat ?? [])]) {
    const hit = find(child, name);
    if (hit) return hit;
  }
  return undefined;
}

export function layerRows(spec: TopLevelSpec, name: string): Row[] {
  const layer = find(spec as Named, name);
  if (!layer) throw new Error(`no layer named ${name}`);
  return layer.data?.values ?? [];
}

/** The checks every rendered figure passes: an SVG root with a size and a viewBox, and the given texts. */
export function expectWellFormedSvg(svg: string, texts: string[]): string[] {
  const problems: string[] = [];
  if (!svg.startsWith('<svg')) problems.push('does not start with <svg');
  if (!/viewBox="0 0 \d+ \d+"/.test(svg)) problems.push('has no viewBox');
  if (!/width="\d+"/.test(svg)) problems.push('has no width');
  if (!svg.trimEnd().endsWith('</svg>')) problems.push('does not end with </svg>');
  for (const text of texts) if (!svg.includes(text)) problems.push(`lacks the text ${JSON.stringify(text)}`);
  return problems;
}
