import { fillStandardNormal, type RandomStream } from '../data/index.ts';

/** Layer widths from input to output (Appendix A: [2, 10, 10, 2]); biases are off unless asked for. */
export interface NetworkShape {
  readonly widths: readonly number[];
  readonly biases: boolean;
}

/**
 * A deep linear network h_l = W_l h_{l-1} (+ b_l), no activation (Appendix A). All parameters live in one
 * Float64Array so that an SGD step is one loop; layer l (1-based) has its n_l×n_{l-1} row-major weight
 * at weightOffset[l-1] and its bias at biasOffset[l-1] (−1 without biases).
 */
export interface Network {
  readonly shape: NetworkShape;
  readonly params: Float64Array;
  readonly weightOffset: readonly number[];
  readonly biasOffset: readonly number[];
}

export function validateShape(shape: NetworkShape): void {
  const { widths } = shape;
  if (widths.length < 3) throw new RangeError(`depth must be >= 2 (at least three widths), got [${widths.join(', ')}]`);
  for (const w of widths) {
    if (!Number.isInteger(w) || w < 1) throw new RangeError(`widths must be positive integers, got [${widths.join(', ')}]`);
  }
}

/** Number of trainable parameters: Σ n_l n_{l-1} (+ Σ n_l with biases); [2, 10, 10, 2] gives 140 (162). */
export function parameterCount(shape: NetworkShape): number {
  let count = 0;
  for (let l = 1; l < shape.widths.length; l++) {
    count += shape.widths[l]! * shape.widths[l - 1]! + (shape.biases ? shape.widths[l]! : 0);
  }
  return count;
}

export function depth(shape: NetworkShape): number {
  return shape.widths.length - 1;
}

/** A network with all parameters zero. */
export function createNetwork(shape: NetworkShape): Network {
  validateShape(shape);
  const weightOffset: number[] = [];
  const biasOffset: number[] = [];
  let offset = 0;
  for (let l = 1; l < shape.widths.length; l++) {
    weightOffset.push(offset);
    offset += shape.widths[l]! * shape.widths[l - 1]!;
    biasOffset.push(shape.biases ? offset : -1);
    if (shape.biases) offset += shape.widths[l]!;
  }
  return { shape, params: new Float64Array(offset), weightOffset, biasOffset };
}

/** Every parameter i.i.d. N(0, std²) from the 'init' stream (Appendix A: std = 1/√w for the random baseline). */
export function initialiseGaussian(net: Network, rng: RandomStream, std: number): void {
  fillStandardNormal(rng, net.params);
  for (let i = 0; i < net.params.length; i++) net.params[i]! *= std;
}

export function cloneNetwork(net: Network): Network {
  return { ...net, params: Float64Array.from(net.params) };
}

/** Layer l's weight W_l (1-based, n_l × n_{l-1} row-major) as a view into net.params. */
export function layerWeights(net: Network, l: number): Float64Array {
  const w = net.shape.widths;
  const offset = net.weightOffset[l - 1]!;
  return net.params.subarray(offset, offset + w[l]! * w[l - 1]!);
}
