import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../io/temp-dirs.ts';
import { seedRunsJob } from '../../src/experiments/index.ts';
import { executeJobs, mergeCaches } from '../../src/runner/index.ts';
import { cachedUnit } from '../../src/runner/unit-cache.ts';

const tempDir = tempDirs('cache-merge-');
// Two seeds of random-init, 5 epochs from 20-epoch checkpoints: a record and two checkpoints each.
const job = (seeds: number[]) => seedRunsJob('random-init', 'smoke', { seeds, checkpointEpochsPerStage: 20, overrides: { epochs: 5 } }, 'spec');

/** Every file under a cache, relative to it, with its text. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

describe('mergeCaches', () => {
  it("merges two shards' caches into the cache one machine would have written", async () => {
    const [a, b, one, into] = [tempDir(), tempDir(), tempDir(), tempDir()];
    await executeJobs([job([42])], { workers: 1, cacheDir: a });
    await executeJobs([job([43])], { workers: 1, cacheDir: b });
    await executeJobs([job([42, 43])], { workers: 1, cacheDir: one });
    for (const dir of [a, b]) cachedUnit(dir, 'kramers-langer', { beta: 0.32 }, () => ({ from: 'the same analysis' }));
    cachedUnit(one, 'kramers-langer', { beta: 0.32 }, () => ({ from: 'the same analysis' }));
    const summary = mergeCaches([a, b], into);
    // The shards share nothing but the analysis, written the same by both.
    expect(summary).toEqual({ copied: 7, present: 1, refused: [], kept: [], skipped: [] });
    expect(contents(into)).toEqual({ ...contents(a), ...contents(b) });
    expect(Object.keys(contents(into))).toEqual(Object.keys(contents(one)));
    expect(mergeCaches([a, b], into)).toMatchObject({ copied: 0, present: 8 });
    // A single machine's cache holds the same runs with other timings: valid, so the target's are kept.
    const again = mergeCaches([one], into);
    expect(again).toMatchObject({ copied: 0, refused: [] });
    expect(again.present + again.kept.length).toBe(7);
  });

  it('refuses and lists entries whose content does not match their hashes, and copies the rest', async () => {
    const [a, into] = [tempDir(), tempDir()];
    await executeJobs([job([42])], { workers: 1, cacheDir: a });
    cachedUnit(a, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42 }));
    const [run] = readdirSync(a).filter((f) => f.endsWith('.json'));
    const [checkpoint] = readdirSync(join(a, 'checkpoints'));
    const [sweep] = readdirSync(join(a, 'phase-sweeps'));
    const edit = (file: string, change: (entry: Record<string, unknown>) => void) => {
      const entry = JSON.parse(readFileSync(file, 'utf8'));
      change(entry);
      writeFileSync(file, JSON.stringify(entry));
    };
    // An entry filed under another kind's folder, and files that are no entries at all.
    mkdirSync(join(a, 'kramers-langer'));
    writeFileSync(join(a, 'kramers-langer', sweep!), readFileSync(join(a, 'phase-sweeps', sweep!)));
    writeFileSync(join(a, 'notes.txt'), 'hello');
    writeFileSync(join(a, `.${run}.123.0.tmp`), '{');
    edit(join(a, run!), (e) => ((e.record as { seed: number }).seed = 43));
    edit(join(a, 'checkpoints', checkpoint!), (e) => (e.params = Buffer.alloc(8).toString('base64')));
    writeFileSync(join(a, 'phase-sweeps', sweep!), readFileSync(join(a, 'phase-sweeps', sweep!), 'utf8').slice(0, 40));
    const summary = mergeCaches([a], into);
    expect(summary.copied).toBe(1);
    expect(summary.refused.every((line) => line.startsWith(a))).toBe(true);
    expect(summary.refused.map((line) => line.replace(/^.*\.json: /, '')).sort()).toEqual([
      'an entry of kind "phase-sweeps" in the kramers-langer/ folder',
      'content hash mismatch',
      'content hash mismatch',
      'not valid JSON',
    ]);
    expect(summary.skipped).toEqual([join(a, 'notes.txt')]);
    expect(Object.keys(contents(into))).toHaveLength(1);
  });

  it('keeps a valid entry the target holds under the same key, and replaces an invalid one', () => {
    const [a, into] = [tempDir(), tempDir()];
    cachedUnit(into, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42 }));
    cachedUnit(a, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42, other: 'bytes' }));
    const before = contents(into);
    expect(mergeCaches([a], into)).toMatchObject({ copied: 0, present: 0, refused: [], kept: [expect.stringContaining(a)] });
    expect(contents(into)).toEqual(before);
    const [file] = Object.keys(before);
    writeFileSync(join(into, file!), '{');
    expect(mergeCaches([a], into)).toMatchObject({ copied: 1, refused: [] });
    expect(contents(into)).toEqual(contents(a));
  });
});
