import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/report/render-svg.ts';
import { expectWellFormedSvg } from '../claims/chart/spec-data.ts';

describe('renderSvg', () => {
  it('renders a vega-lite spec to SVG text without a browser, keeping Greek titles as text', async () => {
    const svg = await renderSvg({
      width: 200,
      height: 100,
      data: { values: [{ beta: 0, lambda: 0.9 }, { beta: 0.4, lambda: 0.2 }] },
      mark: 'line',
      encoding: {
        x: { field: 'beta', type: 'quantitative', title: 'β (regularisation strength)' },
        y: { field: 'lambda', type: 'quantitative', title: 'λ (end-to-end singular value)' },
      },
    });
    expect(expectWellFormedSvg(svg, ['β (regularisation strength)', 'λ (end-to-end singular value)', '<path'])).toEqual([]);
  });
});
