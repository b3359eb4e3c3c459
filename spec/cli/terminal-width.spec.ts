import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

// A line of exactly the terminal's width wraps on many terminals: the verdict table stops one column short, as the
// progress display does.
const stdout = process.stdout as NodeJS.WriteStream;
const saved = { isTTY: Object.getOwnPropertyDescriptor(stdout, 'isTTY'), columns: Object.getOwnPropertyDescriptor(stdout, 'columns') };
const restore = (key: 'isTTY' | 'columns') => {
  const descriptor = saved[key];
  if (descriptor === undefined) Reflect.deleteProperty(stdout, key);
  else Object.defineProperty(stdout, key, descriptor);
};

describe('the verdict table on a terminal', () => {
  afterEach(() => {
    restore('isTTY');
    restore('columns');
  });

  it('cuts its lines one column short of the width', async () => {
    Object.defineProperty(stdout, 'isTTY', { value: true, configurable: true });
    Object.defineProperty(stdout, 'columns', { value: 40, configurable: true });
    const out = join(mkdtempSync(join(tmpdir(), 'terminal-width-')), 'out');
    const { code, stdout: printed } = await runCli('reproduce', '--only', 'beta-c-mode1,phase-structure-at-0-32', '--out', out, '--no-cache');
    expect(code).toBe(0);
    const table = printed.split('\n\n')[0]!.split('\n').map((l) => l.replace(/\u001b\[\d+m/g, ''));
    expect(table).toHaveLength(3);
    expect(table.some((l) => l.endsWith('…'))).toBe(true);
    expect(Math.max(...table.map((l) => l.length))).toBe(39);
  });
});
