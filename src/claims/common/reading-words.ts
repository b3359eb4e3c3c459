// The words of a reading's label. A label is what a referee reads in REPORT.md, report.html and `metastable explain`,
// and the reading's identity (golden/claims.json pins readings by label; robustness.ts places a reading by its
// words), so every choice an evaluator names in a label comes from this one vocabulary, joined by one separator.
import type { Convention } from '../../analytic/index.ts';
import type { BatchSampling } from '../../engine/index.ts';
import { SMALL_SPARSE_BATCH, type DataSchemeName, type SparseBatchName } from '../../experiments/index.ts';
import type { EscapeRuleName, ProtocolName } from '../../protocols/index.ts';

/** The regulariser convention (src/analytic/mode.ts): the equation it follows. */
export const REGULARISER_WORDS: Readonly<Record<Convention, string>> = { eq2: 'Eq. 2', eq1: 'Eq. 1' };

/** Where a run's data come from: drawn anew with the run's seed, or one data set for every run. */
export const DATA_WORDS: Readonly<Record<DataSchemeName, string>> = { 'per-seed': 'a data set per seed', fixed: 'one data set' };

/** The escape rule; the σ rule names the singular value it watches (σk where the protocol's own is meant). */
export function escapeRuleWords(rule: EscapeRuleName, mode?: number): string {
  return rule === 'test-mse-midpoint' ? 'test MSE past the midpoint' : `σ${mode ?? 'k'} past the threshold`;
}

/** How a step's mini-batch is drawn (src/engine/batch-sampling.ts). */
export const SAMPLER_WORDS: Readonly<Record<BatchSampling, string>> = {
  'epoch-permutation': 'a permutation per epoch',
  'with-replacement': 'batches drawn with replacement',
};

/** The batch size of the sparse runs: Appendix A's, or one below the 25 training samples. */
export const SPARSE_BATCH_WORDS: Readonly<Record<SparseBatchName, string>> = {
  'as-written': 'B = 64 as written',
  'small-batch': `B = ${SMALL_SPARSE_BATCH}`,
};

/** The training protocols of Section 3.1, as the paper names them. */
export const PROTOCOL_WORDS: Readonly<Record<ProtocolName, string>> = {
  'random-init': 'random initialisation',
  'rank1-trap': 'rank-1 trap',
  'trivial-trap': 'trivial trap',
  sparse: 'sparse sub-sampling',
};

/** A label from its parts, in order: the one separator between the choices a reading names. */
export function readingLabel(...parts: readonly string[]): string {
  return parts.join(', ');
}
