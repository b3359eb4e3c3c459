// Words for the findings of the kinetics subject (claims/kinetics/findings.ts).
import type { KineticsFindings } from '../../claims/index.ts';
import { formatNumber } from '../../text/index.ts';
import { calibrationWords, decisionWords, noFitWords } from './common.ts';
import { invarianceWords } from './trapping.ts';
import type { Words } from './words.ts';

type Values<K extends keyof KineticsFindings> = KineticsFindings[K];
type Interval = Values<'kinetics.noise-cells'>['cells'][number]['interval'];
type Factor = Values<'kinetics.finite-population'>['learningRateSweep'];

/** What the alternative to Arrhenius fitted on a sweep is: a power of B/ηlr, not Mori et al.'s law (a power of the loss ratio). */
export const POWER_OF_B_OVER_LR = "ln τ linear in ln(B/ηlr) (τ a power of B/ηlr; not Mori et al.'s law, a power of the loss ratio that keeps ln τ linear in B/ηlr)";

const f3 = (x: number): string => formatNumber(x, 3);
const f4 = (x: number): string => formatNumber(x, 4);
/** A 4-digit interval, as the jumps' lines give one. */
const interval4 = (i: Interval): string => `[${f4(i.lower)}, ${f4(i.upper)}]`;
/** One batch size's finite-population factor. */
const factorWords = ({ batch, factor }: Factor): string => `B = ${batch}: ${f3(factor)}`;

/** The printed R² against the seed bootstrap's ranges. */
function r2DrawWords(d: Values<'kinetics.r2-draw'>): string {
  const range = (i: Interval, level: number): string => `the central ${100 * (1 - level)} % of the seed bootstrap [${f4(i.lower)}, ${f4(i.upper)}]`;
  const printed = `${d.band.printed ?? d.band.value} ± ${d.band.tolerance}`;
  if (d.verdict === 'deviates') return `${printed} lies outside ${range(d.wide, d.wideAlpha)}: not an outcome of this sweep at ${d.seeds} seeds`;
  if (d.verdict === 'reproduced') return `${printed} meets ${range(d.central, d.centralAlpha)}: a plausible outcome of this sweep at ${d.seeds} seeds`;
  return `${printed} lies outside ${range(d.central, d.centralAlpha)} but inside ${range(d.wide, d.wideAlpha)}`;
}

function collapseTestWords({ test: t }: Values<'kinetics.collapse-test'>): string {
  if (t === null) return 'a line is needed for both sweeps, and at least one has escapes at fewer than two settings';
  return (
    `likelihood-ratio test of one line for both sweeps: statistic ${f4(t.statistic)}, p = ${f3(t.pValue)} (α = ${t.alpha}); ` +
    `power to see the B sweep's τ off by ×2: ${formatNumber(t.power, 2)}${t.verdict === 'inconclusive' ? ` < ${t.targetPower}: a non-rejection of too little power` : ''}`
  );
}

function jumpLawsWords({ comparison: c }: Values<'kinetics.jump-laws'>): string {
  if (c === null) return 'falls at fewer than two settings: no law is estimable';
  return (
    `best ${c.better}; ${c.ranked.map((m) => `ΔAIC(${m.label.split(':')[0]}) = ${f3(m.deltaAic)}`).join(', ')}; Arrhenius slope ${f4(c.slope)} ` +
    `${interval4(c.slopeInterval)} (1 − ${c.alpha}), linearity p = ${c.linearityPValue === null ? '—' : f3(c.linearityPValue)}`
  );
}

function slopeRatioWords({ ratio: r }: Values<'kinetics.jump-slope-ratio'>): string {
  if (r === null) return 'a slope not resolved above 0, a barrier that does not exist at that β, or fewer than two groups';
  return `slope ratio ${f4(r.estimate)} ${interval4(r.interval)} against barrier ratio ${f4(r.barrierRatio)} (ΔE ${f4(r.near.barrier)} at δ = ${r.near.delta}, ${f4(r.far.barrier)} at δ = ${r.far.delta})`;
}

/** How far the logarithmised barrier is from the linear one over L(θ*), in per cent. */
const percentApart = ({ barrier: b, linear }: Values<'kinetics.mori-linear'>): string => formatNumber((100 * (linear - b.logTotal)) / b.logTotal, 2);

function sweepPointWords(p: Values<'kinetics.sweep-point'>): string {
  const tau = p.fit === null ? '' : p.fit.meanTime ? `, τ̂ = ${f4(p.fit.meanTime)} epochs` : `, τ ≥ ${f3(p.fit.lower)} epochs (95 %)`;
  return `ηlr = ${p.lr}, B = ${p.batch} (B/ηlr = ${Math.round(p.x)}): ${p.trapped} of ${p.seeds} seeds started trapped, ${p.escapes} escaped within ${p.budget} epochs${tau}`;
}


/** The escapes a kinetic claim is about, as its not-reproducible reason names them. */
function paperEscapesWords(escapes: Values<'kinetics.paper-trap-not-reproducible'>['escapes']): string {
  return escapes === 'law' ? 'the escapes whose law F.3 describes' : `the escape times whose growth the claim states (${escapes.growth})`;
}

function sweepFitWords({ label, notEstimable, fit: a }: Values<'kinetics.sweep-fit'>): string {
  if (a === null) return `${label}: no fit — ${noFitWords(notEstimable)}.`;
  return (
    `${label}: censored fit ln τ = ${f4(a.intercept)} + ${f4(a.slope)}·(B/ηlr), slope interval ` +
    `[${f3(a.slopeInterval.lower)}, ${f3(a.slopeInterval.upper)}] at α = ${a.alpha}; linearity p = ` +
    `${formatNumber(a.linearityPValue, 3)}; ${a.preferred} preferred by ΔAIC = ${f3(a.aicMargin)}; ` +
    `power-law exponent ${f3(a.powerLawSlope)}` +
    (a.leastSquaresR2 === null ? '.' : `; least-squares R² of ln τ̂ = ${f4(a.leastSquaresR2)}.`)
  );
}

export const KINETICS_WORDS: Words<KineticsFindings> = {
  'kinetics.no-fit': ({ notEstimable }) => noFitWords(notEstimable),
  'kinetics.decision': ({ grounds }) => decisionWords(grounds),
  'kinetics.r2-undecided': ({ notEstimable, minEscapes }) => (notEstimable === null ? `fewer than ${minEscapes} escapes at some setting: R² has no usable interval` : noFitWords(notEstimable)),
  'kinetics.r2-draw': r2DrawWords,
  'kinetics.collapse-test': collapseTestWords,
  'kinetics.jump-rejections': ({ rejected, testable }) => `${rejected} of ${testable} testable settings reject the exponential law`,
  'kinetics.jump-laws': jumpLawsWords,
  'kinetics.jump-slope-ratio': slopeRatioWords,
  'kinetics.noise-ratio': ({ ratio }) => `q at the largest B over q at the smallest: ${f4(ratio)}`,
  'kinetics.mori-ratio': (m) => `ln(${f4(m.barrier.saddle.total)}/${f4(m.barrier.trap.total)}) = ${f4(m.barrier.logTotal)}; ΔE/L(θ*) = ${f4(m.linear)} (${percentApart(m)} % apart)`,

  'kinetics.sweep-point': sweepPointWords,
  'kinetics.sweep-fit': sweepFitWords,
  'kinetics.reading': ({ label, note }, word) => `${label}: ${word(note)}`,
  'kinetics.r2-calibration': () =>
    'Calibration of the R² rules (spec/claims/kinetics/arrhenius-calibration.spec.ts, REPRODUCE.md): on 40 synthetic sweeps of this design drawn from an exact Arrhenius law, ' +
    'the one-draw rule says reproduced 37 times and deviates never; a τ that does not depend on B/ηlr deviates. The seed bootstrap is too costly to repeat here.',
  'kinetics.collapse-drift': () =>
    'Confound 1, deterministic drift: time is counted in epochs, N/B steps of size ηlr each, so a deterministic drift over a fixed gradient-flow time ' +
    'takes a number of epochs ∝ B/ηlr as well — both sweeps collapse onto one curve in B/ηlr without any noise (ln τ linear in ln(B/ηlr) with slope 1). ' +
    'The collapse alone does not single out noise-driven escape; the Arrhenius-against-power-law comparison of arrhenius-r2 does.',
  'kinetics.collapse-sampling': ({ population: p }) =>
    p === null
      ? 'Confound 2: no run records give N.'
      : `Confound 2, batches drawn without replacement: the gradient-noise variance carries (N − B)/(N − 1), N = ${p.n}: ` +
        p.batchSweep.map(factorWords).join(', ') +
        ` (ηlr sweep, B = ${p.learningRateSweep.batch}: ${f3(p.learningRateSweep.factor)}); the second reading corrects x by it (gradient-noise-inverse-batch measures the factor).`,
  'kinetics.barrier-sweep': ({ seeds, epochs, notEstimable, line }) =>
    line === null
      ? `Learning-rate sweep (${seeds} seeds, ${epochs} epochs): ${noFitWords(notEstimable)}.`
      : `Learning-rate sweep: ln τ = ${formatNumber(line.intercept)} + ${formatNumber(line.slope)}·(B/ηlr) by the censored likelihood.`,
  'kinetics.barrier-temperatures': ({ trace, parameters, spread }) =>
    `tr C at the trapped state = ${formatNumber(trace)}, D = ${parameters}: each reading of T_eff turns the slope into ΔE_eff differently (up to a factor ${f3(spread)} apart).`,
  'kinetics.barrier-calibration': ({ calibration, seeds, epochs, tauAtSmallest }) =>
    `${calibrationWords(calibration)} (exponential runs on the sweep's design, ${seeds} per rate, censored at ${epochs} epochs, τ = ${tauAtSmallest} epochs at the smallest B/ηlr; ` +
    'under T = ηlr/(B·tr C) a true ΔE_eff = 0.15 leaves no escapes at two rates, so the rule cannot reproduce it at any seed count).',

  'kinetics.reference-noise': (r) =>
    `Harness (kramers-langer at β = ${r.beta}, seed ${r.seed}'s data): at the exactly trapped rank-1 state tr C = ${f4(r.trace)}, ` +
    `and the share of the per-sample gradient covariance off the rank-1 set is ${r.share} (along the saddle's unstable direction ${r.unstableShare}).`,
  'kinetics.reference-absorbing': () =>
    'Every per-sample gradient of a bias-free linear network at a rank-1 state lies in the rank-1 set, so no mini-batch step leaves it: the probability of escape is 0, ' +
    "which is [18]'s theorem (minima of rank ≤ r are absorbing; jumps go from high to low rank only).",
  'kinetics.reference-direction': () =>
    'The paper lists [18] among its references (the extracted text cites it nowhere in the body); its mechanism needs the direction [18] rules out — noise carrying the rank-1 state up over the barrier to rank 2.',
  'kinetics.jump-shape-rule': (r) =>
    `Lilliefors-corrected KS against the exponential truncated at the budget (${r.budget} epochs, escapes on a 1-epoch grid), family α = ${r.alpha} split over ${r.settings} settings ` +
    `with ≥ ${r.minEscapes} falls at ≥ ${r.minDistinct} distinct epochs. An exponential waiting time has CV = 1; a drift over the saddle gives CV ≪ 1.`,
  'kinetics.jump-shape': (o) =>
    `${o.group}, ηlr = ${o.lr}: ${o.escapes} falls, CV = ${o.cv === null ? '—' : f3(o.cv)}, p = ${o.pValue === null ? '—' : f3(o.pValue)}${o.rejects ? ' (rejects)' : ''}.`,
  'kinetics.jump-reading': ({ label, note }, word) => `${label}: ${word(note)}.`,
  'kinetics.jump-laws-design': ({ seed, budget, laws }) =>
    `Seed ${seed}'s data set; every run enters the censored exponential likelihood (budget ${budget} epochs). Laws: ${laws.join('; ')} (x_c profiled, 3 parameters).`,
  'kinetics.jump-group': (g) =>
    `${g.group}: β = ${formatNumber(g.beta, 6)} (β_weak = ${formatNumber(g.lossBeta, 6)}); falls per ηlr ${g.falls.map((x) => `${x.lr}: ${x.fell}/${x.runs}`).join(', ')}.`,
  'kinetics.jump-slope-law': () =>
    'Eq. 5: ln τ = ln τ0 + ΔE·(noise factor)·B/ηlr, so at fixed noise factor the fitted slope is proportional to the barrier out of the rank-2 minimum.',
  'kinetics.jump-slope': (g) =>
    `${g.group}: slope ${f4(g.slope)} ± ${f3(g.standardError)} (se); ΔE (matched η = ${formatNumber(g.matchedEta, 6)}) = ${g.barrier === null ? 'none' : f4(g.barrier)}, ` +
    `slope/ΔE = ${g.slopePerBarrier === null ? '—' : f4(g.slopePerBarrier)}; whitened η2 = ${formatNumber(g.whitenedEta, 6)}.`,

  'kinetics.noise-cells': ({ label, cells, verdict }) =>
    `${label}: ${cells.map((c) => `B = ${c.batch}: q = ${f4(c.mean)} ${interval4(c.interval)} (${c.draws} draws)`).join('; ')}; ${verdict}.`,
  'kinetics.noise-trace': (t) =>
    `tr C = ${f4(t.trace)} (per-sample gradient covariance, D = ${t.parameters}, N = ${t.n}, at the random-init weights of data seed ${t.seed}). ` +
    'q = B·|g_B − ḡ|²/tr C per draw, with its t interval at α = 10⁻⁶; value: q at the largest B over q at the smallest (1 when ∝ 1/B). ' +
    'The update −ηlr·g_B has covariance ηlr²·Cov(g_B); per unit of Langevin time t = steps·ηlr that is ηlr·Cov(g_B), the ηlr/B of Eq. 4.',
  'kinetics.finite-population': ({ n, factors, learningRateSweep: lr, batchSweep: { smallest, largest } }) =>
    `The finite-population factor (N − B)/(N − 1) of batches cut from a permutation, N = ${n}: ${factors.map(factorWords).join(', ')}. ` +
    `In the learning-rate sweep (B = ${lr.batch} fixed) it is one constant, ${f3(lr.factor)}, and enters only Appendix A's C of T_eff = ηlr/(BC): it moves ln τ0 and the slope's scale, not the linearity in B/ηlr. ` +
    `Across the batch-size sweep it falls from ${f3(smallest.factor)} to ${f3(largest.factor)} (×${f3(largest.factor / smallest.factor)}): there T_eff ∝ (ηlr/B)·(N − B)/(N − 1), not ηlr/B (batch-size-collapse reads the sweep both ways).`,
  'kinetics.reading-calibration': ({ label, calibration }) => `${label}: ${calibrationWords(calibration)}.`,
  'kinetics.mori-losses': ({ beta, etas, depth, barrier: b }) =>
    `Mori et al.'s law at the trap (analytic: β = ${beta}, η = ${etas.join(', ')}, L = ${depth}, eq2, network units with the irreducible MSE ${f4(b.floor)}): ` +
    `L(θ*) = ${f4(b.trap.total)} at the rank-1 minimum, L(θs) = ${f4(b.saddle.total)} at the saddle, ΔE = ${f4(b.deltaE)} (Eq. 10), ln[L(θs)/L(θ*)] = ${f4(b.logTotal)}.`,
  'kinetics.mori-linear': (m) =>
    `That law, τ ∝ (L(θs)/L(θ*))^(κ·B/ηlr), keeps ln τ linear in B/ηlr with slope κ·ln[L(θs)/L(θ*)]: ` +
    `${m.barrier.logTotal > 0 ? 'the barrier is positive, so the correction leaves the linear Arrhenius relationship in place' : 'the barrier is not positive, so the law has nothing to cross'}. ` +
    `Near the minimum L(θ*) dominates: ln(1 + ΔE/L(θ*)) = ${f4(m.barrier.logTotal)} against ΔE/L(θ*) = ${f4(m.linear)} — the logarithmised barrier is the linear one over L(θ*) to ${percentApart(m)} %, ` +
    `one constant factor 1/L(θ*) = ${f4(1 / m.barrier.trap.total)}: it moves neither the linearity nor, by more than that factor, ΔE_eff (no help for the factor ≈ 50 of Appendix F.2).`,
  'kinetics.mori-data': ({ barrier: b }) =>
    `On the MSE alone — the part whose value sets SGD's noise (weight decay is noiseless) — L(θ*) = ${f4(b.trap.data)} and L(θs) = ${f4(b.saddle.data)}: ln ratio ${f4(b.logData)}. ` +
    "The saddle fits the data better than the trap; its barrier is the regulariser's alone, so Mori et al.'s derivation (noise ∝ L·H of the loss being crossed) does not apply as such, " +
    "and at the trap SGD's noise has no component across the barrier at all (sgd-noise-across-barrier).",
  'kinetics.mori-rule': () =>
    "Rule (F.3 on its own terms, analytic: no sampling, no calibration): reproduced when ln[L(θs)/L(θ*)] > 0, the condition under which Mori et al.'s law keeps ln τ linear in B/ηlr; deviates otherwise.",
  'kinetics.control-law-rule': ({ control, margin }) =>
    `${control}: its temperature sweeps are noise-driven escapes with T known; SGD's own (multiplicative) noise rides on the isotropic kick. ` +
    `Rule per sweep: ln τ linear in 1/T (Arrhenius) against ln τ linear in ln(1/T) (a power of T), by AIC of the censored likelihood; a margin above ${margin} decides ` +
    '(a likelihood ratio of e: no size or power stated — the comparison ranks two fits, it does not test a printed value).',
  'kinetics.sweep-law': ({ label, notEstimable, preferred }) =>
    preferred === null
      ? `${label}: ${noFitWords(notEstimable)}.`
      : `${label}: the censored likelihood prefers ${preferred.label.startsWith('power') ? POWER_OF_B_OVER_LR : preferred.label} by ΔAIC = ${f3(preferred.aicMargin)}.`,
  'kinetics.sweep-law-rule': ({ margin }) =>
    `Rule per sweep of the paper's protocol: ln τ linear in B/ηlr (Arrhenius) against ${POWER_OF_B_OVER_LR}, by AIC of the censored likelihood; a margin above ${margin} decides. ` +
    'The trap sweeps escape only from checkpoints left above the saddle (sgd-noise-across-barrier): where they escape, the law they follow is not noise-driven.',

  'kinetics.calibration-exact-share': () => 'Calibration: none applies — the noise share is an exact computation at the trap, not a sampled statistic.',
  'kinetics.calibration-shape-family': () =>
    'Calibration: the family of exponential-shape tests keeps its size at or below α by the Bonferroni split of level-α tests (Lilliefors-corrected); ' +
    'no power is stated (no alternative waiting-time law is specified).',
  'kinetics.calibration-law-ranking': () =>
    'Calibration: none — the rule ranks three fitted laws by AIC (a margin of 2, a likelihood ratio of e); it tests no printed value, so it has no size or power.',
  'kinetics.calibration-slope-ratio': () =>
    "Calibration: the slope ratio's Wald interval at 1 − α gives a size of at most α, asymptotically in the falls; no power is stated.",

  'kinetics.paper-runs': ({ runs, trapped, escaped, withControl }) =>
    `The paper's runs give τ at one β (0.32) and one depth (L = 3) only: of the rank-1 trap's ${runs} per-seed runs, ${trapped} started trapped and ${escaped} escaped ` +
    '(escapes there start from checkpoints left above the saddle, sgd-noise-across-barrier)' +
    (withControl
      ? ". The escape-time half is also read on the SGLD control, whose noise is an audit experiment's, not SGD's: a reading beside the paper's verdict, not counted as it."
      : '.'),
  'kinetics.depth-control': ({ claim, verdict, value }) =>
    `The escape-time half under the audit's SGLD noise is the audit's claim ${claim} (${verdict}, τ̂(deepest)/τ̂(L = 3) = ${value ?? '—'}); ` +
    "its evidence stands there, and it is not this claim's reading: the paper states prediction 2 for SGD, under which the trap does not escape at any depth.",

  'kinetics.would-decide-sweep': ({ needed, epochs, variants }) =>
    `${needed === 'two-rates' ? 'escapes at two learning rates at least' : `${needed.atEveryRate} escapes at every ηlr`}: ` +
    `a longer budget than ${epochs} epochs at the protocol's checkpoint, or the checkpoint variants (${variants.join(', ')} epochs per stage).`,
  'kinetics.would-decide-collapse-escapes': () =>
    'escapes at two settings at least in each sweep: from checkpoints that leave the weak mode a residue (the checkpoint variants), since the protocol checkpoint is invariant under SGD (sgd-noise-across-barrier)',
  'kinetics.would-decide-collapse-power': ({ targetPower }) => `more trapped runs per setting, until the calibrated power at ×2 reaches ${targetPower}`,
  'kinetics.would-decide-falls': ({ falls }) => `at least ${falls} falls at one setting (a longer budget or more seeds)`,
  'kinetics.would-decide-laws': ({ margin }) => `falls at more settings, or more seeds per setting, until one law leads by ΔAIC > ${margin}`,
  'kinetics.would-decide-slopes': ({ learningRates }) =>
    `falls at ≥ ${learningRates} learning rates in both the nearest and the farthest with-replacement group, so both slopes are resolved above 0`,
  'kinetics.sweep-not-reproducible': ({ invariance, seeds, learningRates, epochs }) =>
    `${invarianceWords(invariance, `the escapes the Arrhenius sweep is about at the protocol's checkpoint (${seeds} seeds × ${learningRates} learning rates × ${epochs} epochs)`)}.`,
  'kinetics.paper-trap-not-reproducible': ({ invariance, escapes }) => `under the paper's SGD from the rank-1 trap ${invarianceWords(invariance, paperEscapesWords(escapes))}.`,
};
