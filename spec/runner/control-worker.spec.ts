import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import controlTask, { SGLD_ESCAPE_KIND, type SgldTask } from '../../src/runner/control-worker.ts';
import { mergeCaches } from '../../src/runner/cache-merge.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'control-worker-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const task = (cacheDir: string | null): SgldTask => ({ kind: 'sgld', protocol: tinyProtocol('rank1-trap'), checkpointSeed: 43, temperature: 0.002, noiseSeed: 7, cacheDir });
const sgld = (t: SgldTask) => {
  const r = controlTask(t);
  if (r.kind !== 'sgld') throw new Error('expected an SGLD result');
  return r;
};

describe('an SGLD control run through the unit cache', () => {
  it('stores its record as a unit entry, serves it back unchanged, and recomputes a tampered one, saying so', () => {
    const cacheDir = tempDir();
    const fresh = sgld(task(null)).record;
    const first = sgld(task(cacheDir));
    expect(first.record).toEqual(fresh);
    expect(first.cacheProblems).toEqual([]);
    const [file] = readdirSync(join(cacheDir, SGLD_ESCAPE_KIND));
    expect(sgld(task(cacheDir)).record).toEqual(fresh);
    const path = join(cacheDir, SGLD_ESCAPE_KIND, file!);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"noiseSeed":7', '"noiseSeed":8'));
    const again = sgld(task(cacheDir));
    expect(again.record).toEqual(fresh);
    expect(again.cacheProblems.join('\n')).toMatch(/sgld-escape cache: .* refused/);
  });

  it('is merged by cache merge like any other unit entry, not refused as a malformed run record', () => {
    const source = tempDir();
    sgld(task(source));
    const into = join(tempDir(), 'merged');
    const summary = mergeCaches([source], into);
    expect(summary.refused).toEqual([]);
    expect(readdirSync(join(into, SGLD_ESCAPE_KIND))).toHaveLength(1);
  });
});

describe('a learning-plateau task', () => {
  it('is the run of src/run/staged-transitions.ts with the data seed as its SGD seed', async () => {
    const { PHASE_DIAGRAM_FILE } = await import('../../src/protocols/index.ts');
    const { learningPlateaus, stagedProtocol } = await import('../../src/run/index.ts');
    const protocol = stagedProtocol(PHASE_DIAGRAM_FILE.settings, [0.9, 0.6]);
    const settings = { initStd: 0.04, lr: 0.08, batch: 64, beta: 0, epochs: 30, sampling: 'epoch-permutation' as const, learnedAbove: 0.1, traceEvery: 10 };
    const r = controlTask({ kind: 'plateau', protocol, settings, dataSeed: 44 });
    if (r.kind !== 'plateau') throw new Error('expected a plateau result');
    expect(r.run).toEqual(learningPlateaus(protocol, 44, settings, 44));
    expect(r.run.trace).toHaveLength(3);
    expect(r.run.sampleSigma).toHaveLength(2);
  });
});
