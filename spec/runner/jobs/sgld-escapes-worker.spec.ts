import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sgldTask, { SGLD_ESCAPE_KIND, type SgldTask } from '../../../src/runner/jobs/sgld-escapes-worker.ts';
import { mergeCaches } from '../../../src/runner/cache-merge.ts';
import { tinyProtocol } from '../../run/tiny-protocol.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sgld-worker-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const task = (cacheDir: string | null): SgldTask => ({ protocol: tinyProtocol('rank1-trap'), checkpointSeed: 43, temperature: 0.002, noiseSeed: 7, cacheDir });

describe('an SGLD control run through the unit cache', () => {
  it('stores its record as a unit entry, serves it back unchanged, and recomputes a tampered one, saying so', () => {
    const cacheDir = tempDir();
    const fresh = sgldTask(task(null)).result;
    const first = sgldTask(task(cacheDir));
    expect(first.result).toEqual(fresh);
    expect([first.cached, first.cacheProblems]).toEqual([false, []]);
    const [file] = readdirSync(join(cacheDir, SGLD_ESCAPE_KIND));
    const second = sgldTask(task(cacheDir));
    expect([second.result, second.cached]).toEqual([fresh, true]);
    const path = join(cacheDir, SGLD_ESCAPE_KIND, file!);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"noiseSeed":7', '"noiseSeed":8'));
    const again = sgldTask(task(cacheDir));
    expect(again.result).toEqual(fresh);
    expect(again.cacheProblems.join('\n')).toMatch(/sgld-escape cache: .* refused/);
  });

  it('is merged by cache merge like any other unit entry, not refused as a malformed run record', () => {
    const source = tempDir();
    sgldTask(task(source));
    const into = join(tempDir(), 'merged');
    const summary = mergeCaches([source], into);
    expect(summary.refused).toEqual([]);
    expect(readdirSync(join(into, SGLD_ESCAPE_KIND))).toHaveLength(1);
  });
});
