import {
  nonlinearEscapeTask,
  nonlinearSweeps,
  nonlinearTrapState,
  type NonlinearEscapeTask,
  type NonlinearSweepSpec,
  type NonlinearSweeps,
  type NonlinearTrapState,
} from '../run/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import { cachedUnit } from './unit-cache.ts';

// The units of the nonlinear experiment (Section 4.1, Appendix G), each through the unit cache when there is one:
// one activation's sweeps (minutes), its trap (seconds) and one SGD seed from it (seconds).

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

export type NonlinearUnitResult<U extends NonlinearUnit> = U extends { kind: 'nonlinear-sweeps' }
  ? NonlinearSweeps
  : U extends { kind: 'nonlinear-trap' }
    ? NonlinearTrapState
    : EscapeRun;

export interface NonlinearWorkerTask {
  readonly unit: NonlinearUnit;
  readonly cacheDir: string | null;
}

export interface NonlinearWorkerResult {
  readonly result: unknown;
  readonly cached: boolean;
  readonly cacheProblems: string[];
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
export default function nonlinearWorkerTask(task: NonlinearWorkerTask): NonlinearWorkerResult {
  if (task.cacheDir === null) return { result: compute(task.unit), cached: false, cacheProblems: [] };
  const cacheProblems: string[] = [];
  const { kind, ...identity } = task.unit;
  const { result, cached } = cachedUnit(task.cacheDir, kind, identity, () => compute(task.unit), { report: (line) => void cacheProblems.push(line) });
  return { result, cached, cacheProblems };
}
