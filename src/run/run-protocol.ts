import { makeTaskData } from '../data/index.ts';
import {
  MetricsProbe,
  cloneNetwork,
  datasetMoments,
  descendFullBatch,
  effectiveBatch,
  effectiveRank,
  parameterCount,
  prepareTrainingSet,
  relativeImbalance,
  stepsPerEpoch,
  trainSgd,
  type DescentReport,
  type Network,
  type Numerics,
  prefixView,
  type EndToEndView,
} from '../engine/index.ts';
import { createStream } from '../data/index.ts';
import { annealedCheckpoint, freshNetwork, type Checkpoint, type CheckpointStore, type RunContext, type StageReport } from './checkpoints.ts';
import { FirstCrossing } from '../stats/index.ts';
import { midpointThreshold } from './escape-detection.ts';
import { applyOverrides, dataSeedFor, numericsOf, type EscapeRuleName, type Protocol, type RunOverrides } from '../protocols/index.ts';

/** Bump when a change moves any number a run produces; it is part of every cache key. */
export const ENGINE_VERSION = 'engine-6';

/** Singular values at or below this count as zero for the reported effective rank. */
export const RANK_THRESHOLD = 1e-3;

/** A branch value for the escape rule: the state full-batch descent reaches from a checkpoint at the run's β. */
export interface BranchValue {
  readonly annealing: readonly number[];
  readonly testMse: number;
  readonly trainMse: number;
  readonly singularValues: number[];
  readonly descent: DescentReport;
}

export interface RunRecord {
  readonly protocol: string;
  readonly seed: number;
  // `epochs` and `escapeEpoch` keep their names as the `run --json` contract (DESIGN.md); downstream the limit is `budget`.
  readonly epochs: number;
  /**
   * From the protocol's primary rule; null when the run never crossed (censored at `epochs`) or when
   * the run did not start trapped (`trapped` false): read the two together.
   */
  readonly escapeEpoch: number | null;
  readonly escapeRule: EscapeRuleName;
  /**
   * Present only when SGD diverged: the first epoch whose test MSE was not finite. Training stopped there, `final`
   * holds the non-finite state (NaN prints as null) and no escape rule applies.
   */
  readonly diverged?: { readonly epoch: number };
  /** Whether the run started trapped by its protocol's primary rule (it applies to the run). */
  readonly trapped: boolean;
  readonly escape: {
    readonly testMseMidpoint: {
      /** First epoch below the threshold, whether or not the rule applies. */
      readonly epoch: number | null;
      /**
       * Whether the run started trapped by this rule, which needs two distinct branches: false when the plateau
       * branch has no lower effective rank than the global one (the checkpoint did not trap, or this data set has
       * no rank-2 minimum at β), or when the run starts below the threshold.
       */
      readonly trapped: boolean;
      readonly threshold: number;
      readonly plateau: BranchValue;
      readonly globalMinimum: BranchValue;
    };
    readonly sigma: {
      readonly epoch: number | null;
      /** False when σ_mode already exceeds the threshold at the start: the run did not start trapped. */
      readonly trapped: boolean;
      readonly mode: number;
      readonly threshold: number;
    };
    /** First epoch at which σ_i exceeded the σ threshold, for every i. */
    readonly sigmaCrossings: (number | null)[];
  };
  readonly final: {
    readonly trainMse: number;
    readonly testMse: number;
    readonly regularisedLoss: number;
    readonly singularValues: number[];
    readonly effectiveRank: number;
  };
  readonly settings: {
    readonly beta: number;
    readonly lr: number;
    readonly batch: number;
    readonly effectiveBatch: number;
    readonly stepsPerEpoch: number;
    readonly dataSeed: number;
    readonly trainCount: number;
    readonly testCount: number;
  };
  readonly parameterCount: number;
  readonly start: { readonly kind: 'random' } | { readonly kind: 'checkpoint'; readonly stages: StageReport[] };
  readonly engineVersion: string;
  /** The arithmetic of every SGD stage: precision and the flush-to-zero threshold. */
  readonly numerics: Numerics;
  /**
   * Every `traceEvery` epochs (from 0) of the continued run: train and test MSE and the singular values, for
   * figures; absent unless the overrides ask for it (then part of the cache key).
   */
  readonly trace?: TraceSample[];
  /** Test MSE of every epoch 0..`overrides.denseTestMse` of the continued run; absent unless asked for. */
  readonly earlyTestMse?: number[];
  /** Not deterministic: excluded from cache keys and determinism comparisons. */
  readonly stepsPerSecond: number;
}

export interface TraceRow {
  readonly epoch: number;
  readonly trainMse: number;
  readonly testMse: number;
  readonly regularisedLoss: number;
  readonly singularValues: number[];
}

/** A downsampled row of the continued run, kept in the run record when `overrides.traceEvery` is set. */
export interface TraceSample {
  readonly epoch: number;
  readonly trainMse: number;
  readonly testMse: number;
  readonly singularValues: number[];
  /** Distance from the 0-balanced subspace of Section 2.1 (engine `relativeImbalance`); absent in records made before it. */
  readonly imbalance?: number;
}

export interface RunOptions {
  /** Keep per-epoch train/test MSE, regularised loss and singular values. */
  readonly trace?: boolean;
  /** Called after each epoch of the continued run. */
  readonly onProgress?: (epoch: number, total: number) => void;
  /** Checkpoints shared with other runs (checkpoint-cache.ts); the record is the same with or without. */
  readonly checkpointStore?: CheckpointStore;
}

export interface RunResult {
  readonly record: RunRecord;
  readonly trace?: TraceRow[];
}

/** Fields of a run record that vary from one execution to the next. */
export const TIMING_FIELDS = ['stepsPerSecond'] as const;

export function validateSettings(p: Protocol): void {
  if (!(p.lr > 0 && Number.isFinite(p.lr))) throw new RangeError(`lr must be > 0, got ${p.lr}`);
  if (!(p.beta >= 0 && Number.isFinite(p.beta))) throw new RangeError(`beta must be >= 0, got ${p.beta}`);
  if (!(Number.isInteger(p.batch) && p.batch >= 1)) throw new RangeError(`batch must be an integer >= 1, got ${p.batch}`);
  if (!(Number.isInteger(p.epochs) && p.epochs >= 0)) throw new RangeError(`epochs must be an integer >= 0, got ${p.epochs}`);
}

function branchValue(ctx: RunContext, checkpoint: Checkpoint, annealing: readonly number[]): BranchValue {
  const p = ctx.protocol;
  const net = cloneNetwork(checkpoint.network);
  const descent = descendFullBatch(net, ctx.train.moments, { ...p.referenceDescent, beta: p.beta });
  const m = new MetricsProbe(net, ctx.train.moments, ctx.testMoments).measure(p.beta);
  return { annealing, testMse: m.testMse, trainMse: m.trainMse, singularValues: m.singularValues, descent };
}

/**
 * One run: a pure function of (protocol, seed, overrides) apart from the timing field. Builds the seed's
 * data, the checkpoints the protocol starts from, the escape rule's branch values, then trains by SGD
 * for `epochs` epochs, watching test MSE and the end-to-end singular values after every epoch.
 */
export function runProtocol(protocol: Protocol, seed: number, overrides: RunOverrides = {}, options: RunOptions = {}): RunResult {
  const p = applyOverrides(protocol, overrides);
  validateSettings(p);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const dataSeed = dataSeedFor(p, seed);
  const data = makeTaskData(p.teacher, p.data, dataSeed);
  const biases = p.network.biases;
  const ctx: RunContext = {
    protocol: p,
    seed,
    data,
    train: prepareTrainingSet(data.train, biases),
    testMoments: datasetMoments(data.test, biases),
    ...(options.checkpointStore ? { checkpointStore: options.checkpointStore } : {}),
  };
  const checkpoints = new Map<string, Checkpoint>();
  const fullRankBranch = [p.plateauBranch[0]!];
  const plateau = branchValue(ctx, annealedCheckpoint(ctx, p.plateauBranch, checkpoints), p.plateauBranch);
  const globalMinimum = branchValue(ctx, annealedCheckpoint(ctx, fullRankBranch, checkpoints), fullRankBranch);
  const startCheckpoint = p.start.kind === 'checkpoint' ? annealedCheckpoint(ctx, p.start.betas, checkpoints) : null;
  const net: Network = startCheckpoint === null ? freshNetwork(ctx) : cloneNetwork(startCheckpoint.network);

  const probe = new MetricsProbe(net, ctx.train.moments, ctx.testMoments);
  const midpoint = new FirstCrossing(midpointThreshold(plateau.testMse, globalMinimum.testMse), 'below');
  const modes = Math.min(p.network.widths[0]!, p.network.widths[p.network.widths.length - 1]!);
  const sigmaCrossings = Array.from({ length: modes }, () => new FirstCrossing(p.sigmaThreshold, 'above'));
  const trace: TraceRow[] | undefined = options.trace ? [] : undefined;
  const traceEvery = overrides.traceEvery ?? 0;
  const samples: TraceSample[] = [];
  const denseUntil = overrides.denseTestMse ?? 0;
  const earlyTestMse: number[] = [];
  let divergedAt: number | null = null;
  /** Returns true, which stops SGD, at the first epoch whose test MSE is not finite. */
  const observe = (epoch: number, view: EndToEndView): boolean => {
    if (traceEvery > 0 && epoch % traceEvery === 0) {
      const m = probe.measure(p.beta);
      samples.push({ epoch, trainMse: m.trainMse, testMse: m.testMse, singularValues: m.singularValues, imbalance: relativeImbalance(net) });
    }
    let testMse: number;
    if (trace !== undefined) {
      const m = probe.measure(p.beta);
      trace.push({ epoch, ...m });
      testMse = m.testMse;
      midpoint.observe(epoch, m.testMse);
      m.singularValues.forEach((s, i) => sigmaCrossings[i]!.observe(epoch, s));
    } else {
      const m = probe.watched(view);
      testMse = m.testMse;
      midpoint.observe(epoch, testMse);
      m.singularValues.forEach((s, i) => sigmaCrossings[i]!.observe(epoch, s));
    }
    if (epoch <= denseUntil) earlyTestMse.push(testMse);
    if (Number.isFinite(testMse)) return false;
    divergedAt = epoch;
    return true;
  };
  const divergedAtStart = observe(0, prefixView(net));
  const started = performance.now();
  const numerics = numericsOf(p);
  const epochsRun = divergedAtStart
    ? 0
    : trainSgd(net, ctx.train, { lr: p.lr, batch: p.batch, beta: p.beta, epochs: p.epochs, ...numerics }, createStream(seed, 'batches'), (epoch, view) => {
        const stop = observe(epoch, view);
        options.onProgress?.(epoch, p.epochs);
        return stop;
      });
  const seconds = (performance.now() - started) / 1000;
  const steps = epochsRun * stepsPerEpoch(data.train.count, p.batch);

  const final = probe.measure(p.beta);
  const sigmaEpoch = sigmaCrossings[p.sigmaMode - 1]?.epoch ?? null;
  // A rule applies when the run starts trapped: two distinct branches, and not already past the threshold at epoch 0.
  const midpointTrapped =
    effectiveRank(plateau.singularValues, RANK_THRESHOLD) < effectiveRank(globalMinimum.singularValues, RANK_THRESHOLD) &&
    midpoint.epoch !== 0;
  const sigmaTrapped = sigmaEpoch !== 0;
  // A diverged run says nothing about escape over the barrier.
  const trapped = divergedAt === null && (p.primaryEscapeRule === 'test-mse-midpoint' ? midpointTrapped : sigmaTrapped);
  const primaryEpoch = p.primaryEscapeRule === 'test-mse-midpoint' ? midpoint.epoch : sigmaEpoch;
  const record: RunRecord = {
    protocol: p.name,
    seed,
    epochs: p.epochs,
    escapeEpoch: trapped ? primaryEpoch : null,
    escapeRule: p.primaryEscapeRule,
    trapped,
    ...(divergedAt === null ? {} : { diverged: { epoch: divergedAt } }),
    escape: {
      testMseMidpoint: {
        epoch: midpoint.epoch,
        trapped: midpointTrapped,
        threshold: midpoint.threshold,
        plateau,
        globalMinimum,
      },
      sigma: { epoch: sigmaEpoch, trapped: sigmaTrapped, mode: p.sigmaMode, threshold: p.sigmaThreshold },
      sigmaCrossings: sigmaCrossings.map((c) => c.epoch),
    },
    final: { ...final, effectiveRank: effectiveRank(final.singularValues, RANK_THRESHOLD) },
    settings: {
      beta: p.beta,
      lr: p.lr,
      batch: p.batch,
      effectiveBatch: effectiveBatch(data.train.count, p.batch),
      stepsPerEpoch: stepsPerEpoch(data.train.count, p.batch),
      dataSeed,
      trainCount: data.train.count,
      testCount: data.test.count,
    },
    parameterCount: parameterCount(p.network),
    start: startCheckpoint === null ? { kind: 'random' } : { kind: 'checkpoint', stages: startCheckpoint.stages },
    engineVersion: ENGINE_VERSION,
    numerics,
    ...(traceEvery > 0 ? { trace: samples } : {}),
    ...(denseUntil > 0 ? { earlyTestMse } : {}),
    stepsPerSecond: seconds > 0 ? steps / seconds : 0,
  };
  return trace === undefined ? { record } : { record, trace };
}

/** The record without its timing fields: what must be bit-identical for a seed. */
export function deterministicPart(record: RunRecord): Omit<RunRecord, (typeof TIMING_FIELDS)[number]> {
  const { stepsPerSecond: _timing, ...rest } = record;
  return rest;
}
