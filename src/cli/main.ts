import { Command, CommanderError } from 'commander';
import { runCommand } from './run.ts';
import { UsageError, USAGE_EXIT_CODE } from './usage-error.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function buildProgram(io: CliIo): Command {
  const program = new Command('metastable')
    .description(
      'Audit of Ersoy & Wiesner, "Noise-Driven Escape from Metastable Phases explains Grokking in Deep\n' +
        'Neural Networks" (arXiv:2606.17120): the per-mode landscape, SGD runs and the claims ledger.',
    )
    // Settings made before .command() are inherited by every subcommand.
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  program.addCommand(runCommand(io));
  return program;
}

/** Runs the command line and returns the exit code; usage errors print one line and give 2. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message; help and version exit 0.
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    if (error instanceof UsageError) {
      io.stderr(`metastable: ${error.message}\n`);
      return USAGE_EXIT_CODE;
    }
    throw error;
  }
}

const isEntry = process.argv[1] !== undefined && /metastable(\.js)?$|cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry) {
  process.exitCode = await main(process.argv.slice(2));
}
