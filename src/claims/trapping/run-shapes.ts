// The rules for statements about runs (common/typicality.ts) with their lines as findings: what a reading's runs
// show is data (counts, intervals, the failing runs' seeds and the shape), its words are report/words'.
import { REPRODUCE_ALPHA } from '../../stats/index.ts';
import { finding, type Finding } from '../finding.ts';
import type { PerSeedSeries, Reading, Verdict } from '../verdict.ts';
import { ALPHA, MOST_RUNS, NEARLY_EVERY_RUN, RUNS_TO_DECIDE, runsToDecide, shareIntervals, typicalReading, universalReading, upperRate, type RunCase, type TypicalReading, type UniversalReading } from '../common/typicality.ts';
import type { RunShape, ShareThreshold } from './findings.ts';

/** A universal reading whose line, and its reading's note, is a finding, and so is what would decide it. */
export interface ShapeReading extends Omit<UniversalReading, 'reading'> {
  readonly reading: Reading;
  readonly line: Finding;
  readonly wouldDecide?: Finding;
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
  // The verdict, value, per-seed series and rule are typicalReading's; the line and what would decide are data here.
  const read = typicalReading(label, cases, meaning, threshold, excluded);
  const shows = cases.filter((c) => !c.fails).length;
  const n = cases.length;
  const intervals = n === 0 ? null : shareIntervals(shows, n);
  const line = finding('trapping.typical-share', {
    label,
    shape,
    shows,
    runs: n,
    intervals: intervals === null ? null : { reproduce: interval(intervals.reproduce), deviate: interval(intervals.deviate) },
    reproduceAlpha: REPRODUCE_ALPHA,
    threshold: thresholdOf(threshold),
    failing: cases.filter((c) => c.fails).map((c) => c.seed),
  });
  const decides = () => finding('trapping.would-decide-typical-runs', { read: n, share: n === 0 ? null : shows / n, threshold, needed: n === 0 ? null : runsToDecide(shows / n, threshold) });
  return { ...read, reading: { ...read.reading, note: line }, line, ...undecided(read.reading.verdict, decides) };
}

/** What would decide a reading, where its verdict is undecided. */
function undecided(verdict: Verdict, decides: () => Finding): { wouldDecide?: Finding } {
  return verdict === 'inconclusive' ? { wouldDecide: decides() } : {};
}

/** The universal rule on one reading's runs (universalReading), a run failing when it shows `shape`. */
export function universalShape(label: string, cases: readonly RunCase[], meaning: string, shape: RunShape, excluded?: PerSeedSeries['excluded']): ShapeReading {
  const read = universalReading(label, cases, meaning, excluded);
  const failing = cases.filter((c) => c.fails).map((c) => c.seed);
  const line = finding('trapping.universal', { label, shape, runs: cases.length, failing, bound: cases.length === 0 ? null : upperRate(failing.length, cases.length), alpha: ALPHA });
  return { ...read, reading: { ...read.reading, note: line }, line, ...undecided(read.reading.verdict, () => finding('trapping.would-decide-universal-runs', { needed: RUNS_TO_DECIDE, read: cases.length })) };
}
