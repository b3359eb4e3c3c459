import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_CONVENTION, float64, stationaryPoints, type Convention } from '../../analytic/index.ts';
import {
  BETA_TITLE,
  LAMBDA_TITLE,
  NEUTRAL_COLOR,
  PAPER_COLOR,
  SERIES_COLORS,
  STROKE_DASH,
  categorical,
  conventionNote,
  figureFrame,
  quantitative,
} from '../chart/chart-style.ts';
import type { FigureDefinition, FigureOptions } from '../chart/figure.ts';
import { labelLayer } from '../chart/marks.ts';
import { PAPER_DEPTH, PAPER_ETAS, betaAxisEnd, modeCritical, modeLabel, type ModeCritical } from '../chart/modes.ts';
import { PAPER_CRITICAL_BETA } from '../chart/paper-values.ts';
import { gridDenseNearEnd } from '../chart/sampling.ts';
import { formatNumber } from '../../text/index.ts';

// Fig. 4 (App. C): the stationary λ of each mode against β at L = 3. Solid: stable (λ**, and λ = 0);
// dashed: the saddle λsad; the two non-zero branches meet at (βc, λc) in a saddle-node bifurcation.
const SAMPLES = 120;
const LAMBDA_TOP = 0.95;
const LAMBDA_BOTTOM = -0.04;
const PAPER_RULE_TOP = 0.45;

const ZERO_BRANCH = 'λ = 0 (both modes)';
const PAPER_SERIES = 'paper';
const BRANCHES = ['stable (λ**, λ = 0)', 'saddle λsad'] as const;
const RULES = ['βc (saddle-node)', 'β* (equal loss)'] as const;

function colorDomain(): string[] {
  return [...PAPER_ETAS.map(modeLabel), ZERO_BRANCH, PAPER_SERIES];
}

const betaAxisTo = (end: number) => (field: string) => quantitative(field, BETA_TITLE, { domain: [0, end] });
const y = (field: string) => quantitative(field, LAMBDA_TITLE, { domain: [LAMBDA_BOTTOM, LAMBDA_TOP] });

function branchRows(critical: ModeCritical, convention: Convention) {
  const [stable, saddle] = BRANCHES;
  const mode = modeLabel(critical.eta);
  // The grid stops short of βc, where the branches meet; the meeting point (βc, λc) closes both.
  const betas = gridDenseNearEnd(critical.betaC, SAMPLES).slice(0, -1);
  const rows = betas.flatMap((beta) => {
    const points = stationaryPoints(float64, { eta: critical.eta, beta, depth: PAPER_DEPTH, convention });
    return [
      ...(points.minimum === null ? [] : [{ beta, lambda: points.minimum, mode, style: stable }]),
      ...(points.saddle === null ? [] : [{ beta, lambda: points.saddle, mode, style: saddle }]),
    ];
  });
  const nose = { beta: critical.betaC, lambda: critical.lambdaC, mode };
  return [...rows, { ...nose, style: stable }, { ...nose, style: saddle }];
}

interface RuleRow {
  beta: number;
  style: string;
  text: string;
}

function ruleLabels(rules: RuleRow[], style: string) {
  return rules.filter((r) => r.style === style).map((r) => ({ x: r.beta, y: LAMBDA_TOP, text: r.text }));
}

export function bifurcationCriticals(convention: Convention): ModeCritical[] {
  return PAPER_ETAS.map((eta) => modeCritical(eta, PAPER_DEPTH, convention));
}

export function bifurcationSpec(options: FigureOptions = {}): TopLevelSpec {
  const convention = options.convention ?? DEFAULT_CONVENTION;
  const criticals = bifurcationCriticals(convention);
  const x = betaAxisTo(betaAxisEnd(criticals));
  const [betaCRule, betaStarRule] = RULES;
  const colors = categorical('mode', 'curve or rule', colorDomain(), [SERIES_COLORS[0], SERIES_COLORS[1], NEUTRAL_COLOR, PAPER_COLOR]);
  const dashes = categorical('style', 'line style', [...BRANCHES, ...RULES], [
    STROKE_DASH.solid,
    STROKE_DASH.dashed,
    STROKE_DASH.dashDot,
    STROKE_DASH.dotted,
  ]);
  const computedRules = criticals.flatMap((c) => [
    { beta: c.betaC, from: LAMBDA_BOTTOM, to: LAMBDA_TOP, mode: modeLabel(c.eta), style: betaCRule, text: `βc = ${formatNumber(c.betaC, 3)}` },
    { beta: c.betaStar, from: LAMBDA_BOTTOM, to: LAMBDA_TOP, mode: modeLabel(c.eta), style: betaStarRule, text: `β* = ${formatNumber(c.betaStar, 3)}` },
  ]);
  const paperRules = PAPER_CRITICAL_BETA.map((p) => ({
    beta: p.betaC.value,
    // Paper rules stop half-way up, leaving the top to the computed rules' labels.
    from: LAMBDA_BOTTOM,
    to: PAPER_RULE_TOP,
    mode: PAPER_SERIES,
    style: betaCRule,
    text: `paper βc = ${p.betaC.text} (${modeLabel(p.eta)})`,
  }));
  const zeroBranch = [0, betaAxisEnd(criticals)].map((beta) => ({ beta, lambda: 0, mode: ZERO_BRANCH, style: BRANCHES[0] }));
  return {
    ...figureFrame(`Fig. 4: bifurcation, η = ${PAPER_ETAS.join(', ')}, L = ${PAPER_DEPTH} (${convention})`, 360),
    layer: [
      {
        name: 'rules',
        data: { values: [...computedRules, ...paperRules] },
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: { x: x('beta'), y: y('from'), y2: { field: 'to' }, color: colors, strokeDash: dashes },
      },
      {
        name: 'branches',
        data: {
          values: [
            ...criticals.flatMap((c) => branchRows(c, convention)),
            ...zeroBranch,
          ],
        },
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: { x: x('beta'), y: y('lambda'), color: colors, strokeDash: dashes, order: { field: 'beta' } },
      },
      // βc labels right of their rule, β* labels left of theirs: β*(0.9) and βc(0.8) lie close together.
      labelLayer('beta-c-labels', ruleLabels(computedRules, betaCRule), x, y, { angle: 270, align: 'right', baseline: 'top', dy: 3 }),
      labelLayer('beta-star-labels', ruleLabels(computedRules, betaStarRule), x, y, {
        angle: 270,
        align: 'right',
        baseline: 'bottom',
        dy: -3,
      }),
      labelLayer(
        'paper-labels',
        paperRules.map((r) => ({ x: r.beta, y: LAMBDA_BOTTOM, text: r.text })),
        x,
        y,
        { angle: 270, align: 'left', baseline: 'top', dy: 3, dx: 4, color: PAPER_COLOR },
      ),
    ],
  };
}

function caption(convention: Convention): string {
  const criticals = bifurcationCriticals(convention);
  const values = criticals
    .map((c) => `${modeLabel(c.eta)}: βc = ${formatNumber(c.betaC, 4)}, β* = ${formatNumber(c.betaStar, 4)}, λc = ${formatNumber(c.lambdaC, 3)}`)
    .join('; ');
  const paper = PAPER_CRITICAL_BETA.map((p) => `${p.betaC.text} (${modeLabel(p.eta)})`).join(' and ');
  return (
    `Stationary points of each mode against β at L = ${PAPER_DEPTH} (Eq. 2): the stable non-zero minimum λ** (solid) and the ` +
    `saddle λsad (dashed) meet at (βc, λc) and annihilate; λ = 0 stays a local minimum for every β. ${values}. ` +
    `Below βc both phases are local minima; at β* their losses are equal: below it λ** is the global minimum and λ = 0 metastable, between β* and βc λ = 0 is global and λ** metastable (hysteresis). The paper prints βc = ${paper} (red). ${conventionNote(convention)}`
  );
}

export const bifurcationFigure: FigureDefinition = {
  id: 'bifurcation',
  title: 'Bifurcation diagram of the two modes (Fig. 4)',
  spec: bifurcationSpec,
  caption,
};
