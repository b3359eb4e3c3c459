import { computePrefixes } from './moment-gradient.ts';
import { createMomentWorkspace } from './moment-workspace.ts';
import type { Network } from './network.ts';

/**
 * What an observer of training reads after an epoch: the affine end-to-end map x̃ ↦ h_L at the current weights,
 * transposed (a × m, as MomentWorkspace.prefixT[L] holds it), from whichever kernel holds the weights, so a run that
 * watches its test MSE or its singular values every epoch does not form the prefixes again in JS. The array is valid
 * until the next epoch.
 */
export interface EndToEndView {
  endToEndT(): Float64Array;
}

/** Runs after each epoch (1-based) with the view of it; returning true stops training. */
export type AfterEpoch = (epoch: number, view: EndToEndView) => boolean | void;

/** The view from the JS prefix kernel, on the network's weights as they are when asked. */
export function prefixView(net: Network): EndToEndView {
  const ws = createMomentWorkspace(net);
  const last = ws.prefixT[ws.prefixT.length - 1]!;
  return {
    endToEndT: () => {
      computePrefixes(net, ws);
      return last;
    },
  };
}
