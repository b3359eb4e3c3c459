import type { Network } from './network.ts';

/**
 * Scratch space for the fast gradient path, allocated once per network so a step allocates nothing.
 * prefixT[l] (a × n_l) is the affine map from x̃ to h_l stored transposed (row c = column c of the map), so
 * the hot loops run along the widths; suffix[l] (m × n_l) is W_L ⋯ W_{l+1}.
 */
export interface MomentWorkspace {
  readonly augmentedInput: number;
  readonly prefixT: Float64Array[];
  readonly suffix: Float64Array[];
  readonly residual: Float64Array;
  readonly h: Float64Array;
}

export function createMomentWorkspace(net: Network): MomentWorkspace {
  const w = net.shape.widths;
  const a = w[0]! + (net.shape.biases ? 1 : 0);
  const m = w[w.length - 1]!;
  const maxWidth = Math.max(...w);
  const prefixT = w.map((n) => new Float64Array(n * a));
  const suffix = w.map((n) => new Float64Array(m * n));
  // Constant ends: the map to h_0 is [I | 0], the product after the last layer is I_m.
  const n0 = w[0]!;
  for (let i = 0; i < n0; i++) prefixT[0]![i * n0 + i] = 1;
  for (let o = 0; o < m; o++) suffix[w.length - 1]![o * m + o] = 1;
  return { augmentedInput: a, prefixT, suffix, residual: new Float64Array(m * a), h: new Float64Array(m * maxWidth) };
}
