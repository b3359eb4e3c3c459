import type { LangevinEscape, ModeLangevinSettings } from '../../engine/index.ts';
import { modeControlRun } from '../../run/index.ts';
import { computed, type WorkerResult } from './worker-result.ts';

/** A slice of a one-mode job's seeds (runs take milliseconds to seconds: not cached). */
export interface ModeTask {
  readonly settings: ModeLangevinSettings;
  readonly barrierScale: number;
  readonly seeds: readonly number[];
}

/** One slice inside a pool worker (or in-process): the same function either way. */
export default function modeTask(task: ModeTask): WorkerResult<LangevinEscape[]> {
  return computed(() => task.seeds.map((seed) => modeControlRun(task.settings, task.barrierScale, seed)));
}
