/**
 * Appendix A's rule: "the epoch at which test MSE drops below a threshold midway between the metastable
 * plateau value and the global minimum value".
 */
export function midpointThreshold(plateau: number, globalMinimum: number): number {
  return (plateau + globalMinimum) / 2;
}
