// Kramers–Langer theory at the saddle (Appendix F): curvatures, the noise across the barrier, the sign of Eqs.
// 11–12, the temperature scale and the prefactor, with the figures of the Hessian spectra and noise directions.
import type { EvaluatorTable } from '../evaluator.ts';
import { evaluateEq11Eq12Sign, evaluateKramersFactor, evaluateNoiseAcrossBarrier, evaluateTemperatureScale, evaluateTransverseCurvatures, kramersNeeds } from './kramers.ts';

export const KRAMERS_LANGER_EVALUATORS: EvaluatorTable = {
  'transverse-curvatures': { needs: kramersNeeds, evaluate: evaluateTransverseCurvatures },
  'noise-across-barrier': { needs: kramersNeeds, evaluate: evaluateNoiseAcrossBarrier },
  'eq11-eq12-sign': { needs: kramersNeeds, evaluate: evaluateEq11Eq12Sign },
  'temperature-scale': { needs: kramersNeeds, evaluate: evaluateTemperatureScale },
  'kramers-langer': { needs: kramersNeeds, evaluate: evaluateKramersFactor },
};
