import { jumpSetting, type JumpSettingResult, type JumpSettingTask } from '../../run/index.ts';
import { computed, type WorkerResult } from './worker-result.ts';

/** One downward-jump setting inside a pool worker (or in-process): the same function either way; not cached. */
export default function jumpTask(task: JumpSettingTask): WorkerResult<JumpSettingResult> {
  return computed(() => jumpSetting(task));
}
