import type { EscapeRun } from './runs.ts';

/**
 * The first time a watched series crosses a threshold (0 = already past at the start; null if never): the one
 * detector every escape watch uses. A run that never crosses is censored at its budget (`outcome`).
 */
export class FirstCrossing {
  private first: number | null = null;
  constructor(
    readonly threshold: number,
    private readonly direction: 'below' | 'above',
  ) {}

  /** Records `value` at `time`; after the first crossing nothing changes. */
  observe(time: number, value: number): void {
    if (this.first !== null) return;
    if (this.direction === 'below' ? value < this.threshold : value > this.threshold) this.first = time;
  }

  get crossed(): boolean {
    return this.first !== null;
  }

  get epoch(): number | null {
    return this.first;
  }

  /** Escaped at the crossing, or censored at `budget`. */
  outcome(budget: number): EscapeRun {
    return this.first === null ? { time: budget, escaped: false } : { time: this.first, escaped: true };
  }
}
