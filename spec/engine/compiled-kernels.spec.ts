import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateKernel, accumulateKernelSource, prefixKernel, stepKernel } from '../../src/engine/compiled-kernels.ts';
import { computePrefixesGeneric, momentGradientStepGeneric } from '../../src/engine/moment-gradient.ts';
import { createMomentWorkspace } from '../../src/engine/moment-workspace.ts';
import { accumulateMoments, emptyMoments, sampleFeatures } from '../../src/engine/moments.ts';
import { cloneNetwork } from '../../src/engine/network.ts';
import { networkCase } from './arbitrary-network.ts';

describe('compiled kernels', () => {
  it('the step kernel is bit-identical to the generic fused step (gradient and stepped parameters)', () => {
    fc.assert(
      fc.property(networkCase, fc.double({ min: 0, max: 0.5, noNaN: true }), (c, lr) => {
        const f = sampleFeatures(c.data, c.net.shape.biases);
        const mom = emptyMoments(f.augmentedInput, f.outputDim);
        accumulateMoments(f, c.batch, 0, c.batch.length, mom);
        const generic = cloneNetwork(c.net);
        const compiled = cloneNetwork(c.net);
        const gGeneric = new Float64Array(generic.params.length);
        const gCompiled = new Float64Array(generic.params.length);
        momentGradientStepGeneric(generic, mom, c.beta, lr, createMomentWorkspace(generic), gGeneric);
        stepKernel(compiled)(compiled.params, mom, c.beta, lr, createMomentWorkspace(compiled), gCompiled);
        return (
          gCompiled.every((v, i) => Object.is(v, gGeneric[i])) && compiled.params.every((v, i) => Object.is(v, generic.params[i]))
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the prefix kernel is bit-identical to computePrefixesGeneric', () => {
    fc.assert(
      fc.property(networkCase, (c) => {
        const generic = createMomentWorkspace(c.net);
        const compiled = createMomentWorkspace(c.net);
        computePrefixesGeneric(c.net, generic);
        prefixKernel(c.net)(c.net.params, compiled);
        return generic.prefixT.every((p, l) => p.every((v, i) => Object.is(v, compiled.prefixT[l]![i])));
      }),
    );
  });

  it('the accumulate kernel is bit-identical to accumulateMoments', () => {
    fc.assert(
      fc.property(networkCase, (c) => {
        const f = sampleFeatures(c.data, c.net.shape.biases);
        const a = emptyMoments(f.augmentedInput, f.outputDim);
        const b = emptyMoments(f.augmentedInput, f.outputDim);
        accumulateMoments(f, c.batch, 0, c.batch.length, a);
        accumulateKernel(f)(f.rows, c.batch, 0, c.batch.length, b);
        return (
          a.count === b.count &&
          Object.is(a.syyTrace, b.syyTrace) &&
          a.sxx.every((v, i) => Object.is(v, b.sxx[i])) &&
          a.syx.every((v, i) => Object.is(v, b.syx[i]))
        );
      }),
    );
  });

  it('writes every dimension in as a constant', () => {
    const source = accumulateKernelSource({ width: 9, augmentedInput: 2 });
    expect(source).toContain('indices[b] * 9');
    expect(source).toContain('syx[3] = s7;');
  });
});
