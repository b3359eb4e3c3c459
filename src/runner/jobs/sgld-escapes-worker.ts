import { join } from 'node:path';
import type { BatchSampling } from '../../engine/index.ts';
import type { Protocol } from '../../protocols/index.ts';
import { sgldEscapeRun, type SgldEscapeRecord, type SgldRunOptions } from '../../run/index.ts';
import { diskCheckpointStore } from '../checkpoint-cache.ts';
import { cachedUnit } from '../unit-cache.ts';
import { computed, measured, type WorkerResult } from './worker-result.ts';

/** The unit-cache kind of an SGLD run: its entries live in `<cacheDir>/sgld-escape/`, where `cache merge` checks them. */
export const SGLD_ESCAPE_KIND = 'sgld-escape';

/** One SGLD run of the network control, through the unit cache when there is one. */
export interface SgldTask {
  readonly protocol: Protocol;
  readonly checkpointSeed: number;
  readonly temperature: number;
  readonly noiseSeed: number;
  /** Absent: the per-epoch permutation (and the cache entry of a run without the field). */
  readonly sampling?: BatchSampling;
  readonly trace?: SgldRunOptions['trace'];
  readonly cacheDir: string | null;
}

/** A stored record must be the run its inputs name. */
function sgldRecordProblem(task: SgldTask, record: SgldEscapeRecord): string | null {
  if (record === null || typeof record !== 'object') return 'not a record';
  if (record.noiseSeed !== task.noiseSeed || record.temperature !== task.temperature) return 'a record of another run';
  if (!Number.isInteger(record.epochs) || record.epochs < 0 || record.epochs > task.protocol.epochs) return 'epochs out of range';
  if (record.escapeEpoch !== null && record.escapeEpoch !== record.epochs) return 'escape epoch is not where the run stopped';
  return null;
}

/**
 * One SGLD run inside a pool worker (or in-process): the same function either way. With a cache, its checkpoint is
 * shared through `<cacheDir>/checkpoints` with the seed runs of the same protocol and seed.
 */
export default function sgldTask(task: SgldTask): WorkerResult<SgldEscapeRecord> {
  const { protocol, checkpointSeed, temperature, noiseSeed, sampling, trace, cacheDir } = task;
  const options: SgldRunOptions = { ...(sampling === undefined ? {} : { sampling }), ...(trace === undefined ? {} : { trace }) };
  if (cacheDir === null) return computed(() => sgldEscapeRun(protocol, checkpointSeed, temperature, noiseSeed, undefined, options));
  return measured(() => {
    const cacheProblems: string[] = [];
    const report = (line: string) => void cacheProblems.push(line);
    const store = diskCheckpointStore(join(cacheDir, 'checkpoints'), protocol, checkpointSeed, { report });
    const { result, cached } = cachedUnit(
      cacheDir,
      SGLD_ESCAPE_KIND,
      { protocol, checkpointSeed, temperature, noiseSeed, ...options },
      () => sgldEscapeRun(protocol, checkpointSeed, temperature, noiseSeed, store, options),
      { check: (r) => sgldRecordProblem(task, r), report },
    );
    return { result, cached, cacheProblems };
  });
}
