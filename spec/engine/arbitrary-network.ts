import fc from 'fast-check';
import type { Dataset } from '../../src/data/index.ts';
import { createNetwork, type Network } from '../../src/engine/network.ts';

/** A random deep linear network (depth 2–4, widths 1–6, with or without biases), data and a batch of it. */
export interface NetworkCase {
  readonly net: Network;
  readonly data: Dataset;
  readonly batch: Int32Array;
  readonly beta: number;
}

const entry = fc.double({ min: -1.5, max: 1.5, noNaN: true, noDefaultInfinity: true });

export const networkCase: fc.Arbitrary<NetworkCase> = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 5 }),
    biases: fc.boolean(),
    count: fc.integer({ min: 1, max: 12 }),
    beta: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .chain(({ widths, biases, count, beta }) => {
    const net = createNetwork({ widths, biases });
    const n = widths[0]!;
    const m = widths[widths.length - 1]!;
    return fc
      .record({
        params: fc.array(entry, { minLength: net.params.length, maxLength: net.params.length }),
        x: fc.array(entry, { minLength: count * n, maxLength: count * n }),
        y: fc.array(entry, { minLength: count * m, maxLength: count * m }),
        batch: fc.array(fc.integer({ min: 0, max: count - 1 }), { minLength: 1, maxLength: 16 }),
      })
      .map(({ params, x, y, batch }) => {
        net.params.set(params);
        const data: Dataset = { count, inputDim: n, outputDim: m, x: Float64Array.from(x), y: Float64Array.from(y) };
        return { net, data, batch: Int32Array.from(batch), beta };
      });
  });
