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

  it('never cuts a legend or an axis label to "…" (vega cuts at 160 and 180 px by default)', async () => {
    const long = 'ηlr sweep (B = 64, checkpoint 20 000 epochs per annealing stage), a label longer than any default limit';
    const svg = await renderSvg({
      config: { legend: { labelLimit: 120 } },
      data: { values: [{ x: 1, y: 2, series: long, claim: `tau-trivial-trap-total and a very long row label of the robustness figure` }] },
      mark: 'point',
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'claim', type: 'nominal' },
        color: { field: 'series', type: 'nominal', title: 'runs (trapped/all) of every reading, a legend title longer than its default limit' },
      },
    } as never);
    expect(svg).not.toContain('…');
    expect(svg).toContain('a label longer than any default limit');
    expect(svg).toContain('a legend title longer than its default limit');
  });
});
