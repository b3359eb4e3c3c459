import { describe, expect, it } from 'vitest';
import { createMomentWorkspace } from '../../src/engine/moment-workspace.ts';
import { createNetwork } from '../../src/engine/network.ts';

describe('createMomentWorkspace', () => {
  it('holds the constant ends: the map to h_0 is [I | 0] (transposed), the product after the last layer is I_m', () => {
    const ws = createMomentWorkspace(createNetwork({ widths: [2, 4, 3], biases: true }));
    expect(ws.augmentedInput).toBe(3);
    expect([...ws.prefixT[0]!]).toEqual([1, 0, 0, 1, 0, 0]);
    expect([...ws.suffix[2]!]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(ws.prefixT.map((p) => p.length)).toEqual([6, 12, 9]);
    expect(ws.h.length).toBe(3 * 4);
  });
});
