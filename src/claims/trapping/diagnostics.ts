// Diagnostics (b) and (c) of the trapping experiments: is an escape driven by SGD noise, or by what is left of the
// weak mode in a checkpoint that was not fully converged? And does float32 arithmetic (the paper's framework most
// likely ran in float32) change the answer? Read beside the verdicts, never instead of them.
import { checkpointSigma, escapeOutcomes, isDiagnosed, type Diagnostics, type ExperimentResults, type RunRecord } from '../../experiments/index.ts';
import { DEFAULT_ALPHA } from '../../stats/index.ts';
import { escapeStatistics } from '../common/escape-statistics.ts';
import { finding, type Finding } from '../finding.ts';
import type { DiagnosticRowSummary } from './findings.ts';
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

/** A row as a finding's data: its counts, and the checkpoints' σ as the lower median and the range. */
function rowSummary(row: DiagnosticRow): DiagnosticRowSummary {
  const xs = row.checkpointSigma.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return {
    label: row.label,
    seeds: row.seeds.length,
    trapped: row.trapped,
    escapes: row.escapes,
    medianEscape: row.medianEscape,
    checkpointSigma: xs.length === 0 ? null : { median: xs[Math.floor((xs.length - 1) / 2)]!, lowest: xs[0]!, highest: xs[xs.length - 1]! },
  };
}

/**
 * Both diagnostics of a protocol, read once: their evidence lines (counts and checkpoint σ) and each row's escape
 * epochs per seed as data beside them. None for random-init, which has no checkpoint.
 */
export function diagnosticReport(results: ExperimentResults, protocol: string): { evidence: Finding[]; perSeed: PerSeedSeries[] } {
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
  const rowFinding = (row: DiagnosticRow): Finding => finding('trapping.diagnostic-row', { row: rowSummary(row) });
  return {
    evidence: [
      finding('trapping.diagnostic-checkpoint', { protocol, seeds: sensitivity[0]?.seeds ?? [] }),
      ...sensitivity.map(rowFinding),
      finding('trapping.diagnostic-precision', { protocol }),
      ...precision.map(rowFinding),
      finding('trapping.diagnostic-sigma-key', {}),
    ],
    perSeed: [...sensitivity.map(series('checkpoint')), ...precision.map(series('arithmetic'))],
  };
}
