import { GoldenFileError } from '../io/index.ts';
import { PROTOCOL_NAMES } from '../protocols/index.ts';
import { EVALUATORS } from './evaluators.ts';
import { FIGURE_IDS, isFigureId } from './figure-ids.ts';
import { CLAIMS_PATH, loadLedger as loadLedgerFile, type Claim, type Ledger } from './ledger.ts';

// The ledger checked as a whole against the code that will read it, when it is loaded: a typo'd evaluator, an unknown
// or mistyped parameter, an unknown protocol or figure id is refused (exit 2, naming the claim and the field) before anything
// runs, where it would otherwise drop the claim as "not evaluated" or fail after its experiment ran.

/** The JSON shape of a parameter: a decimal is a string of plain decimal digits, as printed numbers are kept. */
type Shape = 'decimal' | 'text' | 'integer' | 'number' | 'boolean' | 'place' | 'decimal[]' | 'integer[]' | 'text[]' | 'number[]';

/** The parameters each evaluator reads, with their shapes, `?` where a claim may leave it out (the evaluators'
 * params.ts readers check the ranges). */
export const EVALUATOR_PARAMS: Readonly<Record<string, Readonly<Record<string, Shape | `${Shape}?`>>>> = {
  'abrupt-escape': {},
  'arrhenius-r2': {},
  'balance': {},
  'barrier-order': { beta: 'decimal', depth: 'integer', etas: 'decimal[]', firstEscape: 'decimal', secondEscape: 'decimal' },
  'barrier-from-zero': { beta: 'decimal', depth: 'integer', eta: 'decimal', nearbyBetas: 'decimal[]' },
  'barrier-monotone': { depth: 'integer', etas: 'decimal[]', gridPoints: 'integer' },
  'batch-size-collapse': {},
  'bayes-floor': {},
  'cannot-coincide': {},
  'checkpoint-phase': { protocol: 'text', rank: 'integer' },
  'cited-support': { cited: 'place', promise: 'place', promised: 'text[]', shown: 'text[]' },
  'control-depth': {},
  'control-network-barrier': { beta: 'decimal' },
  'control-network-kramers': { resolution: 'decimal' },
  'control-one-mode': { resolution: 'decimal' },
  'critical-beta': { depth: 'integer', eta: 'decimal' },
  'critical-beta-indexing': { depth: 'integer', etas: 'decimal[]', printedBetaC: 'decimal[]' },
  'critical-beta-ordering': { depth: 'integer', etas: 'decimal[]' },
  'decreasing-sweep': {},
  'deeper-longer-delays': { betaFractions: 'decimal[]', depths: 'integer[]', etas: 'decimal[]' },
  'dense-gap': {},
  'dense-monotone': {},
  'depth-barrier': { betaFractions: 'decimal[]', depths: 'integer[]', etas: 'decimal[]' },
  'depth-critical-beta': { depths: 'integer[]', etas: 'decimal[]' },
  'depth-two-continuous': { betaFractions: 'decimal[]', etas: 'decimal[]' },
  'depth-two-root': { betaOverEta: 'decimal[]', etas: 'decimal[]' },
  'effective-barrier': { beta: 'decimal' },
  'eq11-eq12-sign': { beta: 'decimal' },
  'eq3-from-eq2': { depths: 'integer[]', digits: 'integer', etas: 'decimal[]' },
  'escape-grows-with-beta': { depth: 'integer', etas: 'decimal[]', gridPoints: 'integer' },
  'escape-time': { convergenceBand: 'decimal?', protocol: 'text' },
  'escape-time-lower-bound': { protocol: 'text', stage: 'text' },
  'gradient-noise': {},
  'hysteresis-window': { depths: 'integer[]', etas: 'decimal[]' },
  'init-notation': { width: 'integer' },
  'init-sensitivity': {},
  'jump-kinetics': {},
  'jump-memoryless': {},
  'jump-slope-barrier': {},
  'kramers-langer': { beta: 'decimal' },
  'measured-drops-vs-eq3': { printedBetaC: 'decimal[]' },
  'metastable-count': { beta: 'decimal', depth: 'integer', etas: 'decimal[]' },
  'multiplicative-noise': {},
  'noise-across-barrier': { beta: 'decimal', noiseShareFloor: 'decimal' },
  'nonlinear-escape': {},
  'nonlinear-hysteresis': {},
  'nonlinear-noise-off-low-rank': {},
  'orders-of-magnitude': { fastest: 'decimal', rank1: 'decimal', slowest: 'decimal' },
  'output-bias': { printedBetaC: 'decimal[]' },
  'parameter-count': { widths: 'integer[]' },
  'phase-diagram-sweep': { printedBetaC: 'decimal[]' },
  'phase-structure': { beta: 'decimal', depth: 'integer', etas: 'decimal[]', globalRank: 'integer', metastableRank: 'integer' },
  'places-agree': { a: 'place', b: 'place', betaConsequence: 'boolean?' },
  'premise-trap': {},
  'random-init-trapping': {},
  'ratio-of-printed': { denominator: 'decimal', numerator: 'decimal', scale: 'decimal', withHarnessBarrier: 'boolean?' },
  'reference-18-consistency': { beta: 'decimal' },
  'regulariser-factor': { beta: 'decimal', depth: 'integer', lambda: 'decimal' },
  'saddle-barrier': { beta: 'decimal', depth: 'integer', etas: 'decimal[]' },
  'saddle-lambda': { beta: 'decimal', depth: 'integer', eta: 'decimal', nearbyBetas: 'decimal[]' },
  'settles-near-rank2': {},
  'sgld-noise-adds-to-temperature': { materialFactor: 'decimal' },
  'slope-error-from-r2': { points: 'integer', r2: 'decimal', slope: 'decimal' },
  'sparse-barrier': { batch: 'integer', beta: 'decimal', denseBeta: 'decimal', depth: 'integer', eta: 'decimal', samples: 'integer', sigmaThreshold: 'decimal' },
  'sparse-plateau-order': {},
  'staged-escape-sequence': {},
  'staged-plateau-order': {},
  'staged-plateau-timing': {},
  'staged-rank-drops': {},
  'steps-per-epoch': { batch: 'integer', samples: 'integer' },
  'sweep-budget': { budgetEpochs: 'integer', lr: 'decimal', sweepLrs: 'decimal[]', tau: 'decimal' },
  'temperature-scale': { barrier: 'decimal', beta: 'decimal', budgetEpochs: 'integer' },
  'time-unit': { batch: 'integer', batches: 'integer[]', lrs: 'decimal[]', trainCount: 'integer' },
  'train-test-gap': { protocol: 'text' },
  'transverse-curvatures': { beta: 'decimal' },
  'undertrained-escape-law': {},
  'upper-branch': { depth: 'integer', etas: 'decimal[]', gridPoints: 'integer' },
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

function shapeOf(value: unknown): string {
  if (Array.isArray(value)) {
    const shapes = [...new Set(value.map(shapeOf))];
    return shapes.length === 0 ? 'empty[]' : shapes.length === 1 ? `${shapes[0]}[]` : 'a mixed list';
  }
  if (typeof value === 'string') return DECIMAL.test(value) ? 'decimal' : 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort().join(',');
    return keys === 'place,says' && Object.values(value).every((v) => typeof v === 'string') ? 'place' : 'object';
  }
  return String(value);
}

/** A decimal is also acceptable text, an integer also a number, and an empty list any list (evaluators say if it may be empty). */
function fits(shape: string, wanted: Shape): boolean {
  return shape === wanted || (shape === 'empty[]' && wanted.endsWith('[]')) || (wanted === 'text' && shape === 'decimal') || (wanted === 'number' && shape === 'integer') || (wanted === 'number[]' && shape === 'integer[]');
}

/** Why one claim cannot be evaluated as written, naming the field, or null. */
export function claimProblem(claim: Claim): string | null {
  const evaluator = EVALUATORS[claim.evaluator];
  const params = EVALUATOR_PARAMS[claim.evaluator];
  if (evaluator === undefined || params === undefined) {
    return `evaluator '${claim.evaluator}' does not exist (known: ${Object.keys(EVALUATORS).sort().join(', ')})`;
  }
  for (const [key, value] of Object.entries(claim.params)) {
    const wanted = params[key]?.replace(/\?$/, '') as Shape | undefined;
    if (wanted === undefined) {
      const known = Object.keys(params);
      return `params.${key} is not read by evaluator '${claim.evaluator}' (${known.length === 0 ? 'it reads no params' : `it reads ${known.join(', ')}`})`;
    }
    const shape = shapeOf(value);
    if (!fits(shape, wanted)) return `params.${key} must be ${wanted === 'decimal' || wanted === 'decimal[]' ? `${wanted} (decimal strings such as "0.8")` : wanted}, not ${shape}`;
  }
  for (const [key, shape] of Object.entries(params)) if (!shape.endsWith('?') && !(key in claim.params)) return `params.${key} is missing (evaluator '${claim.evaluator}' reads it)`;
  const figure = claim.figures.findIndex((id) => !isFigureId(id));
  if (figure >= 0) return `figures[${figure}] '${claim.figures[figure]}' is not a figure the audit draws (${FIGURE_IDS.join(', ')})`;
  const protocol = claim.params['protocol'];
  if (protocol !== undefined && !(PROTOCOL_NAMES as readonly string[]).includes(protocol as string)) {
    return `params.protocol '${String(protocol)}' is not a protocol (${PROTOCOL_NAMES.join(', ')})`;
  }
  try {
    evaluator.needs(claim);
  } catch (error) {
    return `its params do not plan: ${(error as Error).message}`;
  }
  return null;
}

/** Throws a GoldenFileError naming the first claim that cannot be evaluated as written, and the field. */
export function checkLedger(ledger: Ledger, label: string): Ledger {
  for (const [i, claim] of ledger.claims.entries()) {
    const problem = claimProblem(claim);
    if (problem !== null) throw new GoldenFileError(`${label}: claim '${claim.id}' (/claims/${i}): ${problem}.`);
  }
  return ledger;
}

/** The ledger, schema-checked and checked against the evaluators and protocols, before any work. */
export function loadLedger(path = CLAIMS_PATH): Ledger {
  return checkLedger(loadLedgerFile(path), path);
}
