import { describe, expect, it } from 'vitest';
import { describeLandscape, float64 } from '../../../src/analytic/index.ts';
import {
  BARRIER_FRACTION_OF_BETA_C,
  DEPTHS,
  criticalVsDepthFigure,
  criticalVsDepthSpec,
  depthRows,
} from '../../../src/claims/landscape/critical-vs-depth.ts';
import { renderFigure } from '../chart/rendered.ts';
import { expectWellFormedSvg, layerRows } from '../chart/spec-data.ts';

describe('critical-vs-depth (Sec. 4.1, prediction 2)', () => {
  it('plots βc and β* of the analytic core at every depth 2..10 for both modes', () => {
    const rows = layerRows(criticalVsDepthSpec(), 'beta-locations');
    expect(rows).toHaveLength(2 * 2 * DEPTHS.length);
    for (const depth of DEPTHS) {
      const { betaC, betaStar } = describeLandscape(float64, { eta: 0.8, beta: 0, depth, convention: 'eq2' });
      const mine = rows.filter((row) => row.mode === 'η = 0.8' && row.depth === depth).map((row) => row.beta);
      expect(mine).toEqual([betaC, betaStar]);
    }
  });

  it('reads the barrier at β* and at a fixed fraction of βc, with no point at L = 2 (no saddle)', () => {
    const barriers = layerRows(criticalVsDepthSpec(), 'barriers');
    expect(barriers.some((row) => row.depth === 2)).toBe(false);
    const [row] = depthRows('eq2').filter((r) => r.mode === 'η = 0.9' && r.depth === 5);
    const at = (beta: number) => describeLandscape(float64, { eta: 0.9, beta, depth: 5, convention: 'eq2' }).barrier;
    expect(row?.barrierAtBetaStar).toBe(at(row?.betaStar ?? Number.NaN));
    expect(row?.barrierAtFraction).toBe(at(BARRIER_FRACTION_OF_BETA_C * (row?.betaC ?? Number.NaN)));
  });

  it('shows βc falling with depth under eq2 but rising from L = 3 under eq1', () => {
    const betaC = (convention: 'eq2' | 'eq1', depth: number) =>
      depthRows(convention).find((r) => r.mode === 'η = 0.9' && r.depth === depth)?.betaC ?? Number.NaN;
    expect(betaC('eq2', 10)).toBeLessThan(betaC('eq2', 3));
    expect(betaC('eq1', 10)).toBeGreaterThan(betaC('eq1', 3));
  });

  it('renders a well-formed SVG with both panels and the paper marks', async () => {
    const figure = await renderFigure(criticalVsDepthFigure, { convention: 'eq1' });
    const texts = ['L (depth, number of layers)', 'β (regularisation strength)', 'paper βc (L = 3)', 'log scale'];
    expect(expectWellFormedSvg(figure.svg, texts)).toEqual([]);
    expect(figure.caption).toContain('The Eq. 1 reading');
  });
});
