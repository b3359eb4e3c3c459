import { Command, CommanderError } from 'commander';
import { GoldenFileError } from '../io/index.ts';
import { diffCommand } from './diff.ts';
import { explainCommand } from './explain.ts';
import { landscapeCommand } from './landscape.ts';
import { reproduceCommand } from './reproduce.ts';
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

export function buildProgram(io: CliIo, setExitCode: (code: number) => void = () => {}): Command {
  const program = new Command('metastable').description(
    'Audit of Ersoy & Wiesner, "Noise-Driven Escape from Metastable Phases explains Grokking in Deep ' +
      'Neural Networks" (arXiv:2606.17120): the per-mode landscape, SGD runs and the claims ledger.',
  );
  program.addCommand(landscapeCommand(io));
  program.addCommand(runCommand(io));
  program.addCommand(reproduceCommand(io, setExitCode));
  program.addCommand(explainCommand(io));
  program.addCommand(diffCommand(io, setExitCode));
  for (const command of [program, ...program.commands]) {
    // addCommand does not pass settings down: every command throws instead of exiting, into our own streams.
    command
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showSuggestionAfterError(true)
      .allowExcessArguments(false);
  }
  return program;
}

/** Runs the command line and returns the exit code; bad input prints one line and gives 2. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message; help and version exit 0.
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    if (error instanceof UsageError || error instanceof GoldenFileError) {
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
