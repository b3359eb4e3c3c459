// The least-squares facts behind Section 4.2's "bounded below by the irreducible (Bayes) error" and "cannot coincide":
// the full-rank (here rank-2) least-squares fit of N samples with p Gaussian inputs (Σxx = I) and independent output
// noise of variances σ_o². Its residual on output o is σ_o² χ²_{N−p} whatever the inputs, so the in-sample MSE is
// (1/(mN)) Σ_o σ_o² χ²_{N−p}, biased below the floor (1/m) Σ_o σ_o²; its out-of-sample MSE has mean
// σ_o² (1 + p/(N − p − 1)) per output (random design).
import { chiSquareUpperTail } from '../../stats/index.ts';

export interface LeastSquaresTask {
  /** Samples of the fit. */
  readonly samples: number;
  /** Inputs (regressors, no intercept: the data are zero-mean and the network has no biases). */
  readonly inputs: number;
  /** The noise variance of each output, Var(y_o | x). */
  readonly noiseVariances: readonly number[];
}

/** Steps of the numerical Stieltjes integral per output: P is exact to ~10⁻⁷ at 23 degrees of freedom. */
const STEPS = 4000;

function assertTask(t: LeastSquaresTask): number {
  const dof = t.samples - t.inputs;
  if (!(Number.isInteger(t.samples) && Number.isInteger(t.inputs) && t.inputs >= 1 && dof >= 2)) {
    throw new RangeError(`a least-squares fit needs integer samples > inputs + 1, got ${t.samples} samples and ${t.inputs} inputs`);
  }
  if (t.noiseVariances.length === 0 || !t.noiseVariances.every((v) => v > 0)) throw new RangeError('noise variances must be > 0');
  return dof;
}

/** The Bayes floor: the MSE of the true map, (1/m) Σ_o σ_o². */
export function bayesFloorOf(t: LeastSquaresTask): number {
  return t.noiseVariances.reduce((s, v) => s + v, 0) / t.noiseVariances.length;
}

/** E[in-sample MSE] = floor · (N − p)/N. */
export function expectedTrainMse(t: LeastSquaresTask): number {
  return (bayesFloorOf(t) * assertTask(t)) / t.samples;
}

/** E[out-of-sample MSE] = floor · (1 + p/(N − p − 1)). */
export function expectedTestMse(t: LeastSquaresTask): number {
  const dof = assertTask(t);
  return bayesFloorOf(t) * (1 + t.inputs / (dof - 1));
}

/** P(Σ_o w_o X_o ≤ c), X_o iid χ²_dof: nested Stieltjes integrals over the first weight's variable. */
function weightedChiSquareCdf(weights: readonly number[], c: number, dof: number): number {
  if (c <= 0) return 0;
  const [w, ...rest] = weights;
  const cdf = (x: number): number => 1 - chiSquareUpperTail(x, dof);
  if (rest.length === 0) return cdf(c / w!);
  const top = c / w!;
  let total = 0;
  let previous = 0;
  for (let i = 1; i <= STEPS; i++) {
    const x = (top * i) / STEPS;
    const here = cdf(x);
    total += (here - previous) * weightedChiSquareCdf(rest, c - w! * (x - top / (2 * STEPS)), dof);
    previous = here;
  }
  return total;
}

/** P(in-sample MSE < floor): the share of fits whose train error lies below the Bayes floor. */
export function probabilityTrainBelowFloor(t: LeastSquaresTask): number {
  const dof = assertTask(t);
  // Σ_o σ_o² χ²_dof < N Σ_o σ_o².
  return weightedChiSquareCdf(t.noiseVariances, t.samples * t.noiseVariances.reduce((s, v) => s + v, 0), dof);
}
