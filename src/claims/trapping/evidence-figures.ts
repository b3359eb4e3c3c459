// The figures the trapping claims carry, assembled from the same memoised runs their verdicts read.
import { SMALL_SPARSE_BATCH, SPARSE_BATCHES, TRAPPING_PROTOCOLS, primaryOutcomes, type Diagnostics, type ExperimentResults, type RunRecord } from '../../experiments/index.ts';
import {
  checkpointSensitivityFigure,
  fig1aFigure,
  fig1bFigure,
  survivalFigure,
  type PaperMark,
  type SensitivityPoint,
  type SurvivalSeries,
} from './plots.ts';
import type { EvidenceFigure } from '../verdict.ts';
import { DEFAULT_CONVENTION, describeLandscape, float64 } from '../../analytic/index.ts';
import { escapeStatistics } from '../common/escape-statistics.ts';
import { checkpointSensitivity, diagnosticsOf } from './diagnostics.ts';
import { DEFAULT_ALPHA } from '../../stats/index.ts';
import type { ProtocolName } from '../../protocols/index.ts';
import { formatNumber } from '../../text/index.ts';

/** The weak mode of the teacher (Appendix A: η2 = 0.8), the one the rank-1 trap leaves unlearned. */
const WEAK_ETA = 0.8;

/** Section 3.1: τ ≈ 10 (random), τ ≈ 5500 (rank-1 trap), τ > 7000 and > 10 000 (trivial trap). */
const FIG_1A_MARKS: PaperMark[] = [
  { epoch: 5500, text: 'paper τ ≈ 5500 (rank-1 trap)' },
  { epoch: 7000, text: 'paper τ > 7000 (trivial, first)' },
  { epoch: 10000, text: 'paper τ > 10 000 (trivial, total)' },
];
/** Section 3.1 (iv): escape at ≈ 1500 epochs. */
const FIG_1B_MARKS: PaperMark[] = [{ epoch: 1500, text: 'paper: escape ≈ 1500' }];

function trapped(records: readonly RunRecord[]): RunRecord[] {
  const outcomes = primaryOutcomes(records);
  return records.filter((r, i) => r.protocol === 'random-init' || outcomes[i]!.trapped);
}

function escapesOf(records: readonly RunRecord[]): number[] {
  return primaryOutcomes(records).filter((o) => o.trapped && o.escapeEpoch !== null).map((o) => o.escapeEpoch!);
}

function survivalSeries(group: string, scheme: string, records: readonly RunRecord[]): SurvivalSeries {
  const s = escapeStatistics(primaryOutcomes(records), DEFAULT_ALPHA);
  return { label: `${group}, ${scheme} (${s.runs.length}/${s.seeds})`, group, dashed: scheme === 'fixed', runs: s.runs, budget: s.budget };
}

function sensitivityFigure(protocol: ProtocolName, diagnostics: Diagnostics): EvidenceFigure {
  const rows = checkpointSensitivity(diagnostics);
  const points: SensitivityPoint[] = rows.flatMap((row) =>
    row.seeds.map((seed, i) => {
      const epochsPerStage = Number(row.label.split(' ')[0]);
      const escaped = row.escapeEpochs[i] !== null;
      const sigma = row.checkpointSigma[i] ?? 0;
      const trappedAtStart = row.trappedSeeds.includes(seed);
      return { epochsPerStage, seed, sigma, outcome: escaped ? 'escaped' : trappedAtStart ? 'censored (trapped to the budget)' : 'not trapped at the start' };
    }),
  );
  const beta = diagnostics.checkpointSensitivity[0]!.records[0]!.settings.beta;
  const lambda = describeLandscape(float64, { eta: WEAK_ETA, beta, depth: 3, convention: DEFAULT_CONVENTION }).lambdaSaddle;
  return checkpointSensitivityFigure(
    protocol,
    points,
    lambda === null ? null : { lambda, text: `Eq. 2 saddle of the weak mode (η = ${WEAK_ETA}, β = ${beta}): λ = ${formatNumber(lambda, 3)}` },
    `Each point is one seed (diagnostic seeds, per-seed data): σ2 of the end-to-end map at the end of the checkpoint's annealing, ` +
      `against how many SGD epochs each annealing stage was trained, coloured by what the continued run did under the protocol's ` +
      `escape rule. Noise-driven escape would occur whatever σ2 the checkpoint left; escape that needs a residual σ2 is driven by ` +
      `the unconverged checkpoint, not by noise. Exact zeros are drawn at the floor. Red dotted: the saddle of Eq. 2 for the weak mode ` +
      `at the continued run's β (the Eq. 2 reading).`,
  );
}

/** Fig. 1(a), the survival curves of (i)–(iii), and the protocol's checkpoint-sensitivity figure. */
export function trappingFigures(results: ExperimentResults, protocol: ProtocolName): EvidenceFigure[] {
  const perSeed = TRAPPING_PROTOCOLS.map((p) => results.trapping(p).runs['per-seed']);
  const fixed = TRAPPING_PROTOCOLS.map((p) => results.trapping(p).runs.fixed);
  const budget = perSeed[0]![0]!.epochs;
  const figures = [
    fig1aFigure(
      TRAPPING_PROTOCOLS.map((p, i) => ({ label: p, records: trapped(perSeed[i]!), escapes: escapesOf(perSeed[i]!) })),
      FIG_1A_MARKS,
      budget,
      `Test MSE of the continued run at β = 0.32 (median and interquartile band over the runs that started trapped; random-init: all runs), ` +
        `traced every ${perSeed[0]![0]!.trace?.[1]?.epoch ?? 1} epochs. Ticks on the axis: escape epochs by the protocol's rule (test MSE below the midpoint ` +
        `of plateau and global minimum). Red: the paper's printed escape times.`,
    ),
    survivalFigure(
      'survival-trapping',
      'Survival of the trapped state, protocols (i)–(iii), by the test-MSE midpoint rule',
      TRAPPING_PROTOCOLS.flatMap((p, i) => [survivalSeries(p, 'per-seed', perSeed[i]!), survivalSeries(p, 'fixed', fixed[i]!)]),
      FIG_1A_MARKS,
      `Kaplan–Meier estimate of the fraction of trapped runs still trapped at each epoch; runs that never escaped are censored at the ` +
        `budget (${budget} epochs), runs that did not start trapped are left out and counted in the legend (trapped/all seeds). ` +
        `Solid: per-seed data; dashed: one fixed data set (seed 42) for every run.`,
    ),
  ];
  const diagnostics = diagnosticsOf(results, protocol);
  if (diagnostics !== null) figures.push(sensitivityFigure(protocol, diagnostics));
  return figures;
}

/** Fig. 1(b) (both batch readings), the sparse survival curves and the sparse checkpoint-sensitivity figure. */
export function sparseFigures(results: ExperimentResults): EvidenceFigure[] {
  const sparse = results.sparse();
  const readings = SPARSE_BATCHES.map((b) => ({ label: b === 'as-written' ? 'B = 64 (as written)' : `B = ${SMALL_SPARSE_BATCH}`, records: sparse.runs[b]['per-seed'] }));
  const budget = readings[0]!.records[0]!.epochs;
  return [
    fig1bFigure(
      readings.map((r) => ({ label: r.label, records: trapped(r.records) })),
      FIG_1B_MARKS,
      budget,
      `Train and test MSE of the sparse experiment (25 training samples from a 5000-sample pool, 10 000 test samples, β = 0.0025, lr 0.1), ` +
        `median and interquartile band over the runs that started trapped (σ2 < 10⁻³ at the start). B = 64 is the paper's setting and is ` +
        `full-batch descent on 25 samples; B = ${SMALL_SPARSE_BATCH} has mini-batch noise. Red: the paper's escape at ≈ 1500 epochs.`,
    ),
    survivalFigure(
      'survival-sparse',
      'Survival of the rank-1 state in the sparse experiment (σ2 > 10⁻³ rule)',
      readings.map((r) => survivalSeries(r.label, 'per-seed', r.records)),
      FIG_1B_MARKS,
      `Kaplan–Meier estimate; runs that never escaped are censored at ${budget} epochs; runs not trapped at the start are left out.`,
    ),
    sensitivityFigure('sparse', results.diagnostics('sparse')),
  ];
}
