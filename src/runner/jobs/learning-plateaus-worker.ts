import type { PhaseDiagramProtocol } from '../../protocols/index.ts';
import { learningPlateaus, type LearningPlateaus, type PlateauSettings } from '../../run/index.ts';
import { computed, type WorkerResult } from './worker-result.ts';

/** One learning-plateau run (a fraction of a second of SGD: not cached). */
export interface PlateauTask {
  readonly protocol: PhaseDiagramProtocol;
  readonly settings: PlateauSettings;
  readonly dataSeed: number;
}

/** One run inside a pool worker (or in-process), with the data seed as its SGD seed. */
export default function plateauTask(task: PlateauTask): WorkerResult<LearningPlateaus> {
  return computed(() => learningPlateaus(task.protocol, task.dataSeed, task.settings, task.dataSeed));
}
