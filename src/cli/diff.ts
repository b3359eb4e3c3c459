import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { changeSides, changeSubject, claimWidth, diffResults, movesVerdict, type Change, type ClaimDiff } from '../pins/index.ts';
import type { Results } from '../report/index.ts';
import { resultsForCli } from './explain.ts';
import type { CliIo } from './cli-io.ts';

/** Exit code when some claim moved between the two audits (2 stays bad input). */
export const MOVED_EXIT_CODE = 1;

/** A folder stands for the results.json inside it. */
const resultsPath = (path: string): string => (statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, 'results.json') : path);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Two numbers as a reader compares them: rounded to the fewest significant digits (at least 4) that still tell
 * them apart; anything that is not a number is shown as it is.
 */
export function roundedPair(before: string, after: string): [string, string] {
  if (!NUMBER.test(before) || !NUMBER.test(after)) return [before, after];
  const [a, b] = [Number(before), Number(after)];
  for (let digits = 4; digits <= 17; digits++) {
    const pair: [string, string] = [String(Number(a.toPrecision(digits))), String(Number(b.toPrecision(digits)))];
    if (pair[0] !== pair[1]) return pair;
  }
  return [before, after];
}

function changeLine(c: Change): string {
  const [before, after] = roundedPair(...changeSides(c));
  const difference = c.difference === undefined ? '' : Number(Number(c.difference).toPrecision(3));
  const sign = typeof difference === 'number' && difference >= 0 ? '+' : '';
  const units = c.toleranceUnits === undefined ? '' : ` = ${c.toleranceUnits.toPrecision(3)} tolerance units`;
  const size = c.difference === undefined ? '' : ` (${sign}${difference}${units})`;
  return `${changeSubject(c)}: ${before} → ${after}${size}`;
}

/** A claim whose verdict (headline or a reading's) moved, as against one whose values alone did. */
const verdictMoved = (d: ClaimDiff): boolean => d.status !== 'changed' || d.changes.some(movesVerdict);

function describe(d: ClaimDiff, b: Results): string[] {
  if (d.status === 'removed') return [`${d.id}: only in A`];
  if (d.status === 'added') return [`${d.id}: only in B`];
  const claim = b.claims.find((c) => c.id === d.id)!;
  const rule = claimWidth(claim) === null ? '' : `, tolerance ${claim.toleranceText}`;
  return [`${d.id} (${claim.kind}${rule})`, ...d.changes.map((c) => `  ${changeLine(c)}`)];
}

export interface DiffReport {
  readonly a: { readonly file: string; readonly profile: string; readonly claims: number };
  readonly b: { readonly file: string; readonly profile: string; readonly claims: number };
  /** Claims whose verdict moved (or that are on one side only), then those whose values alone moved. */
  readonly verdictMoved: readonly ClaimDiff[];
  readonly valuesMoved: readonly ClaimDiff[];
}

export function diffReport(a: Results, b: Results, labels: [string, string]): DiffReport {
  const diffs = diffResults(a, b);
  return {
    a: { file: labels[0], profile: a.profile, claims: a.claims.length },
    b: { file: labels[1], profile: b.profile, claims: b.claims.length },
    verdictMoved: diffs.filter(verdictMoved),
    valuesMoved: diffs.filter((d) => !verdictMoved(d)),
  };
}

/** The summary first (how many verdicts against values moved), then the claims, verdict moves first, numbers rounded. */
export function formatDiff(a: Results, b: Results, labels: [string, string]): { text: string; moved: number } {
  const report = diffReport(a, b, labels);
  const moved = report.verdictMoved.length + report.valuesMoved.length;
  const lines = [
    `A: ${labels[0]} (profile ${a.profile}, ${a.claims.length} claims)`,
    `B: ${labels[1]} (profile ${b.profile}, ${b.claims.length} claims)`,
  ];
  if (a.profile !== b.profile) lines.push(`Note: the profiles differ, so stochastic claims are expected to move.`);
  lines.push(
    moved === 0
      ? 'Nothing moved: every claim has the same verdict, value and readings.'
      : `${moved} claim(s) moved: ${report.verdictMoved.length} in verdict, ${report.valuesMoved.length} in value only.`,
  );
  for (const [title, group] of [['Verdict moved:', report.verdictMoved], ['Value moved, verdict kept:', report.valuesMoved]] as const) {
    if (group.length > 0) lines.push('', title, ...group.flatMap((d) => describe(d, b)));
  }
  return { text: `${lines.join('\n')}\n`, moved };
}

export function diffCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('diff')
    .description(
      'Compare two audits: how many claims moved in verdict and how many in value only, then each of them, value ' +
        "changes rounded and in units of the claim's tolerance. Exits 1 when anything moved, 0 when nothing did, 2 on bad input.",
    )
    .argument('<A>', 'the first results.json (or the folder holding it)')
    .argument('<B>', 'the second results.json (or the folder holding it)')
    .option('--json', 'print the comparison as JSON (unrounded values)')
    .addHelpText(
      'after',
      '\nValues count as moved beyond 1e-12 relative, as against a pin; they are printed with the fewest digits\n' +
        '(at least 4) that tell them apart. Use it to compare two machines, two versions of the code, or a\n' +
        'shard-merged run with a single-machine one.\n\n' +
        'Examples:\n  npx metastable diff out/results.json /tmp/audit/results.json\n  npx metastable diff out /tmp/audit --json\n',
    )
    .action((pathA: string, pathB: string, options: { json?: boolean }) => {
      const [fileA, fileB] = [resultsPath(pathA), resultsPath(pathB)];
      const [a, b] = [resultsForCli(fileA), resultsForCli(fileB)];
      if (options.json === true) {
        const report = diffReport(a, b, [fileA, fileB]);
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        setExitCode(report.verdictMoved.length + report.valuesMoved.length > 0 ? MOVED_EXIT_CODE : 0);
        return;
      }
      const { text, moved } = formatDiff(a, b, [fileA, fileB]);
      io.stdout(text);
      setExitCode(moved > 0 ? MOVED_EXIT_CODE : 0);
    });
}
