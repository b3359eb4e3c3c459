// The pinned smoke summary of the trapping experiments (golden/smoke/trapping.json): per experiment and escape rule,
// which seeds started trapped, when each escaped, the Kaplan–Meier median and σ2 at the checkpoint. `npm test`
// recomputes it from scratch and gates on it exactly; `npm run golden -- --trapping-smoke` rewrites it, accepting a
// moved summary only when the escapes are statistically consistent with the pinned ones.
import { fileURLToPath } from 'node:url';
import { escapeStatistics } from '../claims/index.ts';
import {
  DATA_SCHEMES,
  ESCAPE_RULES,
  SPARSE_BATCHES,
  TRAPPING_PROTOCOLS,
  checkpointSigma,
  escapeOutcomes,
  sparseRunsJob,
  trappingRunsJob,
  type EscapeRuleName,
  type RunRecord,
} from '../experiments/index.ts';
import { ENGINE_VERSION } from '../run/index.ts';
import { executeJobs, type RunnerResults, type SeedRunsJob } from '../runner/index.ts';
import { DEFAULT_ALPHA, escapeCountTest, fitExponential, type EscapeOutcome, type EscapeRun } from '../stats/index.ts';

export const TRAPPING_SMOKE_PATH = fileURLToPath(new URL('../../golden/smoke/trapping.json', import.meta.url));
export const TRAPPING_SMOKE_SCHEMA = fileURLToPath(new URL('../../golden/smoke/trapping.schema.json', import.meta.url));

/** The false-failure rate of the consistency check a golden update applies to each moved group. */
export const UPDATE_ALPHA = 1e-3;

export interface SmokeGroup {
  /** e.g. "rank1-trap per-seed" or "sparse small-batch fixed". */
  experiment: string;
  rule: EscapeRuleName;
  budget: number;
  seeds: number[];
  /** Per seed, whether it started trapped (the pinned file's name for it). */
  trapped: boolean[];
  /** Escape epoch per seed (null: censored, or the run did not start trapped). */
  escapeEpochs: (number | null)[];
  trappedCount: number;
  escapes: number;
  kmMedian: number | null;
  /** σ2 of the end-to-end map at the checkpoint, per seed (null: random start). */
  checkpointSigma2: (number | null)[];
}

export interface TrappingSmoke {
  profile: 'smoke';
  engineVersion: string;
  groups: SmokeGroup[];
}

function group(experiment: string, records: readonly RunRecord[], rule: EscapeRuleName): SmokeGroup {
  const outcomes = escapeOutcomes(records, rule);
  const s = escapeStatistics(outcomes, DEFAULT_ALPHA);
  return {
    experiment,
    rule,
    budget: s.budget,
    seeds: outcomes.map((o) => o.seed),
    trapped: outcomes.map((o) => o.trapped),
    escapeEpochs: outcomes.map((o) => (o.trapped ? o.escapeEpoch : null)),
    trappedCount: s.runs.length,
    escapes: s.escapes,
    kmMedian: s.km?.median.estimate ?? null,
    checkpointSigma2: records.map((r) => checkpointSigma(r, 2)),
  };
}

/** The smoke profile's main runs, in the summary's order: per data scheme, the three protocols, then both sparse batches. */
function smokeJobs(): { experiment: string; job: SeedRunsJob; rules: readonly EscapeRuleName[] }[] {
  return DATA_SCHEMES.flatMap((scheme) => [
    ...TRAPPING_PROTOCOLS.map((p) => ({ experiment: `${p} ${scheme}`, job: trappingRunsJob(p, 'smoke', scheme), rules: ESCAPE_RULES })),
    ...SPARSE_BATCHES.map((b) => ({ experiment: `sparse ${b} ${scheme}`, job: sparseRunsJob('smoke', b, scheme), rules: ['sigma-threshold'] as const })),
  ]);
}

/** The summary from executed smoke jobs. */
export function trappingSmokeOf(runner: RunnerResults): TrappingSmoke {
  const groups = smokeJobs().flatMap(({ experiment, job, rules }) => rules.map((rule) => group(experiment, runner.get(job), rule)));
  return { profile: 'smoke', engineVersion: ENGINE_VERSION, groups };
}

/** Runs the smoke profile's main runs (`cacheDir` null: from scratch) and summarises them. */
export async function computeTrappingSmoke(workers = 1, cacheDir: string | null = null): Promise<TrappingSmoke> {
  return trappingSmokeOf(await executeJobs(smokeJobs().map((s) => s.job), { workers, cacheDir }));
}

function escapeRuns(g: SmokeGroup): EscapeRun[] {
  const outcomes: EscapeOutcome[] = g.seeds.map((seed, i) => ({ seed, trapped: g.trapped[i]!, escapeEpoch: g.escapeEpochs[i] ?? null, budget: g.budget }));
  return escapeStatistics(outcomes, DEFAULT_ALPHA).runs;
}

export interface SmokeConsistency {
  consistent: boolean;
  lines: string[];
}

/**
 * Whether a moved summary may replace the pinned one: for each group whose escapes moved, the new runs' escape count
 * is tested (exact binomial, escapeCountTest at UPDATE_ALPHA) against the pinned runs' mean escape time — the
 * censored MLE, or, where no pinned run escaped, the lower end of its 1 − α interval (the shortest τ it allows). A
 * group whose set of groups or budget changed is never consistent.
 */
export function smokeConsistency(pinned: TrappingSmoke, now: TrappingSmoke): SmokeConsistency {
  const lines: string[] = [];
  let consistent = pinned.groups.length === now.groups.length;
  if (!consistent) lines.push(`the groups changed: ${pinned.groups.length} pinned, ${now.groups.length} now`);
  now.groups.forEach((g, i) => {
    const old = pinned.groups[i];
    const label = `${g.experiment} / ${g.rule}`;
    if (old === undefined || old.experiment !== g.experiment || old.rule !== g.rule || old.budget !== g.budget) {
      consistent = false;
      lines.push(`${label}: not pinned under the same experiment, rule and budget`);
      return;
    }
    if (JSON.stringify(old) === JSON.stringify(g)) return;
    const before = escapeRuns(old);
    const after = escapeRuns(g);
    const moved = `trapped ${old.trappedCount} → ${g.trappedCount}, escapes ${old.escapes} → ${g.escapes}, KM median ${old.kmMedian} → ${g.kmMedian}`;
    if (after.length === 0 || before.length === 0) {
      const same = after.length === before.length;
      consistent &&= same;
      lines.push(`${label}: ${moved}; ${same ? 'no trapped runs either way' : 'trapped runs appeared or vanished: not comparable'} (no test)`);
      return;
    }
    const fit = fitExponential(before, DEFAULT_ALPHA);
    const pinnedMean = fit.meanTime ?? fit.interval.lower;
    const test = escapeCountTest(after, g.budget, pinnedMean, UPDATE_ALPHA);
    consistent &&= !test.rejects;
    lines.push(
      `${label}: ${moved}; escape-count test (exact binomial, α = ${UPDATE_ALPHA}) of the new runs against the pinned τ = ${pinnedMean.toPrecision(4)}: ` +
        `p = ${test.pValue.toPrecision(3)}${test.rejects ? ' — rejects: inconsistent' : ' — consistent'}`,
    );
  });
  return { consistent, lines };
}
