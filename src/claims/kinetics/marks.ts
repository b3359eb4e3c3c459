// The marks a kinetic claim's headline takes from the trapping and controls subjects — not reproducible as specified
// (unlessNotReproducible) and the paper's SGD from the rank-1 trap (headedBySgd) — with why the escapes cannot come as
// this subject's findings.
import type { ArrheniusSweeps, ExperimentResults } from '../../experiments/index.ts';
import { headedBySgd, type ControlReading } from '../controls/sgld-sweeps.ts';
import { finding, type Finding } from '../finding.ts';
import { trappedInvariance, unlessNotReproducible } from '../trapping/invariant-trap.ts';
import type { Evaluation } from '../verdict.ts';
import type { KineticsFindings } from './findings.ts';

/**
 * Why the protocol's sweep cannot give the escapes a fit needs, or null where it may: every trapped start of the
 * learning-rate sweep (the protocol's checkpoint) stayed trapped with a residue that is 0 or only shrank.
 */
export function sweepNotReproducible(sweeps: ArrheniusSweeps): Finding | null {
  const points = sweeps.learningRateSweep;
  const invariance = trappedInvariance(points.flatMap((p) => p.records), points.flatMap((p) => p.outcomes));
  return invariance.invariant ? finding('kinetics.sweep-not-reproducible', { invariance, seeds: sweeps.seeds.length, learningRates: points.length, epochs: sweeps.epochs }) : null;
}

/** unlessNotReproducible with the sweep's reason (sweepNotReproducible): an inconclusive evaluation becomes `deviates`. */
export function unlessSweepNotReproducible(evaluation: Evaluation, sweeps: ArrheniusSweeps): Evaluation {
  const reason = sweepNotReproducible(sweeps);
  if (reason === null) return evaluation;
  return unlessNotReproducible(evaluation, reason);
}

/** The escapes a kinetic claim is about, as its not-reproducible reason names them. */
type PaperEscapes = KineticsFindings['kinetics.paper-trap-not-reproducible']['escapes'];

/**
 * headedBySgd: the paper's SGD from the rank-1 trap heads the evaluation, `deviates` where that trap is invariant (why,
 * with the escapes the claim is about) and otherwise `inconclusive` until escapes come within a longer budget.
 */
export function headedByPaperSgd(control: readonly ControlReading[], rest: Evaluation, results: ExperimentResults, escapes: PaperEscapes): Evaluation {
  return headedBySgd(control, rest, results, (invariance) => finding('kinetics.paper-trap-not-reproducible', { invariance, escapes }));
}
