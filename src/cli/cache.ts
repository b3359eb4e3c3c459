import { statSync } from 'node:fs';
import { Command } from 'commander';
import { DEFAULT_RUN_CACHE_DIR, mergeCaches, type MergeSummary } from '../runner/index.ts';
import type { CliIo } from './cli-io.ts';
import { integerInRange, nonEmptyPath } from './parse-option.ts';
import { UsageError } from './usage-error.ts';
import { assertWritable, isInside } from './writable.ts';

/** Exit code when some entry was refused (the valid ones are merged all the same) or entries conflict (nothing is
 * merged); 2 stays bad input. */
export const REFUSED_EXIT_CODE = 1;

const entries = (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'}`;

export function formatMerge(summary: MergeSummary, into: string): string {
  const lines = [
    ...summary.refused.map((line) => `refused: ${line}`),
    ...summary.conflicts.map((line) => `conflict: ${line}`),
    ...summary.skipped.map((path) => `skipped (not a cache entry): ${path}`),
    ...summary.sources.map(
      (s) => `source ${s.source}: ${entries(s.entries)}, content sha256:${s.content}, ${s.copied} copied${s.verified > 0 ? `, ${s.verified} recomputed identically` : ''}`,
    ),
    summary.conflicts.length > 0
      ? `Nothing merged into ${into}: ${summary.conflicts.length} key(s) hold different results in different places; ` +
        'the caches were not made by one checkout and one machine-independent computation. Find which is right (--verify, --no-cache).'
      : `Merged into ${into}: ${entries(summary.copied)} copied, ` +
        `${summary.present + summary.kept.length} already there, ${summary.refused.length} refused.`,
  ];
  return `${lines.join('\n')}\n`;
}

function mergeCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('merge')
    .description(
      "Merge run caches (the shards' of a sharded run) into one: every entry is checked against its name, its inputs' " +
        'hash and its content hash; an entry that does not match is refused and listed, never copied. Exits 1 when ' +
        'something was refused (the valid entries are merged all the same), and when two valid entries under one key hold ' +
        'different results (nothing is merged then).',
    )
    .argument('<DIR...>', 'cache folders to read (each as written by reproduce --cache)')
    .option('--into <DIR>', 'the cache folder to merge into (created when missing)', nonEmptyPath('--into'), DEFAULT_RUN_CACHE_DIR)
    .option('--verify <K>', 'recompute K entries of each kind in each source and refuse a source where one differs', integerInRange('--verify', 0), 0)
    .addHelpText(
      'after',
      '\nThe SGD runs, their checkpoints, the β sweeps and the Appendix F analyses are merged alike. An entry the\n' +
        'target already holds (valid, under the same key: the same inputs) is kept when it differs at most in a run\'s\n' +
        'timing; one that differs in its result is a conflict: every conflict is listed with both places, nothing is\n' +
        'written, exit 1. An unreadable or non-regular file is refused and the merge goes on. Entries that are\n' +
        'refused are listed on stdout with the reason; other files are listed as skipped and left alone. Each source\n' +
        "taken in is listed with the SHA-256 of its entries' names and bytes, and each that gave new entries is logged\n" +
        'in the target (.merged-from.json); a run that reads the cache names those sources in its provenance.json.\n' +
        '--verify K recomputes, from their stored\n' +
        'inputs and with no cache, the first K entries by name of each kind of each source made by this checkout\n' +
        '(of checkpoints, the K cheapest to retrain), and refuses the whole source if one differs.\n\n' +
        'Example:\n  npx metastable cache merge shard-1/cache shard-2/cache --into .cache/runs && npm run reproduce\n',
    )
    .action((sources: string[], options: { into: string; verify: number }) => {
      for (const source of sources) {
        if (statSync(source, { throwIfNoEntry: false })?.isDirectory() !== true) throw new UsageError(`cache merge: ${source} is not a folder.`);
        // A target inside a source (or holding one) would be read as entries of it by every later merge.
        if (isInside(options.into, source) || isInside(source, options.into)) {
          throw new UsageError(`cache merge: --into ${options.into} and the source ${source} are nested; merge into a folder outside every source.`);
        }
      }
      assertWritable(options.into, '--into', 'folder');
      const summary = mergeCaches(sources, options.into, { verify: options.verify });
      io.stdout(formatMerge(summary, options.into));
      setExitCode(summary.refused.length > 0 || summary.conflicts.length > 0 ? REFUSED_EXIT_CODE : 0);
    });
}

export function cacheCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('cache').description('Work with run caches: merge the caches of a sharded run.').addCommand(mergeCommand(io, setExitCode));
}
