import { jumpSetting, type JumpSettingResult, type JumpSettingTask } from '../run/index.ts';

/** One downward-jump setting inside a pool worker (or in-process): the same function either way. */
export default function jumpTask(task: JumpSettingTask): JumpSettingResult {
  return jumpSetting(task);
}
