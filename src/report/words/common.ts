// Words for the findings every subject uses (claims/common/findings.ts).
import type { Calibration, CommonFindings, DecisionGrounds, EscapeSummary, NoFit, WouldDecide } from '../../claims/index.ts';
import { formatNumber } from '../../text/index.ts';
import type { Words } from './words.ts';

/** One line: trapped count, escapes, KM median with its interval, the exponential τ̂ and its LR interval. */
export function escapesWords(s: EscapeSummary): string {
  // Which seeds were set aside is data (the per-seed series' exclusions), not words.
  const skipped = s.notTrapped > 0 ? ` (${s.notTrapped} not trapped at the start, set aside)` : '';
  if (s.trapped === 0) return `none of ${s.seeds} runs started trapped${skipped}`;
  const km = s.kmMedian!;
  const median = km.estimate === null ? `KM median not reached (> ${s.budget})` : `KM median ${km.estimate} [${formatNumber(km.lower)}, ${km.upper === null ? `> ${s.budget}` : formatNumber(km.upper)}]`;
  const tau = s.tau === null ? 'τ̂ —' : `exponential τ̂ ${formatNumber(s.tau.estimate)}, LR interval [${formatNumber(s.tau.lower)}, ${formatNumber(s.tau.upper)}]`;
  const untested = s.distinctEpochs === null ? '' : `; memorylessness not tested: the escapes fall on only ${s.distinctEpochs} distinct epoch(s)`;
  const shape = s.shape === null ? untested : `; memorylessness (KS on a 1-epoch grid): D = ${formatNumber(s.shape.statistic, 3)}, p = ${formatNumber(s.shape.pValue, 3)}${s.shape.rejects ? ' — rejects the exponential law' : ''}`;
  return `${s.trapped} of ${s.seeds} runs started trapped${skipped}; ${s.escapes} escaped within ${s.budget} epochs; ${median}; ${tau}${shape}`;
}

/** A table cell: trapped of all seeds, escapes, and the 1 − α interval of τ. */
export function shortEscapesWords(s: EscapeSummary): string {
  if (s.trapped === 0) return `0 of ${s.seeds} trapped`;
  const interval = s.tau === null ? '' : `; τ in [${formatNumber(s.tau.lower)}, ${formatNumber(s.tau.upper)}]`;
  return `${s.trapped} of ${s.seeds} trapped, ${s.escapes} escaped${interval}`;
}

/** The rule's figures at its seed count, without a closing stop. */
export function calibrationWords({ rule: c, targetPower }: Calibration): string {
  const pct = (x: number): string => `${Number((100 * x).toPrecision(3))} %`;
  return (
    `Rule "${c.name}" at ${c.seeds} seeds (${c.replications} synthetic replications per truth): P(reproduced | paper's value true) = ${pct(c.reproducedWhenTrue)}, ` +
    `P(deviates | true) = ${pct(c.size)} (≤ α = ${c.alpha} by the interval's coverage), power at ${c.discrepancy} = ${pct(c.power)}, ` +
    `P(reproduced | off by ${c.discrepancy}) = ${pct(c.falseReproduce)}${c.reproduceAlpha === undefined ? '' : ` (reproduce level ${c.reproduceAlpha}: ≤ ${pct(c.reproduceAlpha / 2)} by coverage)`}, ` +
    `detectable with power ≥ ${targetPower}: ${c.detectable ?? 'none on the grid'}`
  );
}

/** Why a sweep has no censored line: too few settings with escapes. */
export function noFitWords(n: NoFit | null): string {
  if (n === null) return 'no fit';
  return `runs escaped at ${n.escapedSettings} of ${n.settings} settings (${n.trappedRuns} trapped runs in all): a slope needs escapes at two settings at least`;
}

/** What would decide a rule's undecided verdict. */
export function wouldDecideWords(w: WouldDecide): string {
  switch (w.case) {
    case 'longer-runs':
      return 'runs long enough for some to escape';
    case 'narrower':
      return `an interval of half-width ≤ ${formatNumber(w.resolution)}`;
    case 'seeds':
      return `about ${w.seeds} seeds instead of ${w.from} (half-width ∝ 1/√seeds) for a half-width ≤ ${formatNumber(w.resolution)}`;
    case 'equivalence':
      return `an interval at level ${w.alpha} inside [${formatNumber(w.range.lower)}, ${formatNumber(w.range.upper)}] (${w.claim} ${w.discrepancy})`;
    case 'escape-design':
      return w.budgetNeeded !== null
        ? `a budget of ${Math.ceil(w.budgetNeeded)} epochs with ${w.seeds} seeds, or ${w.seedsNeeded} seeds at ${w.budget} epochs (≈ ${w.escapesNeeded} escapes)`
        : `${w.seedsNeeded} seeds at ${w.budget} epochs (≈ ${w.escapesNeeded} escapes; no budget suffices with ${w.seeds} seeds)`;
    case 'median-seeds':
      return `about ${w.seeds} seeds for a 95 % order-statistic interval of the median convergence epoch within ×${w.factor}`;
  }
}

/** Why a statistical decision came out as it did: the rule's case, its interval against the claim. */
export function decisionWords(g: DecisionGrounds): string {
  const interval = `[${formatNumber(g.interval.lower)}, ${formatNumber(g.interval.upper)}] at 1 − α, α = ${g.interval.alpha}`;
  const shown = `${g.claim} ± ${formatNumber(g.tolerance)}`;
  const width = (x: number): string => (g.scale === 'factor' ? `×${formatNumber(Math.exp(x))}` : formatNumber(x));
  if (g.case === 'outside') return `${interval} lies outside the claim ${shown}`;
  if (g.case === 'bound-only') return `no point estimate (e.g. every run censored): the data only bound the value to ${interval}, which reaches the claim ${shown}`;
  if (g.case === 'too-wide') return `${interval} overlaps the claim ${shown} but its half-width ${width(g.halfWidth)} exceeds the resolution ${width(g.resolution)}`;
  if (g.case === 'narrow') return `${interval} overlaps the claim ${shown}, half-width ${width(g.halfWidth)} ≤ ${width(g.resolution)}`;
  const eq = g.equivalence!;
  const inner = `its ${formatNumber(100 * (1 - eq.alpha))} % interval [${formatNumber(eq.lower)}, ${formatNumber(eq.upper)}] (reproduce level ${eq.alpha})`;
  const within = `[${formatNumber(eq.range.lower)}, ${formatNumber(eq.range.upper)}] (${g.claim} ${eq.discrepancy})`;
  return g.case === 'equivalent' ? `${interval} reaches the claim ${shown}, and ${inner} lies inside ${within}` : `${interval} reaches the claim ${shown}, but ${inner} is not inside ${within}`;
}

export const COMMON_WORDS: Words<CommonFindings> = {
  'common.escapes': ({ label, escapes }) => `${label}: ${escapesWords(escapes)}.`,
  'common.escapes-short': ({ label, escapes }) => `${label}: ${shortEscapesWords(escapes)}.`,
  'common.escapes-decided': ({ label, escapes, grounds }) => `${label}: ${shortEscapesWords(escapes)}; ${decisionWords(grounds)}.`,
  'common.escapes-cell': ({ escapes }) => shortEscapesWords(escapes),
  'common.calibration': (c) => `${calibrationWords(c)}.`,
  'common.would-decide': ({ decides }) => wouldDecideWords(decides),
};
