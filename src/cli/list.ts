import { Command, Option } from 'commander';
import { loadLedger, type Claim } from '../claims/index.ts';
import { OUTCOMES } from '../report/index.ts';
import type { CliIo } from './cli-io.ts';
import { resolveClaimIds } from './claim-ids.ts';

const KINDS = ['analytic', 'consistency', 'stochastic', 'arithmetic'] as const;

interface ListOptions {
  kind?: string;
  pinned?: string;
  json?: boolean;
}

/** The ledger's claims a listing shows: those the patterns name (all without one), of the kind and pinned verdict asked for. */
export function listClaims(claims: readonly Claim[], patterns: readonly string[], options: ListOptions): Claim[] {
  const named = patterns.length === 0 ? null : new Set(resolveClaimIds('list', patterns, claims.map((c) => c.id)));
  return claims.filter(
    (c) =>
      (named === null || named.has(c.id)) &&
      (options.kind === undefined || c.kind === options.kind) &&
      (options.pinned === undefined || (c.pinned?.verdict ?? 'not evaluated') === options.pinned),
  );
}

export function listCommand(io: CliIo): Command {
  return new Command('list')
    .description("List the ledger's claim ids (golden/claims.json) with kind, pinned verdict and source; filter by id pattern, kind or verdict.")
    .argument('[PATTERN...]', 'claim ids or patterns (* any characters, ? one), e.g. "tau-*"')
    .addOption(new Option('--kind <KIND>', 'only claims of this kind').choices(KINDS))
    .addOption(new Option('--pinned <VERDICT>', 'only claims with this pinned verdict (the full profile\'s)').choices(OUTCOMES))
    .option('--json', 'print the claims as JSON: id, kind, source, statement, pinned verdict')
    .addHelpText('after', '\nExamples:\n  npx metastable list "tau-*"\n  npx metastable list --kind stochastic --pinned deviates\n  npm run reproduce -- --only "$(npx metastable list "one-way-*" | cut -f1 | paste -sd,)"\n')
    .action((patterns: string[], options: ListOptions) => {
      const claims = listClaims(loadLedger().claims, patterns, options);
      if (options.json === true) {
        const rows = claims.map((c) => ({ id: c.id, kind: c.kind, source: c.source, statement: c.statement, pinned: c.pinned?.verdict ?? 'not evaluated' }));
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      // Tab-separated, so `cut -f1` gives the ids.
      io.stdout(claims.map((c) => `${c.id}\t${c.kind}\t${c.pinned?.verdict ?? 'not evaluated'}\t${c.source}\n`).join(''));
    });
}
