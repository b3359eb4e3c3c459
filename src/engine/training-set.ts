import type { Dataset } from '../data/index.ts';
import { datasetMoments, sampleFeatures, type Moments, type SampleFeatures } from './moments.ts';

/** A data set with what both gradient paths need precomputed once: per-sample outer products and full moments. */
export interface TrainingSet {
  readonly data: Dataset;
  readonly features: SampleFeatures;
  readonly moments: Moments;
}

export function prepareTrainingSet(data: Dataset, biases: boolean): TrainingSet {
  return { data, features: sampleFeatures(data, biases), moments: datasetMoments(data, biases) };
}
