import { describe, expect, it } from 'vitest';
import { CODE_ENTRIES, JOB_KINDS } from '../../../src/runner/index.ts';

describe('the table of job kinds', () => {
  it('recomputes every unit-cache kind but the run records and checkpoints, each in one kind only', () => {
    const recomputed = Object.values(JOB_KINDS).flatMap((kind) => Object.keys(kind.recompute ?? {}));
    expect(new Set(recomputed).size).toBe(recomputed.length);
    expect(recomputed.sort()).toEqual(Object.keys(CODE_ENTRIES).filter((k) => k !== 'runs' && k !== 'checkpoints').sort());
  });
});
