import { describe, expect, it } from 'vitest';
import { renderFigure } from '../chart/rendered.ts';
import { describeLandscape, float64, modeLossAboveZero } from '../../../src/analytic/index.ts';
import {
  SECTION_BETAS,
  landscapeSectionFigure,
  landscapeSectionSpec,
} from '../../../src/claims/landscape/landscape-section.ts';
import { PAPER_BARRIER, PAPER_SADDLE_LAMBDA } from '../../../src/claims/chart/paper-values.ts';
import { expectWellFormedSvg, layerRows } from '../chart/spec-data.ts';

const at032 = (convention: 'eq2' | 'eq1') =>
  describeLandscape(float64, { eta: 0.8, beta: 0.32, depth: 3, convention });

describe('landscape-section (Fig. 2a)', () => {
  it('marks the saddle, barrier and minimum of the analytic core at β = 0.32', () => {
    const spec = landscapeSectionSpec();
    const summary = at032('eq2');
    const computed = layerRows(spec, 'markers').filter((row) => String(row.source).startsWith('computed'));
    expect(computed).toContainEqual(expect.objectContaining({ lambda: summary.lambdaSaddle, loss: summary.barrier }));
    expect(computed.map((row) => row.lambda)).toContain(summary.lambdaMin);
    expect(layerRows(spec, 'barrier-rule')).toEqual([{ lambda: summary.lambdaSaddle, from: 0, to: summary.barrier }]);
  });

  it('draws one curve per β of Fig. 2(a), each point on the mode loss above λ = 0', () => {
    const rows = layerRows(landscapeSectionSpec(), 'curves');
    expect(new Set(rows.map((row) => row.curve))).toEqual(new Set(SECTION_BETAS.map((b) => `β = ${b}`)));
    const mode = { eta: 0.8, beta: 0.29, depth: 3, convention: 'eq2' as const };
    for (const row of rows.filter((r) => r.curve === 'β = 0.29').slice(0, 40)) {
      expect(row.loss).toBe(modeLossAboveZero(float64, row.lambda as number, mode));
    }
  });

  it("draws the paper's printed λsad and ΔE as a separate paper mark", () => {
    const paper = layerRows(landscapeSectionSpec(), 'markers').filter((row) => String(row.source).startsWith('paper'));
    expect(paper).toEqual([expect.objectContaining({ lambda: PAPER_SADDLE_LAMBDA.value, loss: PAPER_BARRIER.value })]);
  });

  it('follows the convention: eq1 puts the saddle where eq1 does', () => {
    const eq1 = landscapeSectionSpec({ convention: 'eq1' });
    expect(layerRows(eq1, 'barrier-rule')[0]?.lambda).toBe(at032('eq1').lambdaSaddle);
    expect(JSON.stringify(eq1)).not.toEqual(JSON.stringify(landscapeSectionSpec()));
  });

  it('renders a well-formed SVG with its axis titles and a caption naming the convention', async () => {
    const figure = await renderFigure(landscapeSectionFigure, { convention: 'eq1' });
    expect(figure.id).toBe('landscape-section');
    expect(expectWellFormedSvg(figure.svg, ['λ (end-to-end singular value)', 'Loss(λ) − Loss(0)', 'paper'])).toEqual([]);
    expect(figure.caption).toContain('The Eq. 1 reading');
  });
});
