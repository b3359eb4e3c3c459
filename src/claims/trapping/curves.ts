// Statements about the trapping and sparse runs of Sections 2.1, 3.1 and 4.2, read from the runs the trapping claims
// already make: a figure's shape by the typicality rule of common/typicality.ts, a bound on the sparse fit analytically.
import { effectiveRank } from '../../engine/index.ts';
import { DATA_SCHEMES, RANK_THRESHOLD, TRAPPING_PROTOCOLS, type ExperimentRequest, type ExperimentResults, type RunRecord, type SgldEscapeRecord, type TrappingProtocol } from '../../experiments/index.ts';
import { PROTOCOL_FILES } from '../../protocols/index.ts';
import { describeCalibration, fitExponential } from '../../stats/index.ts';
import { GoldenFileError } from '../../io/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, PerSeedSeries, Reading } from '../verdict.ts';

import { MOST_RUNS, NEARLY_EVERY_RUN, typicalReading, universalReading, type RunCase, type TypicalReading, type UniversalReading } from '../common/typicality.ts';
import { CONVENTIONS, globalRankOf, populationGlobalRank, type Convention } from './global-phase.ts';
import { jitterExcursionFactor, lagOneAutocorrelation, MONOTONE_QUANTILE, monotoneWithinJitter } from './monotone.ts';
import { bayesFloorOf, expectedTestMse, expectedTrainMse, probabilityTrainBelowFloor, type LeastSquaresTask } from './in-sample.ts';
import { RANK } from '../common/params.ts';
import { integerParam } from '../common/params.ts';
import { CONTROL_NOISE, headedBySgd } from '../controls/sgld-sweeps.ts';
import { NO_RULE_INVARIANT } from './invariant-trap.ts';
import { formatNumber } from '../../text/index.ts';
import { DATA_WORDS, PROTOCOL_WORDS, REGULARISER_WORDS, SPARSE_BATCH_WORDS, readingLabel } from '../common/reading-words.ts';

const trappingRequest = (protocol: TrappingProtocol): ExperimentRequest => ({ experiment: 'trapping', protocol });
const ALL_TRAPPING_REQUESTS = TRAPPING_PROTOCOLS.map(trappingRequest);

/** An evaluation from universal or typicality readings, the first the headline (its rule and calibration with it). */
function fromReadings(readings: readonly (UniversalReading | TypicalReading)[], evidence: readonly string[] = []): Evaluation {
  const head = readings[0]!;
  const rule = 'rule' in head ? head.rule : undefined;
  return {
    verdict: head.reading.verdict,
    value: head.reading.value,
    readings: readings.map((r) => r.reading),
    evidence: [...readings.map((r) => r.line), ...evidence, ...(rule ? [describeCalibration(rule)] : [])],
    perSeed: readings.map((r) => r.perSeed),
    ...(rule ? { rule } : {}),
    ...(head.wouldDecide ? { wouldDecide: head.wouldDecide } : {}),
  };
}

function rankOf(singularValues: readonly number[]): number {
  return effectiveRank([...singularValues], RANK_THRESHOLD);
}

/** The rank of the full-rank branch the run's escape rule uses (descended from the β = 0 checkpoint at the run's β). */
function fullRankBranchRank(r: RunRecord): number {
  return rankOf(r.escape.testMseMidpoint.globalMinimum.singularValues);
}

export function finite(records: readonly RunRecord[]): RunRecord[] {
  return records.filter((r) => r.diverged === undefined);
}

function divergedNote(records: readonly RunRecord[]): PerSeedSeries['excluded'] {
  return { seeds: records.filter((r) => r.diverged !== undefined).map((r) => r.seed), reason: 'SGD diverged' };
}

function protocolParam(claim: Claim): TrappingProtocol {
  const p = claim.params['protocol'];
  if (typeof p !== 'string' || !(TRAPPING_PROTOCOLS as readonly string[]).includes(p)) {
    throw new GoldenFileError(`golden/claims.json: claim '${claim.id}' params.protocol must be one of ${TRAPPING_PROTOCOLS.join(', ')}`);
  }
  return p as TrappingProtocol;
}

// ---------------------------------------------------------------------------------------------------------------
// Section 3.1 (i): "no trapping occurs when the model starts outside any metastable phase", read off Fig. 1's blue
// curve: a typical random start ends in the global minimum of its own data — global under the regulariser reading.

/** final rank − the global minimum's rank for the run's data under the reading: 0 at the global minimum. */
function atGlobalCases(records: readonly RunRecord[], convention: Convention): RunCase[] {
  return finite(records).map((r) => {
    const offset = r.final.effectiveRank - globalRankOf(r, convention);
    return { seed: r.seed, fails: offset !== 0, value: offset };
  });
}

/** How many runs end below and above their data's global rank, for the evidence. */
function offGlobalCounts(cases: readonly RunCase[]): string {
  const below = cases.filter((c) => (c.value ?? 0) < 0).length;
  const above = cases.filter((c) => (c.value ?? 0) > 0).length;
  return `${below} end below the global minimum's rank (held in a lower phase), ${above} above it (held in a metastable higher-rank minimum)`;
}

export function randomInitNeeds(): ExperimentRequest[] {
  return [trappingRequest('random-init'), { experiment: 'init-variance' }];
}

/** The final rank of every random-init run against the rank of its data's global minimum under each reading. */
export function evaluateRandomInitTrapping(_claim: Claim, results: ExperimentResults): Evaluation {
  const meaning = 'final effective rank − the global minimum\'s rank of the run\'s data under the reading (0: at the global minimum)';
  const words = 'end at the global minimum of their data (not trapped)';
  const runs = results.trapping('random-init').runs;
  const read = (convention: Convention, label: string, records: readonly RunRecord[]) => {
    const cases = atGlobalCases(records, convention);
    return { reading: typicalReading(readingLabel(REGULARISER_WORDS[convention], label), cases, meaning, words, MOST_RUNS, divergedNote(records)), cases };
  };
  const read2 = [
    read('eq2', readingLabel('std 1/√w', DATA_WORDS['per-seed']), runs['per-seed']),
    read('eq1', readingLabel('std 1/√w', DATA_WORDS['per-seed']), runs['per-seed']),
    read('eq2', readingLabel('std 1/√w', DATA_WORDS.fixed), runs.fixed),
    read('eq1', readingLabel('std 1/√w', DATA_WORDS.fixed), runs.fixed),
    read('eq2', readingLabel('variance 1/√w', DATA_WORDS['per-seed']), results.initVariance()),
  ];
  const rank2 = typicalReading(
    readingLabel('std 1/√w', DATA_WORDS['per-seed'], 'ends at rank 2'),
    finite(runs['per-seed']).map((r) => ({ seed: r.seed, fails: r.final.effectiveRank !== 2, value: r.final.effectiveRank })),
    'effective rank of the end-to-end map at the end of the run',
    'end at rank 2 (Section 3.1\'s "rank-2 global minimum")',
    MOST_RUNS,
  );
  const population = CONVENTIONS.map((c) => `${c}: rank ${populationGlobalRank('random-init', c)}`).join(', ');
  return fromReadings([...read2.map((r) => r.reading), rank2], [
    ...read2.map((r) => `${r.reading.reading.label}: ${offGlobalCounts(r.cases)}.`),
    'A run is not trapped when it ends in the global minimum of its own data: the rank whose modes each have a non-zero minimum below the loss of λ = 0 (β < β*) at β = 0.32, ' +
      'from the analytic core at the singular values of the run\'s training sample (Σ̂yx Σ̂xx^{-1/2}), under each regulariser reading. ' +
      `At the paper's η = 0.9, 0.8 the global minimum at β = 0.32 has ${population}: under the Eq. 2 reading the rank-2 state is metastable and a run that ends there is held in it. ` +
      'The runs themselves descend MSE + weight decay β on every layer, the landscape of the Eq. 2 reading; the Eq. 1 reading asks for the global minimum of Eq. 1 as printed. ' +
      'The variance reading draws the initial weights with variance 1/√w, Appendix A\'s N(0, 1/√w) in N(mean, variance) notation (claim init-scale-notation). ' +
      'The last reading counts the runs that end at rank 2, as Section 3.1 (i) says ("converges rapidly to the rank-2 global minimum"), whichever phase is global.',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Appendix A: the checkpoint at β = 0.361 is in the rank-1 phase, the one at 0.43 in the rank-0 phase.

export function checkpointPhaseNeeds(claim: Claim): ExperimentRequest[] {
  return [trappingRequest(protocolParam(claim))];
}

export function evaluateCheckpointPhase(claim: Claim, results: ExperimentResults): Evaluation {
  const protocol = protocolParam(claim);
  const rank = integerParam(claim, 'rank', RANK);
  const runs = results.trapping(protocol).runs;
  const readings = DATA_SCHEMES.map((scheme) => {
    const cases = runs[scheme].flatMap((r): RunCase[] => {
      if (r.start.kind !== 'checkpoint') return [];
      const at = rankOf(r.start.stages.at(-1)!.singularValues);
      return [{ seed: r.seed, fails: at !== rank, value: at }];
    });
    return typicalReading(DATA_WORDS[scheme], cases, 'effective rank of the checkpoint\'s end-to-end map (σ > 10⁻³)', `have a checkpoint of rank ${rank}`, NEARLY_EVERY_RUN);
  });
  const betas = PROTOCOL_FILES[protocol].settings.start;
  return fromReadings(readings, [
    `The checkpoint is the last annealing stage (${betas.kind === 'checkpoint' ? betas.betas.join(' → ') : '—'}) trained by SGD for the protocol's budget per stage; ` +
      'its rank is the number of singular values of the end-to-end map above 10⁻³ (converged states have σ > 0.1 or far below 10⁻³). ' +
      'The protocol promises the phase of every checkpoint it makes, so the threshold is nearly every run (0.9), not a typical one.',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Section 3.1 (iv), Appendix A and Section 4.2: the sparse runs' train and test errors.

export function sparseNeeds(): ExperimentRequest[] {
  return [{ experiment: 'sparse' }];
}

/** A sparse run has a rank-1 plateau when its rank-1 branch stays below the full-rank branch's rank (as in train-test-gap). */
export function hasPlateau(r: RunRecord): boolean {
  return rankOf(r.escape.testMseMidpoint.plateau.singularValues) < fullRankBranchRank(r);
}

const noPlateau = (records: readonly RunRecord[]): PerSeedSeries['excluded'] => ({
  seeds: records.filter((r) => !hasPlateau(r)).map((r) => r.seed),
  reason: 'the rank-1 branch descends to full rank itself: no plateau',
});

/** Section 3.1 (iv): "both errors plateau, with train below test" (Fig. 1(b)). On the rank-1 branch (plateau) of each sparse run. */
export function evaluateSparsePlateauOrder(_claim: Claim, results: ExperimentResults): Evaluation {
  const readings = DATA_SCHEMES.map((scheme) => {
    const records = results.sparse().runs['as-written'][scheme];
    const cases = records.filter(hasPlateau).map((r) => {
      const { trainMse, testMse } = r.escape.testMseMidpoint.plateau;
      return { seed: r.seed, fails: !(trainMse < testMse), value: testMse - trainMse };
    });
    return typicalReading(DATA_WORDS[scheme], cases, 'test − train MSE on the rank-1 plateau (the branch descended from the 0.361 checkpoint at β = 0.0025)', 'have train MSE below test MSE on the plateau', MOST_RUNS, noPlateau(records));
  });
  return fromReadings(readings, [
    'The plateau is the rank-1 branch the escape rule uses: full-batch descent at β = 0.0025 from the run\'s rank-1 checkpoint. ' +
      'Fig. 1(b) draws one run, so the statement is read as what a typical run shows: the share of runs with train below test against most runs.',
  ]);
}

/** The sparse task's least-squares facts: N training samples, p inputs, Var(y_o | x) = 1 − η_o² (Σyy = I, Σxx = I; Appendix A). */
function sparseTask(): LeastSquaresTask {
  const settings = PROTOCOL_FILES.sparse.settings;
  const t = settings.teacher;
  const noiseVariances = Array.from({ length: t.outputDim }, (_, o) => 1 - (t.singularValues[o] ?? 0) ** 2);
  return { samples: settings.data.trainCount, inputs: t.inputDim, noiseVariances };
}

/** The Bayes (irreducible) MSE of the task: (1/m)·Σ_o Var(y_o | x) = (m − Σ η_i²)/m with Σyy = I, Σxx = I (Appendix A). */
export function bayesFloor(): number {
  return bayesFloorOf(sparseTask());
}

/**
 * Appendix A and Section 4.2: train error "plateaus at the best rank-1 linear fit and, after escape, settles near the
 * best rank-2 fit, both bounded below by the irreducible (Bayes) error". The objection is analytic: the best rank-2
 * (here full-rank) fit to N samples has in-sample MSE (1/(mN)) Σ_o σ_o² χ²_{N−p}, with mean floor·(N − p)/N below the
 * floor and a probability of lying below it that the headline computes. A bound that the typical fit breaks is not a
 * bound: `deviates` whenever that probability is > 0. The runs are read beside it.
 */
export function evaluateBayesFloor(_claim: Claim, results: ExperimentResults): Evaluation {
  const task = sparseTask();
  const floor = bayesFloorOf(task);
  const below = probabilityTrainBelowFloor(task);
  const meaning = 'train MSE minus the Bayes floor (negative: below the floor)';
  const words = 'have train MSE at or above the Bayes floor';
  const sparse = results.sparse().runs;
  const atRank2 = (records: readonly RunRecord[]) => finite(records).filter((r) => r.final.effectiveRank === task.noiseVariances.length);
  const final = (records: readonly RunRecord[]) => atRank2(records).map((r) => ({ seed: r.seed, fails: r.final.trainMse < floor, value: r.final.trainMse - floor }));
  const notRank2 = (records: readonly RunRecord[]): PerSeedSeries['excluded'] => ({ seeds: finite(records).filter((r) => r.final.effectiveRank !== task.noiseVariances.length).map((r) => r.seed), reason: 'the run does not end at rank 2: no rank-2 fit to read' });
  const analytic: Reading = {
    label: `analytic: the best rank-2 fit to N = ${task.samples} samples`,
    value: String(below),
    verdict: below > 0 ? 'deviates' : 'reproduced',
    note: `P(in-sample MSE < floor) = ${formatNumber(below, 4)}`,
  };
  const runReadings = [
    typicalReading(readingLabel('final at rank 2', SPARSE_BATCH_WORDS['as-written'], DATA_WORDS['per-seed']), final(sparse['as-written']['per-seed']), meaning, words, NEARLY_EVERY_RUN, notRank2(sparse['as-written']['per-seed'])),
    typicalReading(readingLabel('final at rank 2', SPARSE_BATCH_WORDS['as-written'], DATA_WORDS.fixed), final(sparse['as-written'].fixed), meaning, words, NEARLY_EVERY_RUN, notRank2(sparse['as-written'].fixed)),
    typicalReading(readingLabel('final at rank 2', SPARSE_BATCH_WORDS['small-batch'], DATA_WORDS['per-seed']), final(sparse['small-batch']['per-seed']), meaning, words, NEARLY_EVERY_RUN, notRank2(sparse['small-batch']['per-seed'])),
    typicalReading(
      readingLabel('rank-1 plateau', DATA_WORDS['per-seed']),
      sparse['as-written']['per-seed'].filter(hasPlateau).map((r) => ({ seed: r.seed, fails: r.escape.testMseMidpoint.plateau.trainMse < floor, value: r.escape.testMseMidpoint.plateau.trainMse - floor })),
      meaning,
      words,
      NEARLY_EVERY_RUN,
    ),
  ];
  return {
    verdict: analytic.verdict,
    value: analytic.value,
    readings: [analytic, ...runReadings.map((r) => r.reading)],
    evidence: [
      `Analytic (no statistics): the Bayes floor is (1/m)Σ_o Var(y_o|x) = ${formatNumber(floor, 4)} (Σyy = I, η = ${PROTOCOL_FILES.sparse.settings.teacher.singularValues.join(', ')}). ` +
        `The least-squares fit to N = ${task.samples} samples with p = ${task.inputs} inputs leaves on output o a residual σ_o² χ²_{N−p} whatever the inputs, so its train MSE has mean ` +
        `floor·(N − p)/N = ${formatNumber(expectedTrainMse(task), 4)} and lies below the floor with probability ${formatNumber(below, 4)} (numerical integral of the χ² distributions). ` +
        'In-sample error is biased below the floor: "bounded below" holds for the test error, not for the train error of a fit to 25 samples. The rank-1 fit leaves the weak mode unexplained and stays far above the floor.',
      ...runReadings.map((r) => r.line),
      `The runs beside it (a bound is promised of every fit: threshold nearly every run): a rank-2 run at β = 0.0025 with B ≥ N descends the full-batch loss to near the least-squares fit, so about ${formatNumber(1 - below, 2)} of them are expected at or above the floor.`,
      'No statistical rule decides the headline, so it has no size or power: it is a property of the least-squares fit (exact up to the numerical integral), not a count of runs.',
    ],
    perSeed: runReadings.map((r) => r.perSeed),
  };
}

/**
 * Section 4.2: "Train and test therefore approach one another and the noise floor but cannot coincide". Read as: in a
 * typical run test stays above train (Fig. 1(b)'s final gap). A run shows it when its final test MSE is above its train MSE.
 */
export function coincideNeeds(): ExperimentRequest[] {
  return [{ experiment: 'sparse' }, trappingRequest('random-init'), trappingRequest('rank1-trap')];
}

/** σ of final test − train MSE from the finite train and test sets alone: √(Σ_o 2σ_o⁴ (1/N_train + 1/N_test)) / m. */
function finiteSampleGapSpread(noiseVariances: readonly number[], trainCount: number, testCount: number): number {
  return Math.sqrt(noiseVariances.reduce((s, v) => s + 2 * v * v, 0) * (1 / trainCount + 1 / testCount)) / noiseVariances.length;
}

export function evaluateCannotCoincide(_claim: Claim, results: ExperimentResults): Evaluation {
  const cases = (records: readonly RunRecord[]) => finite(records).map((r) => ({ seed: r.seed, fails: !(r.final.testMse > r.final.trainMse), value: r.final.testMse - r.final.trainMse }));
  const meaning = 'final test − train MSE';
  const words = 'end with test MSE above train MSE';
  const readings = [
    typicalReading(readingLabel(PROTOCOL_WORDS.sparse, SPARSE_BATCH_WORDS['as-written'], DATA_WORDS['per-seed']), cases(results.sparse().runs['as-written']['per-seed']), meaning, words, MOST_RUNS),
    typicalReading(readingLabel(PROTOCOL_WORDS.sparse, SPARSE_BATCH_WORDS['as-written'], DATA_WORDS.fixed), cases(results.sparse().runs['as-written'].fixed), meaning, words, MOST_RUNS),
    typicalReading(readingLabel('dense', PROTOCOL_WORDS['random-init'], DATA_WORDS['per-seed']), cases(results.trapping('random-init').runs['per-seed']), meaning, words, MOST_RUNS),
    typicalReading(readingLabel('dense', PROTOCOL_WORDS['rank1-trap'], DATA_WORDS['per-seed']), cases(results.trapping('rank1-trap').runs['per-seed']), meaning, words, MOST_RUNS),
  ];
  const sparse = sparseTask();
  const denseRun = results.trapping('random-init').runs['per-seed'][0];
  const dense = denseRun === undefined ? null : { ...sparse, samples: denseRun.settings.trainCount };
  const optimism = (t: LeastSquaresTask) => expectedTestMse(t) - expectedTrainMse(t);
  return fromReadings(readings, [
    `Why test should stay above train: the least-squares fit's out-of-sample MSE exceeds its in-sample MSE by floor·(p/(N − p − 1) + p/N) on average — ${formatNumber(optimism(sparse), 3)} at N = ${sparse.samples}` +
      (dense === null || denseRun === undefined
        ? '.'
        : `, ${formatNumber(optimism(dense), 3)} at the dense N = ${dense.samples}, where the finite train and test sets alone scatter test − train by σ ≈ ${formatNumber(finiteSampleGapSpread(sparse.noiseVariances, denseRun.settings.trainCount, denseRun.settings.testCount), 3)}: ` +
          'a dense run ends with test above train barely more often than not, which 50 seeds cannot tell from ½.'),
    'Section 4.2 speaks of the sparse runs of Fig. 1(b) (headline); the dense readings stand beside it.',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Section 4.2: the dense runs of Fig. 1(a): train error falls monotonically, and no large train/test gap appears.

/** A rise of train MSE between two trace samples counts under the fixed-tolerance reading when above this fraction of its value. */
export const MONOTONE_TOLERANCE = 0.01;

function traced(results: ExperimentResults): RunRecord[] {
  return TRAPPING_PROTOCOLS.flatMap((p) => finite(results.trapping(p).runs['per-seed'])).filter((r) => (r.trace?.length ?? 0) >= 2);
}

/** A dense run's number in the per-seed series: 10 × seed + protocol index (0 random-init, 1 rank1-trap, 2 trivial-trap). */
const runKey = (r: RunRecord): number => r.seed * 10 + TRAPPING_PROTOCOLS.indexOf(r.protocol as TrappingProtocol);

export function denseNeeds(): ExperimentRequest[] {
  return ALL_TRAPPING_REQUESTS;
}

/** The largest rise of train MSE between consecutive trace samples, relative to the value it rose from. */
function largestRelativeRise(r: RunRecord): number {
  const t = r.trace!;
  let worst = 0;
  for (let i = 1; i < t.length; i++) worst = Math.max(worst, (t[i]!.trainMse - t[i - 1]!.trainMse) / t[i - 1]!.trainMse);
  return worst;
}

export function evaluateDenseMonotone(_claim: Claim, results: ExperimentResults): Evaluation {
  const runs = traced(results);
  const shape = runs.map((r) => ({ r, m: monotoneWithinJitter(r.trace!.map((s) => s.trainMse)) }));
  const consecutive = 'largest rise of train MSE between trace samples, relative to the value it rose from';
  const readings = [
    typicalReading(
      'monotone within the sampling jitter',
      shape.map(({ r, m }) => ({ seed: runKey(r), fails: !m.monotone, value: m.relativeRise })),
      'largest rise of train MSE above the lowest earlier trace sample, relative to it (monotone when within the run\'s jitter tolerance)',
      'converge monotonically within their sampling jitter',
      MOST_RUNS,
    ),
    typicalReading(`rises above ${MONOTONE_TOLERANCE * 100} % count`, runs.map((r) => ({ seed: runKey(r), fails: largestRelativeRise(r) > MONOTONE_TOLERANCE, value: largestRelativeRise(r) })), consecutive, `have no rise of train MSE above ${MONOTONE_TOLERANCE * 100} %`, MOST_RUNS),
    typicalReading('any rise counts', runs.map((r) => ({ seed: runKey(r), fails: largestRelativeRise(r) > 0, value: largestRelativeRise(r) })), consecutive, 'have no rise of train MSE', MOST_RUNS),
  ];
  const moving = shape.filter(({ m }) => m.relativeJitter > 1e-9);
  const tolerances = moving.map(({ m }) => m.tolerance);
  const jitters = moving.map(({ m }) => m.relativeJitter);
  const lag = moving.map(({ r }) => lagOneAutocorrelation(r.trace!.slice(Math.floor(r.trace!.length / 2)).map((s) => Math.log(s.trainMse)))).filter((a): a is number => a !== null);
  const rises = shape.filter(({ m }) => !m.monotone).map(({ r, m }) => `run ${runKey(r)} (${r.protocol}, seed ${r.seed}): +${formatNumber(100 * m.relativeRise, 3)} % against a tolerance of ${formatNumber(100 * m.tolerance, 3)} %`);
  const sample = runs[0]?.trace?.[1]?.epoch ?? '—';
  return fromReadings(readings, [
    `The per-seed runs of the three protocols of Fig. 1(a), ${runs.length} with a trace (a sample every ${sample} epochs); a run's number is 10 × seed + protocol index (0 random-init, 1 rank1-trap, 2 trivial-trap).`,
    `Sampling jitter: at a plateau the sampled train MSE scatters with mini-batch noise. Its relative spread per run (median |Δ ln MSE| between samples / (√2 Φ⁻¹(¾))) is median ${formatNumber(median(jitters) ?? NaN, 3)} ` +
      `(${moving.length} runs that move; ${runs.length - moving.length} sit in an invariant trap, exactly still). Samples ${sample} epochs apart are close to independent: lag-1 autocorrelation of ln MSE over the second half of each trace median ${formatNumber(median(lag) ?? NaN, 2)}, ` +
      `range [${formatNumber(Math.min(...lag), 2)}, ${formatNumber(Math.max(...lag), 2)}] (±0.2 is the scatter of independent samples at 100 points). ` +
      `A curve is monotone within its jitter when no sample rises above the lowest earlier one by more than the ${MONOTONE_QUANTILE} quantile of that rise for independent samples of the trace's length ` +
      `(${formatNumber(jitterExcursionFactor(runs[0]?.trace?.length ?? 2), 3)} spreads at ${runs[0]?.trace?.length ?? '—'} samples, seeded synthetic traces; a monotone curve is called non-monotone with probability ${formatNumber(1 - MONOTONE_QUANTILE, 2)}): ` +
      `a tolerance of median ${formatNumber(100 * (median(tolerances) ?? NaN), 3)} % of the value, at most ${formatNumber(100 * Math.max(...tolerances), 3)} %.`,
    rises.length === 0 ? 'No run rises beyond its jitter.' : `Rises beyond the jitter: ${rises.join('; ')}.`,
  ]);
}

/** The median over sparse runs of the plateau gap test − train: the gap of canonical grokking the paper contrasts (Fig. 1(b)). */
function sparsePlateauGap(results: ExperimentResults): number | null {
  return median(results.sparse().runs['as-written']['per-seed'].filter(hasPlateau).map((r) => r.escape.testMseMidpoint.plateau.testMse - r.escape.testMseMidpoint.plateau.trainMse));
}

export function denseGapNeeds(): ExperimentRequest[] {
  return [...ALL_TRAPPING_REQUESTS, { experiment: 'sparse' }];
}

/**
 * "The large train/test gap of canonical grokking does not appear" (Fig. 1(a)): a dense run shows a large gap when
 * its largest test − train over its trace exceeds half the median plateau gap of the sparse runs (the gap the paper
 * says does emerge there); the statement describes a typical dense run.
 */
export function evaluateDenseGap(_claim: Claim, results: ExperimentResults): Evaluation {
  const reference = sparsePlateauGap(results);
  const runs = traced(results);
  const gaps = (r: RunRecord) => r.trace!.map((s) => s.testMse - s.trainMse);
  const largest = (r: RunRecord) => Math.max(...gaps(r));
  const half = reference === null ? null : reference / 2;
  const reading = typicalReading(
    'against half the sparse plateau gap',
    half === null ? [] : runs.map((r) => ({ seed: runKey(r), fails: largest(r) > half, value: largest(r) })),
    'largest test − train MSE over the run\'s trace',
    `have no test − train gap above ${half === null ? '—' : formatNumber(half, 3)}`,
    MOST_RUNS,
  );
  const large = half === null ? [] : runs.filter((r) => largest(r) > half);
  const atStart = large.filter((r) => gaps(r).indexOf(largest(r)) === 0).length;
  const persistent = large.filter((r) => gaps(r).at(-1)! > half!).length;
  return fromReadings([reading], [
    reference === null
      ? 'No sparse run has a rank-1 plateau: no reference gap, inconclusive.'
      : `Sparse plateau gap (median over per-seed runs, B = 64 as written) ${formatNumber(reference, 4)}; a dense run has a large gap when its largest test − train exceeds half of it, ${formatNumber(half!, 4)}. ` +
        `Run number 10 × seed + protocol index, as in dense-train-monotone. Of the ${large.length} runs with a large gap, ${atStart} have it at epoch 0 (before any training step) and ${persistent} still at the end: ` +
        'the gap of their data set\'s train and test samples, not one that opens on a plateau and closes at an escape.',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Section 2.1: "After the network reaches the 0-balanced subspace".

/** A run has reached the 0-balanced subspace when its last trace sample's relative imbalance is at most this. */
export const BALANCE_TOLERANCE = 0.01;

export function evaluateBalance(_claim: Claim, results: ExperimentResults): Evaluation {
  const runs = traced(results).filter((r) => r.trace!.every((s) => s.imbalance !== undefined));
  const last = (r: RunRecord) => r.trace!.at(-1)!.imbalance!;
  const cases = (rs: readonly RunRecord[]) => rs.map((r) => ({ seed: runKey(r), fails: !(last(r) <= BALANCE_TOLERANCE), value: last(r) }));
  const meaning = 'Σ‖W_{l+1}ᵀW_{l+1} − W_lW_lᵀ‖_F / Σ‖W_lW_lᵀ‖_F at the end of the run';
  const words = `end within ${BALANCE_TOLERANCE} of the 0-balanced subspace`;
  // A premise of the decoupling (Section 2.1) promised of every run: threshold nearly every run.
  const readings = [
    typicalReading('all three protocols', cases(runs), meaning, words, NEARLY_EVERY_RUN),
    typicalReading(`${PROTOCOL_WORDS['random-init']} (starts unbalanced)`, cases(runs.filter((r) => r.protocol === 'random-init')), meaning, words, NEARLY_EVERY_RUN),
  ];
  const along = TRAPPING_PROTOCOLS.map((p) => {
    const rs = runs.filter((r) => r.protocol === p);
    return `${p} ${formatNumber(median(rs.map((r) => r.trace![0]!.imbalance!)), 3)} → ${formatNumber(median(rs.map(last)), 3)}`;
  });
  return fromReadings(readings, [
    `Relative imbalance along the per-seed traces, median at epoch 0 → at the end: ${along.join('; ')} (${runs.length} runs). ` +
      'Weight decay shrinks each W_{l+1}ᵀW_{l+1} − W_lW_lᵀ, which gradient flow on the MSE alone conserves; mini-batch noise keeps it from reaching exactly 0.',
  ]);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Section 3.1 (ii): "the model remains in the rank-1 state … before abruptly escaping".

/** An escape is abrupt when its test MSE falls from 10 % to 90 % of the drop within at most this fraction of τ. */
export const ABRUPT_FRACTION = 0.1;

/** 10 %–90 % width of the test-MSE drop from the plateau value to the global minimum's, over the escape epoch. */
function transitionWidth(r: RunRecord): number | null {
  const hi = r.escape.testMseMidpoint.plateau.testMse;
  const lo = r.escape.testMseMidpoint.globalMinimum.testMse;
  const t = r.trace ?? [];
  const at = (f: number) => t.find((s) => (hi - s.testMse) / (hi - lo) >= f)?.epoch;
  const t10 = at(0.1);
  const t90 = at(0.9);
  if (t10 === undefined || t90 === undefined || r.escapeEpoch === null || r.escapeEpoch === 0) return null;
  return (t90 - t10) / r.escapeEpoch;
}

export function abruptNeeds(): ExperimentRequest[] {
  return [trappingRequest('rank1-trap'), trappingRequest('trivial-trap'), { experiment: 'sgld-sweeps' }];
}

/**
 * Width in epochs of an SGLD escape's rise: σ of the escaping mode from the checkpoint's value to the rank-2 level
 * (the median of the trace's last quarter, after the escape), the epochs from its last time at or below 10 % of that
 * rise to its first time at or above 90 % — the transition itself, not the thermal wandering at the trap before it.
 * Null when the trace does not hold both levels.
 */
export function riseWidth(record: SgldEscapeRecord, mode: number): number | null {
  const rise = record.rise;
  if (rise === undefined || rise === null || record.escapeEpoch === null || record.escapeEpoch === 0) return null;
  const low = record.checkpointSigma[mode - 1] ?? 0;
  const tail = rise.sigma.slice(Math.floor((3 * rise.sigma.length) / 4)).sort((a, b) => a - b);
  const high = tail[Math.floor(tail.length / 2)]!;
  if (!(high > low)) return null;
  const at90 = rise.sigma.findIndex((s) => s >= low + 0.9 * (high - low));
  if (at90 < 0) return null;
  let at10 = -1;
  for (let i = at90 - 1; i >= 0 && at10 < 0; i--) if (rise.sigma[i]! <= low + 0.1 * (high - low)) at10 = i;
  return at10 < 0 ? null : at90 - at10;
}

/**
 * The SGLD control's escapes at its sweeps' base point against the paper's waiting time τ ≈ 5500 epochs (the claim's
 * printed value): a run fails when its rise takes longer than ABRUPT_FRACTION of it, or its trace does not hold both
 * levels (a rise longer than the traced window). The rise is the transit over the saddle, which depends on T only
 * logarithmically, while the waiting time grows as e^(ΔE/T): held against the control's own τ̂ the ratio would be set
 * by the control's choice of T, and at any T cold enough every escape would pass. Against the paper's fixed τ the rule
 * fails exactly when the transit itself is slow. The ratios to τ̂ and to each run's own escape epoch stay as evidence.
 */
function controlAbruptReadings(results: ExperimentResults, paperTau: number): { reading: UniversalReading; lines: string[] } {
  const s = results.sgldSweeps();
  const base = s.betas.find((b) => b.beta === s.baseBeta)!;
  const escaped = base.point.records.filter((r) => r.trapped && r.escapeEpoch !== null);
  const tau = base.point.runs.length > 0 ? fitExponential(base.point.runs, 0.05).meanTime : null;
  const label = `${CONTROL_NOISE}: escaped runs at L = ${s.depth}, β = ${s.baseBeta}, ΔE/T = ${s.barrierRatio}`;
  const widths = escaped.map((r) => ({ r, w: riseWidth(r, 2) }));
  const cases = widths.map(({ r, w }) => ({ seed: r.noiseSeed, fails: w === null || w > ABRUPT_FRACTION * paperTau, value: w === null ? null : w / paperTau }));
  const measured = widths.flatMap(({ w }) => (w === null ? [] : [w])).sort((x, y) => x - y);
  const over = (scale: (r: SgldEscapeRecord) => number | null) => widths.filter(({ r, w }) => w !== null && scale(r) !== null && w / scale(r)! > ABRUPT_FRACTION).length;
  return {
    reading: universalReading(
      `${label}, rise width over the paper's τ ≈ ${paperTau} epochs`,
      cases,
      `(epoch σ2 first reaches 90 % of its rise − last epoch at or below 10 % before it) / ${paperTau} epochs; null: the trace does not hold both levels`,
      `take longer than ${ABRUPT_FRACTION} × ${paperTau} epochs to rise from 10 % to 90 %, or longer than the traced window`,
    ),
    lines: [
      `Rise widths of the ${escaped.length} escaped runs: ${measured.length === 0 ? 'none measured' : `median ${measured[Math.floor(measured.length / 2)]} epochs, largest ${measured.at(-1)} epochs`}; ${widths.length - measured.length} not held by the traced window (counted as failing).`,
      `Beside it, not a verdict: the same widths over the control's own τ̂${tau === null ? '' : ` = ${formatNumber(tau)} epochs`} exceed ${ABRUPT_FRACTION} in ${tau === null ? '—' : over(() => tau)} of ${widths.length} runs, and over each run's own escape epoch in ${over((r) => r.escapeEpoch)}. ` +
        'Those ratios are set by the control\'s temperature (τ̂ grows as e^(ΔE/T), the transit only as ln(ΔE/T); a memoryless wait puts many escapes early, where any finite transit is long against the run\'s own time), so they do not test the escape.',
    ],
  };
}

/** The paper's waiting time the escape is abrupt against (Section 3.1 ii: "τ ≈ 5500 epochs"), from the claim. */
function paperWaitingTime(claim: Claim): number {
  const tau = Number(claim.paper.value);
  if (!(tau > 0)) throw new GoldenFileError(`claim '${claim.id}': paper.value must be the printed waiting time (epochs) the escape is abrupt against`);
  return tau;
}

export function evaluateAbruptEscape(claim: Claim, results: ExperimentResults): Evaluation {
  const paperTau = paperWaitingTime(claim);
  const readings = (['rank1-trap', 'trivial-trap'] as const).map((p) => {
    const escaped = finite(results.trapping(p).runs['per-seed']).filter((r) => r.trapped && r.escapeEpoch !== null && (r.trace?.length ?? 0) > 0);
    const cases = escaped.map((r) => {
      const w = transitionWidth(r);
      return { seed: r.seed, fails: w === null || w > ABRUPT_FRACTION, value: w };
    });
    return universalReading(readingLabel(PROTOCOL_WORDS[p], DATA_WORDS['per-seed'], 'escaped runs'), cases, '(epoch of 90 % of the test-MSE drop − epoch of 10 %) / escape epoch; null: the trace does not resolve it', `take longer than ${ABRUPT_FRACTION} τ to fall from 10 % to 90 % of the drop`);
  });
  const noisy = 'These escapes are the audit\'s trap runs: a converged rank-1 checkpoint does not escape (sgd-noise-across-barrier), so an escape here starts from a checkpoint left above the saddle.';
  const control = controlAbruptReadings(results, paperTau);
  const rest = fromReadings(readings, [`Width from the trace (one sample every budget/200 epochs), read only where the run escaped. ${noisy}`]);
  const traced =
    'On the SGLD control σ2 is recorded every epoch around each escape (sweeps.riseTrace of golden/protocols/escape-controls.json); σ2 rises as the test MSE falls (the weak mode is learned), so its 10 %–90 % width is the drop\'s. ' +
    `Rule: the rule for statements about every run, a run failing when its rise is longer than ${ABRUPT_FRACTION} of the paper's τ ≈ ${paperTau} epochs; its calibration is the exact (Clopper–Pearson) bound on the failing share it states.`;
  const headed = headedBySgd(
    [{ reading: control.reading.reading, evidence: [control.reading.line, traced, ...control.lines] }],
    { ...rest, perSeed: [control.reading.perSeed, ...(rest.perSeed ?? [])] },
    results,
    'the abrupt escape the claim describes',
    'escapes from the rank-1 trap under the paper\'s SGD within a longer budget',
  );
  return headed.notReproducible === undefined ? headed : { ...headed, evidence: [...headed.evidence, NO_RULE_INVARIANT] };
}
