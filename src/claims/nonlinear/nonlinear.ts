// an audit experiment, golden/protocols/nonlinear.json: Section 4.1 / Appendix G's
// "saddle-node bifurcations, coexisting phases, Arrhenius escape survive in nonlinear networks", on tanh and sigmoid.
import { modeCrossing, type ExperimentRequest, type ExperimentResults, type ModeCrossing, type NonlinearActivationResult, type NonlinearResult } from '../../experiments/index.ts';
import { DEFAULT_ALPHA, countEscapes, escapeCountTest, exponentialShapeTest, fitExponential, shapeTestable } from '../../stats/index.ts';
import { nonlinearSweepFigure } from './nonlinear-figures.ts';
import { survivalFigure } from '../trapping/plots.ts';
import type { Claim } from '../ledger.ts';
import { worstVerdict, type Evaluation, type Reading, type Verdict } from '../verdict.ts';
import { formatNumber } from '../../text/index.ts';

const p = (x: number, digits = 3): string => formatNumber(x, digits);
const mid = (c: ModeCrossing) => (c.from + c.to) / 2;

export const nonlinearNeeds = (): ExperimentRequest[] => [{ experiment: 'nonlinear' }];

/** The first reading (tanh) is the headline, as the protocol lists it. */
function headed(readings: Reading[], decides: string, rest: Omit<Evaluation, 'verdict' | 'value' | 'readings' | 'wouldDecide'>): Evaluation {
  const verdict = readings[0]!.verdict;
  return {
    verdict,
    value: readings[0]!.value,
    readings,
    ...rest,
    ...(verdict === 'inconclusive' ? { wouldDecide: decides } : {}),
  };
}

export interface ModeLoop {
  readonly mode: number;
  readonly loss: ModeCrossing | null;
  readonly regain: ModeCrossing | null;
  readonly verdict: Verdict;
  readonly note: string;
}

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
  const none = (verdict: Verdict, note: string, loss: ModeCrossing | null = null, regain: ModeCrossing | null = null): ModeLoop => ({ mode, loss, regain, verdict, note });
  if (!(sigma0 > threshold)) return none('inconclusive', `σ${mode} is not learned at the grid's first β (${up[0]?.beta})`);
  const loss = modeCrossing(up, mode, threshold);
  if (loss === null) return none('inconclusive', `the up sweep keeps σ${mode} to the grid's last β`);
  if (!loss.converged) return none('inconclusive', `the up sweep's first point without σ${mode} (β = ${loss.to}) did not converge`, loss);
  const drop = loss.before - loss.after;
  if (drop < jumpFraction * sigma0) return none('deviates', `σ${mode} falls by ${p(drop)} < ${jumpFraction} × ${p(sigma0)} at its loss in (${loss.from}, ${loss.to}]: gradual, not a jump`, loss);
  if ((down[0]?.response[mode - 1] ?? 0) > threshold) return none('inconclusive', `the down sweep starts with σ${mode} (the grid's top does not lose it)`, loss);
  const regain = modeCrossing(down, mode, threshold);
  if (regain === null) {
    const bottom = down.at(-1)!;
    return bottom.converged
      ? none('deviates', `jump of ${p(drop)} at β in (${loss.from}, ${loss.to}], but the down sweep never regains σ${mode} down to β = ${bottom.beta}: no loop`, loss)
      : none('inconclusive', `the down sweep does not regain σ${mode}, and its last point (β = ${bottom.beta}) did not converge`, loss);
  }
  if (!regain.converged) return none('inconclusive', `the down sweep's first point with σ${mode} (β = ${regain.to}) did not converge`, loss, regain);
  // Grid points where the up sweep holds σ_k and the down sweep does not: β in (regain.to, loss.from].
  const coexisting = Math.round((loss.from - regain.to) / r.gridStep);
  const where = `lost by a jump of ${p(drop)} in (${loss.from}, ${loss.to}], regained in [${regain.to}, ${regain.from})`;
  if (coexisting >= 2) return none('reproduced', `${where}: both branches at ${coexisting} grid points, a loop ≈ ${p(mid(loss) - mid(regain))} wide (grid step ${r.gridStep})`, loss, regain);
  if (coexisting === 1) return none('inconclusive', `${where}: both branches at one grid point (β = ${loss.from}), a loop not resolved beyond the grid step ${r.gridStep}`, loss, regain);
  return none('deviates', `${where}: no β where both branches hold, no hysteresis`, loss, regain);
}

/** (a) A jump and a loop per mode, per activation. */
export function evaluateNonlinearHysteresis(_claim: Claim, results: ExperimentResults): Evaluation {
  const nl = results.nonlinear();
  const loops = nl.activations.map((r) => ({ r, modes: [1, 2].map((k) => modeLoop(r, k, nl.rankThreshold, nl.jumpFraction)) }));
  const readings: Reading[] = loops.map(({ r, modes }) => ({
    label: r.activation,
    value: String(modes.filter((m) => m.verdict === 'reproduced').length),
    verdict: worstVerdict(modes.map((m) => m.verdict)),
    note: `modes with a loop, of 2: ${modes.map((m) => `σ${m.mode}: ${m.note}`).join('; ')}`,
  }));
  return headed(readings, 'sweeps on a finer β grid around each loss (a step well under the loop, e.g. 0.005 between 0.30 and 0.40 for tanh) with descent run to convergence at every point near the saddle-nodes', {
    evidence: [
      `Quasi-static sweeps of the ${nl.activations.map((r) => r.activation).join(' and ')} 2→10→10→2 networks on data seed ${nl.dataSeed} (full-batch descent at each β; rank threshold ${nl.rankThreshold} on the response singular values). ` +
        `Rule: a jump is a fall of σ_k to below the threshold by ≥ ${nl.jumpFraction} × σ_k at the first β within one grid step; a loop leaves at least two grid points where the up sweep holds σ_k and the down sweep does not (one: unresolved).`,
      ...loops.flatMap(({ r, modes }) => modes.map((m) => `${r.activation}, σ${m.mode}: ${m.note}.`)),
    ],
    figures: nl.activations.map((r) => nonlinearSweepFigure(r, nl.dataSeed)),
  });
}

/** (b) The share of the trap's per-sample gradient covariance off the rank-1 set, against the protocol's floor. */
export function evaluateNonlinearNoiseOffLowRank(_claim: Claim, results: ExperimentResults): Evaluation {
  const nl = results.nonlinear();
  const readings: Reading[] = nl.activations.map((r) => {
    const trap = r.escapes.trap;
    if (trap === null) return { label: r.activation, value: null, verdict: 'inconclusive', note: 'no trap: the up sweep never loses the weak mode' };
    const rank = trap.response.filter((s) => s > nl.rankThreshold).length;
    if (rank !== trap.noise.rank) return { label: r.activation, value: null, verdict: 'inconclusive', note: `the trap at β = ${p(trap.beta, 4)} has response rank ${rank}, not ${trap.noise.rank}` };
    const verdict: Verdict = trap.noise.share > nl.noiseFloor ? 'reproduced' : 'deviates';
    return { label: r.activation, value: String(trap.noise.share), verdict, note: `share ${p(trap.noise.share)} of tr C = ${p(trap.noise.trace)} (floor ${nl.noiseFloor})` };
  });
  return headed(readings, 'a trap that is rank 1 (for sigmoid: a β grid fine enough to separate its two losses, so a rank-1 branch exists)', {
    evidence: [
      `At each activation's trap (β_trap by the reading '${nl.trapReading}', converged by full-batch descent), the per-sample gradient covariance C over the training samples, and the share of tr C normal to the rank-1 set {rank W_1 ≤ 1, rank W_L ≤ 1}. ` +
        `The linear network's share is exactly 0 ([18]); here non-zero means above ${nl.noiseFloor} of tr C.`,
      ...nl.activations.map((r) => {
        const t = r.escapes.trap;
        return t === null
          ? `${r.activation}: no trap.`
          : `${r.activation}: β_trap = ${p(t.beta, 4)}, response σ = ${t.response.map((s) => p(s)).join(', ')}, |∇| = ${p(t.gradientNorm)}; tr C = ${p(t.noise.trace)}, off the set ${p(t.noise.offSet)} (share ${p(t.noise.share)}); ` +
              `the state's own distance from the set: σ2(W_1) = ${p(t.noise.residualSingular.first)}, σ2(W_L) = ${p(t.noise.residualSingular.last)}.`;
      }),
    ],
  });
}

/** (c) SGD from the trap: memoryless escapes (reproduced), none where a resolvable τ would show them, or a rejected exponential (deviates). */
export function escapeVerdict(r: NonlinearActivationResult, nl: Pick<NonlinearResult, 'referenceTau' | 'minimumEscapes' | 'checkEvery'>): Reading {
  const label = r.activation;
  const { plan, trap, runs } = r.escapes;
  if (plan === null || trap === null) return { label, value: null, verdict: 'inconclusive', note: 'no trap: the up sweep never loses the weak mode' };
  if (runs.length === 0) return { label, value: null, verdict: 'inconclusive', note: `the trap at β = ${p(trap.beta, 4)} is not rank 1 (response σ = ${trap.response.map((s) => p(s)).join(', ')}): nothing to escape from` };
  const escaped = countEscapes(runs);
  const fit = fitExponential(runs, DEFAULT_ALPHA);
  const tau = fit.meanTime === null ? `τ > ${p(fit.interval.lower)} epochs (1 − α bound)` : `τ̂ = ${p(fit.meanTime)} epochs, 1 − α interval [${p(fit.interval.lower)}, ${p(fit.interval.upper)}]`;
  const base = `${escaped}/${runs.length} escaped within ${r.budget} epochs at β_trap = ${p(plan.beta, 4)}; ${tau}`;
  if (shapeTestable(runs, nl.minimumEscapes)) {
    const shape = exponentialShapeTest(runs, r.budget, DEFAULT_ALPHA, { grid: nl.checkEvery });
    const verdict: Verdict = shape.rejects ? 'deviates' : 'reproduced';
    return { label, value: String(escaped), verdict, note: `${base}; exponential shape p = ${shape.pValue === null ? '—' : p(shape.pValue)}${shape.rejects ? ' (rejects)' : ''}` };
  }
  const count = escapeCountTest(runs, r.budget, nl.referenceTau, DEFAULT_ALPHA);
  if (count.rejects) return { label, value: String(escaped), verdict: 'deviates', note: `${base}; τ = ${nl.referenceTau} would give ${p(count.escapeProbability * runs.length)} expected escapes (p = ${p(count.pValue)} for so few)` };
  return { label, value: String(escaped), verdict: 'inconclusive', note: `${base}; too few escapes to test, and the budget cannot rule out τ = ${nl.referenceTau} (p = ${p(count.pValue)})` };
}

export function evaluateNonlinearEscape(_claim: Claim, results: ExperimentResults): Evaluation {
  const nl = results.nonlinear();
  const readings = nl.activations.map((r) => escapeVerdict(r, nl));
  const withRuns = nl.activations.filter((r) => r.escapes.runs.length > 0);
  return headed(readings, 'at least five escapes: more seeds or a longer budget from the same trap, or a rank-1 trap where there is none', {
    evidence: [
      `SGD (B = 64, ηlr = 0.08, a fresh permutation each epoch) from each activation's rank-1 trap; an escape is σ2 of the response above half the up sweep's rank-2 σ2 at β_trap, checked every ${nl.checkEvery} epochs. ` +
        `Rule: reproduced with ≥ ${nl.minimumEscapes} escapes whose times pass the exponential (memoryless) test at α = ${DEFAULT_ALPHA}; deviates if that test rejects, or if so few escape that τ = ${nl.referenceTau} epochs is rejected (exact binomial tail); inconclusive otherwise.`,
      ...readings.map((x) => `${x.label}: ${x.note}.`),
      ...nl.activations.flatMap((r) => (r.escapes.plan === null ? [] : [`${r.activation}: trap β by '${nl.trapReading}' = ${p(r.escapes.plan.beta, 4)}; the other reading gives ${Object.entries(r.escapes.plan.readings).map(([k, v]) => `${k} ${v === null ? '—' : p(v, 4)}`).join(', ')}; rise threshold ${p(r.escapes.plan.riseThreshold)}.`])),
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
