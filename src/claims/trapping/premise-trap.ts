// The rank-1 trap where the paper's premise holds (an audit experiment, src/experiments/premise-traps.ts): rank 2 the
// global minimum and rank 1 metastable (β = 0.25 below the weak mode's β*), each data set's checkpoint inside its own
// rank-1 window. Read with the rules of Section 3.1 (ii)'s runs: both escape criteria, both data schemes.
import { finding, type Finding } from '../finding.ts';
import { PREMISE_BETA, escapeOutcomes, type DataSchemeName, type EscapeRuleName, type ExperimentRequest, type ExperimentResults, type PremiseTrapRuns } from '../../experiments/index.ts';
import { DEFAULT_ALPHA } from '../../stats/index.ts';
import { calibration } from '../common/calibration-finding.ts';
import { withinBudgetCalibration } from '../common/calibrations.ts';
import { decidedEscapesFinding, escapeStatistics, escapesCell, escapesFinding, perSeedEscapeSeries, shortEscapesFinding } from '../common/escape-statistics.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, Reading } from '../verdict.ts';
import { NONE_TRAPPED, decideWithinBudget, escapeCounts } from './escape-time.ts';
import { invariantTrapFinding, trappedInvariance, unlessNotReproducible } from './invariant-trap.ts';
import { formatNumber } from '../../text/index.ts';
import { DATA_WORDS, escapeRuleWords, readingLabel } from '../common/reading-words.ts';

const ALPHA = DEFAULT_ALPHA;

/** The paper's τ ≈ 5500 epochs from the higher barrier at β = 0.32: at the same T the lower barrier here escapes sooner. */
export const PAPER_TAU = 5500;

const READINGS: ReadonlyArray<{ scheme: DataSchemeName; rule: EscapeRuleName }> = [
  { scheme: 'per-seed', rule: 'test-mse-midpoint' },
  { scheme: 'per-seed', rule: 'sigma-threshold' },
  { scheme: 'fixed', rule: 'test-mse-midpoint' },
  { scheme: 'fixed', rule: 'sigma-threshold' },
];

export function premiseTrapNeeds(_claim: Claim): ExperimentRequest[] {
  return [{ experiment: 'premise-traps' }];
}

/** How many data sets' samples put rank 2 globally lowest at PREMISE_BETA, and the checkpoints' range. */
function placementFinding(scheme: DataSchemeName, runs: PremiseTrapRuns): Finding {
  const p = runs.placements;
  const betas = p.map((x) => x.checkpointBeta);
  return finding('trapping.premise-placement', {
    scheme,
    premise: p.filter((x) => x.weakEqualLossBeta > PREMISE_BETA).length,
    dataSets: p.length,
    beta: PREMISE_BETA,
    checkpointBetas: { lowest: Math.min(...betas), highest: Math.max(...betas) },
  });
}

/**
 * "Escapes to rank 2" at β = 0.25: most trapped runs escape within the 2×10⁴-epoch budget (decideWithinBudget, the
 * rule of Fig. 1(a)'s median curve). No trapped run escaping from an invariant trap is `deviates`, not reproducible
 * as specified, as for the paper's β.
 */
export function evaluatePremiseTrap(_claim: Claim, results: ExperimentResults): Evaluation {
  const premise = results.premiseTraps();
  const evidence: Finding[] = (['per-seed', 'fixed'] as const).map((scheme) => placementFinding(scheme, premise.schemes[scheme]));
  let notReproducible: Finding | null = null;
  let measured: Finding | undefined;
  let rule: Evaluation['rule'];
  const labelOf = (scheme: DataSchemeName, escapeRule: EscapeRuleName) => readingLabel(`β = ${PREMISE_BETA}`, DATA_WORDS[scheme], escapeRuleWords(escapeRule));
  const perSeed = READINGS.map(({ scheme, rule: escapeRule }) => perSeedEscapeSeries(labelOf(scheme, escapeRule), escapeRule, escapeOutcomes(premise.schemes[scheme].runs, escapeRule)));
  const readings = READINGS.map(({ scheme, rule: escapeRule }, i): Reading => {
    const label = labelOf(scheme, escapeRule);
    const records = premise.schemes[scheme].runs;
    const outcomes = escapeOutcomes(records, escapeRule);
    const s = escapeStatistics(outcomes, ALPHA);
    evidence.push(escapesFinding(label, s));
    if (i === 0) measured = finding('trapping.measured-counts', escapeCounts(s));
    if (s.runs.length === 0) return { label, value: null, verdict: 'inconclusive', note: NONE_TRAPPED };
    const decided = decideWithinBudget(s.runs, s.budget, 0, ALPHA);
    evidence.push(finding('trapping.within-budget', { label, decision: decided.decision }));
    if (i === 0) {
      rule = withinBudgetCalibration('most trapped runs escape within the budget (exact binomial at α; Kaplan–Meier median inside it)', s.runs.length, s.budget, PAPER_TAU, ALPHA, (runs) => decideWithinBudget(runs, s.budget, 0, ALPHA).verdict);
      evidence.push(finding('trapping.premise-calibration', { calibration: calibration(rule), paperTau: PAPER_TAU }));
      const invariance = trappedInvariance(records, outcomes);
      if (invariance.invariant) notReproducible = invariantTrapFinding(invariance, 'claimed');
    }
    return { label, value: decided.median === null ? null : formatNumber(decided.median, 6), verdict: decided.verdict, note: escapesCell(s) };
  });
  const headline = readings[0]!;
  const evaluation: Evaluation = {
    verdict: headline.verdict,
    value: headline.value,
    readings,
    evidence,
    perSeed,
    ...(rule ? { rule } : {}),
    ...(measured ? { measured } : {}),
    ...(headline.verdict === 'inconclusive' ? { wouldDecide: finding('trapping.would-decide-premise-seeds', { beta: PREMISE_BETA }) } : {}),
  };
  if (headline.verdict === 'deviates' && notReproducible !== null) return { ...evaluation, notReproducible };
  return unlessNotReproducible(evaluation, notReproducible);
}
