// Diagnostics (b) and (c) of the trapping experiments: is an escape driven by SGD noise, or by what is left of the
// weak mode in a checkpoint that was not fully converged? And does float32 arithmetic (the paper's framework most
// likely ran in float32) change the answer? Read beside the verdicts, never instead of them.
import { checkpointSigma, escapeOutcomes, isDiagnosed, type Diagnostics, type ExperimentResults, type RunRecord } from '../../experiments/index.ts';
import { DEFAULT_ALPHA } from '../../stats/index.ts';
import { escapeStatistics } from '../common/escape-statistics.ts';
import { formatExponent } from '../../text/index.ts';
import type { PerSeedSeries } from '../verdict.ts';

/** One row of a diagnostic: a variant of the protocol on the diagnostic seeds, by the protocol's primary rule. */
export interface DiagnosticRow {
  readonly label: string;
  readonly seeds: number[];
  readonly trapped: number;
  readonly trappedSeeds: number[];
  readonly escapes: number;
  /** KM median escape epoch of the trapped runs (null: not reached). */
  readonly medianEscape: number | null;
  /** σ_mode at the checkpoint, per seed. */
  readonly checkpointSigma: (number | null)[];
  /** Escape epoch per seed by the primary rule (null: censored or not trapped). */
  readonly escapeEpochs: (number | null)[];
}

function rowOf(label: string, records: readonly RunRecord[]): DiagnosticRow {
  const rule = records[0]?.escapeRule ?? 'test-mse-midpoint';
  const outcomes = escapeOutcomes(records, rule);
  const s = escapeStatistics(outcomes, DEFAULT_ALPHA);
  return {
    label,
    seeds: records.map((r) => r.seed),
    trapped: s.runs.length,
    trappedSeeds: outcomes.filter((o) => o.trapped).map((o) => o.seed),
    escapes: s.escapes,
    medianEscape: s.km?.median.estimate ?? null,
    checkpointSigma: records.map((r) => checkpointSigma(r)),
    escapeEpochs: outcomes.map((o) => (o.trapped ? o.escapeEpoch : null)),
  };
}

/** Diagnostic (b): one row per checkpoint budget (SGD epochs per annealing stage). */
export function checkpointSensitivity(diagnostics: Diagnostics): DiagnosticRow[] {
  return diagnostics.checkpointSensitivity.map(({ epochsPerStage, records }) => rowOf(`${epochsPerStage} epochs/stage`, records));
}

/** Diagnostic (c): float64 (the main runs) and float32 on the same seeds. */
export function precisionComparison(diagnostics: Diagnostics): DiagnosticRow[] {
  return diagnostics.precision.map(({ precision, records }) => rowOf(precision, records));
}

/** The diagnostics of a protocol that has them (none for random-init, which has no checkpoint). */
export function diagnosticsOf(results: ExperimentResults, protocol: string): Diagnostics | null {
  if (!isDiagnosed(protocol)) return null;
  return results.diagnostics(protocol);
}

function sigmaRange(values: readonly (number | null)[]): string {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return '—';
  const median = xs[Math.floor((xs.length - 1) / 2)]!;
  return `median ${formatExponent(median, 2)} (range ${formatExponent(xs[0], 2)} – ${formatExponent(xs[xs.length - 1], 2)})`;
}

export function describeRow(row: DiagnosticRow): string {
  return (
    `${row.label}: ${row.trapped} of ${row.seeds.length} trapped, ${row.escapes} escaped, KM median ${row.medianEscape ?? 'not reached'}; ` +
    `checkpoint σ ${sigmaRange(row.checkpointSigma)}`
  );
}

/**
 * Both diagnostics of a protocol, read once: their evidence lines (counts and checkpoint σ) and each row's escape
 * epochs per seed as data beside them. None for random-init, which has no checkpoint.
 */
export function diagnosticReport(results: ExperimentResults, protocol: string): { evidence: string[]; perSeed: PerSeedSeries[] } {
  const diagnostics = diagnosticsOf(results, protocol);
  if (diagnostics === null) return { evidence: [], perSeed: [] };
  const sensitivity = checkpointSensitivity(diagnostics);
  const precision = precisionComparison(diagnostics);
  const series = (what: string) => (row: DiagnosticRow): PerSeedSeries => ({
    label: `diagnostic, ${what}: ${row.label}`,
    meaning: 'escape epoch by the protocol\'s primary rule; null: censored at the budget or not trapped at the start',
    seeds: row.seeds,
    values: row.escapeEpochs,
  });
  return {
    evidence: [
      `Diagnostic (b), checkpoint convergence (${protocol}, seeds ${sensitivity[0]?.seeds[0]}–${sensitivity[0]?.seeds.at(-1)}, primary rule): escapes driven by noise would not depend on how long the checkpoint was trained; escapes driven by a residual weak mode would vanish as it converges.`,
      ...sensitivity.map((row) => `  ${describeRow(row)}.`),
      `Diagnostic (c), arithmetic (${protocol}, same seeds):`,
      ...precision.map((row) => `  ${describeRow(row)}.`),
      '(σ at the checkpoint: σ2 of the end-to-end map; 0 means exactly rank-deficient.)',
    ],
    perSeed: [...sensitivity.map(series('checkpoint')), ...precision.map(series('arithmetic'))],
  };
}
