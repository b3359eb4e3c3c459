import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TSX_LOADER, mapInWorkers, workerError } from '../../src/runner/worker-pool.ts';
import failing from '../fixtures/throwing-worker.ts';
import { tempDirs } from '../io/temp-dirs.ts';

const WORKER = new URL('../fixtures/throwing-worker.ts', import.meta.url).href;
const tempDir = tempDirs('worker-pool-');

describe('mapInWorkers', () => {
  it('a worker that throws rejects with an Error naming the error, its message and the worker, the original as cause', async () => {
    const tasks = [
      { fail: false, value: 1 },
      { fail: true, value: 2 },
    ];
    const error = await mapInWorkers(WORKER, failing, tasks, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('RangeError in worker throwing-worker.ts: task 2 failed');
    expect((error as Error).stack).toMatch(/worker stack:\n.*RangeError: task 2 failed\n.*throwing-worker\.ts/);
    expect((error as Error).cause).toMatchObject({ name: 'RangeError', message: 'task 2 failed' });
    // In-process the error is the worker's own.
    await expect(mapInWorkers(WORKER, failing, tasks, 1)).rejects.toThrow(RangeError);
  });

  it('workerError keeps an Error and reads any plain value', () => {
    const own = new TypeError('x');
    expect(workerError(own, WORKER)).toBe(own);
    expect(workerError('boom', WORKER).message).toBe('Error in worker throwing-worker.ts: boom');
    expect(workerError(null, WORKER).message).toBe('Error in worker throwing-worker.ts: null');
  });

  it('runs two workers from a working folder outside the checkout: the loader is resolved from the package', async () => {
    const cwd = tempDir();
    const script = join(cwd, 'pool.mts');
    const pool = pathToFileURL(fileURLToPath(new URL('../../src/runner/worker-pool.ts', import.meta.url))).href;
    writeFileSync(
      script,
      `import { mapInWorkers } from ${JSON.stringify(pool)};\n` +
        `const r = await mapInWorkers(${JSON.stringify(WORKER)}, () => 0, [{ fail: false, value: 1 }, { fail: false, value: 2 }], 2);\n` +
        'console.log(JSON.stringify(r));\n',
    );
    expect(TSX_LOADER).toMatch(/^file:\/\/.*\/tsx\//);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', TSX_LOADER, script], { cwd, env: { ...process.env, NODE_PATH: '' } });
    expect(stdout).toBe('[2,4]\n');
  }, 60_000);
});
