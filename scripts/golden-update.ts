// Recomputes the pinned golden values from the code, shows what moved and by how much, and writes them:
//   golden/analytic.json  the analytic core's 50-digit values at the paper's points
//   golden/claims.json    each evaluated claim's pinned outcome (verdict, value, per-reading verdicts)
//   golden/smoke/phase-diagram.json  the phase-diagram smoke profile's transitions per data seed and direction
//   golden/smoke/trapping.json  the trapping experiments' smoke summary (alone with --trapping-smoke)
// Updating a golden file is a deliberate act: refused under CI.
//   npm run golden                        everything; stochastic claims run the full profile (minutes)
//   npm run golden -- --skip-stochastic   analytic and consistency pins only; stochastic pins are kept
//   (without --skip-stochastic it also re-records spec/fixtures/smoke-results.json.gz, the evaluator specs' results)
import { existsSync } from 'node:fs';
import { $, argv, chalk } from 'zx';
import { CLAIMS_PATH, loadLedger } from '../src/claims/index.ts';
import { GoldenFileError, loadValidatedJson, writeFileAtomic } from '../src/io/index.ts';
import { evaluatePlan, planAudit, runPlan } from '../src/pipeline/index.ts';
import {
  ANALYTIC_GOLDEN_PATH,
  PHASE_DIAGRAM_SMOKE_PATH,
  TRAPPING_SMOKE_PATH,
  TRAPPING_SMOKE_SCHEMA,
  computeAnalyticGolden,
  computePhaseDiagramSmoke,
  computeTrappingSmoke,
  analyticDrift,
  driftFromPinned,
  formatChange,
  loadAnalyticGolden,
  pinDifferences,
  loadPhaseDiagramSmoke,
  smokeConsistency,
  snapshotOf,
  writePhaseDiagramSmoke,
  type TrappingSmoke,
} from '../src/pins/index.ts';
import { DEFAULT_RUN_CACHE_DIR } from '../src/runner/index.ts';

// Set at all, even to '', CI means a pipeline: an update there would pin whatever that machine computed.
if (process.env.CI !== undefined) {
  console.error('golden update is refused under CI (CI is set): run it on a workstation and commit the result.');
  process.exit(2);
}

// A mistyped flag must not start the full recompute it meant to skip.
const FLAGS = ['skip-stochastic', 'trapping-smoke'];
const { _: positional, ...flags } = argv;
const unknown = [...positional.map(String), ...Object.keys(flags).filter((k) => !FLAGS.includes(k)).map((k) => `--${k}`)];
const notSwitch = Object.entries(flags).filter(([k, v]) => FLAGS.includes(k) && v !== true).map(([k]) => `--${k}`);
if (unknown.length > 0 || notSwitch.length > 0) {
  const what = unknown.length > 0 ? `unknown argument(s) ${unknown.join(', ')}` : `${notSwitch.join(', ')} takes no value`;
  console.error(`golden update: ${what}; the flags are ${FLAGS.map((f) => `--${f}`).join(', ')}. Nothing was computed.`);
  process.exit(2);
}

// WORKERS is read once, before anything is computed or written.
const WORKERS = process.env.WORKERS === undefined ? 2 : Number(process.env.WORKERS);
if (!Number.isInteger(WORKERS) || WORKERS < 1 || !/^\s*\d+\s*$/.test(process.env.WORKERS ?? '2')) {
  console.error(`golden update: WORKERS must be an integer >= 1, got '${process.env.WORKERS}'. Nothing was computed.`);
  process.exit(2);
}

// A golden file that cannot be read (truncated, a byte-order mark, a broken schema) is one line naming it, exit 2;
// anything else that stops the update is one line too, exit 3, with the stack only under DEBUG. A file already
// rewritten stays rewritten (each write is atomic); the message says where it stopped.
process.on('uncaughtException', (error) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`golden update: ${message.split('\n')[0]}`);
  if (process.env.DEBUG !== undefined && error instanceof Error) console.error(error.stack);
  process.exit(error instanceof GoldenFileError ? 2 : 3);
});

// Every golden input is read before the first write, so a broken one stops the update before it rewrites anything.
loadLedger();
if (existsSync(ANALYTIC_GOLDEN_PATH)) loadAnalyticGolden();
if (existsSync(PHASE_DIAGRAM_SMOKE_PATH)) loadPhaseDiagramSmoke();
if (existsSync(TRAPPING_SMOKE_PATH)) loadValidatedJson(TRAPPING_SMOKE_PATH, TRAPPING_SMOKE_SCHEMA);

function report(file: string, moves: string[], isNew: boolean): void {
  if (isNew) console.log(chalk.green(`${file}: written (new)`));
  else if (moves.length === 0) console.log(chalk.green(`${file}: nothing moved`));
  else console.log(chalk.yellow(`${file}: ${moves.length} change(s):\n  ${moves.join('\n  ')}`));
}

/**
 * The trapping smoke summary, recomputed from scratch (no run cache). A summary that moved is written only when every
 * moved group passes the consistency test (smokeConsistency), which it names for each group; otherwise exit 1.
 */
async function updateTrappingSmoke(): Promise<void> {
  const now = await computeTrappingSmoke(WORKERS);
  const pinned = existsSync(TRAPPING_SMOKE_PATH) ? loadValidatedJson<TrappingSmoke>(TRAPPING_SMOKE_PATH, TRAPPING_SMOKE_SCHEMA) : null;
  const write = () => writeFileAtomic(TRAPPING_SMOKE_PATH, `${JSON.stringify({ $schema: './trapping.schema.json', ...now }, null, 2)}\n`);
  if (pinned === null) {
    write();
    report('golden/smoke/trapping.json', [], true);
    return;
  }
  const { $schema: _schema, ...pinnedSummary } = pinned as TrappingSmoke & { $schema?: string };
  if (pinDifferences(now, pinnedSummary).length === 0) {
    report('golden/smoke/trapping.json', [], false);
    return;
  }
  const check = smokeConsistency(pinnedSummary, now);
  if (!check.consistent) {
    console.error(chalk.red(`golden/smoke/trapping.json: the new summary is not consistent with the pinned one; not written:\n  ${check.lines.join('\n  ')}`));
    process.exit(1);
  }
  write();
  const onlyVersion = JSON.stringify({ ...pinnedSummary, engineVersion: now.engineVersion }) === JSON.stringify(now);
  const moved = onlyVersion
    ? [`only the engine version moved (${pinnedSummary.engineVersion} -> ${now.engineVersion}); every value is the same`]
    : check.lines.length > 0
      ? check.lines
      : ['per-seed values moved; every group consistent'];
  report('golden/smoke/trapping.json', moved, false);
}

if (argv['trapping-smoke'] === true) {
  await updateTrappingSmoke();
  process.exit(0);
}

// Analytic values.
const analytic = computeAnalyticGolden();
const analyticBefore = existsSync(ANALYTIC_GOLDEN_PATH) ? loadAnalyticGolden() : null;
// Every move, however small (tolerance 0), through the gates' own comparison.
const analyticMoves = analyticBefore === null ? [] : analyticDrift(analytic, analyticBefore, 0);
writeFileAtomic(ANALYTIC_GOLDEN_PATH, `${JSON.stringify({ $schema: './analytic.schema.json', ...analytic }, null, 2)}\n`);
report('golden/analytic.json', analyticMoves, analyticBefore === null);

// Claims: pin what the evaluators compute now, stochastic ones under the full profile (the paper's protocol);
// claims without an evaluator stay unpinned.
const ledger = loadLedger();
const claimMoves: string[] = [];
const skipStochastic = argv['skip-stochastic'] === true;
const toEvaluate = ledger.claims.filter((c) => !(skipStochastic && c.kind === 'stochastic'));
const plan = planAudit(toEvaluate, 'full', DEFAULT_RUN_CACHE_DIR);
const runner = await runPlan(plan, {
  workers: WORKERS,
  cacheDir: DEFAULT_RUN_CACHE_DIR,
  onProgress: (event) => {
    if (event.kind === 'job-done') console.error(`  done in ${event.seconds.toFixed(1)} s: ${event.job.label}`);
  },
});
for (const result of evaluatePlan(plan, runner).results) {
  const drift = driftFromPinned(result.claim, result.evaluation);
  if (drift.length > 0) claimMoves.push(`${result.claim.id}: ${drift.map(formatChange).join('; ')}`);
  result.claim.pinned = result.evaluation ? snapshotOf(result.evaluation) : null;
}
writeFileAtomic(CLAIMS_PATH, `${JSON.stringify({ $schema: './claims.schema.json', ...ledger }, null, 2)}\n`);
report('golden/claims.json', claimMoves, false);

// The phase-diagram smoke gate: recomputed without cache, compared per data seed and direction, then written.
async function updatePhaseDiagramSmoke(): Promise<void> {
  const before = existsSync(PHASE_DIAGRAM_SMOKE_PATH) ? loadPhaseDiagramSmoke() : null;
  const now = await computePhaseDiagramSmoke(WORKERS);
  const moves = before === null ? [] : pinDifferences(now.seeds, before.seeds);
  writePhaseDiagramSmoke(now);
  report('golden/smoke/phase-diagram.json', moves, before === null);
}
await updatePhaseDiagramSmoke();
await updateTrappingSmoke();

// The recorded smoke results the evaluator specs judge (spec/fixtures/smoke-results.json.gz): every job the ledger needs
// under the smoke profile, run from scratch, so the specs follow the experiments the claims now read.
if (!skipStochastic) {
  await $({ stdio: 'inherit' })`npx tsx scripts/record-results.ts`;
  report('spec/fixtures/smoke-results.json.gz', ['re-recorded from the smoke profile'], false);
}
