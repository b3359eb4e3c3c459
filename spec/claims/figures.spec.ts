import { describe, expect, it } from 'vitest';
import { analyticFigures } from '../../src/claims/figures.ts';
import { rendered } from './chart/rendered.ts';
import { expectWellFormedSvg } from './chart/spec-data.ts';

describe('analyticFigures', () => {
  it('renders the four analytic figures in order, each naming its convention', async () => {
    const [eq2, eq1] = await Promise.all([Promise.all(analyticFigures().map(rendered)), Promise.all(analyticFigures({ convention: 'eq1' }).map(rendered))]);
    const ids = ['landscape-section', 'bifurcation', 'phase-diagram', 'critical-vs-depth'];
    expect(eq2.map((f) => f.id)).toEqual(ids);
    expect(eq1.map((f) => f.id)).toEqual(ids);
    const axisTitles: Record<string, string[]> = {
      'landscape-section': ['λ (end-to-end singular value)', 'Loss(λ) − Loss(0)'],
      bifurcation: ['β (regularisation strength)', 'λ (end-to-end singular value)'],
      'phase-diagram': ['β (regularisation strength)', 'learned modes'],
      'critical-vs-depth': ['L (depth, number of layers)', 'β (regularisation strength)'],
    };
    eq2.forEach((figure, i) => {
      expect(expectWellFormedSvg(figure.svg, [...(axisTitles[figure.id] ?? []), 'paper'])).toEqual([]);
      expect(figure.caption).toContain('The Eq. 2 reading');
      expect(eq1[i]?.caption).toContain('The Eq. 1 reading');
      expect(figure.title).toMatch(/reading eq2$/);
      expect(eq1[i]?.title).toMatch(/reading eq1$/);
      expect(eq1[i]?.svg).not.toEqual(figure.svg);
    });
  });

  it('renders the same SVG twice: no randomness, no clock', async () => {
    const [a, b] = await Promise.all([Promise.all(analyticFigures().map(rendered)), Promise.all(analyticFigures().map(rendered))]);
    expect(a.map((f) => f.svg)).toEqual(b.map((f) => f.svg));
  });
});
