// Words for the findings of the text subject (claims/text/findings.ts).
import type { TextFindings } from '../../claims/index.ts';
import { formatNumber } from '../../text/index.ts';
import type { Words } from './words.ts';

/** A fraction as a percentage, three significant digits. */
const percent = (x: number): string => `${formatNumber(x * 100, 3)} %`;

export const TEXT_WORDS: Words<TextFindings> = {
  'text.regulariser-derivative': ({ beta, lambda, depth, derivative, eq2Term, ratio }) =>
    `At β = ${beta}, λ = ${lambda}, L = ${depth}: d/dλ of Eq. 1's (β/2)λ^{2/L} = ${formatNumber(derivative, 10)}; ` +
    `Eq. 2's regulariser term βλ^{2/L−1} = ${formatNumber(eq2Term, 10)}; ratio ${formatNumber(ratio, 12)} (L = ${depth}).`,
  'text.regulariser-reading': () =>
    'Eq. 10 writes the regulariser as (Lβ/2)λ^{2/L}, whose derivative is exactly Eq. 2\'s term. Eqs. 2, 3 and 10 ' +
    'therefore belong to the regulariser (Lβ/2)Σλ^{2/L} — what weight decay β on each of L balanced layers gives — ' +
    'and Eq. 1 as printed is off by the factor L. The audit calls the two readings Eq. 2 (default) and Eq. 1.',
  'text.parameter-count': ({ widths, without, withBiases, printed }) =>
    `${widths.join(' → ')}: ${without} weights without biases, ${withBiases} with biases; the paper says D = ${printed}.`,
  'text.parameter-widths': ({ printed, input, hidden, output, largestWidth, matching }) =>
    matching.length === 0
      ? `No hidden width w from 1 to ${largestWidth} gives ${printed} for ${input} → w${' → w'.repeat(hidden - 1)} → ${output}, with or without biases.`
      : `${printed} parameters would need ${matching.map((m) => `w = ${m.width}${m.biases ? ' with biases' : ''}`).join(' or ')}.`,
  'text.places': ({ a, b }) => `${a.place} says ${a.says}; ${b.place} says ${b.says}.`,
  'text.beta-consequence': ({ beta, eta, depth, globalPhase, barrier }) =>
    `At β = ${beta} (η = ${eta}, L = ${depth}, the Eq. 2 reading): global phase ${globalPhase}, barrier out of λ = 0 ΔE = ${formatNumber(barrier)}.`,
  'text.critical-beta-computed': ({ etas, betaC }) =>
    `Appendix A: η1 = ${etas[0]}, η2 = ${etas[1]}; Eq. 3 (the Eq. 2 reading) gives βc(η1) = ${formatNumber(betaC[0])} > βc(η2) = ${formatNumber(betaC[1])}.`,
  'text.critical-beta-printed': ({ printed, descending, nearest }) =>
    `The paper prints βc(1) = ${printed[0]} and βc(2) = ${printed[1]}, i.e. βc(1) ${descending ? '>' : '<'} βc(2); ` +
    `${nearest.map((n) => `printed ${n.printed} is nearest βc(η = ${n.eta}) = ${formatNumber(n.betaC)}`).join('; ')}.`,
  'text.critical-beta-swap': () =>
    'The rank-1 trap (checkpoint at 0.361, "rank-1 phase") only makes sense if the mode that switches off at 0.36 is η2 = 0.8: the labels are swapped relative to Appendix D.2.',
  'text.steps-per-epoch': ({ samples, batch, steps }) => `⌊N/B⌋ = ⌊${samples}/${batch}⌋ = ${steps} steps per epoch.`,
  'text.no-step': ({ samples, batch }) =>
    `A batch of ${batch} cannot be drawn from ${samples} samples: read literally, no SGD step is ever taken; read as "one batch of all ${samples}", ` +
    'every step is full-batch gradient descent, the gradient has no sampling noise, and "SGD noise" cannot be what drives the escape.',
  'text.printed-ratio': ({ numerator, denominator, scale, ratio, printed, width }) =>
    `${numerator} / ${denominator}${scale === 1 ? '' : ` × ${scale}`} = ${formatNumber(ratio, 6)}; the paper says ${printed} (± ${width}).`,
  'text.ratio-with-audit-barrier': ({ convention, barrier, ratio }) =>
    `With the audit's ΔE_min under ${convention} (${formatNumber(barrier)}) the same ratio would be ${formatNumber(ratio, 3)}.`,
  'text.lr-sweep': ({ lrs, batch, stepsPerEpoch }) =>
    `The learning-rate sweep runs ηlr ∈ {${lrs.join(', ')}} at B = ${batch}: ηlr is the swept variable, not fixed. Epochs → SGD steps is ×N/B = ${stepsPerEpoch}, ` +
    'the same at every rate, so for steps the conclusion holds (third reading).',
  'text.lr-sweep-langevin': ({ largestLr, smallestLr, shift, rates, unit }) =>
    `Eq. 5 is Kramers' law in the time of Langevin dynamics, t = steps·ηlr: ln τ_t = ln τ_epochs + ln(N·ηlr/B) changes by ln(${largestLr}/${smallestLr}) = ${formatNumber(shift, 5)} across the sweep. ` +
    (unit === null
      ? ''
      : `Regressed on B/ηlr over the ${rates} rates that term has slope ${formatNumber(unit.slope, 4)} per unit of B/ηlr (R² ${formatNumber(unit.rSquared, 3)}): it tilts the Arrhenius line and is not a constant.`),
  'text.batch-sweep': ({ batches, largest, smallest, shift }) =>
    `The batch-size sweep (prediction 3) varies B ∈ {${batches.join(', ')}}: steps per epoch ⌊N/B⌋ change by ln(${largest}/${smallest}) = ${formatNumber(shift, 4)} in ln τ.`,
  'text.slope-relative-error': ({ r2, points, relative, slope, plusMinus, stated }) =>
    `R² = ${r2} over n = ${points} points gives SE(slope)/slope = √((1 − R²)/((n − 2)R²)) = ${percent(relative)}; the printed ${slope} ± ${plusMinus} is ${percent(stated)}.`,
  'text.slope-implied': ({ standardError, dof, tCritical, tHalfWidth }) =>
    `As ± one standard error the fit implies ± ${formatNumber(standardError, 3)}; as a 95 % interval (t₀.₉₇₅,${dof} = ${formatNumber(tCritical, 4)}) ± ${formatNumber(tHalfWidth, 3)}.`,
  'text.slope-level': ({ standardErrors, alpha }) =>
    `The printed ± is ${formatNumber(standardErrors, 3)} standard errors: a two-sided t interval of level 1 − ${formatNumber(alpha, 3)}. ` +
    'R² is scale-free, so the conversion of the slope into ΔE_eff (the constant C of T_eff) cannot change the relative error; an uncertainty of C would have to be stated to account for the rest.',
  'text.orders-span': ({ slowest, fastest, orders }) =>
    `log₁₀(${slowest}/${fastest}) = ${formatNumber(orders, 3)} — and the total delay is printed as a lower bound, so the span is at least that: three orders or more, not two.`,
  'text.orders-rank1': ({ rank1, fastest, orders }) =>
    `With the rank-1 trap's τ ≈ ${rank1} as the slow end: log₁₀(${rank1}/${fastest}) = ${formatNumber(orders, 3)}, nearer three orders than two.`,
  'text.promise': ({ place, promised }) => `${place} promises: ${promised.join('; ')}.`,
  'text.cited-place': ({ place, says }) => `${place}: ${says}`,
  'text.cited-missing': ({ missing }) =>
    missing.length === 0
      ? 'Every promised result is shown there.'
      : `Not shown there: ${missing.join('; ')}. The nonlinear experiment itself is the audit's (claims nonlinear-hysteresis, nonlinear-noise-off-low-rank, nonlinear-escape).`,
  'text.init-std': ({ width, asVariance, asScale, variance, ratio }) =>
    `w = ${width}: N(0, 1/√w) as a variance is std ${formatNumber(asVariance, 4)}; "a standard normal distribution scaled by 1/√w" is std ${formatNumber(asScale, 4)} (variance ${formatNumber(variance, 3)}): ${formatNumber(ratio, 4)}× apart.`,
  'text.init-both-run': () =>
    'The audit runs the random initialisation under both (std 1/√w is the protocol file\'s; the variance reading is the claim random-init-no-trapping\'s third reading).',
  'text.sweep-budget': ({ tau, lr, sweep, bounds, shortestOverBudget, budget }) =>
    `τ ≈ ${tau} epochs at ηlr = ${lr} (Fig. 1, rank-1 trap, B = 64) gives at the sweep's ηlr ${sweep.join(', ')} at least ${bounds.map((b) => formatNumber(b, 3)).join(', ')} epochs: ` +
    `the shortest is ${formatNumber(shortestOverBudget, 3)} times the ${budget}-epoch budget Appendix A states for runs from this trap (the sweep states none of its own).`,
  'text.sweep-budget-bound': () =>
    'The bound uses only that one epoch covers ηlr·N/B of gradient-flow time at fixed B (Appendix A: ⌊N/B⌋ = 8 steps of size ηlr) and that a lower T_eff does not shorten an activated escape (Eq. 5 with ΔE_eff > 0); ' +
    'the Arrhenius factor makes each bound longer still. Every run of the sweep would be censored at the budget, and Fig. 2(b)\'s points, each "averaged over 50 seeds", could not be escape times.',
  'text.sweep-budget-value': () => 'Value: the shortest bound over the budget. No statistical rule: arithmetic on printed numbers.',
};
