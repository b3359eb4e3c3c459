import { jobKey } from './job.ts';
import type { Job, JobResult } from './jobs/kinds.ts';

/** A job was read that the plan never ran: a planning defect, named so it can be fixed where it was made. */
export class MissingResultError extends Error {
  constructor(job: Job) {
    super(`no result for the job "${job.label}": the claim's evaluator reads an experiment its plan did not ask for`);
    this.name = 'MissingResultError';
  }
}

/** The results of executed jobs, looked up by the job's identity. Serialisable as its entries. */
export class RunnerResults {
  private readonly byKey = new Map<string, unknown>();

  set<J extends Job>(job: J, result: JobResult<J>): void {
    this.byKey.set(jobKey(job), result);
  }

  has(job: Job): boolean {
    return this.byKey.has(jobKey(job));
  }

  /** Every result by job identity, in the order set: what a recording of the results stores. */
  entries(): [string, unknown][] {
    return [...this.byKey.entries()];
  }

  /** Results read back from a recording (`entries()`), e.g. the specs' recorded smoke results. */
  static fromEntries(entries: readonly (readonly [string, unknown])[]): RunnerResults {
    const results = new RunnerResults();
    for (const [key, value] of entries) results.byKey.set(key, value);
    return results;
  }

  get<J extends Job>(job: J): JobResult<J> {
    const key = jobKey(job);
    if (!this.byKey.has(key)) throw new MissingResultError(job);
    return this.byKey.get(key) as JobResult<J>;
  }
}
