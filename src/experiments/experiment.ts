import type { Profile } from '../protocols/index.ts';
import { canonicalJson, type Job, type RunnerResults } from '../runner/index.ts';

// Every experiment has one shape: what it needs (its jobs, from its parameters and the profile) and how its results
// are assembled from the runner's (its readers). The table of experiments is table.ts.

/** One result an evaluator reads, assembled from the runner's results (its own arguments after the first two). */
export type Reader = (profile: Profile, runner: RunnerResults, ...args: never[]) => unknown;

export interface Experiment<P extends object, R extends Readonly<Record<string, Reader>>> {
  /** The jobs it needs under a profile for its parameters: plain data for the plan (the runner de-duplicates them). */
  readonly jobs: (params: P, profile: Profile) => readonly Job[];
  /** Its results by the name an evaluator reads them under. */
  readonly readers: R;
}

/** An experiment with no parameters. */
export type NoParams = Readonly<Record<never, never>>;

/** An experiment, its parameter and reader types kept for the table. */
export function experiment<P extends object, R extends Readonly<Record<string, Reader>>>(e: Experiment<P, R>): Experiment<P, R> {
  return e;
}

type ParamsOf<E> = E extends Experiment<infer P, infer _R> ? P : never;
type ReadersOf<E> = E extends Experiment<infer _P, infer R> ? R : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Bound<F> = F extends (profile: Profile, runner: RunnerResults, ...args: infer A) => infer V ? (...args: A) => V : never;

/** A request for one experiment of a table: its name and its parameters, as data. */
export type RequestOf<T> = { [N in keyof T & string]: { readonly experiment: N } & Readonly<ParamsOf<T[N]>> }[keyof T & string];

/** Every reader of a table's experiments, bound to one profile and one runner's results. */
export type ResultsOf<T> = { readonly profile: Profile } & { [K in keyof Intersection<ReadersOf<T[keyof T]>>]: Bound<Intersection<ReadersOf<T[keyof T]>>[K]> };

export function requestKey(request: { readonly experiment: string }): string {
  return canonicalJson(request);
}

/** Each request once, in first-asked order. */
export function distinctRequests<R extends { readonly experiment: string }>(requests: readonly R[]): R[] {
  const byKey = new Map<string, R>();
  for (const r of requests) if (!byKey.has(requestKey(r))) byKey.set(requestKey(r), r);
  return [...byKey.values()];
}

/** `read` computed once per distinct argument list. */
function memoised(read: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  const cache = new Map<string, unknown>();
  return (...args) => {
    const key = canonicalJson(args);
    if (!cache.has(key)) cache.set(key, read(...args));
    return cache.get(key);
  };
}

/** Every reader of `experiments` over one runner's results, each result assembled once however many claims read it. */
export function readersOver(experiments: Readonly<Record<string, Experiment<object, Readonly<Record<string, Reader>>>>>, profile: Profile, runner: RunnerResults): Record<string, unknown> {
  const results: Record<string, unknown> = { profile };
  for (const [name, e] of Object.entries(experiments)) {
    for (const [reader, read] of Object.entries(e.readers)) {
      if (reader in results) throw new RangeError(`experiment ${name}: reader ${reader} is another experiment's`);
      results[reader] = memoised((...args) => (read as (p: Profile, r: RunnerResults, ...a: unknown[]) => unknown)(profile, runner, ...args));
    }
  }
  return results;
}
