// The trapping claims read on the network with biases (an audit experiment, src/experiments/biased-network.ts): per
// reading of the biases and per escape rule, the claim's own rule on the runs from the same trap, beside the
// bias-free readings. A label is the data scheme and the rule as the bias-free readings name them, then the reading's
// words (common/reading-words.ts), so the multiverse places them in the same dimensions.
import { biasedOutcome, biasedTrap, type ExperimentRequest, type ExperimentResults, type TrappingProtocol } from '../../experiments/index.ts';
import { PROTOCOLS, type EscapeRuleName } from '../../protocols/index.ts';
import { DEFAULT_ALPHA } from '../../stats/index.ts';
import { escapeStatistics, type EscapeStatistics } from '../common/escape-statistics.ts';
import { finding, type Finding } from '../finding.ts';
import type { BiasedCheckpoints } from './findings.ts';
import { residueInvariance, type TrapInvariance, type TrapResidue } from './invariant-trap.ts';
import { DATA_WORDS, escapeRuleWords, readingLabel } from '../common/reading-words.ts';

/** The protocols whose claims have readings on the network with biases: the two checkpoint traps. */
export const BIASED_PROTOCOLS: readonly TrappingProtocol[] = ['rank1-trap', 'trivial-trap'];

export function hasBiasedReadings(protocol: string): protocol is TrappingProtocol {
  return (BIASED_PROTOCOLS as readonly string[]).includes(protocol);
}

export const BIASED_NETWORK_REQUEST: ExperimentRequest = { experiment: 'biased-network' };

/** One reading's sample on the network with biases: its label, escape statistics and the watched mode's residues. */
export interface BiasedSource {
  readonly label: string;
  readonly statistics: EscapeStatistics;
  readonly residues: TrapResidue[];
  /** The largest sd of the mini-batch gradient along the next mode over the checkpoints of the trap's rank. */
  readonly weakDriveSd: number;
}

/** The samples of `protocol`'s trap under every reading of the biases and each of `rules` (σ mode: the protocol's unless given). */
export function biasedSources(results: ExperimentResults, protocol: TrappingProtocol, rules: readonly EscapeRuleName[], mode?: number): BiasedSource[] {
  const network = results.biasedNetwork();
  const watched = mode ?? PROTOCOLS[protocol].sigmaMode;
  const budget = network.budget[protocol]!;
  return network.readings.flatMap((reading) =>
    rules.map((rule): BiasedSource => {
      const outcomes = reading.records.map((r) => biasedOutcome(r, protocol, rule, watched, budget));
      const trapped = reading.records.filter((_, i) => outcomes[i]!.trapped).map((r) => biasedTrap(r, protocol));
      return {
        label: readingLabel(DATA_WORDS['per-seed'], escapeRuleWords(rule, mode), reading.label),
        statistics: escapeStatistics(outcomes, DEFAULT_ALPHA),
        residues: trapped.map((t) => ({ start: t.noise.singularValues[watched - 1] ?? null, end: t.escape.finalSingularValues[watched - 1], top: t.escape.finalSingularValues[0] ?? 0 })),
        // The drive along the next mode is measured for the rank the trap is meant to have: over those checkpoints.
        weakDriveSd: Math.max(0, ...trapped.filter((t) => t.trapped).map((t) => t.noise.weakDrive.sd)),
      };
    }),
  );
}

/** Whether a reading's censored runs sat in a trap whose residue only contracted. */
export function biasedInvariance(source: BiasedSource): TrapInvariance {
  return residueInvariance(source.residues, source.statistics.escapes > 0);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * What the trap's checkpoints are on the network with biases, one finding per reading: how many have the intended rank,
 * σ of the end-to-end map, the residue off the rank-r set, the bias norms, and the mini-batch gradient noise — along
 * the next mode (its first-order drive: mean and sd over batches) and its share off the rank-r set. On the bias-free
 * network every one of these noise figures is exactly 0 (sgd-noise-across-barrier).
 */
export function biasedCheckpointFindings(results: ExperimentResults, protocol: TrappingProtocol): Finding[] {
  return results.biasedNetwork().readings.map((reading) => {
    const traps = reading.records.map((r) => biasedTrap(r, protocol));
    const at = traps.filter((t) => t.trapped);
    const rank = traps[0]?.rank ?? 0;
    const max = (g: (t: (typeof at)[number]) => number) => Math.max(...at.map(g));
    const share = at.map((t) => (t.noise.totalNoise.mean > 0 ? t.noise.offSetNoise.mean / t.noise.totalNoise.mean : 0));
    const ofRank: BiasedCheckpoints | null =
      at.length === 0
        ? null
        : {
            count: at.length,
            sigma: [0, 1].map((k) => median(at.map((t) => t.noise.singularValues[k] ?? 0))),
            residue: { first: max((t) => t.noise.residue.first), last: max((t) => t.noise.residue.last) },
            biasNorms: [0, 1, 2].map((l) => median(at.map((t) => t.noise.biasNorms[l] ?? 0))),
            batches: at[0]!.noise.batches,
            weakDrive: { mean: max((t) => Math.abs(t.noise.weakDrive.mean)), sd: max((t) => t.noise.weakDrive.sd) },
            offSetShare: { median: median(share), largest: Math.max(...share) },
          };
    return finding('trapping.biased-checkpoint', { reading: reading.label, protocol, checkpoints: traps.length, rank, ofRank });
  });
}
