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
