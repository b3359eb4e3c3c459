import { join } from 'node:path';
import type { BatchSampling, LangevinEscape, ModeLangevinSettings } from '../engine/index.ts';
import type { Protocol } from '../protocols/index.ts';
import { learningPlateaus, modeControlRun, sgldEscapeRun, type LearningPlateaus, type PlateauSettings, type SgldEscapeRecord, type SgldRunOptions } from '../run/index.ts';
import type { PhaseDiagramProtocol } from '../protocols/index.ts';
import { diskCheckpointStore } from './checkpoint-cache.ts';
import { cachedUnit } from './unit-cache.ts';

/** A slice of a one-mode job's seeds (runs take milliseconds to seconds: not cached). */
export interface ModeTask {
  readonly kind: 'mode';
  readonly settings: ModeLangevinSettings;
  readonly barrierScale: number;
  readonly seeds: readonly number[];
}

/** The unit-cache kind of an SGLD run: its entries live in `<cacheDir>/sgld-escape/`, where `cache merge` checks them. */
export const SGLD_ESCAPE_KIND = 'sgld-escape';

/** One SGLD run of the network control, through the unit cache when there is one. */
export interface SgldTask {
  readonly kind: 'sgld';
  readonly protocol: Protocol;
  readonly checkpointSeed: number;
  readonly temperature: number;
  readonly noiseSeed: number;
  /** Absent: the per-epoch permutation (and the cache entry of a run without the field). */
  readonly sampling?: BatchSampling;
  readonly trace?: SgldRunOptions['trace'];
  readonly cacheDir: string | null;
}

/** One learning-plateau run (a fraction of a second of SGD: not cached). */
export interface PlateauTask {
  readonly kind: 'plateau';
  readonly protocol: PhaseDiagramProtocol;
  readonly settings: PlateauSettings;
  readonly dataSeed: number;
}

export type ControlTask = ModeTask | SgldTask | PlateauTask;

export type ControlTaskResult =
  | { readonly kind: 'mode'; readonly runs: LangevinEscape[] }
  | { readonly kind: 'plateau'; readonly run: LearningPlateaus }
  | { readonly kind: 'sgld'; readonly record: SgldEscapeRecord; readonly cacheProblems: string[] };

/** A stored record must be the run its inputs name. */
function sgldRecordProblem(task: SgldTask, record: SgldEscapeRecord): string | null {
  if (record === null || typeof record !== 'object') return 'not a record';
  if (record.noiseSeed !== task.noiseSeed || record.temperature !== task.temperature) return 'a record of another run';
  if (!Number.isInteger(record.epochs) || record.epochs < 0 || record.epochs > task.protocol.epochs) return 'epochs out of range';
  if (record.escapeEpoch !== null && record.escapeEpoch !== record.epochs) return 'escape epoch is not where the run stopped';
  return null;
}

/** One control task inside a pool worker (or in-process): the same function either way. */
export default function controlTask(task: ControlTask): ControlTaskResult {
  if (task.kind === 'plateau') return { kind: 'plateau', run: learningPlateaus(task.protocol, task.dataSeed, task.settings, task.dataSeed) };
  if (task.kind === 'mode') return { kind: 'mode', runs: task.seeds.map((seed) => modeControlRun(task.settings, task.barrierScale, seed)) };
  const { protocol, checkpointSeed, temperature, noiseSeed, sampling, trace, cacheDir } = task;
  const options: SgldRunOptions = { ...(sampling === undefined ? {} : { sampling }), ...(trace === undefined ? {} : { trace }) };
  if (cacheDir === null) return { kind: 'sgld', record: sgldEscapeRun(protocol, checkpointSeed, temperature, noiseSeed, undefined, options), cacheProblems: [] };
  const cacheProblems: string[] = [];
  const report = (line: string) => void cacheProblems.push(line);
  const store = diskCheckpointStore(join(cacheDir, 'checkpoints'), protocol, checkpointSeed, { report });
  const { result: record } = cachedUnit(
    cacheDir,
    SGLD_ESCAPE_KIND,
    { protocol, checkpointSeed, temperature, noiseSeed, ...options },
    () => sgldEscapeRun(protocol, checkpointSeed, temperature, noiseSeed, store, options),
    { check: (r) => sgldRecordProblem(task, r), report },
  );
  return { kind: 'sgld', record, cacheProblems };
}
