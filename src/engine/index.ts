export { createNetwork, cloneNetwork, depth, initialiseGaussian, layerWeights, parameterCount, validateShape } from './network.ts';
export type { Network, NetworkShape } from './network.ts';
export { accumulateMoments, augmentedInputDim, datasetMoments, emptyMoments, sampleFeatures } from './moments.ts';
export type { Moments, SampleFeatures } from './moments.ts';
export {
  computePrefixes,
  createMomentWorkspace,
  endToEndEntry,
  momentGradient,
  momentGradientStep,
  momentGradientStepGeneric,
  mseFromMoments,
  weightDecayPenalty,
} from './moment-gradient.ts';
export type { MomentWorkspace } from './moment-gradient.ts';
export { backpropGradient, createBackpropWorkspace } from './backprop-gradient.ts';
export type { BackpropWorkspace } from './backprop-gradient.ts';
export { effectiveRank, singularValues } from './singular-values.ts';
export { prepareTrainingSet } from './training-set.ts';
export type { TrainingSet } from './training-set.ts';
export { drawWithReplacement, effectiveBatch, roundedMoments, stepsPerEpoch, trainSgd } from './sgd.ts';
export type { BatchSampling, GradientPath, LangevinKick, Numerics, SgdSettings } from './sgd.ts';
export { descendFullBatch, fullGradientNorm } from './full-batch-descent.ts';
export type { DescentReport, DescentSettings } from './full-batch-descent.ts';
export { MetricsProbe, endToEndMatrix } from './metrics.ts';
export type { NetworkMetrics } from './metrics.ts';
export { accumulateKernel, stepKernel } from './compiled-kernels.ts';
export { dot, identity, matMul, norm } from './dense.ts';
export { lossHessian } from './hessian.ts';
export { symmetricEigen } from './symmetric-eigen.ts';
export type { SymmetricEigen } from './symmetric-eigen.ts';
export type { AccumulateKernel, Precision, StepKernel } from './compiled-kernels.ts';
export {
  defaultAbsorbingPoint,
  kramersTime,
  meanFirstPassageTime,
  modeLangevinEscape,
  modeLangevinSweep,
  modePotential,
  overdampedFirstPassage,
} from './mode-langevin.ts';
export type { LangevinEscape, ModeLangevinSettings, ModePotential } from './mode-langevin.ts';
export { modeAxes, trainWatchingEscape } from './escape-watch.ts';
export type { EscapeWatch, ModeAxes, WatchedTraining } from './escape-watch.ts';
