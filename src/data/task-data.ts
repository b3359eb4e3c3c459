import { sampleTeacher, selectSamples, type Dataset } from './dataset.ts';
import { createStream, shuffleInPlace } from './random-stream.ts';
import type { TeacherSpec } from './teacher-covariance.ts';

/** How train and test sets are drawn (Appendix A). */
export type DataDesign =
  /** "Training and test data each consist of N = 512 samples"; "an independent test set ... held fixed". */
  | { readonly kind: 'iid'; readonly trainCount: number; readonly testCount: number }
  /** Sparse sub-sampling: a random `trainCount` subset of a `poolCount` pool; a disjoint test set. */
  | { readonly kind: 'subsample'; readonly poolCount: number; readonly trainCount: number; readonly testCount: number };

export interface TaskData {
  readonly train: Dataset;
  readonly test: Dataset;
}

/**
 * Train and test sets for a data seed, from the 'data' stream (and the 'subsample' stream for the subset),
 * so the data never depend on how weights or batches are drawn. The sparse test set is drawn fresh after
 * the pool: with 10 000 test samples and a 5 000 pool it cannot be part of the pool, so "disjoint" means
 * independent samples of the same Gaussian.
 */
export function makeTaskData(teacher: TeacherSpec, design: DataDesign, dataSeed: number): TaskData {
  const rng = createStream(dataSeed, 'data');
  if (design.kind === 'iid') {
    const train = sampleTeacher(rng, teacher, design.trainCount);
    const test = sampleTeacher(rng, teacher, design.testCount);
    return { train, test };
  }
  if (design.trainCount > design.poolCount) {
    throw new RangeError(`train subset ${design.trainCount} larger than pool ${design.poolCount}`);
  }
  const pool = sampleTeacher(rng, teacher, design.poolCount);
  const test = sampleTeacher(rng, teacher, design.testCount);
  const order = Int32Array.from({ length: design.poolCount }, (_, i) => i);
  shuffleInPlace(createStream(dataSeed, 'subsample'), order);
  const train = selectSamples(pool, order.subarray(0, design.trainCount));
  return { train, test };
}
