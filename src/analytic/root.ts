import type { Scalar } from './scalar.ts';

/** Raised when a root is sought on an interval whose end points do not bracket a sign change. */
export class BracketError extends Error {
  override readonly name = 'BracketError';
}

export interface RootProblem<T> {
  /** What is being solved for, named in errors. */
  readonly what: string;
  readonly f: (x: T) => T;
  readonly df: (x: T) => T;
  readonly lo: T;
  readonly hi: T;
  /** Also stop once a step is below this absolute size: needed when the root may be 0 (default 0). */
  readonly absoluteTolerance?: T;
}

/**
 * The root of f in [lo, hi], where f(lo) and f(hi) differ in sign: Newton steps while they stay inside the
 * shrinking bracket and halve the step, bisection otherwise (the "rtsafe" safeguard). Converges for any
 * continuous f with a sign change; quadratically near a simple root. Stops when the step falls below
 * 8·ε·|x| of the backend plus the problem's absolute tolerance.
 */
export function bracketedRoot<T>(S: Scalar<T>, problem: RootProblem<T>): T {
  const { f, df, what } = problem;
  let lo = problem.lo;
  let hi = problem.hi;
  const fLo = f(lo);
  const fHi = f(hi);
  if (S.sign(fLo) === 0) return lo;
  if (S.sign(fHi) === 0) return hi;
  if (S.sign(fLo) === S.sign(fHi)) {
    throw new BracketError(
      `${what}: f has the same sign at both ends of [${S.toString(lo, 12)}, ${S.toString(hi, 12)}]`,
    );
  }
  // Orient so that f(lo) < 0 < f(hi); lo may then be the larger end point.
  if (S.sign(fLo) > 0) [lo, hi] = [hi, lo];
  const two = S.of(2);
  const tolerance = S.mul(S.of(8), S.epsilon);
  const absoluteTolerance = problem.absoluteTolerance ?? S.of(0);
  // Bisection alone halves the bracket each step: this many steps reach the backend's precision from any start.
  const maxIterations = Math.ceil(4 * S.digits * Math.log2(10)) + 64;
  let x = S.div(S.add(lo, hi), two);
  let stepBefore = S.abs(S.sub(hi, lo));
  let step = stepBefore;
  for (let i = 0; i < maxIterations; i++) {
    const fx = f(x);
    if (S.sign(fx) === 0) return x;
    if (S.sign(fx) < 0) lo = x;
    else hi = x;
    const slope = df(x);
    const newton = S.sign(slope) === 0 ? null : S.sub(x, S.div(fx, slope));
    const inside =
      newton !== null && S.lt(S.mul(S.sub(newton, lo), S.sub(newton, hi)), S.of(0)); // strictly between
    const fastEnough = S.lt(S.mul(two, S.abs(S.sub(newton ?? x, x))), stepBefore);
    stepBefore = step;
    let next: T;
    if (newton !== null && inside && fastEnough) {
      next = newton;
    } else {
      next = S.div(S.add(lo, hi), two);
    }
    step = S.abs(S.sub(next, x));
    x = next;
    if (!S.lt(S.add(S.mul(tolerance, S.abs(x)), absoluteTolerance), step)) return x;
  }
  throw new BracketError(`${what}: no convergence within ${maxIterations} iterations`);
}
