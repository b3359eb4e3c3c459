import { biasedTrapsKind } from './biased-traps.ts';
import { gradientNoiseKind } from './gradient-noise.ts';
import type { JobKind } from './job-kind.ts';
import { jumpRunsKind } from './jump-runs.ts';
import { kramersLangerKind } from './kramers-langer.ts';
import { learningPlateausKind } from './learning-plateaus.ts';
import { modeLangevinKind } from './mode-langevin.ts';
import { nonlinearEscapesKind } from './nonlinear-escapes.ts';
import { nonlinearSweepsKind } from './nonlinear-sweeps.ts';
import { phaseSweepsKind } from './phase-sweeps.ts';
import { seedRunsKind } from './seed-runs.ts';
import { sgldEscapesKind } from './sgld-escapes.ts';

// The one table of job kinds: a job's `kind` names its row. A new kind is a file of this folder (its job, units,
// cost and run) and one row here; `Job` and each job's result type follow from the table.

export const JOB_KINDS = {
  'seed-runs': seedRunsKind,
  'phase-sweeps': phaseSweepsKind,
  'kramers-langer': kramersLangerKind,
  'jump-runs': jumpRunsKind,
  'mode-langevin': modeLangevinKind,
  'sgld-escapes': sgldEscapesKind,
  'gradient-noise': gradientNoiseKind,
  'learning-plateaus': learningPlateausKind,
  'nonlinear-sweeps': nonlinearSweepsKind,
  'nonlinear-escapes': nonlinearEscapesKind,
  'biased-traps': biasedTrapsKind,
} as const;

type Kinds = typeof JOB_KINDS;
type JobOf<K> = K extends JobKind<infer J, infer _R> ? J : never;
type ResultOf<K> = K extends JobKind<infer _J, infer R> ? R : never;

/** Every job the runner executes: one of the table's kinds. */
export type Job = { [N in keyof Kinds]: JobOf<Kinds[N]> }[keyof Kinds];

/** What a job yields, by its kind's row. */
export type JobResult<J extends Job> = ResultOf<Kinds[J['kind']]>;

/** The row of a job's kind. */
export function kindOf<J extends Job>(job: J): JobKind<J, JobResult<J>> {
  return JOB_KINDS[job.kind] as unknown as JobKind<J, JobResult<J>>;
}
