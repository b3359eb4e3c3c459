// The paper's network with biases (an audit experiment). Appendix A gives D = 170 parameters; 2 → 10 → 10 → 2 has 140
// weights and 162 parameters with a bias on every layer, so the paper's network most likely had biases, and the trap
// of a bias-free network (invariant under every SGD step) need not be its trap: a bias off the low-rank subspace makes
// constant activations through which mini-batch noise may reach the weak mode. The trapping protocols of Section
// 3.1 (ii)–(iii) run here on that network, data drawn per seed, under each reading of how β and the initialisation
// treat the biases (src/run/biased-trap.ts).
import { protocolVariant, variantSeeds, type EscapeRuleName, type Profile, type Protocol } from '../protocols/index.ts';
import { BIAS_READINGS, RANK_THRESHOLD, type BiasReading, type BiasedTrapRecord, type BiasedTrapRun } from '../run/index.ts';
import type { BiasedTrapsJob, RunnerResults } from '../runner/index.ts';
import { effectiveRank } from '../engine/index.ts';
import type { EscapeOutcome } from '../stats/index.ts';
import { experiment, type NoParams } from './experiment.ts';
import type { TrappingProtocol } from './trapping.ts';

/** The readings run, each with the words a reading's label gives it (the bias-free network is the trapping experiment's). */
export const BIASED_READINGS = [
  { name: 'decay-all/torch-init', label: 'with biases, decay on every parameter, PyTorch bias init' },
  { name: 'decay-all/zero-init', label: 'with biases, decay on every parameter, zero bias init' },
  { name: 'weights-only/torch-init', label: 'with biases, decay on weights only, PyTorch bias init' },
  { name: 'weights-only/zero-init', label: 'with biases, decay on weights only, zero bias init' },
] as const;

/** The traps: the rank-1 checkpoint (0 → 0.361) and the rank-0 one (0 → 0.43), each continued at β = 0.32. */
const TRAPS: ReadonlyArray<{ protocol: TrappingProtocol; rank: number }> = [
  { protocol: 'rank1-trap', rank: 1 },
  { protocol: 'trivial-trap', rank: 0 },
];

/** Mini-batches of each checkpoint's weak-mode noise estimate (its sd is then known to about 2 %). */
export const NOISE_BATCHES = 2000;

function trapProtocols(profile: Profile): { protocol: Protocol; rank: number }[] {
  return TRAPS.map(({ protocol, rank }) => {
    const p = protocolVariant(protocol, profile);
    return { protocol: { ...p, network: { ...p.network, biases: true } }, rank };
  });
}

function biasedJob(profile: Profile, reading: (typeof BIASED_READINGS)[number]): BiasedTrapsJob {
  return {
    kind: 'biased-traps',
    label: `trapping runs on the network with biases (${reading.name})`,
    reading: reading.name,
    seeds: variantSeeds('rank1-trap', profile),
    traps: trapProtocols(profile),
    batches: NOISE_BATCHES,
  };
}

/** One reading's seeds: each seed's record, and each trap's budget. */
export interface BiasedReadingRuns {
  readonly name: string;
  /** The reading's words in a claim's reading label. */
  readonly label: string;
  readonly reading: BiasReading;
  readonly records: BiasedTrapRecord[];
}

export interface BiasedNetworkResult {
  readonly profile: Profile;
  readonly readings: BiasedReadingRuns[];
  /** The continued run's budget by trap protocol: a run that never escaped is censored there. */
  readonly budget: Readonly<Record<string, number>>;
}

export function biasedNetworkResult(profile: Profile, runner: RunnerResults): BiasedNetworkResult {
  const budget = Object.fromEntries(trapProtocols(profile).map(({ protocol }) => [protocol.name, protocol.epochs]));
  const readings = BIASED_READINGS.map((r) => ({ name: r.name, label: r.label, reading: BIAS_READINGS[r.name]!, records: runner.get(biasedJob(profile, r)) }));
  return { profile, readings, budget };
}

/** A seed's run from one trap. */
export function biasedTrap(record: BiasedTrapRecord, protocol: TrappingProtocol): BiasedTrapRun {
  const trap = record.traps.find((t) => t.protocol === protocol);
  if (trap === undefined) throw new RangeError(`seed ${record.seed}: no run from the ${protocol} checkpoint`);
  return trap;
}

/**
 * A biased run read by one escape rule, as outcomeOf reads a bias-free one: the midpoint rule applies when the plateau
 * branch has lower rank than the global one and the run does not start below the threshold; the σ rule (mode) when
 * σ_mode starts below its threshold.
 */
export function biasedOutcome(record: BiasedTrapRecord, protocol: TrappingProtocol, rule: EscapeRuleName, mode: number, budget: number): EscapeOutcome {
  const trap = biasedTrap(record, protocol);
  const crossing = rule === 'test-mse-midpoint' ? trap.escape.midpoint : trap.escape.sigma[mode - 1]!;
  const atStart = crossing.escaped && crossing.time === 0;
  const branches = rule !== 'test-mse-midpoint' || effectiveRank(trap.plateau.singularValues, RANK_THRESHOLD) < effectiveRank(record.global.singularValues, RANK_THRESHOLD);
  return { seed: record.seed, trapped: branches && !atStart, escapeEpoch: crossing.escaped ? crossing.time : null, budget };
}

/** The trapping protocols of Section 3.1 on the network with biases, under each reading of the biases. */
export const biasedNetworkExperiment = experiment({
  jobs: (_: NoParams, profile) => BIASED_READINGS.map((r) => biasedJob(profile, r)),
  readers: { biasedNetwork: (profile, runner) => biasedNetworkResult(profile, runner) },
});
