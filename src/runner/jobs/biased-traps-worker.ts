import type { Protocol } from '../../protocols/index.ts';
import { BIAS_READINGS, biasedTrapSeed, type BiasedTrapRecord } from '../../run/index.ts';
import { throughUnitCache, type WorkerResult } from './worker-result.ts';

/** The unit-cache kind of one seed of the network with biases: entries in `<cacheDir>/biased-trap/`. */
export const BIASED_TRAP_KIND = 'biased-trap';

/** One seed's traps under one reading of the biases, through the unit cache when there is one. */
export interface BiasedTrapTask {
  /** A key of BIAS_READINGS. */
  readonly reading: string;
  readonly seed: number;
  readonly traps: readonly { readonly protocol: Protocol; readonly rank: number }[];
  /** Mini-batches of the weak-mode noise estimate. */
  readonly batches: number;
  readonly cacheDir: string | null;
}

/** A stored record must be the seed its inputs name, with one run per trap. */
function recordProblem(task: BiasedTrapTask, record: BiasedTrapRecord): string | null {
  if (record === null || typeof record !== 'object' || !Array.isArray(record.traps)) return 'not a record';
  if (record.seed !== task.seed) return 'a record of another seed';
  if (record.traps.length !== task.traps.length || record.traps.some((t, i) => t.protocol !== task.traps[i]!.protocol.name)) return 'not the task\'s traps';
  return null;
}

/** One seed inside a pool worker (or in-process): the same function either way. */
export default function biasedTrapTask(task: BiasedTrapTask): WorkerResult<BiasedTrapRecord> {
  const { cacheDir, ...inputs } = task;
  const reading = BIAS_READINGS[inputs.reading];
  if (reading === undefined) throw new RangeError(`unknown bias reading ${JSON.stringify(inputs.reading)}`);
  return throughUnitCache(cacheDir, BIASED_TRAP_KIND, inputs, () => biasedTrapSeed(reading, inputs.seed, inputs.traps, inputs.batches), (r) => recordProblem(task, r));
}
