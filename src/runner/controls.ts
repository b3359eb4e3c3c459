import { fileURLToPath } from 'node:url';
import type { LangevinEscape } from '../engine/index.ts';
import type { LearningPlateaus, SgldEscapeRecord } from '../run/index.ts';
import controlTask, { type ControlTask, type ControlTaskResult } from './control-worker.ts';
import { MODE_SLICE, type LearningPlateausJob, type ModeLangevinJob, type SgldEscapesJob } from './job.ts';
import { mapInWorkers, type WorkerPool } from './worker-pool.ts';

const WORKER = fileURLToPath(new URL('./control-worker.ts', import.meta.url));


export interface ControlRunOptions {
  readonly workers: number;
  readonly pool?: WorkerPool;
  readonly cacheDir: string | null;
  readonly onDone?: (done: number) => void;
  readonly onCacheProblem?: (line: string) => void;
}

function run(tasks: ControlTask[], options: ControlRunOptions): Promise<ControlTaskResult[]> {
  const finished = (result: ControlTaskResult, done: number) => {
    if (result.kind === 'sgld') for (const line of result.cacheProblems) options.onCacheProblem?.(line);
    options.onDone?.(done);
  };
  return mapInWorkers(WORKER, controlTask, tasks, options.workers, finished, options.pool);
}

/** The one-mode job's runs in seed order, in slices over the workers: the same for any number of workers. */
export async function runModeLangevin(job: ModeLangevinJob, options: ControlRunOptions): Promise<LangevinEscape[]> {
  const tasks: ControlTask[] = [];
  for (let i = 0; i < job.seeds.length; i += MODE_SLICE) {
    tasks.push({ kind: 'mode', settings: job.settings, barrierScale: job.barrierScale, seeds: job.seeds.slice(i, i + MODE_SLICE) });
  }
  const results = await run(tasks, options);
  return results.flatMap((r) => (r.kind === 'mode' ? r.runs : []));
}

/** The SGLD job's records in noise-seed order, one task per run. */
export async function runSgldEscapes(job: SgldEscapesJob, options: ControlRunOptions): Promise<SgldEscapeRecord[]> {
  const tasks: ControlTask[] = job.noiseSeeds.map((noiseSeed) => ({
    kind: 'sgld',
    protocol: job.protocol,
    checkpointSeed: job.checkpointSeed,
    temperature: job.temperature,
    noiseSeed,
    ...(job.sampling === undefined ? {} : { sampling: job.sampling }),
    ...(job.trace === undefined ? {} : { trace: job.trace }),
    cacheDir: options.cacheDir,
  }));
  const results = await run(tasks, options);
  return results.flatMap((r) => (r.kind === 'sgld' ? [r.record] : []));
}

/** The plateau job's runs in data-seed order, one task per run. */
export async function runLearningPlateaus(job: LearningPlateausJob, options: ControlRunOptions): Promise<LearningPlateaus[]> {
  const tasks: ControlTask[] = job.dataSeeds.map((dataSeed) => ({ kind: 'plateau', protocol: job.protocol, settings: job.settings, dataSeed }));
  const results = await run(tasks, options);
  return results.flatMap((r) => (r.kind === 'plateau' ? [r.run] : []));
}
