// npm run reproduce [-- --profile smoke|quick|full] [--only ID,...] [--workers N] [--out DIR]
// Recomputes every claim of golden/claims.json and writes the report; the work, its messages and its timing line
// are `metastable reproduce`'s, so --help and errors print exactly what the command prints.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(['reproduce', ...process.argv.slice(2)]);
