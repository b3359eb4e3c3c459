import { describe, expect, it } from 'vitest';
import { describeLandscape, float64, type Convention } from '../../../src/analytic/index.ts';
import { renderFigure } from '../chart/rendered.ts';
import { phaseBars, phaseDiagramFigure, phaseDiagramSpec } from '../../../src/claims/phase-diagram/phase-diagram-figure.ts';
import { expectWellFormedSvg, layerRows } from '../chart/spec-data.ts';

const critical = (eta: number, convention: Convention) => describeLandscape(float64, { eta, beta: 0, depth: 3, convention });

/** The global-minimum row at β, read off the bars. */
function globalAt(beta: number, convention: Convention): string | undefined {
  return phaseBars(convention).find((bar) => bar.from <= beta && beta < bar.to && bar.state === 'global minimum')?.learned;
}

describe('phase-diagram (analytic Fig. 3)', () => {
  it("cuts the β axis exactly at every mode's β* and βc", () => {
    const cuts = new Set(phaseBars('eq2').flatMap((bar) => [bar.from, bar.to]));
    for (const eta of [0.9, 0.8]) {
      const { betaC, betaStar } = critical(eta, 'eq2');
      expect(cuts.has(betaC) && cuts.has(betaStar)).toBe(true);
    }
  });

  it('has exactly one global minimum at every β, the set of modes below their β*', () => {
    const bars = phaseBars('eq2');
    const cuts = [...new Set(bars.map((bar) => bar.from))];
    for (const from of cuts) {
      expect(bars.filter((bar) => bar.from === from && bar.state === 'global minimum')).toHaveLength(1);
    }
    expect(globalAt(0.1, 'eq2')).toBe('rank 2 (η = 0.9, 0.8)');
    expect(globalAt(0.32, 'eq2')).toBe('rank 1 (η = 0.9)');
    expect(globalAt(0.45, 'eq2')).toBe('rank 0');
    expect(globalAt(0.32, 'eq1')).toBe('rank 2 (η = 0.9, 0.8)');
  });

  it('shades each hysteresis window [β*, βc] from the analytic core', () => {
    const windows = layerRows(phaseDiagramSpec({ convention: 'eq1' }), 'hysteresis-windows');
    expect(windows.map((w) => [w.from, w.to])).toEqual(
      [0.9, 0.8].map((eta) => [critical(eta, 'eq1').betaStar, critical(eta, 'eq1').betaC]),
    );
  });

  it('renders a well-formed SVG whose eq1 version differs from eq2', async () => {
    const [eq2, eq1] = await Promise.all([renderFigure(phaseDiagramFigure), renderFigure(phaseDiagramFigure, { convention: 'eq1' })]);
    expect(expectWellFormedSvg(eq2.svg, ['β (regularisation strength)', 'learned modes', 'paper'])).toEqual([]);
    expect(eq1.svg).not.toEqual(eq2.svg);
    expect(eq2.caption).toContain('global minimum is rank 1 (η = 0.9)');
  });
});
