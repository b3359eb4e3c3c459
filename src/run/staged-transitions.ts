import { createStream, makeTaskData } from '../data/index.ts';
import {
  MetricsProbe,
  createNetwork,
  datasetMoments,
  initialiseGaussian,
  prepareTrainingSet,
  sampleSpectrum,
  trainSgd,
} from '../engine/index.ts';
import type { PhaseDiagramProtocol, PlateauTraining } from '../protocols/index.ts';

// Section 4.1, prediction 1: "in tasks with d learnable features, grokking should proceed in up to d
// discrete stages, one per singular value of Σyx": the phase-diagram protocol on d features, and the learning
// plateaus from a small initialisation, whose order and timing Saxe et al. ([17]) predict without noise.

/** The phase-diagram protocol with d = etas.length features and a d → hidden → … → d network of the same depth. */
export function stagedProtocol(base: PhaseDiagramProtocol, etas: readonly number[]): PhaseDiagramProtocol {
  const d = etas.length;
  const hidden = base.network.widths.slice(1, -1);
  return {
    ...base,
    teacher: { inputDim: d, outputDim: d, singularValues: [...etas] },
    network: { widths: [d, ...hidden, d], biases: base.network.biases },
  };
}

export interface PlateauSettings extends PlateauTraining {
  readonly initStd: number;
}

export interface LearningPlateaus {
  /** Per mode (descending σ at the end): the first epoch at which σ_i reached half its final value, or null. */
  readonly riseEpochs: (number | null)[];
  readonly finalSingularValues: number[];
  /** σ of the end-to-end map after every traceEvery-th epoch (epochs traceEvery, 2·traceEvery, …), for the figure. */
  readonly trace: number[][];
  /** The training sample's singular values of Σ̂yx (descending): Saxe's timescales are set by these. */
  readonly sampleSigma: number[];
}

/** Training from N(0, initStd²) weights ('init' stream of the data seed) with the seed's 'batches' stream. */
export function learningPlateaus(protocol: PhaseDiagramProtocol, dataSeed: number, settings: PlateauSettings, sgdSeed: number): LearningPlateaus {
  const data = makeTaskData(protocol.teacher, protocol.data, dataSeed);
  const train = prepareTrainingSet(data.train, protocol.network.biases);
  const net = createNetwork(protocol.network);
  initialiseGaussian(net, createStream(dataSeed, 'init'), settings.initStd);
  const probe = new MetricsProbe(net, train.moments, datasetMoments(data.test, protocol.network.biases));
  const every: number[][] = [];
  const { lr, batch, beta, epochs, sampling } = settings;
  trainSgd(net, train, { lr, batch, beta, epochs, batchSampling: sampling, flushBelow: 1e-300 }, createStream(sgdSeed, 'batches'), (_, view) => {
    every.push(probe.watchedSingularValues(view));
  });
  const finalSingularValues = every[every.length - 1] ?? [];
  const riseEpochs = finalSingularValues.map((final, i) => {
    if (!(final > settings.learnedAbove)) return null;
    const k = every.findIndex((sigma) => sigma[i]! >= final / 2);
    return k < 0 ? null : k + 1;
  });
  const stride = settings.traceEvery ?? 1;
  const trace = every.filter((_, k) => (k + 1) % stride === 0);
  const d = protocol.teacher.singularValues.length;
  return { riseEpochs, finalSingularValues, trace, sampleSigma: sampleSpectrum(train.moments).raw.slice(0, d) };
}
