import { stepKernel } from './compiled-kernels.ts';
import { norm } from './dense.ts';
import { momentGradient } from './moment-gradient.ts';
import { createMomentWorkspace } from './moment-workspace.ts';
import type { Moments } from './moments.ts';
import type { Network } from './network.ts';
import type { SgdKernel } from './sgd.ts';
import { EpochKernel, configKey, epochKernelSupported, type EpochConfig } from './wasm-epoch.ts';

export interface DescentSettings {
  readonly lr: number;
  readonly beta: number;
  readonly maxSteps: number;
  /** Stop once the full-batch gradient norm |∇(MSE + (β/2)|θ|²)| falls below this. */
  readonly gradientTolerance: number;
}

export interface DescentReport {
  readonly steps: number;
  readonly gradientNorm: number;
  readonly converged: boolean;
}

/** Euclidean norm of the full-data gradient of MSE + (β/2)|θ|². */
export function fullGradientNorm(net: Network, moments: Moments, beta: number): number {
  const grad = new Float64Array(net.params.length);
  momentGradient(net, moments, beta, createMomentWorkspace(net), grad);
  return norm(grad);
}

/**
 * Deterministic full-batch gradient descent in place until the gradient norm is below tolerance or maxSteps is
 * reached, or it diverges (a non-finite gradient ends it, unconverged). It runs in the WebAssembly module where that
 * covers the network (`kernel` 'wasm', the default), with the bits of the JS loop below. Without mini-batch noise it
 * stays on the branch it starts on (a trapped low-rank state stays low-rank), which is how the escape rule's plateau
 * and global-minimum values are found.
 */
export function descendFullBatch(net: Network, moments: Moments, settings: DescentSettings, kernel: SgdKernel = 'wasm'): DescentReport {
  const params = net.params;
  const cfg = descentConfig(net, moments);
  if (kernel === 'wasm' && Number.isInteger(settings.maxSteps) && settings.maxSteps >= 0 && settings.maxSteps < 2 ** 31 && epochKernelSupported(cfg)) {
    const module = descentKernel(cfg, moments);
    module.params.set(params);
    const stopped = module.descend(settings.maxSteps, settings.lr, settings.beta, settings.gradientTolerance);
    params.set(module.params);
    if (stopped.steps < settings.maxSteps) return { steps: stopped.steps, gradientNorm: stopped.gradientNorm, converged: stopped.gradientNorm < settings.gradientTolerance };
    return finalReport(net, moments, settings);
  }
  const ws = createMomentWorkspace(net);
  const grad = new Float64Array(net.params.length);
  const gradientAt = stepKernel(net);
  let gradientNorm = Number.POSITIVE_INFINITY;
  for (let step = 0; step < settings.maxSteps; step++) {
    gradientAt(params, moments, settings.beta, 0, ws, grad);
    gradientNorm = norm(grad);
    if (gradientNorm < settings.gradientTolerance) return { steps: step, gradientNorm, converged: true };
    // A step too large for the curvature diverges: once the gradient is no longer finite, nothing more is learned.
    if (!Number.isFinite(gradientNorm)) return { steps: step, gradientNorm, converged: false };
    for (let k = 0; k < params.length; k++) params[k]! -= settings.lr * grad[k]!;
  }
  return finalReport(net, moments, settings);
}

/** After maxSteps without a stop: the gradient at the weights reached, by the generic moment gradient. */
function finalReport(net: Network, moments: Moments, settings: DescentSettings): DescentReport {
  const gradientNorm = fullGradientNorm(net, moments, settings.beta);
  return { steps: settings.maxSteps, gradientNorm, converged: gradientNorm < settings.gradientTolerance };
}

/**
 * One instance per layout and sample count, kept: a sweep makes tens of thousands of descents, and instantiating a
 * module (~0.1 ms) cost more than most of them. Each descent loads its moments and weights, and the module keeps no
 * other state from one descent to the next (prefixes, residual and gradient are written before they are read).
 */
const descentKernels = new Map<string, EpochKernel>();

function descentKernel(cfg: EpochConfig, moments: Moments): EpochKernel {
  const key = configKey(cfg);
  let kernel = descentKernels.get(key);
  if (kernel === undefined) {
    kernel = new EpochKernel(cfg, new Float64Array(0), moments);
    descentKernels.set(key, kernel);
  }
  kernel.loadFullMoments(moments);
  return kernel;
}

/** The WebAssembly module of a descent: the full moments, one step a call of the loop, the gradient kept. */
function descentConfig(net: Network, moments: Moments): EpochConfig {
  const a = moments.augmentedInput;
  const m = moments.outputDim;
  return {
    net,
    features: { count: moments.count, width: a * a + m * a + 1, augmentedInput: a, outputDim: m },
    batch: moments.count,
    steps: 1,
    precision: 'float64',
    gradient: true,
  };
}
