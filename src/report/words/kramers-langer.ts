// Words for the findings of the kramers-langer subject (claims/kramers-langer/findings.ts).
import type { KramersLangerFindings } from '../../claims/index.ts';
import { formatExponent, formatNumber } from '../../text/index.ts';
import type { Words } from './words.ts';

type Values<K extends keyof KramersLangerFindings> = KramersLangerFindings[K];

function pairsWords(c: Values<'kramers-langer.pairs'>): string {
  return `${c.softer} of ${c.pairs} pairs softer at the saddle, ${c.equal} equal, ${c.stiffer} stiffer; S = ${formatNumber(c.entropicSum)}`;
}

function barrierOverTemperatureWords(r: Values<'kramers-langer.barrier-over-temperature'>): string {
  return `ΔE_eff/T from ${formatNumber(r.smallest)} (ηlr = ${r.learningRate}) to ${formatNumber(r.largest)}`;
}

export const KRAMERS_LANGER_WORDS: Words<KramersLangerFindings> = {
  'kramers-langer.pairing': (p) =>
    `Pairing: the positive eigenvalues at each point, sorted from the top, symmetry zero modes and the saddle's negative mode left out ` +
    `(${p.positiveMinimum} at the minimum, ${p.positiveSaddle} at the saddle; ${p.pairs} pairs).`,
  'kramers-langer.pairs': pairsWords,
  'kramers-langer.pairs-at': ({ label, counts }) => `${label}: ${pairsWords(counts)}.`,
  'kramers-langer.log-determinant': ({ logDeterminantRatio }) =>
    `Pairing-free: Σ ln ω_sad − Σ ln ω_min = ${formatNumber(logDeterminantRatio)} > 0 — the saddle is the stiffer point overall, the opposite of Appendix F.2.`,
  'kramers-langer.noise-rule': ({ floor, share, verdict }) =>
    `Rule: the share of C off the rank-1 invariant set must reach ${floor} of tr C (a floor far above float64 rounding, ≈ 1e-32 of tr C for a quadratic form, ` +
    `and far below any noise that could drive an escape); it is ${share}: ${verdict === 'reproduced' ? 'above' : 'below'} the floor.`,
  'kramers-langer.noise-at-trap': (n) =>
    `At the trapped state of seed ${n.seed}'s data (weak-mode weights exactly 0, as the converged checkpoints are), tr C = ${formatNumber(n.trace)}; ` +
    `the share of C off the rank-1 invariant set is ${n.offSet}, along the saddle's unstable direction (its part off the set) ` +
    `${n.unstable}, on the weak mode's own weights ${n.weakChain}.`,
  'kramers-langer.noise-why': () =>
    'Why: with one hidden unit used per layer, every per-sample gradient of a bias-free linear network lies in the same rank-1 set ' +
    "(each layer's gradient is a product with the other layers' rank-1 factors), so neither the full gradient nor any mini-batch gradient leaves it.",
  'kramers-langer.noise-growth': ({ offSet, weakChain }) =>
    `With a residue ε on the weak mode the escaping share grows as ε^${formatNumber(offSet ?? NaN, 3)} ` +
    `(weak chain: ε^${formatNumber(weakChain ?? NaN, 3)}): multiplicative noise, zero at the trap, not a temperature.`,
  'kramers-langer.intercepts': (i) =>
    `With the audit's S = Σ ln(ω_sad/ω_min) = ${formatNumber(i.entropicSum)} (population moments), ln τ from the logarithm of Eq. 11 has intercept ` +
    `${formatNumber(i.eq11)} and from Eq. 12 ${formatNumber(i.eq12)}: they differ by S = ${formatNumber(i.gap)}, the sign of the curvature term.`,
  'kramers-langer.eq11-counting': () =>
    "Eq. 11 also takes D eigenvalues at the saddle and D − 1 at the minimum, the reverse of Langer's counting (the saddle's unstable mode is the one left out).",
  'kramers-langer.slopes': (s) =>
    `Both give the same slope of ln τ against 1/T (${formatNumber(s.eq11, 8)} and ${formatNumber(s.eq12, 8)}) = ΔE = ${formatNumber(s.barrier, 8)}.`,
  'kramers-langer.barrier-over-temperature': barrierOverTemperatureWords,
  'kramers-langer.temperature-trace': (t) =>
    `tr C of the per-sample gradient covariance at the trapped state (seed ${t.seed}'s data) = ${formatNumber(t.trace)}; B = ${t.batch}; ηlr ∈ {${t.learningRates.join(', ')}}.`,
  'kramers-langer.temperature-reading': ({ label, ratio, budget, lnBudget }) =>
    `${label}: ${barrierOverTemperatureWords(ratio)}. Eq. 5 then makes τ ≥ τ0·e^{${formatNumber(ratio.smallest, 6)}}; ` +
    `a measured τ within ${budget} epochs needs ΔE_eff/T ≲ ln ${budget} = ${formatNumber(lnBudget)} plus ln(1/τ0).`,
  'kramers-langer.prefactor': ({ logPrefactor }) =>
    `The Eq. 11 prefactor the audit computes is e^{${formatNumber(logPrefactor)}} time units, which makes τ0 larger, not smaller.`,
  'kramers-langer.saddle': (s) =>
    `ΔE_min = ${formatNumber(s.barrier, 8)} (Eq. 10 under the Eq. 2 reading, the engine's regulariser); the saddle was found by Newton's method from the balanced point at λsad ` +
    `(|∇| = ${formatExponent(s.gradientNorm, 2)}, index ${s.index}); loss(saddle) − loss(trap) − ΔE = ${formatExponent(s.lossDifferenceMinusBarrier, 2)}.`,
  'kramers-langer.zero-modes': (z) =>
    `Zero modes from the hidden-unit rotations: ${z.trap} at the trap, ${z.saddle} at the saddle (each equal to the orbit dimension); ` +
    `left out of Eq. 11's products. Exactly-β modes: ${z.exactlyBetaTrap} and ${z.exactlyBetaSaddle}.`,
  'kramers-langer.prefactor-sum': (p) => `ln prefactor of Eq. 11 = ${formatNumber(p.logPrefactor)}; S = ${formatNumber(p.entropicSum)} over ${p.pairs} matched pairs.`,
  'kramers-langer.slope-is-barrier': ({ slopeMinusBarrier }) =>
    `Eq. 12 makes ln τ = (ln τ0 − S/2) + ΔE/T: the curvature term is constant in T and moves only the intercept. Fitted to the five ` +
    `learning rates (T = ηlr/(B·tr C)), the slope of ln τ against 1/T is ΔE to ${formatExponent(slopeMinusBarrier, 2)}; so the slope-derived ` +
    'ΔE_eff of Section 3.3 cannot exceed ΔE by any factor through these corrections.',
  'kramers-langer.factor-50': ({ entropicSums }) =>
    `A factor of 50 would need S = ${entropicSums.map((s) => formatExponent(s, 3)).join(', ')} at the five temperatures — different at each, which no fixed spectrum gives.`,
};
