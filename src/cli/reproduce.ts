import { Command, Option } from 'commander';
import { evaluateClaims, selectClaims, type ClaimResult } from '../claims/evaluate.ts';
import { loadLedger } from '../claims/ledger.ts';
import type { ReportFigure } from '../report/markdown.ts';
import { FIGURE_DIR } from '../report/markdown.ts';
import { DEFAULT_RUN_CACHE_DIR, ExperimentStore, PROFILES, type Profile } from '../experiments/index.ts';
import { buildResults } from '../report/results.ts';
import { formatVerdictTable } from '../report/verdict-table.ts';
import { writeReport } from '../report/write-report.ts';
import type { CliIo } from './cli-io.ts';
import { availableParallelism } from 'node:os';
import { integerInRange, nonEmptyList, nonEmptyPath } from './parse-option.ts';
import { UsageError } from './usage-error.ts';
import { assertWritable } from './writable.ts';

export interface ReproduceOptions {
  profile: Profile;
  only?: string[];
  workers: number;
  out: string;
  /** Run cache folder, or false for none. */
  cache: string | false;
  colour: boolean;
  /** Allow more workers than the machine has cores. */
  forceWorkers?: boolean;
}

/** Each worker is a process of a few hundred MB: more than the cores only slows the run and can exhaust memory. */
export const MAX_FORCED_WORKERS = 64;

/** Refuses, before any work, a worker count beyond the cores (unless forced) and an output or cache folder that cannot be written. */
export function checkReproduceOptions(options: ReproduceOptions, cores = availableParallelism()): void {
  if (options.workers > cores && options.forceWorkers !== true) {
    throw new UsageError(`--workers ${options.workers} exceeds this machine's ${cores} core(s); lower it or add --force-workers.`);
  }
  assertWritable(options.out, '--out', 'folder');
  if (options.cache !== false) assertWritable(options.cache, '--cache', 'folder');
}

/** Exit code when a verdict or value differs from its pinned outcome (usage errors are 2). */
export const DRIFT_EXIT_CODE = 1;

export type FigureSource = () => Promise<ReportFigure[]>;

/** The analytic figures, then each figure the evaluations drew from their experiments, every id once. */
export function collectFigures(analytic: readonly ReportFigure[], results: readonly ClaimResult[]): ReportFigure[] {
  const byId = new Map<string, ReportFigure>(analytic.map((f) => [f.id, f]));
  for (const r of results) for (const f of r.evaluation?.figures ?? []) if (!byId.has(f.id)) byId.set(f.id, f);
  return [...byId.values()];
}

/** Evaluates the ledger, writes the report, prints the verdict table; returns the exit code. */
export async function reproduce(options: ReproduceOptions, io: CliIo, figureSource: FigureSource): Promise<number> {
  const started = performance.now();
  checkReproduceOptions(options);
  const ledger = loadLedger();
  let claims;
  try {
    claims = selectClaims(ledger, options.only);
  } catch (error) {
    throw new UsageError(`--only: ${(error as Error).message}`);
  }
  io.stderr(`metastable reproduce: ${claims.length} claim(s), profile ${options.profile}\n`);
  const experiments = new ExperimentStore({
    profile: options.profile,
    workers: options.workers,
    cacheDir: options.cache === false ? null : options.cache,
    onProgress: (line) => io.stderr(`${line}\n`),
  });
  let results: ClaimResult[];
  try {
    results = await evaluateClaims(claims, { experiments }, (done, total, id) => io.stderr(`  [${done}/${total}] ${id}\n`));
  } finally {
    await experiments.close();
  }
  io.stderr('  rendering figures\n');
  const figures = collectFigures(await figureSource(), results);
  const record = buildResults(
    results,
    options.profile,
    figures.map((f) => ({ id: f.id, title: f.title, file: `${FIGURE_DIR}/${f.id}.svg` })),
  );
  const written = writeReport(options.out, record, figures);
  io.stdout(formatVerdictTable(record.claims, options.colour));
  const s = record.summary;
  io.stdout(
    `\n${s.reproduced} reproduced, ${s.deviates} deviate, ${s.inconsistent} inconsistent, ${s.inconclusive} inconclusive, ` +
      `${s['not evaluated']} not evaluated. Report: ${written[written.length - 1]}\n`,
  );
  const drifted = record.claims.filter((c) => c.drift.length > 0);
  for (const c of drifted) io.stderr(`metastable reproduce: ${c.id} differs from its pinned outcome: ${c.drift.join('; ')}\n`);
  if (drifted.length > 0) io.stderr('If the change is intended, review it and pin it with: npm run golden\n');
  const code = drifted.length > 0 ? DRIFT_EXIT_CODE : 0;
  io.stderr(`metastable reproduce: finished in ${((performance.now() - started) / 1000).toFixed(1)} s (exit ${code})\n`);
  return code;
}

export function reproduceCommand(io: CliIo, figureSource: FigureSource, setExitCode: (code: number) => void): Command {
  return new Command('reproduce')
    .description(
      'Recompute every claim of the ledger (golden/claims.json), print the verdict table and write REPORT.md, ' +
        'results.json and the figures. Exits 1 when a verdict or value differs from its pinned outcome.',
    )
    .addOption(
      new Option('--profile <P>', 'size of the stochastic experiments: smoke, quick or full (the paper\'s protocol)')
        .choices(PROFILES)
        .default('full'),
    )
    .option('--only <IDS>', 'comma-separated claim ids to evaluate (default: all; an empty list is refused)', nonEmptyList('--only'))
    .option(
      '--workers <N>',
      `worker processes that run seeds in parallel, at most this machine's cores (results do not depend on it)`,
      integerInRange('--workers', 1, MAX_FORCED_WORKERS),
      Math.min(2, availableParallelism()),
    )
    .option('--force-workers', `allow --workers above the core count (up to ${MAX_FORCED_WORKERS})`)
    .option('--out <DIR>', 'folder for REPORT.md, results.json and figures/', nonEmptyPath('--out'), 'out')
    .option('--cache <DIR>', 'cache of completed runs (an interrupted run resumes from it)', nonEmptyPath('--cache'), DEFAULT_RUN_CACHE_DIR)
    .option('--no-cache', 'run every experiment afresh, reading and writing no cache')
    .addHelpText(
      'after',
      '\nVerdicts: reproduced (agrees within tolerance), deviates (does not; both numbers shown), inconsistent\n' +
        '(two places of the paper contradict each other), inconclusive (the statistics cannot decide).\n' +
        'Claims whose evaluator is not part of this run are listed as "not evaluated", never given a verdict.\n\n' +
        'Output and cache folders are checked writable before any computation.\n' +
        'Exit codes: 0 every outcome matches its pin; 1 one differs; 2 bad input; 3 the run could not finish.\n\n' +
        'Examples:\n  npm run reproduce\n  npm run reproduce -- --only beta-c-mode1,delta-e-min --out /tmp/audit',
    )
    .action(async (options: Omit<ReproduceOptions, 'colour'>) => {
      setExitCode(await reproduce({ ...options, colour: process.stdout.isTTY === true }, io, figureSource));
    });
}
