// Every evaluator, by the name a claim gives in `evaluator`: the subjects' tables joined. A claim naming one not here
// is listed as not evaluated.
import { joinTables, type EvaluatorTable } from './evaluator.ts';
import { LANDSCAPE_EVALUATORS } from './landscape/index.ts';
import { TEXT_EVALUATORS } from './text/index.ts';
import { TRAPPING_EVALUATORS } from './trapping/index.ts';
import { KINETICS_EVALUATORS } from './kinetics/index.ts';
import { KRAMERS_LANGER_EVALUATORS } from './kramers-langer/index.ts';
import { PHASE_DIAGRAM_EVALUATORS } from './phase-diagram/index.ts';
import { STAGED_EVALUATORS } from './staged/index.ts';
import { NONLINEAR_EVALUATORS } from './nonlinear/index.ts';
import { CONTROLS_EVALUATORS } from './controls/index.ts';

export type { Evaluator, EvaluatorTable } from './evaluator.ts';

export const EVALUATORS: EvaluatorTable = joinTables(
  LANDSCAPE_EVALUATORS,
  TEXT_EVALUATORS,
  TRAPPING_EVALUATORS,
  KINETICS_EVALUATORS,
  KRAMERS_LANGER_EVALUATORS,
  PHASE_DIAGRAM_EVALUATORS,
  STAGED_EVALUATORS,
  NONLINEAR_EVALUATORS,
  CONTROLS_EVALUATORS,
);
