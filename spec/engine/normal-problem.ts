import { createStream, fillStandardNormal, type Dataset } from '../../src/data/index.ts';
import { createNetwork, initialiseGaussian, type Network } from '../../src/engine/network.ts';
import { prepareTrainingSet, type TrainingSet } from '../../src/engine/training-set.ts';

/** A network of the given widths with N(0, 0.4²) parameters, and N samples of standard normal inputs and targets. */
export function normalProblem(widths: number[], biases: boolean, count: number, seed = 1): { net: Network; train: TrainingSet } {
  const net = createNetwork({ widths, biases });
  initialiseGaussian(net, createStream(seed, 'init'), 0.4);
  const n = widths[0]!;
  const m = widths[widths.length - 1]!;
  const data: Dataset = { count, inputDim: n, outputDim: m, x: new Float64Array(count * n), y: new Float64Array(count * m) };
  const rng = createStream(seed, 'data');
  fillStandardNormal(rng, data.x);
  fillStandardNormal(rng, data.y);
  return { net, train: prepareTrainingSet(data, biases) };
}
