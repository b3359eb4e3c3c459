import { expect } from 'vitest';
import { main } from '../../src/cli/main.ts';

/** Runs the command line in-process and captures what it prints. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Bad input: exit 2, nothing on stdout, one line on stderr matching `message`, and no stack trace. */
export async function expectRefused(command: string, args: string[], message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await runCli(command, ...args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}
