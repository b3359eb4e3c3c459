// The rules for statements about runs (common/typicality.ts) with their lines as findings: what a reading's runs
// show is data (counts, intervals, the failing runs' seeds and the shape), its words are report/words'.
import { REPRODUCE_ALPHA } from '../../stats/index.ts';
import { finding, type Finding } from '../finding.ts';
import type { PerSeedSeries } from '../verdict.ts';
import { ALPHA, MOST_RUNS, NEARLY_EVERY_RUN, shareIntervals, typicalReading, universalReading, upperRate, type RunCase, type TypicalReading, type UniversalReading } from '../common/typicality.ts';
import type { RunShape, ShareThreshold } from './findings.ts';

/** A universal reading whose line, and its reading's note, is a finding. */
export interface ShapeReading extends Omit<UniversalReading, 'line'> {
  readonly line: Finding;
}

/** A typicality reading the same way, with its rule's calibration. */
export interface TypicalShapeReading extends ShapeReading {
  readonly rule: TypicalReading['rule'];
}

const interval = (p: { readonly lower: number; readonly upper: number }) => ({ lower: p.lower, upper: p.upper });

function thresholdOf(share: number): ShareThreshold {
  return { share, named: share === MOST_RUNS ? 'most-runs' : share === NEARLY_EVERY_RUN ? 'nearly-every-run' : null };
}

/** The typicality rule on one reading's runs (typicalReading), the runs that show `shape` against `threshold`. */
export function typicalShape(label: string, cases: readonly RunCase[], meaning: string, shape: RunShape, threshold: number, excluded?: PerSeedSeries['excluded']): TypicalShapeReading {
  // The verdict, value, per-seed series, rule and what would decide are typicalReading's; its line is replaced.
  const { line: _words, ...read } = typicalReading(label, cases, meaning, '', threshold, excluded);
  const shows = cases.filter((c) => !c.fails).length;
  const intervals = cases.length === 0 ? null : shareIntervals(shows, cases.length);
  const line = finding('trapping.typical-share', {
    label,
    shape,
    shows,
    runs: cases.length,
    intervals: intervals === null ? null : { reproduce: interval(intervals.reproduce), deviate: interval(intervals.deviate) },
    reproduceAlpha: REPRODUCE_ALPHA,
    threshold: thresholdOf(threshold),
    failing: cases.filter((c) => c.fails).map((c) => c.seed),
  });
  return { ...read, reading: { ...read.reading, note: line }, line };
}

/** The universal rule on one reading's runs (universalReading), a run failing when it shows `shape`. */
export function universalShape(label: string, cases: readonly RunCase[], meaning: string, shape: RunShape, excluded?: PerSeedSeries['excluded']): ShapeReading {
  const { line: _words, ...read } = universalReading(label, cases, meaning, '', excluded);
  const failing = cases.filter((c) => c.fails).map((c) => c.seed);
  const line = finding('trapping.universal', { label, shape, runs: cases.length, failing, bound: cases.length === 0 ? null : upperRate(failing.length, cases.length), alpha: ALPHA });
  return { ...read, reading: { ...read.reading, note: line }, line };
}
