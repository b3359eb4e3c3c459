import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type Activation } from '../../src/engine/activation.ts';
import { backpropGradient, createBackpropWorkspace } from '../../src/engine/backprop-gradient.ts';
import {
  createNonlinearNetwork,
  createNonlinearWorkspace,
  nonlinearObjective,
  responseMatrix,
  type NonlinearNetwork,
} from '../../src/engine/nonlinear-network.ts';
import { layerWeights } from '../../src/engine/network.ts';
import { singularValues } from '../../src/engine/singular-values.ts';
import { networkCase, type NetworkCase } from './arbitrary-network.ts';

function asNonlinear(c: NetworkCase, activation: Activation): NonlinearNetwork {
  const net = createNonlinearNetwork({ ...c.net.shape, activation });
  net.params.set(c.net.params);
  return net;
}

function gradientOf(net: NonlinearNetwork, c: NetworkCase): Float64Array {
  const grad = new Float64Array(net.params.length);
  backpropGradient(net, c.data, c.batch, 0, c.batch.length, c.beta, createNonlinearWorkspace(net), grad);
  return grad;
}

const activation = fc.constantFrom(...ACTIVATIONS);

describe('backpropGradient with a hidden-layer activation', () => {
  it('with the identity activation equals the linear engine’s per-sample backpropagation to 1e-12', () => {
    fc.assert(
      fc.property(networkCase, (c) => {
        const ours = gradientOf(asNonlinear(c, 'identity'), c);
        const linear = new Float64Array(ours.length);
        backpropGradient(c.net, c.data, c.batch, 0, c.batch.length, c.beta, createBackpropWorkspace(c.net), linear);
        const scale = Math.max(1, ...linear.map(Math.abs));
        for (let k = 0; k < ours.length; k++) expect(Math.abs(ours[k]! - linear[k]!)).toBeLessThanOrEqual(1e-12 * scale);
      }),
      { numRuns: 60 },
    );
  });

  it('is the gradient of MSE(batch) + (β/2)|θ|² by central differences, for every activation, shape and batch', () => {
    fc.assert(
      fc.property(networkCase, activation, fc.nat(), (c, a, pick) => {
        const net = asNonlinear(c, a);
        const grad = gradientOf(net, c);
        const objective = () => {
          // The objective over the batch as drawn (repeats count twice), written through the data set's rows.
          const x = new Float64Array(c.batch.length * c.data.inputDim);
          const y = new Float64Array(c.batch.length * c.data.outputDim);
          c.batch.forEach((s, b) => {
            x.set(c.data.x.subarray(s * c.data.inputDim, (s + 1) * c.data.inputDim), b * c.data.inputDim);
            y.set(c.data.y.subarray(s * c.data.outputDim, (s + 1) * c.data.outputDim), b * c.data.outputDim);
          });
          return nonlinearObjective(net, { ...c.data, count: c.batch.length, x, y }, c.beta);
        };
        for (const k of [pick % net.params.length, (pick * 7 + 3) % net.params.length]) {
          const p = net.params[k]!;
          const h = 1e-6;
          net.params[k] = p + h;
          const plus = objective();
          net.params[k] = p - h;
          const minus = objective();
          net.params[k] = p;
          const numeric = (plus - minus) / (2 * h);
          expect(Math.abs(grad[k]! - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('responseMatrix', () => {
  it('has rank one for a state that uses one hidden unit, for tanh and sigmoid alike', () => {
    for (const a of ['tanh', 'sigmoid'] as const) {
      const net = createNonlinearNetwork({ widths: [3, 5, 5, 2], biases: false, activation: a });
      layerWeights(net, 1).set([0.7, -0.4, 0.2], 0);
      layerWeights(net, 2)[0] = 1.3;
      layerWeights(net, 3)[0] = 0.9;
      layerWeights(net, 3)[5] = -0.5;
      const data = { count: 6, inputDim: 3, outputDim: 2, x: Float64Array.from({ length: 18 }, (_, i) => Math.sin(1.7 * i + 0.3)), y: new Float64Array(12) };
      const sigma = singularValues(responseMatrix(net, data), 2, 3);
      expect(sigma[0]).toBeGreaterThan(0.01);
      // Sigmoid's idle units output the constant 1/2, which the centring removes.
      expect(sigma[1]).toBeLessThan(1e-15);
    }
  });
});
