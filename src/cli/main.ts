import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { GoldenFileError } from '../io/index.ts';
import { cacheCommand } from './cache.ts';
import { diffCommand } from './diff.ts';
import { explainCommand } from './explain.ts';
import { landscapeCommand } from './landscape.ts';
import { listCommand } from './list.ts';
import { swallowedFlagsMessage } from './npm-flags.ts';
import { reproduceCommand } from './reproduce.ts';
import { runCommand } from './run.ts';
import { processIo, type CliIo } from './cli-io.ts';
import { RunFailedError, RUN_FAILED_EXIT_CODE, UsageError, USAGE_EXIT_CODE } from './usage-error.ts';

export type { CliIo } from './cli-io.ts';

/** The package's version, as `--version` prints it. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The one prefix of every error line, Commander's own included. */
export const ERROR_PREFIX = 'metastable: ';

/** Commander's error in the house style: our prefix, and its suggestion on the same line. */
export function oneErrorLine(text: string): string {
  return `${text.trimEnd().replace(/^error: /, ERROR_PREFIX).replace(/\n\(Did you mean/g, ' (did you mean').replace(/\n/g, ' ')}\n`;
}

export function buildProgram(io: CliIo, setExitCode: (code: number) => void = () => {}): Command {
  const program = new Command('metastable')
    .version(VERSION, '--version', 'print the version and exit')
    .description(
      'Audit of Ersoy & Wiesner, "Noise-Driven Escape from Metastable Phases explains Grokking in Deep ' +
        'Neural Networks" (arXiv:2606.17120): the per-mode landscape, SGD runs and the claims ledger.',
    )
    .option('--debug', 'print the stack trace of an unexpected error')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`);
  program.addCommand(landscapeCommand(io));
  program.addCommand(runCommand(io));
  program.addCommand(reproduceCommand(io, setExitCode));
  program.addCommand(explainCommand(io));
  program.addCommand(diffCommand(io, setExitCode));
  program.addCommand(cacheCommand(io, setExitCode));
  program.addCommand(listCommand(io));
  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    // addCommand does not pass settings down: every command throws instead of exiting, into our own streams.
    command
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(oneErrorLine(text)) })
      .showSuggestionAfterError(true)
      .allowExcessArguments(false);
  }
  return program;
}

/** Runs the command line and returns the exit code; every failure is one line on stderr (README, "Exit codes"). */
export async function main(argv: readonly string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  const script = env.npm_lifecycle_event;
  const command = program.commands.find((c) => c.name() === argv[0]);
  if (script !== undefined && command !== undefined && script === command.name()) {
    // Run as `npm run <command>`: flags given without `--` reached npm, not us.
    const swallowed = swallowedFlagsMessage([...command.options, ...program.options], env, argv.slice(1), script);
    if (swallowed !== undefined) {
      io.stderr(`${ERROR_PREFIX}${swallowed}\n`);
      return USAGE_EXIT_CODE;
    }
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message; help and version exit 0.
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    if (error instanceof UsageError || error instanceof GoldenFileError) {
      io.stderr(`${ERROR_PREFIX}${error.message}\n`);
      return USAGE_EXIT_CODE;
    }
    // Anything else is a run that could not finish: one line, the stack only when asked for.
    const debug = program.opts<{ debug?: boolean }>().debug === true || argv.includes('--debug');
    const message = error instanceof Error ? error.message : String(error);
    const expected = error instanceof RunFailedError;
    const hint = expected || debug ? '' : ' (--debug shows where)';
    io.stderr(`${ERROR_PREFIX}${expected ? '' : 'run failed: '}${message.split('\n')[0]}${hint}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return RUN_FAILED_EXIT_CODE;
  }
}

export const EXIT_CODES_HELP =
  'Exit codes: 0 done; 1 reproduce: a verdict or value differs from its pinned outcome (diff: a claim moved;\n' +
  'cache merge: an entry was refused); 2 bad input (flags or golden files), one line on stderr naming what to\n' +
  'fix; 3 a run that could not finish (SGD diverged, an output could not be written), one line on stderr, its\n' +
  'stack trace with --debug.';

const isEntry = process.argv[1] !== undefined && /metastable(\.js)?$|cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  process.exitCode = await main(process.argv.slice(2));
}
