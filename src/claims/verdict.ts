import type { TopLevelSpec } from 'vega-lite';
import type { RuleCalibration } from '../stats/index.ts';
import type { FigureId } from './figure-ids.ts';
import type { Finding } from './finding.ts';

export type { RuleCalibration };

export { NOT_EVALUATED, VERDICTS, worstVerdict } from './verdicts.ts';
export type { Outcome, Verdict } from './verdicts.ts';
import type { Verdict } from './verdicts.ts';

/** The same claim read under one reading of an ambiguity (e.g. a regulariser convention). */
export interface Reading {
  /** e.g. "eq2" or "eq1". */
  label: string;
  /** The audit's value under this reading, as a decimal string (null for qualitative claims). */
  value: string | null;
  verdict: Verdict;
  /** ours − paper, as a decimal string, where a number was compared. */
  difference?: string;
  /** |ours − paper| / tolerance. */
  toleranceUnits?: number;
  /** A line of evidence specific to this reading. */
  note?: Finding;
}

/** What evaluating a claim yields: a headline verdict and the evidence behind it. */
export interface Evaluation {
  verdict: Verdict;
  /** The headline value (the default reading's). */
  value: string | null;
  /** One entry per reading; the first is the headline. */
  readings: Reading[];
  /** What the computations found, a finding a line (report/words puts them in words). */
  evidence: Finding[];
  /** For `inconsistent`: the two places of the paper that disagree. */
  places?: [string, string];
  /** For `inconclusive`: what would decide it. */
  wouldDecide?: Finding;
  /**
   * For `deviates` when the stated protocol provably cannot produce the data the claim is about (an invariant trap
   * never escapes, so no budget and no seed count gives the escapes): why (DESIGN.md, "not reproducible as specified").
   */
  notReproducible?: Finding;
  /** Figures drawn from this claim's own experiments (as data); the report renders and embeds each id once. */
  figures?: EvidenceFigure[];
  /** The raw per-seed values behind the aggregates (DESIGN.md: kept beside every mean, median and interval). */
  perSeed?: PerSeedSeries[];
  /** The headline's statistical decision rule with its size, power and detectable discrepancy at this seed count. */
  rule?: RuleCalibration;
  /** For a stochastic claim: the headline estimate or bound with its interval and counts, as the summary row shows it. */
  measured?: Finding;
}

/** One quantity per seed, e.g. escape epochs of one reading: null where the seed gave none (censored). */
export interface PerSeedSeries {
  label: string;
  /** What a value is, and what null means. */
  meaning: string;
  seeds: number[];
  values: (number | null)[];
  /** Seeds left out of the statistic, and why (e.g. the run did not start trapped). */
  excluded?: { seeds: number[]; reason: string };
}

/**
 * A figure as evidence, as data: an id unique in the report, a title, a caption and the chart — a Vega-Lite spec
 * whose rows are inline. The report renders it; an evaluation never does.
 */
export interface EvidenceFigure {
  id: FigureId;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}
