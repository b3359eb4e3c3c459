import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../io/temp-dirs.ts';
import { seedRunsJob } from '../../src/experiments/index.ts';
import { MERGE_LOG, executeJobs, mergeCaches, readMergeLog } from '../../src/runner/index.ts';
import { cachedUnit, unitCacheKey, unitCachePath } from '../../src/runner/unit-cache.ts';
import { canonicalJson, sha256 } from '../../src/runner/run-cache.ts';
import { makeTaskData } from '../../src/data/index.ts';
import { MetricsProbe, createNetwork, datasetMoments, fullGradientNorm, prepareTrainingSet } from '../../src/engine/index.ts';

const tempDir = tempDirs('cache-merge-');
// Two seeds of random-init, 5 epochs from 20-epoch checkpoints: a record and two checkpoints each.
const job = (seeds: number[]) => seedRunsJob('random-init', 'smoke', { seeds, checkpointEpochsPerStage: 20, overrides: { epochs: 5 } }, 'spec');

/** Every entry under a cache (its merge log aside), relative to it, with its text. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json') && f !== MERGE_LOG)
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
    expect(summary).toMatchObject({ copied: 7, present: 1, refused: [], kept: [], conflicts: [], skipped: [] });
    expect(summary.sources.map((s) => s.source)).toEqual([a, b]);
    expect(summary.sources[0]!.entries + summary.sources[1]!.entries).toBe(8);
    expect(contents(into)).toEqual({ ...contents(a), ...contents(b) });
    expect(Object.keys(contents(into))).toEqual(Object.keys(contents(one)));
    expect(mergeCaches([a, b], into)).toMatchObject({ copied: 0, present: 8 });
    // A single machine's cache holds the same runs with other timings: valid, so the target's are kept.
    const again = mergeCaches([one], into);
    expect(again).toMatchObject({ copied: 0, refused: [] });
    expect(again.present + again.kept.length).toBe(7);
  });

  it('logs each source that gave entries in the target, with what it gave, and carries a merged source\'s own log', async () => {
    const [a, b, into, further] = [tempDir(), tempDir(), tempDir(), tempDir()];
    await executeJobs([job([42])], { workers: 1, cacheDir: a });
    cpSync(a, b, { recursive: true });
    cachedUnit(b, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42 }));
    expect(readMergeLog(into)).toEqual([]);
    const summary = mergeCaches([a, b], into);
    // b holds a's three entries too: only its new one is copied from it.
    expect(readMergeLog(into)).toEqual([
      { ...summary.sources[0], source: a, entries: 3, copied: 3, verified: 0, mergedFrom: [] },
      { ...summary.sources[1], source: b, entries: 4, copied: 1, verified: 0, mergedFrom: [] },
    ]);
    // Nothing new: nothing logged.
    mergeCaches([a], into);
    expect(readMergeLog(into)).toHaveLength(2);
    // Merged on, the merged cache names the shards it came from.
    mergeCaches([into], further);
    expect(readMergeLog(further)).toEqual([expect.objectContaining({ source: into, copied: 4, mergedFrom: readMergeLog(into) })]);
    // The log is no entry: a later merge neither copies nor refuses it.
    expect(mergeCaches([further], tempDir())).toMatchObject({ copied: 4, refused: [], skipped: [] });
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

  it('refuses a valid entry the target holds with another result under the same key, and replaces an invalid one', () => {
    const [a, into] = [tempDir(), tempDir()];
    cachedUnit(into, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42 }));
    cachedUnit(a, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42, other: 'bytes' }));
    const before = contents(into);
    expect(mergeCaches([a], into)).toMatchObject({ copied: 0, present: 0, refused: [], kept: [], conflicts: [expect.stringMatching(/differ in result\.other$/)] });
    expect(contents(into)).toEqual(before);
    const [file] = Object.keys(before);
    writeFileSync(join(into, file!), '{');
    expect(mergeCaches([a], into)).toMatchObject({ copied: 1, refused: [] });
    expect(contents(into)).toEqual(contents(a));
  });
});

/** Edits an entry and recomputes its content hash, as a forger (or another machine's bug) would: it stays valid. */
function rehash(file: string, change: (entry: { inputs: unknown; record?: Record<string, unknown>; result?: unknown }) => void): void {
  const entry = JSON.parse(readFileSync(file, 'utf8'));
  change(entry);
  entry.contentHash = sha256(canonicalJson('record' in entry ? { inputs: entry.inputs, record: entry.record } : { inputs: entry.inputs, result: entry.result }));
  writeFileSync(file, JSON.stringify(entry));
}

const runEntry = (dir: string) => join(dir, readdirSync(dir).find((f) => f.endsWith('.json') && f !== MERGE_LOG)!);

describe('mergeCaches, adversarial', () => {
  it('lists a conflict between two sources with both places, writes nothing, whatever the argument order', async () => {
    const [a, b, into] = [tempDir(), tempDir(), tempDir()];
    await executeJobs([job([42])], { workers: 1, cacheDir: a });
    cpSync(a, b, { recursive: true });
    rehash(runEntry(b), (e) => (e.record!.escapeEpoch = 307));
    cachedUnit(into, 'phase-sweeps', { dataSeed: 1 }, () => ({ dataSeed: 1 }));
    const before = contents(into);
    for (const order of [[a, b], [b, a]]) {
      const summary = mergeCaches(order, into);
      expect(summary.conflicts).toEqual([expect.stringMatching(new RegExp(`^[0-9a-f]{64}\\.json: ${order[0]}/.* and ${order[1]}/.* differ in record\\.escapeEpoch$`))]);
      expect(summary.copied).toBe(0);
      expect(contents(into)).toEqual(before);
    }
  });

  it('lists a conflict between a source and the target, and keeps the target as it was', async () => {
    const [a, into] = [tempDir(), tempDir()];
    await executeJobs([job([42])], { workers: 1, cacheDir: a });
    cpSync(a, into, { recursive: true });
    rehash(runEntry(into), (e) => (e.record!.finalTrainMse = 1));
    const before = contents(into);
    const summary = mergeCaches([a], into);
    expect(summary.conflicts).toEqual([expect.stringMatching(/differ in record\.finalTrainMse$/)]);
    expect(contents(into)).toEqual(before);
  });

  it('a run that differs only in its timing is no conflict: the first is kept', async () => {
    const [a, b, into] = [tempDir(), tempDir(), tempDir()];
    await executeJobs([job([42])], { workers: 1, cacheDir: a });
    cpSync(a, b, { recursive: true });
    rehash(runEntry(b), (e) => (e.record!.stepsPerSecond = 1));
    const summary = mergeCaches([a, b], into);
    expect(summary).toMatchObject({ conflicts: [], refused: [], kept: [runEntry(b)] });
    expect(readFileSync(runEntry(into), 'utf8')).toBe(readFileSync(runEntry(a), 'utf8'));
  });

  it('refuses a FIFO, a symlink loop and a dangling link as entries without hanging, and merges the rest', () => {
    const [a, into] = [tempDir(), tempDir()];
    cachedUnit(a, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42 }));
    const k = (n: number) => `${String(n).repeat(64)}.json`;
    execFileSync('mkfifo', [join(a, k(1))]);
    execFileSync('mkfifo', [join(a, 'phase-sweeps', k(2))]);
    symlinkSync(k(3), join(a, k(3)));
    symlinkSync(join(a, 'gone'), join(a, k(4)));
    const summary = mergeCaches([a], into);
    expect(summary.refused.map((line) => line.replace(a, 'A')).sort()).toEqual([
      `A/${k(1)}: not a regular file`,
      `A/${k(3)}: not a regular file`,
      `A/${k(4)}: not a regular file`,
      `A/phase-sweeps/${k(2)}: not a regular file`,
    ]);
    expect(summary.copied).toBe(1);
  });

  it('a FIFO in place of a cache entry is refused and recomputed, not read forever', () => {
    const dir = tempDir();
    const task = { dataSeed: 42 };
    mkdirSync(join(dir, 'phase-sweeps'));
    execFileSync('mkfifo', [unitCachePath(dir, 'phase-sweeps', unitCacheKey('phase-sweeps', task))]);
    const lines: string[] = [];
    expect(cachedUnit(dir, 'phase-sweeps', task, () => ({ dataSeed: 42 }), { report: (l) => void lines.push(l) }).cached).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/refused \(cannot be read: ENOTREG\)/)]);
  });

  it('--verify refuses a whole source whose recomputed sample differs from what it stores', async () => {
    const [a, into] = [tempDir(), tempDir()];
    await executeJobs([job([42, 43])], { workers: 1, cacheDir: a });
    const honest = mergeCaches([a], tempDir(), { verify: 5 });
    expect(honest).toMatchObject({ refused: [], conflicts: [] });
    // Two runs and their four checkpoints.
    expect(honest.sources[0]!.verified).toBe(6);
    const [first] = readdirSync(a).filter((f) => f.endsWith('.json')).sort();
    rehash(join(a, first!), (e) => (e.record!.escapeEpoch = 307));
    // Its hashes hold: without --verify the edited record goes in.
    expect(mergeCaches([a], tempDir())).toMatchObject({ refused: [], copied: 6 });
    const summary = mergeCaches([a], into, { verify: 1 });
    expect(summary.refused).toEqual([`${a}: every entry refused, ${join(a, first!)}: recomputed, it differs in escapeEpoch`]);
    expect(summary.sources).toEqual([]);
    expect(readdirSync(into)).toEqual([]);
  });

  it('--verify retrains the cheapest checkpoints and refuses a source with one forged consistently', async () => {
    const [a, into] = [tempDir(), tempDir()];
    await executeJobs([job([42])], { workers: 1, cacheDir: a });
    const entries = readdirSync(join(a, 'checkpoints')).map((f) => ({ file: join(a, 'checkpoints', f), entry: JSON.parse(readFileSync(join(a, 'checkpoints', f), 'utf8')) }));
    const [cheapest] = entries.sort((x, y) => x.entry.inputs.betas.length - y.entry.inputs.betas.length || (x.entry.key < y.entry.key ? -1 : 1));
    // The forger's weights, a little off, with the last stage measured again on them and the hashes recomputed: the
    // entry is consistent with its own weights, as a read checks it.
    const { entry, file } = cheapest!;
    const i = entry.inputs;
    const params = new Float64Array(Buffer.from(entry.params, 'base64').buffer.slice(0)).map((w) => w * 1.01);
    const data = makeTaskData(i.teacher, i.data, i.dataSeed);
    const net = { ...createNetwork(i.network), params };
    const beta = i.betas.at(-1);
    const m = new MetricsProbe(net, prepareTrainingSet(data.train, i.network.biases).moments, datasetMoments(data.test, i.network.biases)).measure(beta);
    const last = { ...entry.stages.at(-1), gradientNorm: fullGradientNorm(net, prepareTrainingSet(data.train, i.network.biases).moments, beta), trainMse: m.trainMse, testMse: m.testMse, singularValues: m.singularValues };
    entry.stages = [...entry.stages.slice(0, -1), last];
    entry.params = Buffer.from(params.buffer).toString('base64');
    entry.contentHash = sha256(canonicalJson({ inputs: entry.inputs, stages: entry.stages, params: entry.params }));
    writeFileSync(file, JSON.stringify(entry));
    expect(mergeCaches([a], tempDir())).toMatchObject({ refused: [], copied: 3 });
    const summary = mergeCaches([a], into, { verify: 1 });
    expect(summary.refused).toEqual([expect.stringMatching(new RegExp(`^${a}: every entry refused, ${file}: recomputed, it differs in (stages|params)`))]);
    expect(readdirSync(into)).toEqual([]);
  });

  it('--verify recomputes units through the injected recompute, K per kind, by name', () => {
    const [a, into] = [tempDir(), tempDir()];
    for (const seed of [1, 2, 3]) cachedUnit(a, 'phase-sweeps', { dataSeed: seed }, () => ({ dataSeed: seed }));
    const asked: string[] = [];
    const recompute = (folder: string, key: string, inputs: unknown) => {
      asked.push(key);
      return { dataSeed: (inputs as { task: { dataSeed: number } }).task.dataSeed };
    };
    expect(mergeCaches([a], into, { verify: 2, recompute }).sources[0]!.verified).toBe(2);
    expect(asked).toEqual(readdirSync(join(a, 'phase-sweeps')).sort().slice(0, 2).map((f) => f.slice(0, 64)));
  });
});
