import type { PhaseDiagramProtocol, Protocol, RunOverrides } from '../protocols/index.ts';
import type { KramersLangerOptions } from '../run/index.ts';
import { canonicalJson } from './run-cache.ts';
import type { SeedPlan } from './phase-sweeps.ts';

// A job is one unit the runner executes: plain, serialisable data that names everything that determines its
// result. The runner knows jobs, never the claims or experiments that asked for them.

/** SGD runs of one protocol (src/run/run-protocol.ts), one per seed. */
export interface SeedRunsJob {
  readonly kind: 'seed-runs';
  /** Words for progress and --plan; not part of the job's identity. */
  readonly label: string;
  readonly protocol: Protocol;
  readonly seeds: readonly number[];
  readonly overrides: RunOverrides;
}

/** Quasi-static β sweeps of Fig. 3 (src/run/phase-sweep.ts), one data seed each. */
export interface PhaseSweepsJob {
  readonly kind: 'phase-sweeps';
  readonly label: string;
  readonly protocol: PhaseDiagramProtocol;
  readonly seeds: readonly SeedPlan[];
}

/** The Appendix F analysis at one β (src/run/kramers-langer.ts): Hessians, zero modes, Eq. 11/12, gradient noise. */
export interface KramersLangerJob {
  readonly kind: 'kramers-langer';
  readonly label: string;
  readonly options: KramersLangerOptions;
}

export type Job = SeedRunsJob | PhaseSweepsJob | KramersLangerJob;

/** A job's identity: everything but its label, as canonical JSON (equal jobs asked for twice run once). */
export function jobKey(job: Job): string {
  const { label: _label, ...identity } = job;
  return canonicalJson(identity);
}

/** The jobs in first-asked order, each identity once (the first label kept). */
export function distinctJobs(jobs: readonly Job[]): Job[] {
  const byKey = new Map<string, Job>();
  for (const job of jobs) if (!byKey.has(jobKey(job))) byKey.set(jobKey(job), job);
  return [...byKey.values()];
}

/** The units a job reports progress in: its seeds, or 1 for an analysis. */
export function jobUnits(job: Job): number {
  return job.kind === 'kramers-langer' ? 1 : job.seeds.length;
}
