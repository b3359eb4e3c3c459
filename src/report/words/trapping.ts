// Words for the findings of the trapping subject (claims/trapping/findings.ts).
import type { TrappingFindings } from '../../claims/index.ts';
import { formatExponent, formatNumber } from '../../text/index.ts';
import { COMMON_WORDS, calibrationWords, shortEscapesWords } from './common.ts';
import type { Words } from './words.ts';

type Values<K extends keyof TrappingFindings> = TrappingFindings[K];
type WrappedNote = NonNullable<Values<'trapping.not-reproducible'>['note']>;

/** A wrapped note in words: by its own kind's sentence, common or of this subject. */
function noteWords(note: WrappedNote): string {
  const table = (note.kind.startsWith('common.') ? COMMON_WORDS : TRAPPING_WORDS) as unknown as Record<string, (values: WrappedNote) => string>;
  return table[note.kind]!(note);
}

/** A diagnostic row: counts, the KM median, and the checkpoints' σ in exponent form. */
function diagnosticRowWords(row: Values<'trapping.diagnostic-row'>['row']): string {
  const sigma = row.checkpointSigma;
  const range = sigma === null ? '—' : `median ${formatExponent(sigma.median, 2)} (range ${formatExponent(sigma.lowest, 2)} – ${formatExponent(sigma.highest, 2)})`;
  return `${row.label}: ${row.trapped} of ${row.seeds} trapped, ${row.escapes} escaped, KM median ${row.medianEscape ?? 'not reached'}; checkpoint σ ${range}`;
}

/** Three significant digits: p-values, ratios, and the figures of the checkpoints on the network with biases. */
const f3 = (x: number | null | undefined): string => formatNumber(x, 3);

type TrapInvariance = NonNullable<Values<'trapping.lower-bound'>['invariant']>['trap'];
type LowerBoundDecision = Values<'trapping.lower-bound'>['decision'];
type WithinBudgetDecision = Values<'trapping.within-budget'>['decision'];
type GapAfterEscape = Values<'trapping.gap-after-escape'>['gap'];

/**
 * Why no run leaves an invariant trap, ending "so no budget and no seed count produces <what>" (the same words as
 * invarianceReason's, which the evaluate stage still gives `notReproducible` in).
 */
function invarianceWords(inv: TrapInvariance, what: string): string {
  const shrinking = inv.shrank === 0 ? '' : `, ${inv.shrank} with a residue that shrank or stayed at rounding level over the run (σ at most ${f3(inv.largestStart)} at the checkpoint, ${f3(inv.largestEnd)} at the end)`;
  return (
    `none of the ${inv.runs} trapped runs left the trap — ${inv.exactlyZero} from a checkpoint whose σ is exactly 0${shrinking}. ` +
    'The rank-deficient set is invariant under every SGD step of a bias-free linear network and the noise across it is proportional to the residue, ' +
    `so no budget and no seed count produces ${what}`
  );
}

function lowerBoundWords(d: LowerBoundDecision): string {
  if (d.outcome === 'unseen') {
    return (
      `no trapped run escaped: τ ≥ ${formatNumber(d.lower)} at 1 − α, so the bound holds, but the escape the paper describes was never seen ` +
      `(were τ as short as ${d.bound}, P(0 of ${d.runs} escape within ${d.budget}) = ${f3(d.atMost)})`
    );
  }
  const interval = `the interval [${formatNumber(d.interval.lower)}, ${formatNumber(d.interval.upper)}] of τ`;
  return d.outcome === 'contains' ? `${interval} contains ${d.bound}` : `${interval} lies ${d.outcome} ${d.bound}`;
}

function withinBudgetWords(d: WithinBudgetDecision): string {
  if (d.outcome === 'too-few') return `had at least half the trapped runs escaped within ${d.budget} epochs, ${d.escapes} of ${d.runs} would have probability ${f3(d.atMost)} < α = ${d.alpha}`;
  if (d.outcome === 'between') return `the escape median ${formatNumber(d.median)} lies between ${d.bound} and the budget ${d.budget}`;
  return `${d.escapes} of ${d.runs} escaped within ${d.budget} epochs; P(Binomial(n, ½) ≤ ${d.escapes}) = ${f3(d.atMost)}`;
}

/** A lower-bound decision, and where an invariant trap decides by the within-budget reading, why and how. */
function decidedLowerBoundWords(decision: LowerBoundDecision, invariant: { readonly within: WithinBudgetDecision } | null, invariance: string): string {
  return invariant === null ? lowerBoundWords(decision) : `${lowerBoundWords(decision)}. ${invariance}: ${withinBudgetWords(invariant.within)}`;
}

function gapWords(g: GapAfterEscape): string {
  const without = g.unreferenced > 0 ? ` (${g.unreferenced} more escaped without a rank-1 plateau to compare with: their rank-1 branch descends to rank 2 itself)` : '';
  if (g.escaped === 0) return `no escaped run with a rank-1 plateau; the gap after escape cannot be measured${without}.`;
  const gaps = g.perSeed.map((p) => `${p.seed}: ${f3(p.gap)} (plateau ${f3(p.plateauGap)})`);
  return (
    `${g.escaped} escaped runs${without}; final test − train gap ≤ ${g.fraction} × the rank-1 plateau gap in ${g.closes} of them; ` +
    `median ratio ${f3(g.medianRatio)}. Per seed, final gap (plateau gap): ${gaps.join('; ')}.`
  );
}

const convergenceCounts = (seeds: number, censored: number): string => `${seeds} seeds with per-epoch test MSE, ${censored} not settled within the window`;

function biasedCheckpointWords({ reading, protocol, checkpoints, rank, ofRank: c }: Values<'trapping.biased-checkpoint'>): string {
  if (c === null) return `${reading}, ${protocol} checkpoint: none of ${checkpoints} checkpoints has rank ${rank}.`;
  return (
    `${reading}, ${protocol} checkpoint: ${c.count} of ${checkpoints} of rank ${rank}; median σ = (${c.sigma.map(f3).join(', ')}), residue off the rank-${rank} set ` +
    `≤ ${f3(c.residue.first)} (W1), ${f3(c.residue.last)} (W3); median |b1|, |b2|, |b3| = ${c.biasNorms.map(f3).join(', ')}; ` +
    `gradient along the next mode over ${c.batches} batches: |mean| ≤ ${f3(c.weakDrive.mean)}, sd ≤ ${f3(c.weakDrive.sd)}; ` +
    `share of the batch noise off the set: median ${f3(c.offSetShare.median)}, largest ${f3(c.offSetShare.largest)}.`
  );
}

export const TRAPPING_WORDS: Words<TrappingFindings> = {
  'trapping.no-rule-invariant': () =>
    'No statistical rule decides this verdict, so it has no size or power: it follows from the invariance of the trap (an exact property of every SGD step of a bias-free linear network), not from a count of seeds.',
  'trapping.not-reproducible': ({ note }) => `not reproducible as specified${note === null ? '' : ` (${noteWords(note)})`}`,
  'trapping.none-trapped': () => 'no run started trapped',
  'trapping.escape-count': (c) =>
    `${c.label}: if τ were ${c.printed}, a run would escape within ${c.budget} epochs with probability ${formatNumber(c.escapeProbability)}; ` +
    `${c.escapes} of ${c.runs} escaped (expected ${formatNumber(c.expectedEscapes)}): exact binomial P(≤ ${c.escapes}) = ${f3(c.atMost)}, ` +
    `P(≥ ${c.escapes}) = ${f3(c.atLeast)}. ${c.reason}.`,
  'trapping.convergence-counts': ({ seeds, censored }) => convergenceCounts(seeds, censored),
  'trapping.convergence-too-few': ({ label, seeds, censored }) => `${label}: ${convergenceCounts(seeds, censored)}; too few seeds for an interval.`,
  'trapping.median-convergence': ({ label, estimate, seeds, censored, reason }) => `${label}: median convergence epoch ${formatNumber(estimate)}; ${convergenceCounts(seeds, censored)}. ${reason}.`,
  'trapping.lower-bound-calibration': ({ calibration, printed }) =>
    `${calibrationWords(calibration)} (truth for P(reproduced): τ = 2 × ${printed}; size at τ = ${printed}; power at τ = ${printed}/2).`,
  'trapping.lower-bound': ({ label, decision, invariant }) => {
    const invariance =
      invariant === null
        ? ''
        : `Invariance: ${invarianceWords(invariant.trap, 'the escape the claim is about')} — the verdict follows from the paper's own ${invariant.budget ?? '?'}-epoch runs, in which Fig. 1(a) draws the escape`;
    return `${label}: ${decidedLowerBoundWords(decision, invariant, invariance)}.`;
  },
  'trapping.biased-lower-bound': ({ label, escapes, decision, invariant }) => {
    const invariance =
      invariant === null
        ? ''
        : `none of the ${invariant.trap.runs} trapped runs on the network with biases left the trap; the watched σ shrank or stayed at rounding level in ` +
          `${invariant.trap.shrank + invariant.trap.exactlyZero} (at most ${f3(invariant.trap.largestStart)} at the checkpoint, ${f3(invariant.trap.largestEnd)} at the end), ` +
          `and the mini-batch gradient along the next mode has sd at most ${f3(invariant.weakDriveSd)} at the checkpoints of the trap's rank`;
    return `${label}: ${shortEscapesWords(escapes)}; ${decidedLowerBoundWords(decision, invariant, invariance)}.`;
  },
  'trapping.within-budget': ({ label, decision }) => `${label}: ${withinBudgetWords(decision)}.`,
  'trapping.within-budget-cell': ({ decision }) => withinBudgetWords(decision),
  'trapping.gap-after-escape': ({ label, gap }) => `${label}: ${gapWords(gap)}`,
  'trapping.gap-after-escape-diagnostic': ({ epochsPerStage, gap }) => `Beside the verdict, the diagnostic runs from checkpoints of ${epochsPerStage} epochs per stage (as written, per-seed data): ${gapWords(gap)}`,
  'trapping.gap-closes': ({ closes, escaped }) => (escaped === 0 ? 'no escaped run with a rank-1 plateau' : `${closes} of ${escaped} escaped runs close the gap`),
  'trapping.premise-placement': ({ scheme, premise, dataSets, beta, checkpointBetas }) =>
    `${scheme}: on ${premise} of ${dataSets} data set(s) the weak mode's equal-loss crossing β* (Eq. 2 on the whitened sample) lies above β = ${beta}, ` +
    `so rank 2 is the global minimum there; checkpoints annealed 0 → ${f3(checkpointBetas.lowest)} … ${f3(checkpointBetas.highest)}, the middle of each data set's Eq. 3 window.`,
  'trapping.premise-calibration': ({ calibration, paperTau }) =>
    `${calibrationWords(calibration)} (truth for P(reproduced): τ = ${paperTau}, the paper's τ at the higher barrier of β = 0.32).`,
  'trapping.diagnostic-checkpoint': ({ protocol, seeds }) =>
    `Diagnostic (b), checkpoint convergence (${protocol}, seeds ${seeds[0]}–${seeds.at(-1)}, primary rule): escapes driven by noise would not depend on how long the checkpoint was trained; escapes driven by a residual weak mode would vanish as it converges.`,
  'trapping.diagnostic-precision': ({ protocol }) => `Diagnostic (c), arithmetic (${protocol}, same seeds):`,
  'trapping.diagnostic-row': ({ row }) => `  ${diagnosticRowWords(row)}.`,
  'trapping.biased-checkpoint': biasedCheckpointWords,
  'trapping.diagnostic-sigma-key': () => '(σ at the checkpoint: σ2 of the end-to-end map; 0 means exactly rank-deficient.)',
};
