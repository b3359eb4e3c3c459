import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONE_WAY_JUMPS_PATH, loadOneWayJumps } from '../../src/protocols/one-way-jumps.ts';

describe('golden/protocols/one-way-jumps.json', () => {
  it('loads with ≥ 4 B/ηlr, ≥ 2 β and both ways of drawing batches', () => {
    const file = loadOneWayJumps();
    expect(file.learningRates.length).toBeGreaterThanOrEqual(4);
    expect(new Set(file.groups.map((g) => g.sampling))).toEqual(new Set(['epoch-permutation', 'with-replacement']));
    expect(file.profiles.full.seeds).toBeGreaterThanOrEqual(50);
  });

  it('refuses a repeated group and an unknown drawing, naming the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jumps-'));
    const file = JSON.parse(readFileSync(ONE_WAY_JUMPS_PATH, 'utf8'));
    file.groups.push(file.groups[0]);
    writeFileSync(join(dir, 'one-way-jumps.json'), JSON.stringify(file));
    expect(() => loadOneWayJumps(join(dir, 'one-way-jumps.json'))).toThrow(/one-way-jumps\.json: \/groups repeats a group/);
    file.groups = [{ sampling: 'bootstrap', delta: 0.01 }];
    writeFileSync(join(dir, 'one-way-jumps.json'), JSON.stringify(file));
    expect(() => loadOneWayJumps(join(dir, 'one-way-jumps.json'))).toThrow(/sampling/);
  });
});
