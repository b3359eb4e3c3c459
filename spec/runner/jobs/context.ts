import type { JobContext } from '../../../src/runner/jobs/job-kind.ts';
import type { WorkerPool } from '../../../src/runner/index.ts';

/** A job context as executeJobs makes one, recording the units reported and the cache entries refused. */
export function recordingContext(options: { workers: number; cacheDir: string | null; pool?: WorkerPool }): JobContext & { units: boolean[]; problems: string[] } {
  const units: boolean[] = [];
  const problems: string[] = [];
  return {
    ...options,
    unitDone: (cached) => void units.push(cached),
    cacheProblem: (line) => void problems.push(line),
    shared: new Map(),
    units,
    problems,
  };
}
