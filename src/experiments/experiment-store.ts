import type { Profile, ProtocolName, RunOverrides } from './protocols.ts';
import { PROTOCOL_FILES, profileSeeds, protocolForProfile, type DataSeedScheme, type Protocol } from './protocols.ts';
import type { RunRecord } from './run-protocol.ts';
import { runSeeds } from './run-seeds.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';
import type { Numerics } from '../engine/index.ts';

/** A variation of a protocol that an experiment or diagnostic runs beside the paper's own. */
export interface RunVariant {
  readonly overrides?: RunOverrides;
  readonly checkpointEpochsPerStage?: number;
  readonly dataSeed?: DataSeedScheme;
  /** Replaces the profile's seeds. */
  readonly seeds?: readonly number[];
  /** Replaces the default arithmetic (e.g. float32). */
  readonly numerics?: Numerics;
}

export interface ExperimentStoreOptions {
  readonly profile: Profile;
  readonly workers: number;
  /** Run cache folder, or null for none. */
  readonly cacheDir: string | null;
  /** A line of progress for stderr. */
  readonly onProgress?: (line: string) => void;
  /** A cache entry that failed verification and was recomputed; default: onProgress. Each is told once. */
  readonly onCacheProblem?: (line: string) => void;
}

/** Refused cache entries listed one by one before they are only counted. */
const LISTED_CACHE_PROBLEMS = 10;

/**
 * The experiments one `reproduce` needs, each computed once however many claims read it: memoised by a
 * key that names everything that determines the result. Runs go through `runSeeds` (worker pool, cache).
 */
export class ExperimentStore {
  private readonly memo = new Map<string, Promise<unknown>>();
  private pool: WorkerPool | null = null;
  private readonly cacheProblems = new Set<string>();

  constructor(readonly options: ExperimentStoreOptions) {}

  get profile(): Profile {
    return this.options.profile;
  }

  /** Computes `compute()` once per key. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (value === undefined) {
      value = compute();
      this.memo.set(key, value);
    }
    return value;
  }

  /**
   * One pool for the whole store, made on first use (none with 1 worker): experiments started together share
   * the workers instead of each spawning its own.
   */
  workerPool(): WorkerPool | undefined {
    if (this.options.workers < 2) return undefined;
    this.pool ??= createWorkerPool(this.options.workers);
    return this.pool;
  }

  /** Stops the worker processes, if any were started. */
  async close(): Promise<void> {
    const unlisted = this.cacheProblems.size - LISTED_CACHE_PROBLEMS;
    if (unlisted > 0) this.reportCacheProblem(`cache: ${unlisted} more refused entries were recomputed (not listed)`);
    this.cacheProblems.clear();
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  /**
   * Reports a refused cache entry once, however many runs (in parallel) came across it; past the first few, only
   * counted (close() says how many), so a cache corrupted throughout does not bury the progress.
   */
  private cacheProblem(line: string): void {
    if (this.cacheProblems.has(line)) return;
    this.cacheProblems.add(line);
    if (this.cacheProblems.size <= LISTED_CACHE_PROBLEMS) this.reportCacheProblem(line);
  }

  private reportCacheProblem(line: string): void {
    (this.options.onCacheProblem ?? this.options.onProgress)?.(line);
  }

  /** The protocol as this profile runs it, with a variant applied. */
  protocol(name: ProtocolName, variant: RunVariant = {}): Protocol {
    const base = protocolForProfile(PROTOCOL_FILES[name], this.profile);
    return {
      ...base,
      ...(variant.dataSeed ? { dataSeed: variant.dataSeed } : {}),
      ...(variant.numerics ? { numerics: variant.numerics } : {}),
      checkpoint: { ...base.checkpoint, epochsPerStage: variant.checkpointEpochsPerStage ?? base.checkpoint.epochsPerStage },
    };
  }

  seeds(name: ProtocolName, variant: RunVariant = {}): number[] {
    return variant.seeds ? [...variant.seeds] : profileSeeds(PROTOCOL_FILES[name].profiles[this.profile]);
  }

  /** All seeds of a protocol (or a variant of it) under this profile, in seed order. */
  runs(name: ProtocolName, variant: RunVariant = {}): Promise<RunRecord[]> {
    const protocol = this.protocol(name, variant);
    const seeds = this.seeds(name, variant);
    const key = JSON.stringify(['runs', protocol, seeds, variant.overrides ?? {}]);
    return this.once(key, async () => {
      const { seeds: _seeds, ...shown } = variant;
      const label = `${name}${Object.keys(shown).length > 0 ? ` ${JSON.stringify(shown)}` : ''}`;
      const range = seeds.length > 0 ? ` (${seeds[0]}–${seeds[seeds.length - 1]})` : '';
      this.options.onProgress?.(`  running ${label}: ${seeds.length} seeds${range} × ${variant.overrides?.epochs ?? protocol.epochs} epochs`);
      const pool = this.workerPool();
      return runSeeds(protocol, seeds, {
        workers: this.options.workers,
        ...(pool ? { pool } : {}),
        overrides: variant.overrides ?? {},
        cacheDir: this.options.cacheDir,
        onCacheProblem: (line) => this.cacheProblem(line),
        onDone: (record, done, total) => {
          if (done === total || done % 10 === 0) this.options.onProgress?.(`    ${label}: ${done}/${total} seeds`);
          void record;
        },
      });
    });
  }
}
