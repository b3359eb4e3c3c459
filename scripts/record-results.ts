// Records the smoke profile's experiment results (every job every claim needs, run from scratch) into
// spec/fixtures/smoke-results.json.gz, so the evaluator and report specs judge recorded results without running SGD.
// `npm run golden` calls it; alone: npx tsx scripts/record-results.ts
import { gzipSync } from 'node:zlib';
import { loadLedger } from '../src/claims/index.ts';
import { writeFileAtomic } from '../src/io/atomic-file.ts';
import { planAudit, runPlan } from '../src/pipeline/index.ts';
import { SMOKE_RESULTS_PATH } from '../spec/fixtures/recorded.ts';

const plan = planAudit(loadLedger().claims, 'smoke', null);
const runner = await runPlan(plan, { workers: Number(process.env.WORKERS ?? 2), cacheDir: null });
const text = JSON.stringify({ profile: 'smoke', entries: runner.entries() });
writeFileAtomic(SMOKE_RESULTS_PATH, gzipSync(Buffer.from(text)));
console.log(`${SMOKE_RESULTS_PATH}: ${plan.jobs.length} jobs, ${(text.length / 1e6).toFixed(1)} MB of JSON`);
