/** Bad input from the command line: reported as one line on stderr with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A run that was started on valid input and could not finish (SGD diverged, an output could not be written):
 * one line on stderr and RUN_FAILED_EXIT_CODE.
 */
export class RunFailedError extends Error {
  override readonly name = 'RunFailedError';
}

/** Exit codes of every command (README, --help): 1 is reproduce's pinned-outcome drift. */
export const USAGE_EXIT_CODE = 2;
export const RUN_FAILED_EXIT_CODE = 3;
