import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGED_PATH, loadStaged, stagedEscapeProtocol } from '../../src/protocols/staged.ts';

describe('golden/protocols/staged.json', () => {
  it('loads d = 4 features, ≥ 2 temperatures and ≥ 50 noise seeds in the full profile', () => {
    const file = loadStaged();
    expect(file.etas).toEqual([0.9, 0.8, 0.7, 0.6]);
    expect(file.escape.temperatures.length).toBeGreaterThanOrEqual(2);
    expect(file.profiles.full.escapeSeeds).toBeGreaterThanOrEqual(50);
    expect(file.plateaus.initStds.length).toBeGreaterThanOrEqual(2);
  });

  it('makes the escape protocol a d → 10 → 10 → d network stopping at the last mode', () => {
    const p = stagedEscapeProtocol(loadStaged(), 'smoke');
    expect(p.network.widths).toEqual([4, 10, 10, 4]);
    expect(p.sigmaMode).toBe(4);
    expect(p.dataSeed).toEqual({ kind: 'fixed', seed: 43 });
    expect(p.start).toEqual({ kind: 'checkpoint', betas: [0, 0.25] });
  });

  it('refuses features not in descending η and an unknown field, naming the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'staged-'));
    const file = JSON.parse(readFileSync(STAGED_PATH, 'utf8'));
    file.etas = [0.8, 0.9];
    writeFileSync(join(dir, 'staged.json'), JSON.stringify(file));
    expect(() => loadStaged(join(dir, 'staged.json'))).toThrow(/staged\.json: \/etas\/1 .*descending/);
    file.etas = [0.9, 0.8];
    file.plateaus.extra = 1;
    writeFileSync(join(dir, 'staged.json'), JSON.stringify(file));
    expect(() => loadStaged(join(dir, 'staged.json'))).toThrow(/plateaus/);
  });
});
