import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stepsPerEpoch } from '../../engine/index.ts';
import { applyOverrides, type Protocol, type RunOverrides } from '../../protocols/index.ts';
import type { RunRecord } from '../../run/index.ts';
import { checkpointInputs } from '../checkpoint-cache.ts';
import { COST_MODEL } from '../cost.ts';
import { canonicalJson, runCacheKey } from '../run-cache.ts';
import { runTasks, type JobKind, type Worker } from './job-kind.ts';
import runTask, { type RunTask } from './seed-runs-worker.ts';

/** SGD runs of one protocol (src/run/run-protocol.ts), one per seed. */
export interface SeedRunsJob {
  readonly kind: 'seed-runs';
  readonly label: string;
  readonly protocol: Protocol;
  readonly seeds: readonly number[];
  readonly overrides: RunOverrides;
}

const WORKER: Worker<RunTask, RunRecord> = { file: fileURLToPath(new URL('./seed-runs-worker.ts', import.meta.url)), run: runTask };

/** The annealing stages a seed trains before its continued run (shared checkpoints are counted once per run). */
function checkpointSteps(p: Protocol): number {
  if (p.start.kind !== 'checkpoint') return 0;
  return p.start.betas.length * p.checkpoint.epochsPerStage * stepsPerEpoch(p.data.trainCount, p.checkpoint.batch);
}

/**
 * Runs of one seed that anneal from the same first checkpoint (rank1-trap, trivial-trap, random-init and their
 * variants) are dealt to one shard, so it is trained on one machine only: every run anneals its protocol's plateau
 * branch (the escape rule's plateau, run-protocol.ts) from β = plateauBranch[0], and a checkpoint start from the same stage.
 */
function checkpointGroup(job: SeedRunsJob, part: number): string | null {
  if (job.protocol.plateauBranch.length === 0) return null;
  const first = job.protocol.plateauBranch.slice(0, 1);
  return `checkpoint ${canonicalJson(checkpointInputs(job.protocol, job.seeds[part]!, first))}`;
}

/** Records in seed-list order; each depends only on (protocol, seed, overrides), so on no number of workers. */
export const seedRunsKind: JobKind<SeedRunsJob, RunRecord[]> = {
  rate: { entry: 'sgdStepsPerSecond', is: 'rate' },
  units: (job) => job.seeds.length,
  cost(job, cacheDir) {
    const p = applyOverrides(job.protocol, job.overrides);
    const perSeed = p.epochs * stepsPerEpoch(p.data.trainCount, p.batch) + checkpointSteps(job.protocol);
    const cached = cacheDir === null ? 0 : job.seeds.filter((seed) => existsSync(join(cacheDir, `${runCacheKey(job.protocol, seed, job.overrides)}.json`))).length;
    const sgdSteps = perSeed * job.seeds.length;
    return { runs: job.seeds.length, cached, sgdSteps, sweepPoints: 0, cpuSeconds: (perSeed * (job.seeds.length - cached)) / COST_MODEL.sgdStepsPerSecond };
  },
  run: (job, context) => runTasks(WORKER, job.seeds.map((seed) => ({ protocol: job.protocol, seed, overrides: job.overrides, cacheDir: context.cacheDir })), context),
  divisible: {
    parts: (job) => job.seeds.length,
    restrict(job, parts) {
      const seeds = parts.map((p) => job.seeds[p]!);
      return { ...job, label: `${job.label}; this shard: seed(s) ${seeds.join(', ')}`, seeds };
    },
    group: checkpointGroup,
  },
};
