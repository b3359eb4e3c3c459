import { statSync } from 'node:fs';
import { Command } from 'commander';
import { DEFAULT_RUN_CACHE_DIR, mergeCaches, type MergeSummary } from '../runner/index.ts';
import type { CliIo } from './cli-io.ts';
import { nonEmptyPath } from './parse-option.ts';
import { UsageError } from './usage-error.ts';
import { assertWritable } from './writable.ts';

/** Exit code when some entry was refused (the valid ones are merged all the same); 2 stays bad input. */
export const REFUSED_EXIT_CODE = 1;

export function formatMerge(summary: MergeSummary, into: string): string {
  const lines = [
    ...summary.refused.map((line) => `refused: ${line}`),
    ...summary.skipped.map((path) => `skipped (not a cache entry): ${path}`),
    `Merged into ${into}: ${summary.copied} entr${summary.copied === 1 ? 'y' : 'ies'} copied, ` +
      `${summary.present + summary.kept.length} already there, ${summary.refused.length} refused.`,
  ];
  return `${lines.join('\n')}\n`;
}

function mergeCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('merge')
    .description(
      "Merge run caches (the shards' of a sharded run) into one: every entry is checked against its name, its inputs' " +
        'hash and its content hash; an entry that does not match is refused and listed, never copied. Exits 1 when ' +
        'something was refused (the valid entries are merged all the same).',
    )
    .argument('<DIR...>', 'cache folders to read (each as written by reproduce --cache)')
    .option('--into <DIR>', 'the cache folder to merge into (created when missing)', nonEmptyPath('--into'), DEFAULT_RUN_CACHE_DIR)
    .addHelpText(
      'after',
      '\nThe SGD runs, their checkpoints, the β sweeps and the Appendix F analyses are merged alike. An entry the\n' +
        'target already holds (valid, under the same key: the same inputs) is kept. Entries that are refused are\n' +
        'listed on stdout with the reason; other files are listed as skipped and left alone.\n\n' +
        'Example:\n  npx metastable cache merge shard-1/cache shard-2/cache --into .cache/runs && npm run reproduce\n',
    )
    .action((sources: string[], options: { into: string }) => {
      for (const source of sources) {
        if (statSync(source, { throwIfNoEntry: false })?.isDirectory() !== true) throw new UsageError(`cache merge: ${source} is not a folder.`);
      }
      assertWritable(options.into, '--into', 'folder');
      const summary = mergeCaches(sources, options.into);
      io.stdout(formatMerge(summary, options.into));
      setExitCode(summary.refused.length > 0 ? REFUSED_EXIT_CODE : 0);
    });
}

export function cacheCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('cache').description('Work with run caches: merge the caches of a sharded run.').addCommand(mergeCommand(io, setExitCode));
}
