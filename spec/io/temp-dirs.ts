import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/** A maker of fresh temporary folders, each removed after its test (made writable first: some specs lock them). */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) {
      spawnSync('chmod', ['-R', 'u+w', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** The pid of a process that has ended: what a killed run's temporaries carry. */
export function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A copy of this checkout's code, scripts and golden files in `dir`, its node_modules linked: a run there reads the
 * copy's golden/, so a spec can break a golden file without touching the checkout's.
 */
export function checkoutCopy(dir: string): string {
  for (const part of ['bin', 'golden', 'scripts', 'src', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}
