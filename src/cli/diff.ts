import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { claimWidth, diffResults, formatChange, type ClaimDiff } from '../pins/index.ts';
import type { Results } from '../report/index.ts';
import { resultsForCli } from './explain.ts';
import type { CliIo } from './cli-io.ts';

/** Exit code when some claim moved between the two audits (2 stays bad input). */
export const MOVED_EXIT_CODE = 1;

/** A folder stands for the results.json inside it. */
const resultsPath = (path: string): string => (statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, 'results.json') : path);

function describe(d: ClaimDiff, b: Results): string[] {
  if (d.status === 'removed') return [`${d.id}: only in A`];
  if (d.status === 'added') return [`${d.id}: only in B`];
  const claim = b.claims.find((c) => c.id === d.id)!;
  const rule = claimWidth(claim) === null ? '' : `, tolerance ${claim.toleranceText}`;
  return [`${d.id} (${claim.kind}${rule})`, ...d.changes.map((c) => `  ${formatChange(c)}`)];
}

export function formatDiff(a: Results, b: Results, labels: [string, string]): { text: string; moved: number } {
  const diffs = diffResults(a, b);
  const lines = [
    `A: ${labels[0]} (profile ${a.profile}, ${a.claims.length} claims)`,
    `B: ${labels[1]} (profile ${b.profile}, ${b.claims.length} claims)`,
  ];
  if (a.profile !== b.profile) lines.push(`Note: the profiles differ, so stochastic claims are expected to move.`);
  lines.push('');
  for (const d of diffs) lines.push(...describe(d, b));
  lines.push(diffs.length === 0 ? 'Nothing moved: every claim has the same verdict, value and readings.' : `${diffs.length} claim(s) moved.`);
  return { text: `${lines.join('\n')}\n`, moved: diffs.length };
}

export function diffCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('diff')
    .description(
      'Compare two audits: list the claims whose verdict, value or readings differ, each value change also in ' +
        "units of the claim's tolerance. Exits 1 when anything moved, 0 when nothing did, 2 on bad input.",
    )
    .argument('<A>', 'the first results.json (or the folder holding it)')
    .argument('<B>', 'the second results.json (or the folder holding it)')
    .addHelpText(
      'after',
      '\nValues count as moved beyond 1e-12 relative, as against a pin. Use it to compare two machines, two\n' +
        'versions of the harness, or a shard-merged run with a single-machine one.\n\n' +
        'Example:\n  npx metastable diff out/results.json /tmp/audit/results.json\n',
    )
    .action((pathA: string, pathB: string) => {
      const [fileA, fileB] = [resultsPath(pathA), resultsPath(pathB)];
      const { text, moved } = formatDiff(resultsForCli(fileA), resultsForCli(fileB), [fileA, fileB]);
      io.stdout(text);
      setExitCode(moved > 0 ? MOVED_EXIT_CODE : 0);
    });
}
