import {
  nonlinearEscapeTask,
  nonlinearSweeps,
  nonlinearTrapState,
  type NonlinearEscapeTask,
  type NonlinearSweepSpec,
} from '../../run/index.ts';
import { throughUnitCache, type WorkerResult } from './worker-result.ts';

// The units of the nonlinear experiment (Section 4.1, Appendix G), each through the unit cache when there is one:
// one activation's sweeps (minutes), its trap (seconds) and one SGD seed from it (seconds). The unit's kind names
// its cache folder.

export type NonlinearUnit =
  | { readonly kind: 'nonlinear-sweeps'; readonly spec: NonlinearSweepSpec; readonly dataSeed: number }
  | {
      readonly kind: 'nonlinear-trap';
      readonly spec: NonlinearSweepSpec;
      readonly dataSeed: number;
      readonly annealing: readonly number[];
      readonly beta: number;
      readonly noiseRank: number;
    }
  | ({ readonly kind: 'nonlinear-escape' } & NonlinearEscapeTask);

export interface NonlinearWorkerTask {
  readonly unit: NonlinearUnit;
  readonly cacheDir: string | null;
}

function compute(unit: NonlinearUnit): unknown {
  switch (unit.kind) {
    case 'nonlinear-sweeps':
      return nonlinearSweeps(unit.spec, unit.dataSeed);
    case 'nonlinear-trap':
      return nonlinearTrapState(unit.spec, unit.dataSeed, unit.annealing, unit.beta, unit.noiseRank);
    case 'nonlinear-escape': {
      const { kind: _kind, ...task } = unit;
      return nonlinearEscapeTask(task);
    }
  }
}

/** One unit inside a pool worker (or in-process): the same function either way. */
export default function nonlinearWorkerTask(task: NonlinearWorkerTask): WorkerResult<unknown> {
  const { kind, ...identity } = task.unit;
  return throughUnitCache(task.cacheDir, kind, identity, () => compute(task.unit));
}

/** A stored unit of `kind` recomputed from its task (its identity), with no cache. */
export function recomputeNonlinear(kind: NonlinearUnit['kind']): (task: unknown) => unknown {
  return (task) => nonlinearWorkerTask({ unit: { ...(task as object), kind } as NonlinearUnit, cacheDir: null }).result;
}
