// Words for the findings of the nonlinear subject (claims/nonlinear/findings.ts).
import type { NonlinearFindings } from '../../claims/index.ts';
import { formatDecimals, formatNumber } from '../../text/index.ts';
import type { Words } from './words.ts';

type LoopOutcome = NonlinearFindings['nonlinear.loop']['outcome'];
type NoiseOutcome = NonlinearFindings['nonlinear.noise-note']['outcome'];
type EscapeOutcome = NonlinearFindings['nonlinear.escape']['outcome'];
type EscapeCount = Extract<EscapeOutcome, { case: 'shape' }>['count'];

/** A number to three significant digits, unless told otherwise. */
const p = (x: number, digits = 3): string => formatNumber(x, digits);

/** A small count in words, as a sentence gives it ("five escapes"); a larger one in digits. */
const spelled = (n: number): string => ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);

const NO_TRAP = 'no trap: the up sweep never loses the weak mode';

/** One mode's reading on the sweeps. */
function loopWords(mode: number, o: LoopOutcome): string {
  switch (o.case) {
    case 'not-learned':
      return `σ${mode} is not learned at the grid's first β (${o.firstBeta ?? '—'})`;
    case 'kept':
      return `the up sweep keeps σ${mode} to the grid's last β`;
    case 'loss-unconverged':
      return `the up sweep's first point without σ${mode} (β = ${o.beta}) did not converge`;
    case 'gradual':
      return `σ${mode} falls by ${p(o.drop)} < ${o.jumpFraction} × ${p(o.sigma0)} at its loss in (${o.loss.from}, ${o.loss.to}]: gradual, not a jump`;
    case 'down-starts-with':
      return `the down sweep starts with σ${mode} (the grid's top does not lose it)`;
    case 'never-regained':
      return `jump of ${p(o.drop)} at β in (${o.loss.from}, ${o.loss.to}], but the down sweep never regains σ${mode} down to β = ${o.bottomBeta}: no loop`;
    case 'not-regained-unconverged':
      return `the down sweep does not regain σ${mode}, and its last point (β = ${o.bottomBeta}) did not converge`;
    case 'regain-unconverged':
      return `the down sweep's first point with σ${mode} (β = ${o.beta}) did not converge`;
    case 'loop':
    case 'unresolved':
    case 'no-overlap': {
      const where = `lost by a jump of ${p(o.drop)} in (${o.loss.from}, ${o.loss.to}], regained in [${o.regain.to}, ${o.regain.from})`;
      if (o.case === 'loop') return `${where}: both branches at ${o.coexisting} grid points, a loop ≈ ${p(o.width)} wide (grid step ${o.gridStep})`;
      if (o.case === 'unresolved') return `${where}: both branches at one grid point (β = ${o.loss.from}), a loop not resolved beyond the grid step ${o.gridStep}`;
      return `${where}: no β where both branches hold, no hysteresis`;
    }
  }
}

function noiseWords(o: NoiseOutcome): string {
  switch (o.case) {
    case 'no-trap':
      return NO_TRAP;
    case 'rank':
      return `the trap at β = ${p(o.beta, 4)} has response rank ${o.rank}, not ${o.expected}`;
    case 'share':
      return `share ${p(o.share)} of tr C = ${p(o.trace)} (floor ${o.floor})`;
  }
}

/** Escapes within the budget at β_trap, and τ̂ with its interval (a bound without an escape). */
function countWords(c: EscapeCount): string {
  const tau = c.tau === null ? `τ > ${p(c.lower)} epochs (1 − α bound)` : `τ̂ = ${p(c.tau)} epochs, 1 − α interval [${p(c.lower)}, ${p(c.upper)}]`;
  return `${c.escaped}/${c.runs} escaped within ${c.budget} epochs at β_trap = ${p(c.beta, 4)}; ${tau}`;
}

function escapeWords(o: EscapeOutcome): string {
  switch (o.case) {
    case 'no-trap':
      return NO_TRAP;
    case 'not-rank-1':
      return `the trap at β = ${p(o.beta, 4)} is not rank 1 (response σ = ${o.response.map((s) => p(s)).join(', ')}): nothing to escape from`;
    case 'shape':
      return `${countWords(o.count)}; exponential shape p = ${o.pValue === null ? '—' : p(o.pValue)}${o.rejects ? ' (rejects)' : ''}`;
    case 'count-rejects':
      return `${countWords(o.count)}; τ = ${o.referenceTau} would give ${p(o.expected)} expected escapes (p = ${p(o.pValue)} for so few)`;
    case 'too-few':
      return `${countWords(o.count)}; too few escapes to test, and the budget cannot rule out τ = ${o.referenceTau} (p = ${p(o.pValue)})`;
  }
}

export const NONLINEAR_WORDS: Words<NonlinearFindings> = {
  'nonlinear.sweep-rule': ({ activations, dataSeed, rankThreshold, jumpFraction }) =>
    `Quasi-static sweeps of the ${activations.join(' and ')} 2→10→10→2 networks on data seed ${dataSeed} (full-batch descent at each β; rank threshold ${rankThreshold} on the response singular values). ` +
    `Rule: a jump is a fall of σ_k to below the threshold by ≥ ${jumpFraction} × σ_k at the first β within one grid step; a loop leaves at least two grid points where the up sweep holds σ_k and the down sweep does not (one: unresolved).`,
  'nonlinear.loop': ({ activation, mode, outcome }) => `${activation}, σ${mode}: ${loopWords(mode, outcome)}.`,
  'nonlinear.loops': ({ loops }) => `modes with a loop, of ${loops.length}: ${loops.map((l) => `σ${l.mode}: ${loopWords(l.mode, l.outcome)}`).join('; ')}`,
  'nonlinear.calibration-sweeps': () =>
    'Calibration: none applies — the sweeps are full-batch descents on one data set, deterministic, and the rule reads each mode\'s loop as computed; there is no sampling error to give a size or a power.',
  'nonlinear.calibration-noise': () =>
    'Calibration: none applies — the noise share is the exact per-sample gradient covariance of the data set at the trap, held to a floor above rounding; there is no sampling error to give a size or a power.',
  'nonlinear.calibration-escape': () =>
    'Calibration: the exponential-shape test keeps its size at or below α by its Lilliefors-corrected construction, and the binomial tail against τ is exact; no power is stated (no alternative law is specified).',
  'nonlinear.noise-rule': ({ trapReading, floor }) =>
    `At each activation's trap (β_trap by the reading '${trapReading}', converged by full-batch descent), the per-sample gradient covariance C over the training samples, and the share of tr C normal to the rank-1 set {rank W_1 ≤ 1, rank W_L ≤ 1}. ` +
    `The linear network's share is exactly 0 ([18]); here non-zero means above ${floor} of tr C.`,
  'nonlinear.trap-noise': ({ activation, trap: t }) =>
    t === null
      ? `${activation}: no trap.`
      : `${activation}: β_trap = ${p(t.beta, 4)}, response σ = ${t.response.map((s) => p(s)).join(', ')}, |∇| = ${p(t.gradientNorm)}; tr C = ${p(t.trace)}, off the set ${p(t.offSet)} (share ${p(t.share)}); ` +
        `the state's own distance from the set: σ2(W_1) = ${p(t.residualFirst)}, σ2(W_L) = ${p(t.residualLast)}.`,
  'nonlinear.noise-note': ({ outcome }) => noiseWords(outcome),
  'nonlinear.escape-rule': ({ checkEvery, minimumEscapes, alpha, referenceTau }) =>
    `SGD (B = 64, ηlr = 0.08, a fresh permutation each epoch) from each activation's rank-1 trap; an escape is σ2 of the response above half the up sweep's rank-2 σ2 at β_trap, checked every ${checkEvery} epochs. ` +
    `Rule: reproduced with ≥ ${minimumEscapes} escapes whose times pass the exponential (memoryless) test at α = ${alpha}; deviates if that test rejects, or if so few escape that τ = ${referenceTau} epochs is rejected (exact binomial tail); inconclusive otherwise.`,
  'nonlinear.escape': ({ activation, outcome }) => `${activation}: ${escapeWords(outcome)}.`,
  'nonlinear.escape-note': ({ outcome }) => escapeWords(outcome),
  'nonlinear.trap-plan': ({ activation, trapReading, beta, readings, riseThreshold }) =>
    `${activation}: trap β by '${trapReading}' = ${p(beta, 4)}; the other reading gives ${readings.map((r) => `${r.reading} ${r.beta === null ? '—' : p(r.beta, 4)}`).join(', ')}; rise threshold ${p(riseThreshold)}.`,
  'nonlinear.would-decide-grid': ({ example: e }) =>
    `sweeps on a finer β grid around each loss (a step well under the loop, e.g. ${e.step} between ${formatDecimals(e.from, 2)} and ${formatDecimals(e.to, 2)} for ${e.activation}) ` +
    'with descent run to convergence at every point near the saddle-nodes',
  'nonlinear.would-decide-trap': () => 'a trap that is rank 1 (for sigmoid: a β grid fine enough to separate its two losses, so a rank-1 branch exists)',
  'nonlinear.would-decide-escapes': ({ escapes }) => `at least ${spelled(escapes)} escapes: more seeds or a longer budget from the same trap, or a rank-1 trap where there is none`,
};
