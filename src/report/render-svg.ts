import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a vega-lite spec to SVG text in Node, without a browser or a canvas: vega's headless view
 * (renderer 'none') draws the scenegraph straight to SVG markup. Without a canvas vega estimates text widths
 * (0.8 × font size per character), which errs wide, so layout leaves room rather than clipping.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(uncut(spec)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Legend titles and labels and axis labels are never cut to "…": a series or a claim a reader cannot name is no figure (vega's
 * labelLimit 0 is no limit; the figure grows to hold them). A limit the spec's config sets is overridden too (figures
 * set none on their encodings).
 */
export function uncut(spec: TopLevelSpec): TopLevelSpec {
  const config = spec.config ?? {};
  return { ...spec, config: { ...config, legend: { ...config.legend, labelLimit: 0, titleLimit: 0 }, axis: { ...config.axis, labelLimit: 0 } } } as TopLevelSpec;
}
