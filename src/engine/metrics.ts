import { prefixKernel, type PrefixKernel } from './compiled-kernels.ts';
import type { EndToEndView } from './end-to-end-view.ts';
import { computePrefixes, endToEndEntry, mseFromEndToEnd, mseFromMoments, weightDecayPenalty } from './moment-gradient.ts';
import { createMomentWorkspace, type MomentWorkspace } from './moment-workspace.ts';
import type { Moments } from './moments.ts';
import type { Network } from './network.ts';
import { singularValues } from './singular-values.ts';

export interface NetworkMetrics {
  readonly trainMse: number;
  readonly testMse: number;
  /** Train MSE + (β/2)|θ|²: the objective SGD with weight decay β descends. */
  readonly regularisedLoss: number;
  /** Singular values of the linear end-to-end map W_L ⋯ W_1, descending. */
  readonly singularValues: number[];
}

/** Metrics computed exactly from data moments (no pass over samples). */
export class MetricsProbe {
  private readonly ws: MomentWorkspace;
  private readonly prefixes: PrefixKernel;
  constructor(
    private readonly net: Network,
    private readonly trainMoments: Moments,
    private readonly testMoments: Moments,
  ) {
    this.ws = createMomentWorkspace(net);
    this.prefixes = prefixKernel(net);
  }

  testMse(): number {
    this.prefixes(this.net.params, this.ws);
    return mseFromMoments(this.ws, this.testMoments);
  }

  singularValues(): number[] {
    this.prefixes(this.net.params, this.ws);
    return endToEndSingularValues(this.net, this.ws);
  }

  /**
   * testMse() and singularValues() from the end-to-end map a training view gives (EndToEndView): what a run watches
   * after every epoch, without forming the prefixes again.
   */
  watched(view: EndToEndView): { readonly testMse: number; readonly singularValues: number[] } {
    const et = view.endToEndT();
    return { testMse: mseFromEndToEnd(et, this.ws.augmentedInput, this.testMoments), singularValues: singularValuesOf(this.net, et) };
  }

  /** testMse() from a training view's end-to-end map. */
  watchedTestMse(view: EndToEndView): number {
    return mseFromEndToEnd(view.endToEndT(), this.ws.augmentedInput, this.testMoments);
  }

  /** singularValues() from a training view's end-to-end map. */
  watchedSingularValues(view: EndToEndView): number[] {
    return singularValuesOf(this.net, view.endToEndT());
  }

  measure(beta: number): NetworkMetrics {
    this.prefixes(this.net.params, this.ws);
    const trainMse = mseFromMoments(this.ws, this.trainMoments);
    return {
      trainMse,
      testMse: mseFromMoments(this.ws, this.testMoments),
      regularisedLoss: trainMse + weightDecayPenalty(this.net, beta),
      singularValues: endToEndSingularValues(this.net, this.ws),
    };
  }
}

function endToEndSingularValues(net: Network, ws: MomentWorkspace): number[] {
  return singularValuesOf(net, ws.prefixT[ws.prefixT.length - 1]!);
}

function singularValuesOf(net: Network, et: Float64Array): number[] {
  const w = net.shape.widths;
  // The last transposed prefix is the affine map's transpose (a × m); its first n rows are Eᵀ, same singular values.
  const sigma = singularValues(et, w[0]!, w[w.length - 1]!);
  // A plain loop: Array.from over a typed array costs as much as the 2 × 2 decomposition before it.
  const out = new Array<number>(sigma.length);
  for (let k = 0; k < sigma.length; k++) out[k] = sigma[k]!;
  return out;
}

/** The linear end-to-end matrix W_L ⋯ W_1 (m × n, row-major). */
export function endToEndMatrix(net: Network): Float64Array {
  const ws = createMomentWorkspace(net);
  computePrefixes(net, ws);
  const w = net.shape.widths;
  const m = w[w.length - 1]!;
  const n = w[0]!;
  const out = new Float64Array(m * n);
  for (let o = 0; o < m; o++) for (let j = 0; j < n; j++) out[o * n + j] = endToEndEntry(ws, o, j);
  return out;
}
