import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a vega-lite spec to SVG text in Node, without a browser or a canvas: vega's headless view
 * (renderer 'none') draws the scenegraph straight to SVG markup. Without a canvas vega estimates text widths
 * (0.8 × font size per character), which errs wide, so layout leaves room rather than clipping.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
