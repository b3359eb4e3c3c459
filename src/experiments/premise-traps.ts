// The rank-1 trap where the paper's premise holds (an audit experiment). At the paper's β = 0.32 the reading Eqs. 2, 3
// and 10 follow from makes rank 1 the global minimum, so Section 3.1 (ii)'s runs test an uphill move. Below the weak
// mode's equal-loss crossing β* (0.295 on the population) rank 2 is global and rank 1 metastable: at β = 0.25 Eq. 10
// gives the weak mode's barrier ΔE = 0.0127, less than half the 0.0285 at 0.32, so the paper's mechanism escapes there
// sooner. The printed checkpoint 0.361 is not of rank 1 on every data set (its margin over βc = 0.351 is less than the
// sample's spread), so each data set's checkpoint is annealed to the middle of its own rank-1 window: between its two
// transitions by Eq. 3 on the data's whitened sample singular values, on the phase diagram's 0.01 grid.
import { float64, equalLossBeta } from '../analytic/index.ts';
import { datasetMoments, depth, sampleSpectrum } from '../engine/index.ts';
import { makeTaskData } from '../data/index.ts';
import { protocolVariant, variantSeeds, type Profile, type Protocol } from '../protocols/index.ts';
import { eq3CriticalBetas, type RunRecord } from '../run/index.ts';
import type { RunnerResults, SeedRunsJob } from '../runner/index.ts';
import { experiment, type NoParams } from './experiment.ts';
import { seedRunsJob } from './seed-runs.ts';
import { DATA_SCHEMES, FIXED_DATA_SEED, dataSeedScheme, traceEveryFor, type DataSchemeName } from './trapping.ts';

/** β of the continued run: below the weak mode's β* (0.295), above no transition, so rank 2 is global and rank 1 metastable. */
export const PREMISE_BETA = 0.25;

/** The phase diagram's grid step (Appendix B): the checkpoint β is placed on it. */
const GRID = 0.01;

/** One data set's placement: its two Eq. 3 transitions, the checkpoint between them and whether rank 2 is global at PREMISE_BETA. */
export interface PremisePlacement {
  readonly dataSeed: number;
  /** Eq. 3 on the whitened sample singular values, strong mode first. */
  readonly criticalBetas: readonly number[];
  readonly checkpointBeta: number;
  /** The weak mode's equal-loss crossing β* on the sample: rank 2 is the global minimum below it. */
  readonly weakEqualLossBeta: number;
}

/** The rank-1 window of one data set, from Eq. 3 and the equal-loss crossing on its training sample (Σ̂xx-whitened Σ̂yx). */
export function premisePlacement(protocol: Protocol, dataSeed: number): PremisePlacement {
  const data = makeTaskData(protocol.teacher, protocol.data, dataSeed);
  const whitened = sampleSpectrum(datasetMoments(data.train, protocol.network.biases)).whitened.slice(0, protocol.teacher.singularValues.length);
  const L = depth(protocol.network);
  const criticalBetas = eq3CriticalBetas(whitened, L);
  const middle = (criticalBetas[0]! + criticalBetas[1]!) / 2;
  const weak = whitened[1]!;
  return {
    dataSeed,
    criticalBetas,
    // On the grid as a decimal (0.38, not 0.38000000000000006), so the protocol, its label and the grouping agree.
    checkpointBeta: Number((Math.round(middle / GRID) * GRID).toFixed(2)),
    weakEqualLossBeta: equalLossBeta(float64, { eta: weak, depth: L, convention: 'eq2' }),
  };
}

/**
 * The rank-1 trap protocol continued at PREMISE_BETA from a checkpoint annealed 0 → `checkpointBeta`. Its σ2 > 0.2
 * escape rule still separates the weak mode's saddle (λsad = 0.035 at β = 0.25) from its minimum (λ** = 0.481).
 */
function premiseProtocol(base: Protocol, checkpointBeta: number): Protocol {
  const betas = [0, checkpointBeta];
  return { ...base, beta: PREMISE_BETA, start: { kind: 'checkpoint', betas }, plateauBranch: betas };
}

interface SeedGroup {
  readonly checkpointBeta: number;
  readonly seeds: number[];
}

/** The profile's seeds grouped by their data set's checkpoint β (the fixed scheme: one data set, one group). */
function seedGroups(profile: Profile, scheme: DataSchemeName): { base: Protocol; placements: PremisePlacement[]; groups: SeedGroup[] } {
  const base = protocolVariant('rank1-trap', profile, { dataSeed: dataSeedScheme(scheme) });
  const seeds = variantSeeds('rank1-trap', profile);
  const dataSeeds = scheme === 'fixed' ? [FIXED_DATA_SEED] : seeds;
  const placements = dataSeeds.map((s) => premisePlacement(base, s));
  const betaOf = (seed: number) => (scheme === 'fixed' ? placements[0]! : placements[seeds.indexOf(seed)]!).checkpointBeta;
  const groups: SeedGroup[] = [];
  for (const seed of seeds) {
    const b = betaOf(seed);
    const group = groups.find((g) => g.checkpointBeta === b);
    if (group) group.seeds.push(seed);
    else groups.push({ checkpointBeta: b, seeds: [seed] });
  }
  groups.sort((a, b) => a.checkpointBeta - b.checkpointBeta);
  return { base, placements, groups };
}

function groupJob(profile: Profile, scheme: DataSchemeName, base: Protocol, group: SeedGroup): SeedRunsJob {
  const job = seedRunsJob(
    'rank1-trap',
    profile,
    { dataSeed: dataSeedScheme(scheme), seeds: group.seeds, overrides: scheme === 'per-seed' ? { traceEvery: traceEveryFor(base.epochs) } : {} },
    `where rank 2 is global (β = ${PREMISE_BETA}), checkpoint 0 → ${group.checkpointBeta.toFixed(2)}, ${scheme === 'per-seed' ? 'data drawn per seed' : `one data set (seed ${FIXED_DATA_SEED})`}`,
  );
  return { ...job, protocol: premiseProtocol(job.protocol, group.checkpointBeta) };
}

export function premiseTrapJobs(profile: Profile): SeedRunsJob[] {
  return DATA_SCHEMES.flatMap((scheme) => {
    const { base, groups } = seedGroups(profile, scheme);
    return groups.map((g) => groupJob(profile, scheme, base, g));
  });
}

/** The premise traps under one data scheme: every seed's run in seed order, and each data set's placement. */
export interface PremiseTrapRuns {
  readonly runs: RunRecord[];
  readonly placements: PremisePlacement[];
}

export interface PremiseTrapResult {
  readonly beta: number;
  readonly profile: Profile;
  readonly schemes: Readonly<Record<DataSchemeName, PremiseTrapRuns>>;
}

export function premiseTrapResult(profile: Profile, runner: RunnerResults): PremiseTrapResult {
  const bySeed = (scheme: DataSchemeName): PremiseTrapRuns => {
    const { base, placements, groups } = seedGroups(profile, scheme);
    const runs = groups.flatMap((g) => runner.get(groupJob(profile, scheme, base, g))).sort((a, b) => a.seed - b.seed);
    return { runs, placements };
  };
  return { beta: PREMISE_BETA, profile, schemes: { 'per-seed': bySeed('per-seed'), fixed: bySeed('fixed') } };
}

/** Section 3.1 (ii)'s protocol at β = 0.25, each data set's checkpoint inside its own rank-1 window. */
export const premiseTrapsExperiment = experiment({
  jobs: (_: NoParams, profile) => premiseTrapJobs(profile),
  readers: { premiseTraps: (profile, runner) => premiseTrapResult(profile, runner) },
});
