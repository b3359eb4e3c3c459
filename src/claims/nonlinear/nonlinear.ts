// an audit experiment, golden/protocols/nonlinear.json: Section 4.1 / Appendix G's
// "saddle-node bifurcations, coexisting phases, Arrhenius escape survive in nonlinear networks", on tanh and sigmoid.
import { modeCrossing, type ExperimentRequest, type ExperimentResults, type ModeCrossing, type NonlinearActivationResult, type NonlinearResult } from '../../experiments/index.ts';
import { DEFAULT_ALPHA, countEscapes, escapeCountTest, exponentialShapeTest, fitExponential, shapeTestable } from '../../stats/index.ts';
import { nonlinearSweepFigure } from './nonlinear-figures.ts';
import { survivalFigure } from '../trapping/plots.ts';
import type { Claim } from '../ledger.ts';
import { worstVerdict, type Evaluation, type Reading, type Verdict } from '../verdict.ts';
import { finding, type Finding } from '../finding.ts';
import type { EscapeOutcome, LoopOutcome, NoiseOutcome } from './findings.ts';

const mid = (c: ModeCrossing) => (c.from + c.to) / 2;

export const nonlinearNeeds = (): ExperimentRequest[] => [{ experiment: 'nonlinear' }];

/** The first reading (tanh) is the headline, as the protocol lists it. */
function headed(readings: Reading[], decides: Finding, rest: Omit<Evaluation, 'verdict' | 'value' | 'readings' | 'wouldDecide'>): Evaluation {
  const verdict = readings[0]!.verdict;
  return {
    verdict,
    value: readings[0]!.value,
    readings,
    ...rest,
    ...(verdict === 'inconclusive' ? { wouldDecide: decides } : {}),
  };
}

/** A step well under the loop, for one activation's losses: what a finer grid would mean there. */
const FINER_GRID = { activation: 'tanh', step: 0.005, from: 0.3, to: 0.4 } as const;

export interface ModeLoop {
  readonly mode: number;
  readonly loss: ModeCrossing | null;
  readonly regain: ModeCrossing | null;
  readonly verdict: Verdict;
  readonly outcome: LoopOutcome;
}

const crossing = (c: ModeCrossing) => ({ from: c.from, to: c.to });

/**
 * One mode's loop (the rule of golden/protocols/nonlinear.json, "loop"): the up sweep loses σ_k by a jump (a fall to
 * below the rank threshold of at least jumpFraction × σ_k(first β) in one grid step, onto a converged state), and the
 * down sweep regains it lower, leaving grid points where both branches hold: two or more is a loop wider than a grid
 * step (reproduced), one is unresolved (inconclusive), none deviates, as do a gradual loss and a mode never regained;
 * a mode never learned, never lost within the grid, or a state that did not converge where it counts, is inconclusive.
 */
export function modeLoop(r: NonlinearActivationResult, mode: number, threshold: number, jumpFraction: number): ModeLoop {
  const { up, down } = r.sweeps;
  const sigma0 = up[0]?.response[mode - 1] ?? 0;
  const none = (verdict: Verdict, outcome: LoopOutcome, loss: ModeCrossing | null = null, regain: ModeCrossing | null = null): ModeLoop => ({ mode, loss, regain, verdict, outcome });
  if (!(sigma0 > threshold)) return none('inconclusive', { case: 'not-learned', firstBeta: up[0]?.beta ?? null });
  const loss = modeCrossing(up, mode, threshold);
  if (loss === null) return none('inconclusive', { case: 'kept' });
  if (!loss.converged) return none('inconclusive', { case: 'loss-unconverged', beta: loss.to }, loss);
  const drop = loss.before - loss.after;
  if (drop < jumpFraction * sigma0) return none('deviates', { case: 'gradual', drop, jumpFraction, sigma0, loss: crossing(loss) }, loss);
  if ((down[0]?.response[mode - 1] ?? 0) > threshold) return none('inconclusive', { case: 'down-starts-with' }, loss);
  const regain = modeCrossing(down, mode, threshold);
  if (regain === null) {
    const bottom = down.at(-1)!;
    return bottom.converged
      ? none('deviates', { case: 'never-regained', drop, loss: crossing(loss), bottomBeta: bottom.beta }, loss)
      : none('inconclusive', { case: 'not-regained-unconverged', bottomBeta: bottom.beta }, loss);
  }
  if (!regain.converged) return none('inconclusive', { case: 'regain-unconverged', beta: regain.to }, loss, regain);
  // Grid points where the up sweep holds σ_k and the down sweep does not: β in (regain.to, loss.from].
  const coexisting = Math.round((loss.from - regain.to) / r.gridStep);
  const where = { drop, loss: crossing(loss), regain: crossing(regain), coexisting, width: mid(loss) - mid(regain), gridStep: r.gridStep };
  if (coexisting >= 2) return none('reproduced', { case: 'loop', ...where }, loss, regain);
  if (coexisting === 1) return none('inconclusive', { case: 'unresolved', ...where }, loss, regain);
  return none('deviates', { case: 'no-overlap', ...where }, loss, regain);
}

/** (a) A jump and a loop per mode, per activation. */
export function evaluateNonlinearHysteresis(_claim: Claim, results: ExperimentResults): Evaluation {
  const nl = results.nonlinear();
  const loops = nl.activations.map((r) => ({ r, modes: [1, 2].map((k) => modeLoop(r, k, nl.rankThreshold, nl.jumpFraction)) }));
  const readings: Reading[] = loops.map(({ r, modes }) => ({
    label: r.activation,
    value: String(modes.filter((m) => m.verdict === 'reproduced').length),
    verdict: worstVerdict(modes.map((m) => m.verdict)),
    note: finding('nonlinear.loops', { loops: modes.map((m) => ({ mode: m.mode, outcome: m.outcome })) }),
  }));
  return headed(readings, finding('nonlinear.would-decide-grid', { example: FINER_GRID }), {
    evidence: [
      finding('nonlinear.sweep-rule', { activations: nl.activations.map((r) => r.activation), dataSeed: nl.dataSeed, rankThreshold: nl.rankThreshold, jumpFraction: nl.jumpFraction }),
      ...loops.flatMap(({ r, modes }) => modes.map((m) => finding('nonlinear.loop', { activation: r.activation, mode: m.mode, outcome: m.outcome }))),
    ],
    figures: nl.activations.map((r) => nonlinearSweepFigure(r, nl.dataSeed)),
  });
}

/** (b) The share of the trap's per-sample gradient covariance off the rank-1 set, against the protocol's floor. */
export function evaluateNonlinearNoiseOffLowRank(_claim: Claim, results: ExperimentResults): Evaluation {
  const nl = results.nonlinear();
  const note = (outcome: NoiseOutcome) => finding('nonlinear.noise-note', { outcome });
  const readings: Reading[] = nl.activations.map((r) => {
    const trap = r.escapes.trap;
    if (trap === null) return { label: r.activation, value: null, verdict: 'inconclusive', note: note({ case: 'no-trap' }) };
    const rank = trap.response.filter((s) => s > nl.rankThreshold).length;
    if (rank !== trap.noise.rank) return { label: r.activation, value: null, verdict: 'inconclusive', note: note({ case: 'rank', beta: trap.beta, rank, expected: trap.noise.rank }) };
    const verdict: Verdict = trap.noise.share > nl.noiseFloor ? 'reproduced' : 'deviates';
    return { label: r.activation, value: String(trap.noise.share), verdict, note: note({ case: 'share', share: trap.noise.share, trace: trap.noise.trace, floor: nl.noiseFloor }) };
  });
  return headed(readings, finding('nonlinear.would-decide-trap', {}), {
    evidence: [
      finding('nonlinear.noise-rule', { trapReading: nl.trapReading, floor: nl.noiseFloor }),
      ...nl.activations.map((r) => {
        const t = r.escapes.trap;
        return finding('nonlinear.trap-noise', {
          activation: r.activation,
          trap:
            t === null
              ? null
              : {
                  beta: t.beta,
                  response: t.response,
                  gradientNorm: t.gradientNorm,
                  trace: t.noise.trace,
                  offSet: t.noise.offSet,
                  share: t.noise.share,
                  residualFirst: t.noise.residualSingular.first,
                  residualLast: t.noise.residualSingular.last,
                },
        });
      }),
    ],
  });
}

/** One activation's escapes, read: the reading's verdict and value, and what it rests on. */
export interface EscapeVerdict {
  readonly verdict: Verdict;
  readonly value: string | null;
  readonly outcome: EscapeOutcome;
}

/** (c) SGD from the trap: memoryless escapes (reproduced), none where a resolvable τ would show them, or a rejected exponential (deviates). */
export function escapeVerdict(r: NonlinearActivationResult, nl: Pick<NonlinearResult, 'referenceTau' | 'minimumEscapes' | 'checkEvery'>): EscapeVerdict {
  const { plan, trap, runs } = r.escapes;
  if (plan === null || trap === null) return { value: null, verdict: 'inconclusive', outcome: { case: 'no-trap' } };
  if (runs.length === 0) return { value: null, verdict: 'inconclusive', outcome: { case: 'not-rank-1', beta: trap.beta, response: trap.response } };
  const escaped = countEscapes(runs);
  const fit = fitExponential(runs, DEFAULT_ALPHA);
  const count = { escaped, runs: runs.length, budget: r.budget, beta: plan.beta, tau: fit.meanTime, lower: fit.interval.lower, upper: fit.interval.upper };
  if (shapeTestable(runs, nl.minimumEscapes)) {
    const shape = exponentialShapeTest(runs, r.budget, DEFAULT_ALPHA, { grid: nl.checkEvery });
    const verdict: Verdict = shape.rejects ? 'deviates' : 'reproduced';
    return { value: String(escaped), verdict, outcome: { case: 'shape', count, pValue: shape.pValue, rejects: shape.rejects } };
  }
  const tail = escapeCountTest(runs, r.budget, nl.referenceTau, DEFAULT_ALPHA);
  if (tail.rejects) {
    return { value: String(escaped), verdict: 'deviates', outcome: { case: 'count-rejects', count, referenceTau: nl.referenceTau, expected: tail.escapeProbability * runs.length, pValue: tail.pValue } };
  }
  return { value: String(escaped), verdict: 'inconclusive', outcome: { case: 'too-few', count, referenceTau: nl.referenceTau, pValue: tail.pValue } };
}

export function evaluateNonlinearEscape(_claim: Claim, results: ExperimentResults): Evaluation {
  const nl = results.nonlinear();
  const verdicts = nl.activations.map((r) => ({ activation: r.activation, ...escapeVerdict(r, nl) }));
  const readings: Reading[] = verdicts.map((v) => ({ label: v.activation, value: v.value, verdict: v.verdict, note: finding('nonlinear.escape-note', { outcome: v.outcome }) }));
  const withRuns = nl.activations.filter((r) => r.escapes.runs.length > 0);
  return headed(readings, finding('nonlinear.would-decide-escapes', { escapes: nl.minimumEscapes }), {
    evidence: [
      finding('nonlinear.escape-rule', { checkEvery: nl.checkEvery, minimumEscapes: nl.minimumEscapes, alpha: DEFAULT_ALPHA, referenceTau: nl.referenceTau }),
      ...verdicts.map((v) => finding('nonlinear.escape', { activation: v.activation, outcome: v.outcome })),
      ...nl.activations.flatMap((r) => {
        const plan = r.escapes.plan;
        if (plan === null) return [];
        const readings = Object.entries(plan.readings).map(([reading, beta]) => ({ reading, beta }));
        return [finding('nonlinear.trap-plan', { activation: r.activation, trapReading: nl.trapReading, beta: plan.beta, readings, riseThreshold: plan.riseThreshold })];
      }),
    ],
    ...(withRuns.length > 0
      ? {
          figures: [
            survivalFigure(
              'nonlinear-escape-survival',
              'Nonlinear networks: fraction of runs still in the rank-1 trap (Kaplan–Meier)',
              withRuns.map((r) => ({ label: `${r.activation} (${r.escapes.runs.length} runs)`, group: r.activation, dashed: false, runs: r.escapes.runs, budget: r.budget })),
              [],
              `SGD from the rank-1 trap of each activation's network at its β_trap (data seed ${nl.dataSeed}); a run leaves the curve when the weak mode's response rises past the threshold. A flat line at 1 is no escape.`,
            ),
          ],
          perSeed: withRuns.map((r) => ({
            label: r.activation,
            meaning: `epoch at which σ2 of the response rose past the threshold; null = censored at ${r.budget} epochs`,
            seeds: r.seeds,
            values: r.escapes.runs.map((x) => (x.escaped ? x.time : null)),
          })),
        }
      : {}),
  });
}
