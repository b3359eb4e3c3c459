import type { JobContext } from '../../../src/runner/jobs/job-kind.ts';
import type { WorkerPool } from '../../../src/runner/index.ts';

/** A job context as executeJobs makes one, recording the units reported, the cache entries refused and the CPU seconds measured. */
export function recordingContext(options: { workers: number; cacheDir: string | null; pool?: WorkerPool }): JobContext & { units: boolean[]; problems: string[]; cpu: number[] } {
  const units: boolean[] = [];
  const problems: string[] = [];
  const cpu: number[] = [];
  return {
    ...options,
    unitDone: (cached) => void units.push(cached),
    cacheProblem: (line) => void problems.push(line),
    cpuSpent: (seconds) => void cpu.push(seconds),
    shared: new Map(),
    units,
    problems,
    cpu,
  };
}
