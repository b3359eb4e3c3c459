import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NONLINEAR_PATH, loadNonlinear } from '../../src/protocols/nonlinear.ts';

describe('golden/protocols/nonlinear.json', () => {
  it('loads tanh (first: the headline) and sigmoid, the paper\'s SGD and 50 seeds in the full profile', () => {
    const file = loadNonlinear();
    expect(file.activations).toEqual(['tanh', 'sigmoid']);
    expect(file.escape).toMatchObject({ lr: 0.08, batch: 64, sampling: 'epoch-permutation', mode: 2 });
    expect(file.profiles.full.seeds).toBe(50);
  });

  it('refuses an empty grid and an unknown activation, naming the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nonlinear-'));
    const path = join(dir, 'nonlinear.json');
    const file = JSON.parse(readFileSync(NONLINEAR_PATH, 'utf8'));
    file.profiles.smoke.grid.tanh.to = file.profiles.smoke.grid.tanh.from;
    writeFileSync(path, JSON.stringify(file));
    expect(() => loadNonlinear(path)).toThrow(/nonlinear\.json: \/profiles\/smoke\/grid\/tanh must have to > from/);
    file.activations = ['relu'];
    writeFileSync(path, JSON.stringify(file));
    expect(() => loadNonlinear(path)).toThrow(/activations/);
  });
});
