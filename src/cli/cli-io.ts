import type { ProgressStream } from './progress.ts';

/** Where a command prints: the process's streams, or a capture in specs. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The stream live progress bars draw on, when stderr is a terminal; absent for plain progress lines. */
  terminal?: ProgressStream | undefined;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminal: process.stderr.isTTY ? process.stderr : undefined,
};
