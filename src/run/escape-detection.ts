/** The first epoch at which a per-epoch series crosses a threshold (0 = already at the start); null if never. */
export class FirstCrossing {
  private first: number | null = null;
  constructor(
    readonly threshold: number,
    private readonly direction: 'below' | 'above',
  ) {}

  observe(epoch: number, value: number): void {
    if (this.first !== null) return;
    if (this.direction === 'below' ? value < this.threshold : value > this.threshold) this.first = epoch;
  }

  get epoch(): number | null {
    return this.first;
  }
}

/**
 * Appendix A's rule: "the epoch at which test MSE drops below a threshold midway between the metastable
 * plateau value and the global minimum value".
 */
export function midpointThreshold(plateau: number, globalMinimum: number): number {
  return (plateau + globalMinimum) / 2;
}
