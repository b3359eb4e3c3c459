import { PHASE_DIAGRAM_FILE, loadOneWayJumps, type JumpGroup, type OneWayJumpsFile, type Profile } from '../protocols/index.ts';
import type { JumpLandscape, JumpSettingTask } from '../run/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import type { JumpRunsJob, RunnerResults } from '../runner/index.ts';
import { experiment, type NoParams } from './experiment.ts';

// an audit experiment: rank-2 → rank-1 falls of the phase-diagram network under SGD,
// the direction in which [18] says SGD noise can act. Settings from golden/protocols/one-way-jumps.json.

/** First SGD seed; setting s (numbered across groups and rates) runs FIRST_SEED + 1000·s + k, k < seeds. */
const FIRST_SEED = 1_000_000;

export interface JumpPoint {
  readonly lr: number;
  readonly batch: number;
  /** B/ηlr: Eq. 4's 1/T_eff up to the noise factor. */
  readonly x: number;
  readonly seeds: number[];
  readonly runs: EscapeRun[];
}

export interface JumpGroupResult extends JumpGroup {
  readonly landscape: JumpLandscape;
  readonly points: JumpPoint[];
}

export interface OneWayJumps {
  readonly profile: Profile;
  readonly budget: number;
  readonly dataSeed: number;
  readonly groups: JumpGroupResult[];
}

function seedsOf(setting: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => FIRST_SEED + 1000 * setting + k);
}

function groupTasks(file: OneWayJumpsFile, profile: Profile, groupIndex: number): JumpSettingTask[] {
  const group = file.groups[groupIndex]!;
  const { seeds, budget } = file.profiles[profile];
  return file.learningRates.map((lr, r) => ({
    protocol: PHASE_DIAGRAM_FILE.settings,
    dataSeed: file.dataSeed,
    delta: group.delta,
    settings: { lr, batch: file.batch, budget, sampling: group.sampling, mode: file.mode, crossing: 'fall', threshold: file.fallThreshold, checkEvery: 1 },
    sgdSeeds: seedsOf(groupIndex * file.learningRates.length + r, seeds),
  }));
}

/** One job per group (a way of drawing batches and a β), one task per learning rate. */
export function oneWayJumpsJobs(profile: Profile, file: OneWayJumpsFile = loadOneWayJumps()): JumpRunsJob[] {
  const { seeds, budget } = file.profiles[profile];
  return file.groups.map((g, i) => ({
    kind: 'jump-runs',
    label: `downward jumps (rank 2 → 1), ${g.sampling}, β = β_weak − ${g.delta}: ${file.learningRates.length} ηlr × ${seeds} seeds × ≤ ${budget} epochs`,
    tasks: groupTasks(file, profile, i),
  }));
}

export function oneWayJumpsResult(profile: Profile, runner: RunnerResults, file: OneWayJumpsFile = loadOneWayJumps()): OneWayJumps {
  const jobs = oneWayJumpsJobs(profile, file);
  const groups = jobs.map((job, i): JumpGroupResult => {
    const results = runner.get(job);
    return {
      ...file.groups[i]!,
      landscape: results[0]!.landscape,
      points: job.tasks.map((task, r) => ({
        lr: task.settings.lr,
        batch: task.settings.batch,
        x: task.settings.batch / task.settings.lr,
        seeds: [...task.sgdSeeds],
        runs: results[r]!.runs,
      })),
    };
  });
  return { profile, budget: file.profiles[profile].budget, dataSeed: file.dataSeed, groups };
}

/** rank-2 → rank-1 falls under SGD (an audit experiment). */
export const oneWayJumpsExperiment = experiment({
  jobs: (_: NoParams, profile) => oneWayJumpsJobs(profile),
  readers: { oneWayJumps: (profile, runner) => oneWayJumpsResult(profile, runner) },
});
