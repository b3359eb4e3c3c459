// Sections 1 and 3.1: "the training outcome depends sensitively on initialisation". Same seed, same data, β and
// batches: does reaching the global minimum — global under the regulariser reading — depend on the protocol?
import { DATA_SCHEMES, TRAPPING_PROTOCOLS, type ExperimentRequest, type ExperimentResults, type RunRecord } from '../../experiments/index.ts';
import { calibrateRule, mcnemarExact, type RuleCalibration, type StatisticalVerdict } from '../../stats/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, PerSeedSeries, Reading, Verdict } from '../verdict.ts';

import { CALIBRATION_REPLICATIONS, uniformSource } from '../common/calibrations.ts';
import { ALPHA, EXCEPTION_RATE, upperRate } from '../common/typicality.ts';
import { CONVENTIONS, globalRankOf, type Convention } from './global-phase.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding, type Finding } from '../finding.ts';
import { DATA_WORDS, PROTOCOL_WORDS, REGULARISER_WORDS, readingLabel } from '../common/reading-words.ts';

const TRAPS = ['rank1-trap', 'trivial-trap'] as const;

/** The fewest seeds whose outcome differs, all one way, on which the rule's McNemar test rejects at α/2 (22 at α = 10⁻⁶). */
export function oneWaySeedsToReject(alpha: number): number {
  let n = 1;
  while (!(mcnemarExact(n, 0) < alpha / 2)) n += 1;
  return n;
}

/** One trap against random-init: seeds paired, and those whose outcome differs each way. */
export interface PairedOutcomes {
  readonly seeds: number;
  /** Random-init reaches the global minimum, the trap does not. */
  readonly randomOnly: number;
  /** The trap reaches it, random-init does not. */
  readonly trapOnly: number;
}

/**
 * The rule: exact McNemar test per trap, Bonferroni over the two: `reproduced` when one rejects "the protocol does not
 * matter" at α/2; `deviates` when for both the one-sided 1 − α upper bound on the share of seeds whose outcome differs
 * is ≤ EXCEPTION_RATE (¼); otherwise `inconclusive`.
 */
export function sensitivityVerdict(pairs: readonly PairedOutcomes[]): Verdict {
  const rejected = pairs.some((p) => p.seeds > 0 && mcnemarExact(p.randomOnly, p.trapOnly) < ALPHA / 2);
  if (rejected) return 'reproduced';
  const allRare = pairs.every((p) => p.seeds > 0 && upperRate(p.randomOnly + p.trapOnly, p.seeds) <= EXCEPTION_RATE);
  return allRare ? 'deviates' : 'inconclusive';
}

/** The share of seeds whose outcome differs one way at which the rule's reproduced side is stated. */
const MATERIAL_SHARE = 0.5;
const SHARE_GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
const CALIBRATIONS = new Map<number, RuleCalibration>();

/**
 * Seeded synthetic pairs at n seeds per trap: each seed's outcome differs (one way) with probability d, independently,
 * for both traps. The paper's statement holds materially at d = ½ (P(reproduced | true) there; size P(deviates) there)
 * and fails at d = 0, the protocol not mattering (power P(deviates | d = 0), P(reproduced | d = 0) ≤ α by the exact
 * test). `detectable` is the smallest d on the grid reproduced with probability ≥ 0.9. A difference that goes both
 * ways in equal numbers is invisible to the test: the rule is for an initialisation that keeps runs out.
 */
export function sensitivityCalibration(n: number): RuleCalibration {
  const known = CALIBRATIONS.get(n);
  if (known !== undefined) return known;
  const uniform = uniformSource(6);
  const draw = (d: number): PairedOutcomes => {
    let differs = 0;
    for (let i = 0; i < n; i++) if (uniform() < d) differs += 1;
    return { seeds: n, randomOnly: differs, trapOnly: 0 };
  };
  // calibrateRule moves the truth by a difference: shift −½ is the protocol not mattering, 0 the material effect.
  const trial = (shift: number): StatisticalVerdict => sensitivityVerdict(TRAPS.map(() => draw(Math.max(0, MATERIAL_SHARE + shift)))) as StatisticalVerdict;
  const c = calibrateRule(
    {
      name: `paired exact McNemar per trap at α/2 (reproduced), every trap's discordant share ≤ ${EXCEPTION_RATE} at 1 − α (deviates); truth: a one-way discordant share ${MATERIAL_SHARE}, alternative: none`,
      alpha: ALPHA,
      seeds: n,
      replications: CALIBRATION_REPLICATIONS,
      discrepancy: { scale: 'difference', size: MATERIAL_SHARE },
      grid: [],
      oneSided: 'below',
    },
    trial,
  );
  const smallest = SHARE_GRID.find((d) => {
    let reproduced = 0;
    for (let i = 0; i < CALIBRATION_REPLICATIONS; i++) if (trial(d - MATERIAL_SHARE) === 'reproduced') reproduced += 1;
    return reproduced / CALIBRATION_REPLICATIONS >= 0.9;
  });
  const calibration = { ...c, discrepancy: 'd = 0 (the protocol does not matter)', detectable: smallest === undefined ? null : `a one-way discordant share ${smallest}` };
  CALIBRATIONS.set(n, calibration);
  return calibration;
}

export function sensitivityNeeds(): ExperimentRequest[] {
  return TRAPPING_PROTOCOLS.map((protocol) => ({ experiment: 'trapping', protocol }));
}

function finite(records: readonly RunRecord[]): RunRecord[] {
  return records.filter((r) => r.diverged === undefined);
}

export function evaluateInitSensitivity(_claim: Claim, results: ExperimentResults): Evaluation {
  const evidence: Finding[] = [];
  const perSeed: PerSeedSeries[] = [];
  let headSeeds = 0;
  const readings: Reading[] = CONVENTIONS.flatMap((convention: Convention) =>
    DATA_SCHEMES.map((scheme): Reading => {
      const label = readingLabel(REGULARISER_WORDS[convention], DATA_WORDS[scheme]);
      const reached = (r: RunRecord): boolean => r.final.effectiveRank === globalRankOf(r, convention);
      const random = new Map(finite(results.trapping('random-init').runs[scheme]).map((r) => [r.seed, r]));
      const outcomes = TRAPS.map((trap): PairedOutcomes => {
        const pairs = finite(results.trapping(trap).runs[scheme]).flatMap((r) => (random.has(r.seed) ? [[random.get(r.seed)!, r] as const] : []));
        const randomOnly = pairs.filter(([a, b]) => reached(a) && !reached(b)).length;
        const trapOnly = pairs.filter(([a, b]) => !reached(a) && reached(b)).length;
        evidence.push(
          finding('trapping.paired-outcomes', {
            label,
            random: PROTOCOL_WORDS['random-init'],
            trap: PROTOCOL_WORDS[trap],
            seeds: pairs.length,
            randomReached: pairs.filter(([a]) => reached(a)).length,
            trapReached: pairs.filter(([, b]) => reached(b)).length,
            randomOnly,
            trapOnly,
            pValue: mcnemarExact(randomOnly, trapOnly),
          }),
        );
        if (convention === CONVENTIONS[0]) {
          perSeed.push({ label: `${DATA_WORDS[scheme]}: ${PROTOCOL_WORDS[trap]}`, meaning: 'final rank of the trap run minus final rank of the random-init run of the same seed', seeds: pairs.map(([a]) => a.seed), values: pairs.map(([a, b]) => b.final.effectiveRank - a.final.effectiveRank) });
        }
        return { seeds: pairs.length, randomOnly, trapOnly };
      });
      if (headSeeds === 0) headSeeds = outcomes[0]!.seeds;
      const first = outcomes[0]!;
      return {
        label,
        value: first.seeds > 0 ? String((first.randomOnly + first.trapOnly) / first.seeds) : null,
        verdict: sensitivityVerdict(outcomes),
      };
    }),
  );
  const rule = sensitivityCalibration(Math.max(headSeeds, 1));
  evidence.push(finding('trapping.sensitivity-reading', { testLevel: ALPHA / 2, exceptionRate: EXCEPTION_RATE }), finding('trapping.calibration-unstopped', calibration(rule)));
  return {
    verdict: readings[0]!.verdict,
    value: readings[0]!.value,
    readings,
    evidence,
    perSeed,
    rule,
    ...(readings[0]!.verdict === 'inconclusive' ? { wouldDecide: finding('trapping.would-decide-paired-seeds', { seeds: oneWaySeedsToReject(ALPHA), alpha: ALPHA }) } : {}),
  };
}
