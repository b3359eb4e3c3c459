import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../io/temp-dirs.ts';
import { runCli } from './run-cli.ts';

const tempDir = tempDirs('reproduce-timings-');

/** Every file under `dir`, relative, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) all.set(name, readFileSync(path));
  }
  return all;
}

describe('reproduce\'s timings.json', () => {
  it('holds the measured CPU seconds of the units computed, nothing for those read from the cache, and never reaches results.json or the cache', async () => {
    const root = tempDir();
    const cache = join(root, 'cache');
    const args = (out: string) => ['reproduce', '--only', 'tau-rank1-trap', '--profile', 'smoke', '--cache', cache, '--out', join(root, out)];
    expect((await runCli(...args('cold'))).code).toBe(0);
    const cold = JSON.parse(readFileSync(join(root, 'cold', 'timings.json'), 'utf8'));
    expect(cold.jobs.length).toBeGreaterThan(0);
    for (const job of cold.jobs) {
      expect(Object.keys(job)).toEqual(['kind', 'label', 'units', 'cpuSeconds', 'estimatedCpuSeconds']);
      expect(job.units).toBeGreaterThan(0);
      expect(job.cpuSeconds).toBeGreaterThan(0);
    }
    const entries = files(cache);
    for (const [name, bytes] of entries) expect(bytes.toString('utf8'), name).not.toMatch(/cpuSeconds/);

    expect((await runCli(...args('warm'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'warm', 'timings.json'), 'utf8')).jobs).toEqual([]);
    // The cached entries are as they were, and results.json is the same byte for byte, measured or not.
    expect(files(cache)).toEqual(entries);
    const results = readFileSync(join(root, 'cold', 'results.json'));
    expect(readFileSync(join(root, 'warm', 'results.json'))).toEqual(results);
    expect(results.toString('utf8')).not.toMatch(/cpuSeconds|estimatedCpuSeconds/);
  });
});
