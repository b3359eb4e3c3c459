import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, Option } from 'commander';
import { loadLedger } from '../claims/index.ts';
import { evaluatePlan, formatPlan, planFor, renderAudit, runPlan, shardPlan, type Plan } from '../pipeline/index.ts';
import { PROFILES, type Profile } from '../protocols/index.ts';
import { checkOutputWritable, formatVerdictTable, writeCiReports, type Results } from '../report/index.ts';
import { DEFAULT_RUN_CACHE_DIR, PROVENANCE_FILE, TIMINGS_FILE, jobKey, jobTimings, provenanceLine, provenanceOf, readMergeLog, serialiseProvenance, serialiseTimings, type Shard } from '../runner/index.ts';
import type { CliIo } from './cli-io.ts';
import { resolveClaimIds } from './claim-ids.ts';
import { colourWanted } from './colour.ts';
import { integerInRange, nonEmptyList, nonEmptyPath, shardOption } from './parse-option.ts';
import { formatSeconds, lineWidth, progressReporter, type ProgressReporter } from './progress.ts';
import { UsageError } from './usage-error.ts';
import { assertOutputsApart, assertWritable } from './writable.ts';

export interface ReproduceOptions {
  profile: Profile;
  only?: string[];
  workers: number;
  out: string;
  /** Run cache folder, or false for none. */
  cache: string | false;
  /** Print the plan and its cost, run nothing. */
  plan?: boolean;
  colour: boolean;
  /** The width a line may take when stdout is a terminal (one column short of it): the verdict table's lines are cut to it. */
  width?: number | undefined;
  /** JUnit XML file, one test case per claim. */
  junit?: string;
  /** Allow more workers than the machine has cores. */
  forceWorkers?: boolean;
  /** Run only this slice of the plan into the cache; evaluate and render nothing. */
  shard?: Shard;
}

/** Each worker is a process of a few hundred MB: more than the cores only slows the run and can exhaust memory. */
export const MAX_FORCED_WORKERS = 64;

/** Refuses, before any work (a --plan too), a worker count beyond the cores (unless forced), outputs that overlap each other or
 * the checkout's own files, and an output or cache folder that cannot be written. */
export function checkReproduceOptions(options: ReproduceOptions, cores = availableParallelism()): void {
  if (options.workers > cores && options.forceWorkers !== true) {
    throw new UsageError(`--workers ${options.workers} exceeds this machine's ${cores} core(s); lower it or add --force-workers.`);
  }
  if (options.shard !== undefined && options.cache === false) {
    throw new UsageError('--shard fills the cache for a later run: it cannot be combined with --no-cache.');
  }
  if (options.shard !== undefined && options.junit !== undefined) {
    throw new UsageError('--junit reports the claims, which a --shard run does not evaluate: give it to the final run.');
  }
  assertOutputsApart({
    ...(options.shard === undefined ? { out: options.out } : {}),
    ...(options.cache === false ? {} : { cache: options.cache }),
    junit: options.junit,
    stepSummary: options.shard === undefined ? process.env.GITHUB_STEP_SUMMARY : undefined,
  });
  if (options.shard === undefined) {
    try {
      checkOutputWritable(options.out);
    } catch (error) {
      throw new UsageError(`--out: ${(error as Error).message}`);
    }
  }
  if (options.cache !== false) assertWritable(options.cache, '--cache', 'folder');
  if (options.junit !== undefined) assertWritable(options.junit, '--junit', 'file');
}

/** Exit code when a verdict or value differs from its pinned outcome (usage errors are 2). */
export const DRIFT_EXIT_CODE = 1;

function plan(options: ReproduceOptions, cacheDir: string | null): Plan {
  let whole: Plan;
  // Ids and patterns (`tau-*`) to ledger ids; an unknown one is refused with the closest ids.
  const only = options.only === undefined ? undefined : resolveClaimIds('--only', options.only, loadLedger().claims.map((c) => c.id));
  try {
    whole = planFor({ profile: options.profile, ...(only ? { only } : {}), cacheDir });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--only: ${error.message}`);
    throw error;
  }
  return options.shard === undefined ? whole : shardPlan(whole, options.shard, cacheDir);
}

/** The one line Ctrl-C leaves: what is kept, and how to go on. */
export function interruptMessage(cacheDir: string | null, counts: { computed: number }): string {
  return cacheDir === null
    ? 'metastable: interrupted; nothing was cached (--no-cache), so a rerun starts over.\n'
    : `metastable: interrupted; the ${counts.computed} run(s) finished so far are kept in ${cacheDir}: the same command resumes from them.\n`;
}

/** Runs the plan's jobs with live progress (a live display on a terminal, lines elsewhere); the display is ended when it returns. */
async function runWithProgress(audit: Plan, options: ReproduceOptions, cacheDir: string | null, io: CliIo, header: string) {
  let progress: ProgressReporter | undefined;
  // Ctrl-C: every finished unit is already in the cache (written atomically), so say so and stop with 130. Listened
  // for before the first line, so that a Ctrl-C once the run has said it started always gets the message.
  const interrupted = () => {
    progress?.stop();
    io.stderr(interruptMessage(cacheDir, progress?.counts() ?? { computed: 0 }));
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    io.stderr(header);
    progress = progressReporter({ plan: audit, workers: options.workers, stderr: io.stderr, terminal: io.terminal });
    const reporter = progress;
    const runner = await runPlan(audit, { workers: options.workers, cacheDir, onProgress: reporter.onProgress, onCacheProblem: (line) => reporter.log(line) });
    return { runner, ...reporter.counts(), jobSeconds: reporter.jobSeconds(), timings: jobTimings(audit.jobs, reporter.finishedJobs()) };
  } finally {
    process.off('SIGINT', interrupted);
    progress?.stop();
  }
}

/**
 * Each claim's seconds for JUnit: its own evaluation, and the own time of every job it needed (a job shared by claims
 * counts for each).
 */
export function claimSeconds(audit: Plan, jobSeconds: ReadonlyMap<string, number>, evaluationSeconds: ReadonlyMap<string, number> = new Map()): Map<string, number> {
  const times = new Map<string, number>(audit.claims.map((c) => [c.id, evaluationSeconds.get(c.id) ?? 0]));
  for (const { job, neededBy } of audit.jobs) for (const id of neededBy) times.set(id, (times.get(id) ?? 0) + (jobSeconds.get(jobKey(job)) ?? 0));
  return times;
}

/** What a shard ran, on stdout: its jobs with their seeds, how many were computed and read from the cache. */
function shardSummary(audit: Plan, shard: Shard, cacheDir: string, counts: { computed: number; cached: number }, seconds: number): string {
  const lines = [
    `Shard ${shard.index}/${shard.count} of profile ${audit.profile}: ${audit.jobs.length} job(s) or parts of jobs, ` +
      `${counts.computed} run(s) computed, ${counts.cached} read from the cache, in ${formatSeconds(seconds)}.`,
    ...audit.jobs.map(({ job }) => `  ${job.label}`),
    `Cache: ${cacheDir}. Merge every shard's cache (npx metastable cache merge DIR... --into DIR), then run` +
      ` npm run reproduce with the same flags and no --shard to evaluate and report.`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The verdict counts under the table, worded as REPORT.md counts them: every claim once, the arithmetic checks on
 * printed numbers apart from the verdicts (report.html's header counts them among the verdicts, to the same total).
 */
export function verdictCountsLine(results: Results): string {
  const s = results.summary;
  return (
    `${results.claims.length} claims: ${s.reproduced} reproduced, ${s.deviates} deviate, ${s.inconsistent} inconsistent, ` +
    `${s.inconclusive} inconclusive, ${s['not evaluated']} not evaluated; ${s.arithmetic ?? 0} arithmetic checks on printed numbers, counted apart.`
  );
}

/** Plans, runs, evaluates and renders the selected claims, prints the verdict table; returns the exit code. */
export async function reproduce(options: ReproduceOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const cacheDir = options.cache === false ? null : options.cache;
  checkReproduceOptions(options);
  const audit = plan(options, cacheDir);
  if (options.plan) {
    io.stdout(formatPlan(audit, options.workers));
    return 0;
  }
  // Read before any work: a damaged merge log is one line and exit 2 now, not after the runs.
  const mergeLog = cacheDir === null ? [] : readMergeLog(cacheDir);
  const slice = options.shard === undefined ? '' : `, shard ${options.shard.index}/${options.shard.count}`;
  const header = `metastable reproduce: ${audit.claims.length} claim(s), profile ${options.profile}${slice}, ${audit.jobs.length} job(s)\n`;
  const { runner, computed, cached, jobSeconds, timings } = await runWithProgress(audit, options, cacheDir, io, header);
  if (options.shard !== undefined) {
    io.stdout(shardSummary(audit, options.shard, cacheDir!, { computed, cached }, (performance.now() - started) / 1000));
    return 0;
  }
  io.stderr(`  ${computed + cached} run(s): ${computed} computed, ${cached} read from the cache; evaluating and rendering\n`);
  const evaluated = evaluatePlan(audit, runner);
  const provenance = provenanceOf(cacheDir, mergeLog, { computed, cached });
  const { record, written } = await renderAudit(evaluated, options.out, { [TIMINGS_FILE]: serialiseTimings(timings), [PROVENANCE_FILE]: serialiseProvenance(provenance) });
  writeCiReports(record, { junit: options.junit, stepSummary: process.env.GITHUB_STEP_SUMMARY, times: claimSeconds(audit, jobSeconds, evaluated.evaluationSeconds) });
  io.stdout(formatVerdictTable(record.claims, { colour: options.colour, width: options.width }));
  const html = written.find((f) => f.endsWith('report.html'));
  const fedBy = provenanceLine(provenance);
  if (fedBy !== null) io.stderr(`metastable reproduce: ${fedBy}\n`);
  io.stdout(`\n${verdictCountsLine(record)}\nReport: ${html === undefined ? '' : `${pathToFileURL(resolve(html)).href}  `}${written[written.length - 1]}\n`);
  const drifted = record.claims.filter((c) => c.drift.length > 0);
  for (const c of drifted) io.stderr(`metastable reproduce: ${c.id} differs from its pinned outcome: ${c.drift.join('; ')}\n`);
  if (drifted.length > 0) io.stderr('If the change is intended, review it and pin it with: npm run golden\n');
  const code = drifted.length > 0 ? DRIFT_EXIT_CODE : 0;
  io.stderr(`metastable reproduce: finished in ${((performance.now() - started) / 1000).toFixed(1)} s (exit ${code})\n`);
  return code;
}

export function reproduceCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('reproduce')
    .description(
      'Recompute every claim of the ledger (golden/claims.json): plan the experiments the claims need, run them, ' +
        'evaluate each claim, print the verdict table and write REPORT.md, report.html, results.json, the figures, timings.json (measured CPU time beside the estimate) and provenance.json (what was computed, what read from the cache and the sources merged into it). ' +
        'Exits 1 when a verdict or value differs from its pinned outcome.',
    )
    .addOption(
      new Option('--profile <P>', 'size of the stochastic experiments: smoke, quick or full (the paper\'s protocol)')
        .choices(PROFILES)
        .default('full'),
    )
    .option(
      '--only <IDS>',
      'comma-separated claim ids or patterns (* any characters, ? one: "tau-*") to evaluate (default: all; an empty list is refused); only their experiments run',
      nonEmptyList('--only'),
    )
    .option('--plan', 'print the experiments and jobs the selected claims need, with runs, SGD steps and an estimated time; run nothing')
    .option(
      '--shard <K/N>',
      "run only the K-th of N slices of the plan's (job, seed) units, dealt by estimated cost, into the cache; evaluate nothing " +
        '(with --plan: print that slice). Merge the shards\' caches with `metastable cache merge`, then run without --shard',
      shardOption('--shard'),
    )
    .option(
      '--workers <N>',
      `worker processes that run seeds in parallel, at most this machine's cores (results do not depend on it)`,
      integerInRange('--workers', 1, MAX_FORCED_WORKERS),
      Math.min(2, availableParallelism()),
    )
    .option('--force-workers', `allow --workers above the core count (up to ${MAX_FORCED_WORKERS})`)
    .option('--out <DIR>', 'folder for REPORT.md, report.html, results.json, figures/, timings.json and provenance.json (replaced as a whole)', nonEmptyPath('--out'), 'out')
    .option('--cache <DIR>', 'cache of completed SGD runs, β sweeps and analyses (an interrupted run resumes from it)', nonEmptyPath('--cache'), DEFAULT_RUN_CACHE_DIR)
    .option('--no-cache', 'run every experiment afresh, reading and writing no cache')
    .option(
      '--junit <FILE>',
      'also write JUnit XML: one test case per claim, a failure where it moved from its pin (with GITHUB_STEP_SUMMARY set, the verdict table is appended there)',
      nonEmptyPath('--junit'),
    )
    .addHelpText(
      'after',
      '\nVerdicts: reproduced (agrees within tolerance), deviates (does not; both numbers shown), inconsistent\n' +
        '(two places of the paper contradict each other), inconclusive (the statistics cannot decide).\n' +
        'Claims whose evaluator is not part of this run are listed as "not evaluated", never given a verdict.\n\n' +
        'Output and cache folders are checked writable, and every output apart (none inside --out, --cache or the checkout\'s\n' +
        'own files: golden/, src/, README.md, …), before any computation.\n' +
        'Progress goes to stderr, counted in the runs --plan totals: on a terminal one overall line (runs done, time\n' +
        'elapsed and left) over the jobs running, as many as it has rows for; otherwise (CI logs) one line per\n' +
        'finished job with its own time, the runs done of the total, the time elapsed and left. Ctrl-C keeps every\n' +
        'finished run in the cache: the same command resumes. The verdict table lists the claims that are not\n' +
        'reproduced first; report.html is named by its file:// address.\n\n' +
        'Sharded: each of N machines runs --shard K/N into its own cache (the same slice for the same plan, whatever\n' +
        'is cached); merge the caches with `metastable cache merge`; a final run without --shard computes nothing\n' +
        'cached and writes the same results.json as a single machine (REPRODUCE.md, "Sharded runs").\n\n' +
        'Through npm the flags go after `--`. Without it npm keeps --only, --cache and --no-cache with their values\n' +
        'and the command cannot tell (`npm run reproduce --only X` runs every claim); any other flag it can, and it\n' +
        'refuses the run with the line that was meant.\n\n' +
        'Exit codes: 0 every outcome matches its pin; 1 one differs; 2 bad input; 3 the run could not finish.\n\n' +
        'Examples:\n  npm run reproduce\n  npm run reproduce -- --only tau-rank1-trap --plan\n' +
        '  npm run reproduce -- --only beta-c-mode1,delta-e-min --out /tmp/audit\n' +
        '  npm run reproduce -- --shard 2/4 --cache cache-2 --plan',
    )
    .action(async (options: Omit<ReproduceOptions, 'colour'>) => {
      const width = process.stdout.isTTY === true ? lineWidth(process.stdout.columns) : undefined;
      setExitCode(await reproduce({ ...options, colour: colourWanted(process.stdout.isTTY === true, process.env), width }, io));
    });
}
