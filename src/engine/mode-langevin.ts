import { createStream, fillStandardNormal, type RandomStream } from '../data/index.ts';
import { float64, modeBarriers, stationaryPoints, type Convention } from '../analytic/index.ts';

// Overdamped Langevin dynamics on one mode of Eq. 1 (Section 2.2: SGD as Langevin dynamics), the audit's positive
// control for the escape statistics: here Kramers' law is known to hold, so the censored fits must recover ΔE.

/** One mode at one temperature, simulated by Euler–Maruyama u ← u − V'(u)·dt + √(2T·dt)·ξ. */
export interface ModeLangevinSettings {
  readonly eta: number;
  readonly beta: number;
  readonly depth: number;
  readonly convention?: Convention;
  readonly temperature: number;
  readonly dt: number;
  /** Censoring budget in steps. */
  readonly maxSteps: number;
  /** Escape when u first reaches this per-layer value (past the saddle); default `defaultAbsorbingPoint`. */
  readonly absorbAt?: number;
}

/** A run's outcome in Langevin time t = steps·dt (EscapeRun's shape) with its step count. */
export interface LangevinEscape {
  readonly time: number;
  readonly escaped: boolean;
  readonly steps: number;
}

/**
 * The potential simulated, in the per-layer singular value u (λ = u^L), with b the stationarity β of the convention:
 *   V(u) = ½(u^L − η)² − ½η² + (L·b/2)·u².
 * Under eq2 it is the balanced network's MSE + (β/2)|θ|² restricted to the mode (L layers at u, m = 2 outputs),
 * shifted to V(0) = 0, so V(u) = Loss(u^L) − Loss(0) and its barrier V(u_sad) − V(0) is exactly ΔE of Eq. 10.
 * Defined for every real u: a layer value may change sign. The balanced network itself moves along (1,…,1)/√L,
 * where the same Langevin equation holds with time scaled by L; the barrier and T are unchanged.
 */
export interface ModePotential {
  readonly value: (u: number) => number;
  readonly gradient: (u: number) => number;
  readonly curvature: (u: number) => number;
  /** Per-layer positions of the λ = 0 minimum (0), the saddle and the non-zero minimum. */
  readonly saddle: number;
  readonly minimum: number;
  /** ΔE = V(u_sad) − V(0), from the analytic core (Eq. 10). */
  readonly barrier: number;
}

export function modePotential(eta: number, beta: number, depth: number, convention: Convention = 'eq2'): ModePotential {
  const mode = { eta, beta, depth, convention };
  const points = stationaryPoints(float64, mode);
  const barriers = modeBarriers(float64, mode);
  if (points.saddle === null || points.minimum === null || barriers === null) {
    throw new RangeError(`no saddle at β = ${beta} (η = ${eta}, L = ${depth}): nothing to escape over`);
  }
  const L = depth;
  // The stationarity β of Eq. 2: β under eq2, β/L under eq1 (analytic/mode.ts).
  const b = convention === 'eq2' ? beta : beta / depth;
  const value = (u: number): number => {
    const uL = u ** L;
    return 0.5 * uL * (uL - 2 * eta) + 0.5 * L * b * u * u;
  };
  const gradient = (u: number): number => {
    const uL1 = u ** (L - 1);
    return L * uL1 * (uL1 * u - eta) + L * b * u;
  };
  const curvature = (u: number): number => {
    const uL2 = u ** (L - 2);
    const uL = uL2 * u * u;
    return L * (L - 1) * uL2 * (uL - eta) + L * L * uL2 * uL2 * u * u + L * b;
  };
  return {
    value,
    gradient,
    curvature,
    saddle: points.saddle ** (1 / L),
    minimum: points.minimum ** (1 / L),
    barrier: barriers.fromZero,
  };
}

/**
 * Where a run counts as escaped: half-way (in u) from the saddle to the non-zero minimum. Past the saddle, so a
 * run that touches the saddle and falls back is not counted; short of the minimum, so the deterministic slide into
 * it adds little to τ. The exact mean first-passage time to this point is `meanFirstPassageTime`.
 */
export function defaultAbsorbingPoint(potential: ModePotential): number {
  return 0.5 * (potential.saddle + potential.minimum);
}

/**
 * Euler–Maruyama first passage from `start` to u ≥ `upper` (and, if given, u ≤ `lower`) under u' = −∇V + √(2T)ξ.
 * Normals come in blocks from `rng` (Marsaglia's polar method), so a run is fixed by the stream alone.
 */
export function overdampedFirstPassage(
  gradient: (u: number) => number,
  options: { temperature: number; dt: number; maxSteps: number; start: number; upper: number; lower?: number },
  rng: RandomStream,
): LangevinEscape {
  const { temperature, dt, maxSteps, start, upper } = options;
  const lower = options.lower ?? -Infinity;
  if (!(temperature > 0 && Number.isFinite(temperature))) throw new RangeError(`temperature must be > 0, got ${temperature}`);
  if (!(dt > 0 && Number.isFinite(dt))) throw new RangeError(`dt must be > 0, got ${dt}`);
  if (!(Number.isSafeInteger(maxSteps) && maxSteps >= 1)) throw new RangeError(`maxSteps must be a positive integer, got ${maxSteps}`);
  if (!(start < upper && start > lower)) throw new RangeError(`start ${start} must lie between ${lower} and ${upper}`);
  const kick = Math.sqrt(2 * temperature * dt);
  const noise = new Float64Array(1024);
  let used = noise.length;
  let u = start;
  for (let step = 1; step <= maxSteps; step++) {
    if (used === noise.length) {
      fillStandardNormal(rng, noise);
      used = 0;
    }
    u += -gradient(u) * dt + kick * noise[used++]!;
    if (u >= upper || u <= lower) return { time: step * dt, escaped: true, steps: step };
  }
  return { time: maxSteps * dt, escaped: false, steps: maxSteps };
}

/**
 * One seed of the one-mode positive control: a pure function of (settings, seed). Starts at the λ = 0 minimum,
 * escapes at `absorbAt` (default half-way from saddle to minimum); its own 'langevin' stream.
 */
export function modeLangevinEscape(settings: ModeLangevinSettings, seed: number): LangevinEscape {
  const potential = modePotential(settings.eta, settings.beta, settings.depth, settings.convention);
  const upper = settings.absorbAt ?? defaultAbsorbingPoint(potential);
  // Even L: V(−u) = V(u), the mode escapes on either side (λ = u^L ≥ 0 both ways).
  const lower = settings.depth % 2 === 0 ? -upper : undefined;
  return overdampedFirstPassage(
    potential.gradient,
    { temperature: settings.temperature, dt: settings.dt, maxSteps: settings.maxSteps, start: 0, upper, ...(lower === undefined ? {} : { lower }) },
    createStream(seed, 'langevin'),
  );
}

/**
 * Kramers' mean escape time over one saddle (Hänggi et al. 1990; the D = 1 case of Eq. 11):
 * τ_K = 2π / √(V''(0)·|V''(u_sad)|) · exp(ΔE/T). With two mirror saddles (even L) the rate doubles.
 */
export function kramersTime(potential: ModePotential, temperature: number, saddles: 1 | 2 = 1): number {
  const prefactor = (2 * Math.PI) / Math.sqrt(potential.curvature(0) * Math.abs(potential.curvature(potential.saddle)));
  return (prefactor / saddles) * Math.exp(potential.barrier / temperature);
}

/**
 * The exact mean first-passage time of the continuous dynamics from `start` to `upper` (Gardiner, Eq. 5.2.158):
 *   τ = (1/T) ∫_start^upper dy e^{V(y)/T} ∫_lower^y dz e^{−V(z)/T},
 * with a reflecting `lower` (0 for the symmetric even-L mode) or, when absent, the left tail cut where V exceeds
 * V(start) by 40 T (the neglected mass is below e^{−40}). Simpson per cell of width (upper − start)/intervals; the
 * inner integral at a cell's midpoint by cubic Hermite interpolation, so both integrals are fourth-order.
 */
export function meanFirstPassageTime(
  value: (u: number) => number,
  options: { temperature: number; start: number; upper: number; lower?: number; intervals?: number },
): number {
  const { temperature: T, start, upper } = options;
  const n = options.intervals ?? 20000;
  const h = (upper - start) / n;
  let below = 0;
  if (options.lower === undefined) {
    const ceiling = value(start) + 40 * T;
    while (value(start - below * h) < ceiling) below += Math.max(1, Math.ceil(below / 2));
  } else {
    below = Math.round((start - options.lower) / h);
    if (Math.abs(start - below * h - options.lower) > 1e-9 * (1 + Math.abs(options.lower))) {
      throw new RangeError('start − lower must be a whole number of cells (upper − start)/intervals');
    }
  }
  const at = (i: number): number => start + (i - below) * h;
  const shift = value(start);
  const weight = (u: number): number => Math.exp(-(value(u) - shift) / T);
  const inner = new Float64Array(below + n + 1);
  for (let i = 1; i < inner.length; i++) {
    const a = at(i - 1);
    inner[i] = inner[i - 1]! + (h / 6) * (weight(a) + 4 * weight(a + h / 2) + weight(a + h));
  }
  const rise = (u: number): number => Math.exp((value(u) - shift) / T);
  let sum = 0;
  for (let i = below; i < below + n; i++) {
    const a = at(i);
    const innerMid = 0.5 * (inner[i]! + inner[i + 1]!) + (h / 8) * (weight(a) - weight(a + h));
    sum += (h / 6) * (rise(a) * inner[i]! + 4 * rise(a + h / 2) * innerMid + rise(a + h) * inner[i + 1]!);
  }
  return sum / T;
}

/** Every seed at every temperature: the runs one Arrhenius fit of the positive control takes (x = 1/T). */
export function modeLangevinSweep(
  base: Omit<ModeLangevinSettings, 'temperature'>,
  temperatures: readonly number[],
  seeds: readonly number[],
): { temperature: number; runs: LangevinEscape[] }[] {
  return temperatures.map((temperature) => ({ temperature, runs: seeds.map((seed) => modeLangevinEscape({ ...base, temperature }, seed)) }));
}
