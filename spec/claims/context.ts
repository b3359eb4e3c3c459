import type { EvaluationContext } from '../../src/claims/evaluators/index.ts';
import { ExperimentStore, type Profile } from '../../src/experiments/index.ts';

/** An evaluation context for specs: no cache on disk, one process. */
export function specContext(profile: Profile = 'smoke'): EvaluationContext {
  return { experiments: new ExperimentStore({ profile, workers: 1, cacheDir: null }) };
}
