import { layerWeights, type Network } from './network.ts';

/**
 * How far the weights are from the 0-balanced subspace of Section 2.1, W_{l+1}ᵀW_{l+1} = W_l W_lᵀ for every hidden
 * layer l: Σ_l ‖W_{l+1}ᵀW_{l+1} − W_l W_lᵀ‖_F divided by Σ_l ‖W_l W_lᵀ‖_F (0 on the subspace, scale-free). Gradient
 * flow on MSE conserves each difference; weight decay β shrinks it as e^{−2βt}, so a run at β > 0 approaches the
 * subspace. 0 for the zero network.
 */
export function relativeImbalance(net: Network): number {
  const w = net.shape.widths;
  const L = w.length - 1;
  let gap = 0;
  let scale = 0;
  for (let l = 1; l < L; l++) {
    const h = w[l]!;
    const lower = layerWeights(net, l); // h × w[l−1]
    const upper = layerWeights(net, l + 1); // w[l+1] × h
    const inW = w[l - 1]!;
    const outW = w[l + 1]!;
    let diff = 0;
    let norm = 0;
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < h; j++) {
        let a = 0; // (W_{l+1}ᵀW_{l+1})_{ij}
        for (let k = 0; k < outW; k++) a += upper[k * h + i]! * upper[k * h + j]!;
        let b = 0; // (W_l W_lᵀ)_{ij}
        for (let k = 0; k < inW; k++) b += lower[i * inW + k]! * lower[j * inW + k]!;
        diff += (a - b) ** 2;
        norm += b * b;
      }
    }
    gap += Math.sqrt(diff);
    scale += Math.sqrt(norm);
  }
  return scale === 0 ? (gap === 0 ? 0 : Infinity) : gap / scale;
}
