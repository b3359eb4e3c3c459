// npm run reproduce [-- --profile smoke|quick|full] [--only ID,...] [--workers N] [--out DIR]
// Recomputes every claim of golden/claims.json and writes the report; the work is `metastable reproduce`.
import { main } from '../src/cli/main.ts';

const started = performance.now();
const code = await main(['reproduce', ...process.argv.slice(2)]);
process.stderr.write(`reproduce finished in ${((performance.now() - started) / 1000).toFixed(1)} s (exit ${code})\n`);
process.exitCode = code;
