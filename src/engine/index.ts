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
export { effectiveBatch, roundedMoments, stepsPerEpoch, trainSgd } from './sgd.ts';
export type { GradientPath, Numerics, SgdSettings } from './sgd.ts';
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
export { ACTIVATIONS, activationFunctions, isActivation } from './activation.ts';
export type { Activation, ActivationFunctions } from './activation.ts';
export type { BatchSampling } from './batch-sampling.ts';
export {
  createNonlinearNetwork,
  createNonlinearWorkspace,
  forwardSample,
  nonlinearGradient,
  nonlinearMse,
  nonlinearObjective,
  responseMatrix,
} from './nonlinear-network.ts';
export type { NonlinearNetwork, NonlinearShape, NonlinearWorkspace } from './nonlinear-network.ts';
export { descendNonlinearFullBatch, nonlinearGradientNorm, trainNonlinearSgd } from './nonlinear-sgd.ts';
export type { NonlinearSgdSettings } from './nonlinear-sgd.ts';
export { lowRankNoise } from './low-rank-noise.ts';
export type { LowRankNoise } from './low-rank-noise.ts';
