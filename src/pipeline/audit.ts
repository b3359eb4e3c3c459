import {
  describeTolerance,
  evaluateClaim,
  judgeThesis,
  loadLedger,
  loadThesis,
  reportFigures,
  robustnessFigure,
  selectClaims,
  type EvidenceFigure,
  type Thesis,
  type ThesisDefinition,
} from '../claims/index.ts';
import { experimentResults } from '../experiments/index.ts';
import { DEFAULT_ALPHA } from '../stats/index.ts';
import { checkAgainstPin, type ClaimResult } from '../pins/index.ts';
import type { Profile } from '../protocols/index.ts';
import { FIGURE_DIR, buildResults, renderFigures, writeReport, type Results, type ToleranceTexts } from '../report/index.ts';
import { executeJobs, type ProgressEvent, type RunnerResults } from '../runner/index.ts';
import { planAudit, type Plan } from './plan.ts';

// plan → run → evaluate → render, shared by `metastable reproduce` and `npm run golden`. Each stage takes the
// previous stage's output as data; none reaches back.

export interface AuditOptions {
  readonly profile: Profile;
  /** Claim ids to evaluate (default: all). */
  readonly only?: readonly string[];
  readonly workers: number;
  /** Run cache folder, or null for none. */
  readonly cacheDir: string | null;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Told once of each run-cache entry refused and recomputed. */
  readonly onCacheProblem?: (line: string) => void;
}

/** Plan: the selected claims of the ledger, their experiments and jobs. Throws RangeError on an unknown id. */
export function planFor(options: Pick<AuditOptions, 'profile' | 'only' | 'cacheDir'>): Plan {
  return planAudit(selectClaims(loadLedger(), options.only), options.profile, options.cacheDir);
}

/** Run: every job of the plan, through the worker pool and the run cache. */
export function runPlan(plan: Plan, options: Pick<AuditOptions, 'workers' | 'cacheDir' | 'onProgress' | 'onCacheProblem'>): Promise<RunnerResults> {
  return executeJobs(
    plan.jobs.map((j) => j.job),
    {
      workers: options.workers,
      cacheDir: options.cacheDir,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onCacheProblem ? { onCacheProblem: options.onCacheProblem } : {}),
    },
  );
}

/** What the evaluate stage hands the render stage. */
export interface Audit {
  readonly profile: Profile;
  readonly results: readonly ClaimResult[];
  /** The report's analytic figures, then each figure the evaluations drew, every id once. */
  readonly figures: readonly EvidenceFigure[];
  readonly tolerances: ToleranceTexts;
  /** The paper's central claims, judged from this run's outcomes. */
  readonly thesis: Thesis;
  /** Each claim's evaluation in seconds of wall time (for JUnit; never in results.json, which is deterministic). */
  readonly evaluationSeconds: ReadonlyMap<string, number>;
}

const nonNull = <T>(x: T | null): T[] => (x === null ? [] : [x]);

/** The analytic figures, then each figure the evaluations drew from their experiments, every id once. */
export function collectFigures(analytic: readonly EvidenceFigure[], results: readonly ClaimResult[]): EvidenceFigure[] {
  const byId = new Map<string, EvidenceFigure>(analytic.map((f) => [f.id, f]));
  for (const r of results) for (const f of r.evaluation?.figures ?? []) if (!byId.has(f.id)) byId.set(f.id, f);
  return [...byId.values()];
}

/** Evaluate: each claim from the experiments' results, in ledger order, held against its pin; then the thesis from their outcomes. */
export function evaluatePlan(plan: Plan, runner: RunnerResults, thesis: ThesisDefinition = loadThesis(loadLedger())): Audit {
  const experiments = experimentResults(plan.profile, runner);
  const evaluationSeconds = new Map<string, number>();
  const results = plan.claims.map((claim) => {
    const started = performance.now();
    const result = checkAgainstPin(evaluateClaim(claim, experiments), plan.profile);
    evaluationSeconds.set(claim.id, (performance.now() - started) / 1000);
    return result;
  });
  return {
    evaluationSeconds,
    thesis: judgeThesis(thesis, new Map(results.map((r) => [r.claim.id, r.outcome]))),
    profile: plan.profile,
    results,
    figures: collectFigures([...reportFigures(), ...nonNull(robustnessFigure(results.map((r) => ({ id: r.claim.id, robustness: r.robustness }))))], results),
    tolerances: Object.fromEntries(plan.claims.map((c) => [c.id, describeTolerance(c.tolerance, c.paper.value)])),
  };
}

/** Render: figures to SVG, results.json and REPORT.md, and any extra files (name → text), into `outDir`. */
export async function renderAudit(audit: Audit, outDir: string, extras: Readonly<Record<string, string>> = {}): Promise<{ record: Results; written: string[] }> {
  const figures = await renderFigures(audit.figures);
  const record = buildResults(
    audit.results,
    audit.profile,
    figures.map((f) => ({ id: f.id, title: f.title, file: `${FIGURE_DIR}/${f.id}.svg` })),
    audit.tolerances,
    DEFAULT_ALPHA,
    audit.thesis,
  );
  return { record, written: writeReport(outDir, record, figures, extras) };
}
