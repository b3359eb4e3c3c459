import { join } from 'node:path';
import { Command } from 'commander';
import { closestIds, explainClaim } from '../report/index.ts';
import { MissingResultsError, readResults } from '../report/index.ts';
import type { Results } from '../report/index.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './usage-error.ts';

/** Reads a results.json for a command; a missing one is bad input (exit 2) with the one step that makes it. */
export function resultsForCli(path: string): Results {
  try {
    return readResults(path);
  } catch (error) {
    if (error instanceof MissingResultsError) throw new UsageError(error.message);
    throw error;
  }
}

export function explainCommand(io: CliIo): Command {
  return new Command('explain')
    .description(
      "Print one claim from the last report's results.json: the paper's words and place, our value under each " +
        'reading, the verdict and its rule, the evidence lines, the per-seed values and the figure paths.',
    )
    .argument('<CLAIM-ID>', 'a claim id of golden/claims.json, e.g. beta-c-mode1')
    .option('--out <DIR>', 'the folder `npm run reproduce` wrote', 'out')
    .option('--json', "print the claim's record from results.json as JSON (with the run's profile)")
    .addHelpText(
      'after',
      '\nAn unknown id exits 2 and names the closest ids (matched word by word: "tau" names the tau-* claims).\n\n' +
        'Examples:\n  npx metastable explain delta-e-min --out /tmp/audit\n  npx metastable explain tau-rank1-trap --json\n',
    )
    .action((id: string, options: { out: string; json?: boolean }) => {
      const results = resultsForCli(join(options.out, 'results.json'));
      const claim = results.claims.find((c) => c.id === id);
      if (!claim) {
        const ids = results.claims.map((c) => c.id);
        throw new UsageError(`no claim '${id}' in ${join(options.out, 'results.json')}; did you mean ${closestIds(id, ids).join(', ')}?`);
      }
      if (options.json === true) io.stdout(`${JSON.stringify({ profile: results.profile, ...claim }, null, 2)}\n`);
      else io.stdout(explainClaim(claim, results, options.out));
    });
}
