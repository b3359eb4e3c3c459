import { describe, expect, it } from 'vitest';
import { renderFigure } from '../chart/rendered.ts';
import { describeLandscape, float64, stationaryPoints } from '../../../src/analytic/index.ts';
import { bifurcationFigure, bifurcationSpec } from '../../../src/claims/landscape/bifurcation.ts';
import { expectWellFormedSvg, layerRows } from '../chart/spec-data.ts';

const critical = (eta: number, convention: 'eq2' | 'eq1') =>
  describeLandscape(float64, { eta, beta: 0, depth: 3, convention });

describe('bifurcation (Fig. 4)', () => {
  it("puts every branch point on a stationary point of the analytic core, up to each mode's βc", () => {
    const rows = layerRows(bifurcationSpec(), 'branches');
    for (const eta of [0.9, 0.8]) {
      const mine = rows.filter((row) => row.mode === `η = ${eta}`);
      const { betaC, lambdaC } = critical(eta, 'eq2');
      expect(Math.max(...mine.map((row) => row.beta as number))).toBe(betaC);
      expect(mine.filter((row) => row.beta === betaC).map((row) => row.lambda)).toEqual([lambdaC, lambdaC]);
      for (const row of mine.filter((r) => (r.beta as number) < betaC).slice(0, 30)) {
        const points = stationaryPoints(float64, { eta, beta: row.beta as number, depth: 3, convention: 'eq2' });
        const expected = String(row.style).startsWith('saddle') ? points.saddle : points.minimum;
        expect(row.lambda).toBe(expected);
      }
    }
  });

  it("draws rules at each mode's βc and β*, and the paper's printed βc apart from them", () => {
    const rules = layerRows(bifurcationSpec(), 'rules');
    for (const eta of [0.9, 0.8]) {
      const { betaC, betaStar } = critical(eta, 'eq2');
      const mine = rules.filter((row) => row.mode === `η = ${eta}`).map((row) => row.beta);
      expect(mine).toEqual([betaC, betaStar]);
    }
    expect(rules.filter((row) => row.mode === 'paper').map((row) => row.beta)).toEqual([0.42, 0.36]);
  });

  it('moves every β-location with the convention (eq1: L times eq2)', () => {
    const eq1 = layerRows(bifurcationSpec({ convention: 'eq1' }), 'rules').filter((row) => row.mode === 'η = 0.9');
    expect(eq1[0]?.beta).toBe(critical(0.9, 'eq1').betaC);
    expect(eq1[0]?.beta).toBeCloseTo(3 * critical(0.9, 'eq2').betaC, 12);
  });

  it('renders a well-formed SVG with its axis titles', async () => {
    const figure = await renderFigure(bifurcationFigure);
    expect(figure.id).toBe('bifurcation');
    const texts = ['β (regularisation strength)', 'λ (end-to-end singular value)', 'paper βc = 0.360'];
    expect(expectWellFormedSvg(figure.svg, texts)).toEqual([]);
    expect(figure.caption).toContain('The Eq. 2 reading');
  });
});
