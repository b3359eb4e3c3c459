// Statements about the trapping and sparse runs of Sections 2.1, 3.1 and 4.2, read from the runs the trapping claims
// already make: a figure's shape by the typicality rule of common/typicality.ts, a bound on the sparse fit analytically.
import { effectiveRank } from '../../engine/index.ts';
import { DATA_SCHEMES, RANK_THRESHOLD, TRAPPING_PROTOCOLS, type ExperimentRequest, type ExperimentResults, type RunRecord, type SgldEscapeRecord, type TrappingProtocol } from '../../experiments/index.ts';
import { PROTOCOL_FILES } from '../../protocols/index.ts';
import { fitExponential } from '../../stats/index.ts';
import { GoldenFileError } from '../../io/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, PerSeedSeries, Reading } from '../verdict.ts';

import { MOST_RUNS, NEARLY_EVERY_RUN, type RunCase } from '../common/typicality.ts';
import { typicalShape, universalShape, type ShapeReading, type TypicalShapeReading } from './run-shapes.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding, type Finding } from '../finding.ts';
import type { RunShape } from './findings.ts';
import { CONVENTIONS, globalRankOf, populationGlobalRank, type Convention } from './global-phase.ts';
import { jitterExcursionFactor, lagOneAutocorrelation, MONOTONE_QUANTILE, monotoneWithinJitter } from './monotone.ts';
import { bayesFloorOf, expectedTestMse, expectedTrainMse, probabilityTrainBelowFloor, type LeastSquaresTask } from './in-sample.ts';
import { RANK } from '../common/params.ts';
import { integerParam } from '../common/params.ts';
import { CONTROL_NOISE, headedBySgd } from '../controls/sgld-sweeps.ts';
import { NO_RULE_INVARIANT, invariantTrapFinding, paperTrapInvariance } from './invariant-trap.ts';
import { DATA_WORDS, PROTOCOL_WORDS, REGULARISER_WORDS, SPARSE_BATCH_WORDS, readingLabel } from '../common/reading-words.ts';

const trappingRequest = (protocol: TrappingProtocol): ExperimentRequest => ({ experiment: 'trapping', protocol });
const ALL_TRAPPING_REQUESTS = TRAPPING_PROTOCOLS.map(trappingRequest);

/** An evaluation from universal or typicality readings, the first the headline (its rule and calibration with it). */
function fromReadings(readings: readonly (ShapeReading | TypicalShapeReading)[], evidence: readonly Finding[] = []): Evaluation {
  const head = readings[0]!;
  const rule = 'rule' in head ? head.rule : undefined;
  return {
    verdict: head.reading.verdict,
    value: head.reading.value,
    readings: readings.map((r) => r.reading),
    evidence: [...readings.map((r) => r.line), ...evidence, ...(rule ? [finding('trapping.calibration-unstopped', calibration(rule))] : [])],
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
function offGlobalFinding(label: string, cases: readonly RunCase[]): Finding {
  const below = cases.filter((c) => (c.value ?? 0) < 0).length;
  const above = cases.filter((c) => (c.value ?? 0) > 0).length;
  return finding('trapping.off-global', { label, below, above });
}

export function randomInitNeeds(): ExperimentRequest[] {
  return [trappingRequest('random-init'), { experiment: 'init-variance' }];
}

/** The final rank of every random-init run against the rank of its data's global minimum under each reading. */
export function evaluateRandomInitTrapping(_claim: Claim, results: ExperimentResults): Evaluation {
  const meaning = 'final effective rank − the global minimum\'s rank of the run\'s data under the reading (0: at the global minimum)';
  const runs = results.trapping('random-init').runs;
  const read = (convention: Convention, label: string, records: readonly RunRecord[]) => {
    const cases = atGlobalCases(records, convention);
    return { reading: typicalShape(readingLabel(REGULARISER_WORDS[convention], label), cases, meaning, { what: 'at-global-minimum' }, MOST_RUNS, divergedNote(records)), cases };
  };
  const read2 = [
    read('eq2', readingLabel('std 1/√w', DATA_WORDS['per-seed']), runs['per-seed']),
    read('eq1', readingLabel('std 1/√w', DATA_WORDS['per-seed']), runs['per-seed']),
    read('eq2', readingLabel('std 1/√w', DATA_WORDS.fixed), runs.fixed),
    read('eq1', readingLabel('std 1/√w', DATA_WORDS.fixed), runs.fixed),
    read('eq2', readingLabel('variance 1/√w', DATA_WORDS['per-seed']), results.initVariance()),
  ];
  const rank2 = typicalShape(
    readingLabel('std 1/√w', DATA_WORDS['per-seed'], 'ends at rank 2'),
    finite(runs['per-seed']).map((r) => ({ seed: r.seed, fails: r.final.effectiveRank !== 2, value: r.final.effectiveRank })),
    'effective rank of the end-to-end map at the end of the run',
    { what: 'at-rank-2' },
    MOST_RUNS,
  );
  const globalRanks = CONVENTIONS.map((convention) => ({ convention, rank: populationGlobalRank('random-init', convention) }));
  return fromReadings([...read2.map((r) => r.reading), rank2], [
    ...read2.map((r) => offGlobalFinding(r.reading.reading.label, r.cases)),
    finding('trapping.random-init-reading', { globalRanks }),
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
    return typicalShape(DATA_WORDS[scheme], cases, 'effective rank of the checkpoint\'s end-to-end map (σ > 10⁻³)', { what: 'checkpoint-rank', rank }, NEARLY_EVERY_RUN);
  });
  const start = PROTOCOL_FILES[protocol].settings.start;
  return fromReadings(readings, [finding('trapping.checkpoint-phase-reading', { betas: start.kind === 'checkpoint' ? start.betas : null })]);
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
    return typicalShape(DATA_WORDS[scheme], cases, 'test − train MSE on the rank-1 plateau (the branch descended from the 0.361 checkpoint at β = 0.0025)', { what: 'plateau-train-below-test' }, MOST_RUNS, noPlateau(records));
  });
  return fromReadings(readings, [finding('trapping.sparse-plateau-reading', {})]);
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
  const words: RunShape = { what: 'above-bayes-floor' };
  const sparse = results.sparse().runs;
  const atRank2 = (records: readonly RunRecord[]) => finite(records).filter((r) => r.final.effectiveRank === task.noiseVariances.length);
  const final = (records: readonly RunRecord[]) => atRank2(records).map((r) => ({ seed: r.seed, fails: r.final.trainMse < floor, value: r.final.trainMse - floor }));
  const notRank2 = (records: readonly RunRecord[]): PerSeedSeries['excluded'] => ({ seeds: finite(records).filter((r) => r.final.effectiveRank !== task.noiseVariances.length).map((r) => r.seed), reason: 'the run does not end at rank 2: no rank-2 fit to read' });
  const analytic: Reading = {
    label: `analytic: the best rank-2 fit to N = ${task.samples} samples`,
    value: String(below),
    verdict: below > 0 ? 'deviates' : 'reproduced',
    note: finding('trapping.below-floor', { probability: below }),
  };
  const runReadings = [
    typicalShape(readingLabel('final at rank 2', SPARSE_BATCH_WORDS['as-written'], DATA_WORDS['per-seed']), final(sparse['as-written']['per-seed']), meaning, words, NEARLY_EVERY_RUN, notRank2(sparse['as-written']['per-seed'])),
    typicalShape(readingLabel('final at rank 2', SPARSE_BATCH_WORDS['as-written'], DATA_WORDS.fixed), final(sparse['as-written'].fixed), meaning, words, NEARLY_EVERY_RUN, notRank2(sparse['as-written'].fixed)),
    typicalShape(readingLabel('final at rank 2', SPARSE_BATCH_WORDS['small-batch'], DATA_WORDS['per-seed']), final(sparse['small-batch']['per-seed']), meaning, words, NEARLY_EVERY_RUN, notRank2(sparse['small-batch']['per-seed'])),
    typicalShape(
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
      finding('trapping.bayes-floor-analytic', {
        floor,
        eta: PROTOCOL_FILES.sparse.settings.teacher.singularValues,
        samples: task.samples,
        inputs: task.inputs,
        expectedTrainMse: expectedTrainMse(task),
        below,
      }),
      ...runReadings.map((r) => r.line),
      finding('trapping.bayes-floor-runs', { expectedAbove: 1 - below }),
      finding('trapping.bayes-floor-no-rule', {}),
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
  const words: RunShape = { what: 'test-above-train' };
  const readings = [
    typicalShape(readingLabel(PROTOCOL_WORDS.sparse, SPARSE_BATCH_WORDS['as-written'], DATA_WORDS['per-seed']), cases(results.sparse().runs['as-written']['per-seed']), meaning, words, MOST_RUNS),
    typicalShape(readingLabel(PROTOCOL_WORDS.sparse, SPARSE_BATCH_WORDS['as-written'], DATA_WORDS.fixed), cases(results.sparse().runs['as-written'].fixed), meaning, words, MOST_RUNS),
    typicalShape(readingLabel('dense', PROTOCOL_WORDS['random-init'], DATA_WORDS['per-seed']), cases(results.trapping('random-init').runs['per-seed']), meaning, words, MOST_RUNS),
    typicalShape(readingLabel('dense', PROTOCOL_WORDS['rank1-trap'], DATA_WORDS['per-seed']), cases(results.trapping('rank1-trap').runs['per-seed']), meaning, words, MOST_RUNS),
  ];
  const sparse = sparseTask();
  const denseRun = results.trapping('random-init').runs['per-seed'][0];
  const dense = denseRun === undefined ? null : { ...sparse, samples: denseRun.settings.trainCount };
  const optimism = (t: LeastSquaresTask) => expectedTestMse(t) - expectedTrainMse(t);
  return fromReadings(readings, [
    finding('trapping.optimism', {
      sparse: { samples: sparse.samples, optimism: optimism(sparse) },
      dense:
        dense === null || denseRun === undefined
          ? null
          : { samples: dense.samples, optimism: optimism(dense), spread: finiteSampleGapSpread(sparse.noiseVariances, denseRun.settings.trainCount, denseRun.settings.testCount) },
    }),
    finding('trapping.coincide-headline', {}),
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
    typicalShape(
      'monotone within the sampling jitter',
      shape.map(({ r, m }) => ({ seed: runKey(r), fails: !m.monotone, value: m.relativeRise })),
      'largest rise of train MSE above the lowest earlier trace sample, relative to it (monotone when within the run\'s jitter tolerance)',
      { what: 'monotone-within-jitter' },
      MOST_RUNS,
    ),
    typicalShape(`rises above ${MONOTONE_TOLERANCE * 100} % count`, runs.map((r) => ({ seed: runKey(r), fails: largestRelativeRise(r) > MONOTONE_TOLERANCE, value: largestRelativeRise(r) })), consecutive, { what: 'no-rise-above', tolerance: MONOTONE_TOLERANCE }, MOST_RUNS),
    typicalShape('any rise counts', runs.map((r) => ({ seed: runKey(r), fails: largestRelativeRise(r) > 0, value: largestRelativeRise(r) })), consecutive, { what: 'no-rise' }, MOST_RUNS),
  ];
  const moving = shape.filter(({ m }) => m.relativeJitter > 1e-9);
  const tolerances = moving.map(({ m }) => m.tolerance);
  const jitters = moving.map(({ m }) => m.relativeJitter);
  const lag = moving.map(({ r }) => lagOneAutocorrelation(r.trace!.slice(Math.floor(r.trace!.length / 2)).map((s) => Math.log(s.trainMse)))).filter((a): a is number => a !== null);
  const rises = shape.filter(({ m }) => !m.monotone).map(({ r, m }) => ({ run: runKey(r), protocol: r.protocol, seed: r.seed, rise: m.relativeRise, tolerance: m.tolerance }));
  const sampleEvery = runs[0]?.trace?.[1]?.epoch ?? null;
  const samples = runs[0]?.trace?.length ?? null;
  return fromReadings(readings, [
    finding('trapping.dense-traces', { runs: runs.length, sampleEvery }),
    finding('trapping.sampling-jitter', {
      jitter: median(jitters),
      moving: moving.length,
      still: runs.length - moving.length,
      sampleEvery,
      lag: { median: median(lag), lowest: Math.min(...lag), highest: Math.max(...lag) },
      quantile: MONOTONE_QUANTILE,
      factor: jitterExcursionFactor(samples ?? 2),
      samples,
      tolerance: { median: median(tolerances), largest: Math.max(...tolerances) },
    }),
    finding('trapping.rises', { rises }),
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
  const reading = typicalShape(
    'against half the sparse plateau gap',
    half === null ? [] : runs.map((r) => ({ seed: runKey(r), fails: largest(r) > half, value: largest(r) })),
    'largest test − train MSE over the run\'s trace',
    { what: 'no-gap-above', gap: half },
    MOST_RUNS,
  );
  const large = half === null ? [] : runs.filter((r) => largest(r) > half);
  const atStart = large.filter((r) => gaps(r).indexOf(largest(r)) === 0).length;
  const persistent = large.filter((r) => gaps(r).at(-1)! > half!).length;
  return fromReadings([reading], [
    finding('trapping.dense-gap-reference', { reference: reference === null ? null : { gap: reference, half: half!, large: large.length, atStart, persistent } }),
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
  const words: RunShape = { what: 'balanced', tolerance: BALANCE_TOLERANCE };
  // A premise of the decoupling (Section 2.1) promised of every run: threshold nearly every run.
  const readings = [
    typicalShape('all three protocols', cases(runs), meaning, words, NEARLY_EVERY_RUN),
    typicalShape(`${PROTOCOL_WORDS['random-init']} (starts unbalanced)`, cases(runs.filter((r) => r.protocol === 'random-init')), meaning, words, NEARLY_EVERY_RUN),
  ];
  const along = TRAPPING_PROTOCOLS.map((protocol) => {
    const rs = runs.filter((r) => r.protocol === protocol);
    return { protocol, start: median(rs.map((r) => r.trace![0]!.imbalance!)), end: median(rs.map(last)) };
  });
  return fromReadings(readings, [finding('trapping.imbalance', { along, runs: runs.length })]);
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
function controlAbruptReadings(results: ExperimentResults, paperTau: number): { reading: ShapeReading; lines: Finding[] } {
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
    reading: universalShape(
      `${label}, rise width over the paper's τ ≈ ${paperTau} epochs`,
      cases,
      `(epoch σ2 first reaches 90 % of its rise − last epoch at or below 10 % before it) / ${paperTau} epochs; null: the trace does not hold both levels`,
      { what: 'slow-rise', fraction: ABRUPT_FRACTION, paperTau },
    ),
    lines: [
      finding('trapping.rise-widths', {
        escaped: escaped.length,
        measured: measured.length === 0 ? null : { median: measured[Math.floor(measured.length / 2)]!, largest: measured.at(-1)! },
        unmeasured: widths.length - measured.length,
      }),
      finding('trapping.rise-ratios', { tau, fraction: ABRUPT_FRACTION, overTau: tau === null ? null : over(() => tau), runs: widths.length, overOwn: over((r) => r.escapeEpoch) }),
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
    return universalShape(readingLabel(PROTOCOL_WORDS[p], DATA_WORDS['per-seed'], 'escaped runs'), cases, '(epoch of 90 % of the test-MSE drop − epoch of 10 %) / escape epoch; null: the trace does not resolve it', { what: 'slow-fall', fraction: ABRUPT_FRACTION });
  });
  const control = controlAbruptReadings(results, paperTau);
  const rest = fromReadings(readings, [finding('trapping.trace-width', {})]);
  const traced = finding('trapping.rise-trace-rule', { fraction: ABRUPT_FRACTION, paperTau });
  // The control reading's lines lead the evidence as headedBySgd would place them; they are findings, so they travel
  // with the rest (a control reading's own evidence is sentences).
  const headed = headedBySgd(
    [{ reading: control.reading.reading, evidence: [] }],
    { ...rest, evidence: [control.reading.line, traced, ...control.lines, ...rest.evidence], perSeed: [control.reading.perSeed, ...(rest.perSeed ?? [])] },
    results,
    (trap) => invariantTrapFinding(trap, 'abrupt', true),
  );
  return headed.notReproducible === undefined ? headed : { ...headed, evidence: [...headed.evidence, NO_RULE_INVARIANT] };
}


