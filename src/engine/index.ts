export { createNetwork, cloneNetwork, depth, initialiseGaussian, layerWeights, parameterCount, validateShape } from './network.ts';
export type { Network, NetworkShape } from './network.ts';
export { accumulateMoments, augmentedInputDim, datasetMoments, emptyMoments, sampleFeatures } from './moments.ts';
export type { Moments, SampleFeatures } from './moments.ts';
export {
  computePrefixes,
  endToEndEntry,
  momentGradient,
  momentGradientStep,
  momentGradientStepGeneric,
  mseFromMoments,
  weightDecayPenalty,
} from './moment-gradient.ts';
export { createMomentWorkspace } from './moment-workspace.ts';
export type { MomentWorkspace } from './moment-workspace.ts';
export { backpropGradient, createBackpropWorkspace, forwardSample } from './backprop-gradient.ts';
export type { BackpropWorkspace } from './backprop-gradient.ts';
export { effectiveRank, singularValues } from './singular-values.ts';
export { prepareTrainingSet } from './training-set.ts';
export type { TrainingSet } from './training-set.ts';
export { drawWithReplacement, effectiveBatch, roundedMoments, stepsPerEpoch, trainSgd } from './sgd.ts';
export type { BatchSampling, GradientPath, LangevinKick, Numerics, SgdSettings } from './sgd.ts';
export { descendFullBatch, fullGradientNorm } from './full-batch-descent.ts';
export type { DescentReport, DescentSettings } from './full-batch-descent.ts';
export { MetricsProbe, endToEndMatrix } from './metrics.ts';
export { prefixView, type AfterEpoch, type EndToEndView } from './end-to-end-view.ts';
export type { NetworkMetrics } from './metrics.ts';
export { accumulateKernel, stepKernel } from './compiled-kernels.ts';
export { dot, identity, matMul, norm } from './dense.ts';
export { lossHessian } from './hessian.ts';
export { symmetricEigen } from './symmetric-eigen.ts';
export type { SymmetricEigen } from './symmetric-eigen.ts';
export type { AccumulateKernel, Precision, StepKernel } from './compiled-kernels.ts';
// Network geometry: critical points, the hidden-unit symmetry, per-sample gradient noise, the sample spectrum.
export { balancedAlignedNetwork, chainCoordinates, invariantSupport, populationMoments, refineCriticalPoint } from './critical-points.ts';
export type { NewtonReport, NewtonSettings } from './critical-points.ts';
export { logSphereVolume, logStiefelVolume, orbitTangentSpace, subspaceExcess, symmetryTangents } from './hidden-symmetry.ts';
export type { OrbitTangentSpace, SymmetryTangents } from './hidden-symmetry.ts';
export { batchGradientDeviation, coordinateBasis, perSampleGradientCovariance, perSampleGradients, projectedTrace, trace } from './gradient-noise.ts';
export { relativeImbalance } from './balancedness.ts';
export { sampleSpectrum } from './sample-spectrum.ts';
export type { SampleSpectrum } from './sample-spectrum.ts';
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
export type { EscapeWatch, ModeAxes, RiseTrace, WatchedTraining } from './escape-watch.ts';
export { ACTIVATIONS, activationFunctions, isActivation } from './activation.ts';
export type { Activation, ActivationFunctions } from './activation.ts';
export {
  createNonlinearNetwork,
  createNonlinearWorkspace,
  nonlinearMse,
  nonlinearObjective,
  responseMatrix,
} from './nonlinear-network.ts';
export type { NonlinearNetwork, NonlinearShape } from './nonlinear-network.ts';
export { descendNonlinearFullBatch, nonlinearGradientNorm, trainNonlinearSgd } from './nonlinear-sgd.ts';
export type { NonlinearGradientPath, NonlinearSgdSettings } from './nonlinear-sgd.ts';
export { createNonlinearBatchKernel } from './nonlinear-batch.ts';
export type { NonlinearBatchKernel } from './nonlinear-batch.ts';
export { lowRankNoise, matrixComplements, projectedBlockNormSquared } from './low-rank-noise.ts';
export type { LowRankNoise } from './low-rank-noise.ts';
// The network with biases on every layer, under the readings of weight decay and bias initialisation.
export {
  BIAS_DECAYS,
  BIAS_INITS,
  biasMask,
  biasedBackpropGradient,
  biasedMomentGradient,
  biasedObjective,
  initialiseBiases,
  trainBiasedSgd,
} from './biased-network.ts';
export type { BiasDecay, BiasInit, BiasTraining, BiasedSgdSettings } from './biased-network.ts';
