// Operating characteristics of a decision rule, measured on seeded synthetic data drawn with the same seed count,
// censoring and budget as the runs it judges: how often it says `reproduced` when the paper's value is true, how
// often `deviates` (its size; the interval's nominal α bounds it), how often `deviates` when the truth is off by the
// stated discrepancy (its power), and the smallest discrepancy it detects with power ≥ 0.9 — the figures statistical
// testing suites print beside each check.
import { assertAlpha } from './runs.ts';
import { describeDiscrepancy, type Discrepancy, type StatisticalVerdict } from './decision.ts';

/** The power a rule is asked to reach at the stated discrepancy, and the share of `reproduced` when the claim is true. */
export const TARGET_POWER = 0.9;

/** One synthetic replication: data drawn with the truth moved by `shift` (a factor, or a difference) and decided. */
export type RuleTrial = (shift: number) => StatisticalVerdict;

export interface RuleCalibration {
  /** The rule, in words. */
  name: string;
  alpha: number;
  /** Seeds (runs, data sets) per replication: the same as the verdict's. */
  seeds: number;
  replications: number;
  /** P(reproduced | the paper's value is the truth), estimated. */
  reproducedWhenTrue: number;
  /** P(deviates | the paper's value is the truth), estimated; ≤ α by the interval's coverage. */
  size: number;
  /** The stated discrepancy, e.g. "×2" or "± 0.02". */
  discrepancy: string;
  /** P(deviates | the truth off by the discrepancy), the smaller of the two directions. */
  power: number;
  /** P(reproduced | the truth off by the discrepancy), the larger of the two directions: the reproduced side's error. */
  falseReproduce: number;
  /** The level of the reproduced side where it has its own (REPRODUCE_ALPHA); absent where `reproduced` uses α. */
  reproduceAlpha?: number;
  /** Smallest discrepancy on the grid detected with power ≥ 0.9 both ways, e.g. "×2.6"; null when none on the grid is. */
  detectable: string | null;
}

/** The share of replications with each verdict. */
export function verdictRates(trial: RuleTrial, shift: number, replications: number): Record<StatisticalVerdict, number> {
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`replications must be a positive integer, got ${replications}`);
  const counts: Record<StatisticalVerdict, number> = { reproduced: 0, deviates: 0, inconclusive: 0 };
  for (let i = 0; i < replications; i++) counts[trial(shift)] += 1;
  return { reproduced: counts.reproduced / replications, deviates: counts.deviates / replications, inconclusive: counts.inconclusive / replications };
}

/** The truth moved by `size` each way: ×f and ÷f, or +δ and −δ. */
function bothWays(d: Discrepancy, size: number): [number, number] {
  return d.scale === 'factor' ? [size, 1 / size] : [size, -size];
}

export interface CalibrationSpec {
  name: string;
  alpha: number;
  seeds: number;
  replications: number;
  discrepancy: Discrepancy;
  /** Discrepancies, ascending, at which the detectable one is looked for (the stated one is added). */
  grid: readonly number[];
  /** Only the shifts on one side count as the alternative (a lower bound: only a shorter τ falsifies it). */
  oneSided?: 'above' | 'below';
  /**
   * Where the claim holds for `reproducedWhenTrue` when the paper's value is a boundary (a bound: τ = 2 × bound); the
   * size is still measured at the boundary itself, the least favourable true value.
   */
  holdsAt?: number;
  /** The reproduced side's own level, stated beside its figures. */
  reproduceAlpha?: number;
}

export function calibrateRule(spec: CalibrationSpec, trial: RuleTrial): RuleCalibration {
  assertAlpha(spec.alpha);
  const d = spec.discrepancy;
  const truth = d.scale === 'factor' ? 1 : 0;
  const atTruth = verdictRates(trial, truth, spec.replications);
  const whereTrue = spec.holdsAt === undefined ? atTruth : verdictRates(trial, spec.holdsAt, spec.replications);
  const ratesAt = (size: number): Record<StatisticalVerdict, number>[] => {
    const [up, down] = bothWays(d, size);
    const shifts = spec.oneSided === 'above' ? [up] : spec.oneSided === 'below' ? [down] : [up, down];
    return shifts.map((s) => verdictRates(trial, s, spec.replications));
  };
  const powerAt = (size: number): number => Math.min(...ratesAt(size).map((r) => r.deviates));
  const atDiscrepancy = ratesAt(d.size);
  const power = Math.min(...atDiscrepancy.map((r) => r.deviates));
  const falseReproduce = Math.max(...atDiscrepancy.map((r) => r.reproduced));
  const grid = [...new Set([...spec.grid, d.size])].sort((a, b) => a - b);
  const detectable = grid.find((size) => (size === d.size ? power : powerAt(size)) >= TARGET_POWER);
  return {
    name: spec.name,
    alpha: spec.alpha,
    seeds: spec.seeds,
    replications: spec.replications,
    reproducedWhenTrue: whereTrue.reproduced,
    size: atTruth.deviates,
    discrepancy: describeDiscrepancy(d),
    power,
    falseReproduce,
    ...(spec.reproduceAlpha === undefined ? {} : { reproduceAlpha: spec.reproduceAlpha }),
    detectable: detectable === undefined ? null : describeDiscrepancy({ ...d, size: detectable }),
  };
}

