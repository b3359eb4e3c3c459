// Words for the findings of the trapping subject (claims/trapping/findings.ts).
import type { Finding, TrappingFindings } from '../../claims/index.ts';
import { formatExponent, formatNumber } from '../../text/index.ts';
import { calibrationWords, decisionWords, shortEscapesWords } from './common.ts';
import type { Words } from './words.ts';

type Values<K extends keyof TrappingFindings> = TrappingFindings[K];

/** Three significant digits: p-values, ratios, and the figures of the checkpoints on the network with biases. */
const f3 = (x: number | null | undefined): string => formatNumber(x, 3);


/** A diagnostic row: counts, the KM median, and the checkpoints' σ in exponent form. */
function diagnosticRowWords(row: Values<'trapping.diagnostic-row'>['row']): string {
  const sigma = row.checkpointSigma;
  const range = sigma === null ? '—' : `median ${formatExponent(sigma.median, 2)} (range ${formatExponent(sigma.lowest, 2)} – ${formatExponent(sigma.highest, 2)})`;
  return `${row.label}: ${row.trapped} of ${row.seeds} trapped, ${row.escapes} escaped, KM median ${row.medianEscape ?? 'not reached'}; checkpoint σ ${range}`;
}

type TrapInvariance = NonNullable<Values<'trapping.lower-bound'>['invariant']>['trap'];
type LowerBoundDecision = Values<'trapping.lower-bound'>['decision'];
type WithinBudgetDecision = Values<'trapping.within-budget'>['decision'];
type GapAfterEscape = Values<'trapping.gap-after-escape'>['gap'];

/** The escape an invariant trap rules out, as the reason names it. */
const INVARIANT_ESCAPE_WORDS: Record<Values<'trapping.invariant-trap'>['escape'], string> = {
  claimed: 'the escape the claim is about',
  'gap-closing': 'the escape after which the gap is to close',
  abrupt: 'the abrupt escape the claim describes',
};

/** Why no run leaves an invariant trap, ending "so no budget and no seed count produces <what>". */
export function invarianceWords(inv: TrapInvariance, what: string): string {
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
  const where = d.outcome === 'contains' ? 'contains' : d.outcome === 'below' ? 'lies below' : 'lies above';
  return `${interval} ${where} ${d.bound}`;
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

type RunShape = Values<'trapping.typical-share'>['shape'];

/** What a run shows (typicality rule) or what makes it fail (universal rule), after "n of N runs". */
function shapeWords(shape: RunShape): string {
  switch (shape.what) {
    case 'at-global-minimum':
      return 'end at the global minimum of their data (not trapped)';
    case 'at-rank-2':
      return 'end at rank 2 (Section 3.1\'s "rank-2 global minimum")';
    case 'checkpoint-rank':
      return `have a checkpoint of rank ${shape.rank}`;
    case 'plateau-train-below-test':
      return 'have train MSE below test MSE on the plateau';
    case 'above-bayes-floor':
      return 'have train MSE at or above the Bayes floor';
    case 'test-above-train':
      return 'end with test MSE above train MSE';
    case 'monotone-within-jitter':
      return 'converge monotonically within their sampling jitter';
    case 'no-rise-above':
      return `have no rise of train MSE above ${shape.tolerance * 100} %`;
    case 'no-rise':
      return 'have no rise of train MSE';
    case 'no-gap-above':
      return `have no test − train gap above ${shape.gap === null ? '—' : f3(shape.gap)}`;
    case 'balanced':
      return `end within ${shape.tolerance} of the 0-balanced subspace`;
    case 'near-rank-2-fit':
      return `end within ${shape.share} of the gap from the best rank-2 fit`;
    case 'plateau-near-rank-1-fit':
      return `plateau within ${shape.share} of the gap from the best rank-1 fit`;
    case 'slow-fall':
      return `take longer than ${shape.fraction} τ to fall from 10 % to 90 % of the drop`;
    case 'slow-rise':
      return `take longer than ${shape.fraction} × ${shape.paperTau} epochs to rise from 10 % to 90 %, or longer than the traced window`;
  }
}

function thresholdWords({ share, named }: Values<'trapping.typical-share'>['threshold']): string {
  return named === 'most-runs' ? 'most runs (share > ½)' : named === 'nearly-every-run' ? 'nearly every run (share > 0.9)' : `share > ${share}`;
}

/** Exceptions named where there are few; more are counted, their seeds left to the per-seed values. */
const NAMED_EXCEPTIONS = 5;

function exceptionWords(seeds: readonly number[], before: string, after: string): string {
  if (seeds.length === 0 || seeds.length > NAMED_EXCEPTIONS) return '';
  return `${before}seeds ${seeds.join(', ')}${after}`;
}

function typicalShareWords(t: Values<'trapping.typical-share'>): string {
  if (t.intervals === null) return `${t.label}: no runs to read.`;
  const { reproduce, deviate } = t.intervals;
  return (
    `${t.label}: ${t.shows} of ${t.runs} runs ${shapeWords(t.shape)} (share ${f3(t.shows / t.runs)}; ${100 * (1 - t.reproduceAlpha)} % interval [${f3(reproduce.lower)}, ${f3(reproduce.upper)}], ` +
    `1 − α interval [${f3(deviate.lower)}, ${f3(deviate.upper)}]) against ${thresholdWords(t.threshold)}${exceptionWords(t.failing, '; not: ', '')}.`
  );
}

function universalWords(u: Values<'trapping.universal'>): string {
  if (u.bound === null) return `${u.label}: no runs to read.`;
  return `${u.label}: ${u.failing.length} of ${u.runs} runs ${shapeWords(u.shape)}${exceptionWords(u.failing, ' (', ')')}; one-sided ${1 - u.alpha} upper bound of the rate ${f3(u.bound)}.`;
}

const convergenceCounts = (seeds: number, censored: number): string => `${seeds} seeds with per-epoch test MSE, ${censored} not settled within the window`;

const escapeCounts = ({ trapped, escapes, notTrapped }: Values<'trapping.measured-counts'>): string => `${trapped} trapped, ${escapes} escaped, ${notTrapped} set aside`;

/** τ̂ with its interval, or the bound where no run escaped, then the counts. */
function measuredEscapesWords(m: Values<'trapping.measured-escapes'>): string {
  if (m.tau === null) return escapeCounts(m);
  const t = m.tau;
  const tau = t.estimate === null ? `τ ≥ ${formatNumber(t.lower)}` : `τ̂ ${formatNumber(t.estimate)} [${formatNumber(t.lower)}, ${formatNumber(t.upper)}]`;
  return `${tau}; ${escapeCounts(m)}`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A power of ten as 10 with its exponent raised (10⁻⁶); any other number as formatNumber gives it. */
function decadeWords(x: number): string {
  const e = Math.round(Math.log10(x));
  if (!(x > 0) || 10 ** e !== x) return formatNumber(x);
  return `10${e < 0 ? '⁻' : ''}${[...String(Math.abs(e))].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('')}`;
}

function typicalRunsWords({ read, share, threshold, needed }: Values<'trapping.would-decide-typical-runs'>): string {
  if (read === 0) return 'runs to read';
  if (needed === null) return `the share ${f3(share)} sits at the threshold ${threshold}: no feasible run count decides at it`;
  return `about ${needed} runs at the observed share ${f3(share)} (${read} read)`;
}

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
  'trapping.not-reproducible': ({ note }, word) => `not reproducible as specified${note === null ? '' : ` (${word(note as Finding)})`}`,
  'trapping.none-trapped': () => 'no run started trapped',
  'trapping.escape-count': (c) =>
    `${c.label}: if τ were ${c.printed}, a run would escape within ${c.budget} epochs with probability ${formatNumber(c.escapeProbability)}; ` +
    `${c.escapes} of ${c.runs} escaped (expected ${formatNumber(c.expectedEscapes)}): exact binomial P(≤ ${c.escapes}) = ${f3(c.atMost)}, ` +
    `P(≥ ${c.escapes}) = ${f3(c.atLeast)}. ${decisionWords(c.grounds)}.`,
  'trapping.convergence-counts': ({ seeds, censored }) => convergenceCounts(seeds, censored),
  'trapping.convergence-too-few': ({ label, seeds, censored }) => `${label}: ${convergenceCounts(seeds, censored)}; too few seeds for an interval.`,
  'trapping.median-convergence': ({ label, estimate, seeds, censored, grounds }) => `${label}: median convergence epoch ${formatNumber(estimate)}; ${convergenceCounts(seeds, censored)}. ${decisionWords(grounds)}.`,
  'trapping.lower-bound-calibration': ({ calibration, printed }) =>
    `${calibrationWords(calibration)} (truth for P(reproduced): τ = 2 × ${printed}; size at τ = ${printed}; power at τ = ${printed}/2).`,
  'trapping.lower-bound': ({ label, decision, invariant }) => {
    const invariance =
      invariant === null
        ? ''
        : `Invariance: ${invarianceWords(invariant.trap, INVARIANT_ESCAPE_WORDS.claimed)} — the verdict follows from the paper's own ${invariant.budget ?? '?'}-epoch runs, in which Fig. 1(a) draws the escape`;
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
  'trapping.typical-share': typicalShareWords,
  'trapping.universal': universalWords,
  'trapping.calibration-unstopped': calibrationWords,
  'trapping.off-global': ({ label, below, above }) =>
    `${label}: ${below} end below the global minimum's rank (held in a lower phase), ${above} above it (held in a metastable higher-rank minimum).`,
  'trapping.random-init-reading': ({ globalRanks }) =>
    'A run is not trapped when it ends in the global minimum of its own data: the rank whose modes each have a non-zero minimum below the loss of λ = 0 (β < β*) at β = 0.32, ' +
    'from the analytic core at the singular values of the run\'s training sample (Σ̂yx Σ̂xx^{-1/2}), under each regulariser reading. ' +
    `At the paper's η = 0.9, 0.8 the global minimum at β = 0.32 has ${globalRanks.map((g) => `${g.convention}: rank ${g.rank}`).join(', ')}: under the Eq. 2 reading the rank-2 state is metastable and a run that ends there is held in it. ` +
    'The runs themselves descend MSE + weight decay β on every layer, the landscape of the Eq. 2 reading; the Eq. 1 reading asks for the global minimum of Eq. 1 as printed. ' +
    'The variance reading draws the initial weights with variance 1/√w, Appendix A\'s N(0, 1/√w) in N(mean, variance) notation (claim init-scale-notation). ' +
    'The last reading counts the runs that end at rank 2, as Section 3.1 (i) says ("converges rapidly to the rank-2 global minimum"), whichever phase is global.',
  'trapping.checkpoint-phase-reading': ({ betas }) =>
    `The checkpoint is the last annealing stage (${betas === null ? '—' : betas.join(' → ')}) trained by SGD for the protocol's budget per stage; ` +
    'its rank is the number of singular values of the end-to-end map above 10⁻³ (converged states have σ > 0.1 or far below 10⁻³). ' +
    'The protocol promises the phase of every checkpoint it makes, so the threshold is nearly every run (0.9), not a typical one.',
  'trapping.sparse-plateau-reading': () =>
    'The plateau is the rank-1 branch the escape rule uses: full-batch descent at β = 0.0025 from the run\'s rank-1 checkpoint. ' +
    'Fig. 1(b) draws one run, so the statement is read as what a typical run shows: the share of runs with train below test against most runs.',
  'trapping.below-floor': ({ probability }) => `P(in-sample MSE < floor) = ${formatNumber(probability, 4)}`,
  'trapping.bayes-floor-analytic': ({ floor, eta, samples, inputs, expectedTrainMse, below }) =>
    `Analytic (no statistics): the Bayes floor is (1/m)Σ_o Var(y_o|x) = ${formatNumber(floor, 4)} (Σyy = I, η = ${eta.join(', ')}). ` +
    `The least-squares fit to N = ${samples} samples with p = ${inputs} inputs leaves on output o a residual σ_o² χ²_{N−p} whatever the inputs, so its train MSE has mean ` +
    `floor·(N − p)/N = ${formatNumber(expectedTrainMse, 4)} and lies below the floor with probability ${formatNumber(below, 4)} (numerical integral of the χ² distributions). ` +
    'In-sample error is biased below the floor: "bounded below" holds for the test error, not for the train error of a fit to 25 samples. The rank-1 fit leaves the weak mode unexplained and stays far above the floor.',
  'trapping.bayes-floor-runs': ({ expectedAbove }) =>
    `The runs beside it (a bound is promised of every fit: threshold nearly every run): a rank-2 run at β = 0.0025 with B ≥ N descends the full-batch loss to near the least-squares fit, so about ${formatNumber(expectedAbove, 2)} of them are expected at or above the floor.`,
  'trapping.bayes-floor-no-rule': () =>
    'No statistical rule decides the headline, so it has no size or power: it is a property of the least-squares fit (exact up to the numerical integral), not a count of runs.',
  'trapping.optimism': ({ sparse, dense }) =>
    `Why test should stay above train: the least-squares fit's out-of-sample MSE exceeds its in-sample MSE by floor·(p/(N − p − 1) + p/N) on average — ${f3(sparse.optimism)} at N = ${sparse.samples}` +
    (dense === null
      ? '.'
      : `, ${f3(dense.optimism)} at the dense N = ${dense.samples}, where the finite train and test sets alone scatter test − train by σ ≈ ${f3(dense.spread)}: ` +
        'a dense run ends with test above train barely more often than not, which 50 seeds cannot tell from ½.'),
  'trapping.coincide-headline': () => 'Section 4.2 speaks of the sparse runs of Fig. 1(b) (headline); the dense readings stand beside it.',
  'trapping.dense-traces': ({ runs, sampleEvery }) =>
    `The per-seed runs of the three protocols of Fig. 1(a), ${runs} with a trace (a sample every ${sampleEvery ?? '—'} epochs); a run's number is 10 × seed + protocol index (0 random-init, 1 rank1-trap, 2 trivial-trap).`,
  'trapping.sampling-jitter': (j) =>
    `Sampling jitter: at a plateau the sampled train MSE scatters with mini-batch noise. Its relative spread per run (median |Δ ln MSE| between samples / (√2 Φ⁻¹(¾))) is median ${f3(j.jitter ?? NaN)} ` +
    `(${j.moving} runs that move; ${j.still} sit in an invariant trap, exactly still). Samples ${j.sampleEvery ?? '—'} epochs apart are close to independent: lag-1 autocorrelation of ln MSE over the second half of each trace median ${formatNumber(j.lag.median ?? NaN, 2)}, ` +
    `range [${formatNumber(j.lag.lowest, 2)}, ${formatNumber(j.lag.highest, 2)}] (±0.2 is the scatter of independent samples at 100 points). ` +
    `A curve is monotone within its jitter when no sample rises above the lowest earlier one by more than the ${j.quantile} quantile of that rise for independent samples of the trace's length ` +
    `(${f3(j.factor)} spreads at ${j.samples ?? '—'} samples, seeded synthetic traces; a monotone curve is called non-monotone with probability ${formatNumber(1 - j.quantile, 2)}): ` +
    `a tolerance of median ${f3(100 * (j.tolerance.median ?? NaN))} % of the value, at most ${f3(100 * j.tolerance.largest)} %.`,
  'trapping.rises': ({ rises }) =>
    rises.length === 0
      ? 'No run rises beyond its jitter.'
      : `Rises beyond the jitter: ${rises.map((r) => `run ${r.run} (${r.protocol}, seed ${r.seed}): +${f3(100 * r.rise)} % against a tolerance of ${f3(100 * r.tolerance)} %`).join('; ')}.`,
  'trapping.dense-gap-reference': ({ reference: r }) =>
    r === null
      ? 'No sparse run has a rank-1 plateau: no reference gap, inconclusive.'
      : `Sparse plateau gap (median over per-seed runs, B = 64 as written) ${formatNumber(r.gap, 4)}; a dense run has a large gap when its largest test − train exceeds half of it, ${formatNumber(r.half, 4)}. ` +
        `Run number 10 × seed + protocol index, as in dense-train-monotone. Of the ${r.large} runs with a large gap, ${r.atStart} have it at epoch 0 (before any training step) and ${r.persistent} still at the end: ` +
        'the gap of their data set\'s train and test samples, not one that opens on a plateau and closes at an escape.',
  'trapping.imbalance': ({ along, runs }) =>
    `Relative imbalance along the per-seed traces, median at epoch 0 → at the end: ${along.map((a) => `${a.protocol} ${f3(a.start)} → ${f3(a.end)}`).join('; ')} (${runs} runs). ` +
    'Weight decay shrinks each W_{l+1}ᵀW_{l+1} − W_lW_lᵀ, which gradient flow on the MSE alone conserves; mini-batch noise keeps it from reaching exactly 0.',
  'trapping.rise-widths': ({ escaped, measured, unmeasured }) =>
    `Rise widths of the ${escaped} escaped runs: ${measured === null ? 'none measured' : `median ${measured.median} epochs, largest ${measured.largest} epochs`}; ${unmeasured} not held by the traced window (counted as failing).`,
  'trapping.rise-ratios': ({ tau, fraction, overTau, runs, overOwn }) =>
    `Beside it, not a verdict: the same widths over the control's own τ̂${tau === null ? '' : ` = ${formatNumber(tau)} epochs`} exceed ${fraction} in ${overTau ?? '—'} of ${runs} runs, and over each run's own escape epoch in ${overOwn}. ` +
    'Those ratios are set by the control\'s temperature (τ̂ grows as e^(ΔE/T), the transit only as ln(ΔE/T); a memoryless wait puts many escapes early, where any finite transit is long against the run\'s own time), so they do not test the escape.',
  'trapping.rise-trace-rule': ({ fraction, paperTau }) =>
    'On the SGLD control σ2 is recorded every epoch around each escape (sweeps.riseTrace of golden/protocols/escape-controls.json); σ2 rises as the test MSE falls (the weak mode is learned), so its 10 %–90 % width is the drop\'s. ' +
    `Rule: the rule for statements about every run, a run failing when its rise is longer than ${fraction} of the paper's τ ≈ ${paperTau} epochs; its calibration is the exact (Clopper–Pearson) bound on the failing share it states.`,
  'trapping.trace-width': () =>
    'Width from the trace (one sample every budget/200 epochs), read only where the run escaped. ' +
    'These escapes are the audit\'s trap runs: a converged rank-1 checkpoint does not escape (sgd-noise-across-barrier), so an escape here starts from a checkpoint left above the saddle.',
  'trapping.best-fits': ({ example }) =>
    'The best rank-k linear map of a training set leaves (1/m)(tr Σ̂yy − Σ_{i≤k} σ̂_i²) in train MSE, σ̂ the singular values of Σ̂yx Σ̂xx^{-1/2} (reduced-rank regression; rank 2 is least squares); each run is read against its own 25 samples, in units of the gap between the two fits.' +
    (example === null ? '' : ` Data seed ${example.dataSeed}: rank 1 ${formatNumber(example.rank1, 4)}, rank 2 ${formatNumber(example.rank2, 4)}.`),
  'trapping.near-reading': ({ share, threshold }) => `"Near" read as within ${share} of that gap (the paper states no tolerance); the rule is the typicality rule at ${threshold} (Fig. 1(b) is one run).`,
  'trapping.paired-outcomes': (p) =>
    `${p.label}, ${p.random} against ${p.trap}: ${p.seeds} seeds; at the global minimum ${p.randomReached} (random) and ${p.trapReached} (${p.trap}); ` +
    `outcome differs on ${p.randomOnly + p.trapOnly} (${p.randomOnly} only from random, ${p.trapOnly} only from the trap); exact McNemar p = ${f3(p.pValue)}.`,
  'trapping.sensitivity-reading': ({ testLevel, exceptionRate }) =>
    'A run reaches the global minimum when its final rank is that of its data\'s global minimum under the reading (the analytic core at the training sample\'s singular values; ' +
    'under the Eq. 2 reading the rank-1 state is global at β = 0.32 for most data sets, under the Eq. 1 reading the rank-2 state). ' +
    `Rule: reproduced when a paired test rejects at α/2 = ${testLevel}; deviates when the outcome differs on at most ${exceptionRate} of seeds (one-sided bound) for both traps. ` +
    'Value: share of seeds whose outcome differs between random-init and the rank-1 trap.',
  'trapping.diagnostic-checkpoint': ({ protocol, seeds }) =>
    `Diagnostic (b), checkpoint convergence (${protocol}, seeds ${seeds[0]}–${seeds.at(-1)}, primary rule): escapes driven by noise would not depend on how long the checkpoint was trained; escapes driven by a residual weak mode would vanish as it converges.`,
  'trapping.diagnostic-precision': ({ protocol }) => `Diagnostic (c), arithmetic (${protocol}, same seeds):`,
  'trapping.diagnostic-row': ({ row }) => `  ${diagnosticRowWords(row)}.`,
  'trapping.biased-checkpoint': biasedCheckpointWords,
  'trapping.diagnostic-sigma-key': () => '(σ at the checkpoint: σ2 of the end-to-end map; 0 means exactly rank-deficient.)',
  'trapping.invariant-trap': ({ trap, escape, paperTrap }) => `${paperTrap ? 'under the paper\'s SGD from the rank-1 trap ' : ''}${invarianceWords(trap, INVARIANT_ESCAPE_WORDS[escape])}.`,
  'trapping.measured-escapes': measuredEscapesWords,
  'trapping.measured-counts': escapeCounts,
  'trapping.measured-convergence': ({ estimate, interval, seeds, censored }) =>
    `median τ ${formatNumber(estimate)} [${formatNumber(interval.lower)}, ${formatNumber(interval.upper)}] epochs; ${convergenceCounts(seeds, censored)}`,
  'trapping.would-decide-trapped-start': ({ diagnostic }) => `a checkpoint that starts the runs trapped${diagnostic ? ' (see the checkpoint-sensitivity diagnostic)' : ''}`,
  'trapping.would-decide-per-epoch-runs': ({ seeds }) => `runs that keep the per-epoch test MSE of their first epochs (at least ${countWords(seeds)} seeds)`,
  'trapping.would-decide-trapped-seeds': ({ budget }) => `more trapped seeds: the runs cannot escape, and the test of the escape the paper draws within its ${budget}-epoch runs needs more of them`,
  'trapping.would-decide-longer-budget': ({ runs, epochsAtRisk }) =>
    `escapes within a longer budget: none of ${runs} trapped runs escaped in ${epochsAtRisk} epochs at risk, and some run's residue off the rank-deficient set grew`,
  'trapping.would-decide-escapes': () => 'more escapes (see escapeDesign in REPRODUCE.md)',
  'trapping.would-decide-escaping-runs': () =>
    'runs that escape: none of the trapped runs of the paper\'s protocol did; escape was seen only from checkpoints that left σ2 above the Eq. 2 saddle (diagnostic b)',
  'trapping.would-decide-premise-seeds': ({ beta }) => `more trapped seeds at β = ${beta}`,
  'trapping.would-decide-paired-seeds': ({ seeds, alpha }) => `more paired seeds: a McNemar test needs about ${seeds} seeds whose outcome differs, all one way, to reject at α = ${decadeWords(alpha)}`,
  'trapping.would-decide-universal-runs': ({ needed, read }) => `${needed} runs or more with none failing (${read} read), or one run that fails`,
  'trapping.would-decide-typical-runs': typicalRunsWords,
};
