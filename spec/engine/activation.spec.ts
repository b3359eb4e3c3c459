import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activationFunctions, isActivation } from '../../src/engine/activation.ts';

describe('activationFunctions', () => {
  it('slopeAtOutput(φ(z)) is φ′(z) by central differences', () => {
    for (const a of ACTIVATIONS) {
      const { apply, slopeAtOutput } = activationFunctions(a);
      fc.assert(
        fc.property(fc.double({ min: -4, max: 4, noNaN: true }), (z) => {
          const h = 1e-5;
          const numeric = (apply(z + h) - apply(z - h)) / (2 * h);
          expect(Math.abs(slopeAtOutput(apply(z)) - numeric)).toBeLessThan(1e-9);
        }),
      );
    }
  });

  it('tanh is odd with φ(0) = 0, sigmoid is not (φ(0) = 1/2), identity is the identity', () => {
    expect(activationFunctions('tanh').apply(0)).toBe(0);
    expect(activationFunctions('sigmoid').apply(0)).toBe(0.5);
    expect(activationFunctions('identity').apply(0.37)).toBe(0.37);
    expect(isActivation('tanh')).toBe(true);
    expect(isActivation('relu')).toBe(false);
    expect(() => activationFunctions('relu' as never)).toThrow(/unknown activation/);
  });
});
