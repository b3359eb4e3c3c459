// Words for the findings of the staged subject (claims/staged/findings.ts).
import type { StagedFindings } from '../../claims/index.ts';
import { formatExponent, formatNumber } from '../../text/index.ts';
import { calibrationWords, decisionWords } from './common.ts';
import type { Words } from './words.ts';

type PlateauRun = StagedFindings['staged.plateau-order']['ties'][number];
type ModeWait = StagedFindings['staged.temperature']['waits'][number];

/** The staircase claim's three parts, each with its verdict, joined by `separator`. */
function partsWords({ staircase, location, hysteresis }: StagedFindings['staged.parts'], separator: string): string {
  return [`staircase ${staircase}`, `location (Eq. 3 on the whitened sample) ${location}`, `hysteresis (plain down sweep) ${hysteresis}`].join(separator);
}

/** The first five runs, each by seed, initial scale and the epochs its plateaus ended. */
function listedRuns(runs: readonly PlateauRun[]): string {
  return runs.slice(0, 5).map((r) => `seed ${r.dataSeed}, u0 = ${r.initStd}: ${JSON.stringify(r.riseEpochs)}`).join('; ');
}

function modeWaitWords({ eta, fit }: ModeWait): string {
  if (fit === null) return `${eta}: —`;
  if (fit.meanTime === null) return `${eta}: > ${formatNumber(fit.lower, 3)} (${fit.escapes} escaped)`;
  return `${eta}: ${formatNumber(fit.meanTime, 4)} [${formatNumber(fit.lower, 3)}, ${formatNumber(fit.upper, 3)}]`;
}

/** A count as a word, as a rough figure reads ("about ten"); digits past twelve. */
const SPELLED = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const spelled = (n: number): string => SPELLED[n] ?? String(n);

export const STAGED_WORDS: Words<StagedFindings> = {
  'staged.decision': ({ grounds }) => decisionWords(grounds),
  'staged.parts': (parts) => `The verdict's three parts: ${partsWords(parts, ', ')}.`,
  'staged.parts-note': (parts) => partsWords(parts, '; '),
  'staged.sweeps-setup': ({ etas, outputs, depth, seeds, directions }) =>
    `d = ${etas.length} features η = ${etas.join(', ')}, m = ${outputs} outputs, L = ${depth}; ${seeds} data seeds, sweeps ${directions.join(', ')}.`,
  'staged.units': () =>
    "Units: the network loss averages the MSE over m outputs, so a balanced mode's loss is (2/m)·Eq. 1 at β·m/2: a network β is compared with Eq. 3's βc as (m/2)·β (for m = 2 the two coincide).",
  'staged.staircase': ({ stairs, seeds, modes }) => `Staircase: ${stairs} of ${seeds} data seeds drop rank ${modes} → 0 one step at a time, the larger η lost at the larger β.`,
  'staged.staircase-note': ({ stairs, seeds }) => `${stairs} of ${seeds} data seeds`,
  'staged.location': ({ label, eta, located, seeds, gap }) =>
    gap === null
      ? `${label}, η = ${eta}: the transition located on ${located} of ${seeds} data seeds: a mean needs every seed and two at least.`
      : `${label}, η = ${eta}: (m/2)·β_up − βc = ${formatNumber(gap.mean)} (sd ${formatNumber(gap.sd, 3)}, range [${formatNumber(gap.min)}, ${formatNumber(gap.max)}], n = ${located}); ${gap.verdict}: ${decisionWords(gap.grounds)}.`,
  'staged.location-note': ({ tolerance }) => `largest mean gap over the modes, in Eq. 3's units; tolerance ± ${tolerance}`,
  'staged.hysteresis': ({ label, counts: { pairs, regained, below }, shown, alpha, bound }) =>
    pairs === 0
      ? `${label}: no data.`
      : `${label}: of ${pairs} (data seed, mode) pairs, ${pairs - regained} never regained the mode down to β = 0 (permanent trapping: from rank 0 the data gradient vanishes with the weights and λ = 0 is a local minimum of every mode at L = 3) ` +
        (regained === 0 ? '' : `and ${below} of the ${regained} regained were regained strictly below where the up sweep lost them`) +
        `: ${shown} of ${pairs} show hysteresis; ` +
        `one-sided ${1 - alpha} upper bound of the share without it ${formatNumber(bound, 3)}.`,
  'staged.hysteresis-note': ({ pairs, shown }) =>
    pairs === 0
      ? 'no data seed ran this sweep with a located up transition'
      : `share of (seed, mode) pairs with hysteresis (regained strictly below their loss, or never): ${shown}/${pairs}`,
  'staged.kick': (k) =>
    `Down sweep with the relearnable kick (ours; N(0, ${formatNumber(k.std, 3)}²) on every weight before each β): ${k.counts.regained} of ${k.counts.pairs} pairs regained, ${k.counts.below} strictly below the up sweep's cell. ` +
    `The kick alone gives the end-to-end map entries of sd √(${k.hiddenWidth}^${k.depth - 1})·s^${k.depth} = ${formatNumber(k.kick, 3)}, against saddles λsad < λc = η(1 − k)/(2 − k) = ${k.lambdaC.map((l) => formatNumber(l, 3)).join(', ')} for η = ${k.etas.join(', ')}: ` +
    'it throws each mode past its barrier, so the sweep regains the mode where its minimum appears (at βc) — a reset, not a test of hysteresis, and not counted in the verdict.',
  'staged.paper-prediction': () =>
    'What the paper predicts: Appendix C — "a model on the lower (rank-0) branch at λ = 0 is trapped there even when the rank-1 phase is energetically preferred" — and Fig. 4 draws λ = 0 stable at every β: a down sweep without noise keeps a lost mode lost. Permanent trapping is that prediction in its strongest form; a mode regained at or above where it was lost would refute it.',
  'staged.rank-drops-rule': ({ tolerance, alpha }) =>
    `Rule: reproduced when every seed shows the staircase, the mean gap to Eq. 3 on the sample's whitened singular values lies within ± ${tolerance} for every mode (t interval at α = ${alpha}), and every (seed, mode) pair of the plain down sweep shows hysteresis (regained strictly below its loss, or never); deviates when any part deviates (for hysteresis: at most half the pairs show it); otherwise inconclusive.`,
  'staged.rank-drops-calibration': ({ seeds, bound, location }) =>
    `Calibration: the sweeps are deterministic given the data set (full-batch descent, no noise), so the staircase and hysteresis parts count data sets — with ${seeds} seeds, none failing, the one-sided 1 − α upper bound on the share of data sets without the staircase is ${formatNumber(bound, 3)}. ` +
    (location === null ? 'The location part has too few seeds for a calibration.' : `Location part: ${calibrationWords(location)}.`),
  'staged.plateau-setup': ({ runs, initStds, beta, lr, batch, epochs }) =>
    `${runs} runs: data seeds × u0 = ${initStds.join(', ')}, from N(0, u0²) weights at β = ${beta}, SGD ηlr = ${lr}, B = ${batch}, ${epochs} epochs; a plateau ends when σ_k first reaches half its final value.`,
  'staged.plateau-order': ({ runs, strict, ties, failing }) =>
    `${strict} of ${runs} runs end the plateaus strictly in η order; ${ties.length} have a tie (two plateaus ending in one epoch${ties.length > 0 ? `: ${listedRuns(ties)}` : ''}); ` +
    `${failing.length} reverse two modes or leave one unlearned${failing.length > 0 ? ` (${listedRuns(failing)})` : ''}.`,
  'staged.plateau-order-note': ({ runs, failing, share, tooFew }) => {
    if (tooFew) return `${runs} runs: too few`;
    if (share === null) return `no run of ${runs} reverses two modes`;
    return `${runs - failing} of ${runs} without a reversal; 1 − α interval of the share [${formatNumber(share.lower, 3)}, ${formatNumber(share.upper, 3)}]`;
  },
  'staged.strict-order-note': ({ strict, runs }) => `${strict} of ${runs}: a tie counts against this reading`,
  'staged.tie': () =>
    "A tie is two plateaus ending within one epoch, the trace's resolution: it does not say which mode came first, so it is not a reversal. The headline counts reversals only; the strict reading beside it counts ties against the order.",
  'staged.plateau-order-rule': ({ calibration }) =>
    `Rule: reproduced when no run (3 at least) reverses two modes; deviates when the 1 − α upper bound of the share without a reversal is below 0.9 (reversals in a sizeable share); otherwise inconclusive.` +
    (calibration === null ? '' : ` ${calibrationWords(calibration)} (truth: no reversals; alternative: a reversal rate of 0.2).`),
  'staged.timing-setup': ({ points, beta, lr, batch, depth, initStds }) =>
    `${points} plateau ends (data seed × u0 × mode) at β = ${beta}, SGD ηlr = ${lr}, B = ${batch}, L = ${depth}; u0 = ${initStds.join(', ')}.`,
  'staged.u0-exponent': ({ fit, alpha, depth, deterministic, activated }) =>
    fit === null
      ? 'No u0 exponent: too few points.'
      : `ln t against ln(1/u0) within each (seed, mode): slope ${formatNumber(fit.slope)} [${formatNumber(fit.lower)}, ${formatNumber(fit.upper)}] at α = ${alpha} (${fit.dof} dof). Deterministic (Saxe, L = ${depth}): ${deterministic}; activated (waiting set by a barrier, not by the start): 0 — ${activated === 'deviates' ? 'the activated reading is excluded' : `the activated reading is ${activated}`}.`,
  'staged.timing-meaning': ({ beta }) =>
    `What this decides: the stages end when deterministic learning from a small start amplifies each mode (Saxe et al.), not when noise carries the state over a barrier. At β = ${beta} there is no barrier, so these stages arise without the paper's mechanism: they show that staged plateaus, as such, do not discriminate the mechanism of prediction 1 (staged-escape-sequence asks the activated question).`,
  'staged.sk-exponent': ({ fit }) =>
    fit === null
      ? 'No s_k exponent: too few points.'
      : `Saxe et al.'s 1/s_k law, beside the headline (the paper states no law for the stages' times): ln t against ln(1/s_k) within each (seed, u0): slope ${formatNumber(fit.slope)} [${formatNumber(fit.lower)}, ${formatNumber(fit.upper)}] (Saxe: 1; his exact solutions assume decoupled, aligned initial conditions, and from a random start the alignment phase adds to the plateau).`,
  'staged.law-rss': ({ power, exponential }) =>
    `Across modes, power law (ln t linear in ln s_k) against exponential (ln t linear in s_k, a barrier linear in the mode's strength): residual sums of squares ${formatNumber(power)} and ${formatNumber(exponential)} (same parameters; with s_k between 0.55 and 0.95 the two are nearly collinear — the exponent of u0 is what tells the laws apart).`,
  'staged.timing-rule': ({ tolerance, calibration }) =>
    `Rule (headline): reproduced (deterministic) when the u0 exponent's 1 − α interval lies within ± ${tolerance} of L − 2 with half-width ≤ ${tolerance}; deviates when it excludes that band; otherwise inconclusive. The s_k reading uses the same rule against 1.` +
    (calibration === null ? '' : ` ${calibrationWords(calibration)} (normal residuals with the fit's spread on the runs' own design).`),
  'staged.too-few-plateaus': () => 'too few plateau ends (two initial scales or modes, and spare points, are needed)',
  'staged.escape-setup': ({ modes, beta, epochs, barriers, etas }) =>
    `SGLD on the ${modes}→10→10→${modes} network at β = ${beta} from the trivial trap, budget ${epochs} epochs; one-mode barriers (2/m)·ΔE(η, β·m/2) = ${barriers.map((b) => formatNumber(b, 4)).join(', ')} (network loss units) for η = ${etas.join(', ')}.`,
  'staged.slope-fit': (f) =>
    `Censored fit ln τ_k = ${formatNumber(f.intercept)} + ${formatNumber(f.slope)}·ΔE_k/T over ${f.settings} (mode, T) settings: slope [${formatNumber(f.lower)}, ${formatNumber(f.upper)}] at α = ${f.alpha}; linearity p = ${f.linearityP === null ? '—' : formatNumber(f.linearityP, 3)}. ${decisionWords(f.grounds)}.`,
  'staged.no-slope': ({ settings }) => `No slope: escapes at ${settings} (mode, temperature) settings.`,
  'staged.no-slope-note': ({ settings }) => `escapes at ${settings} (mode, T) settings: a slope needs two`,
  'staged.slope-failed': ({ message }) => `No slope: ${message}.`,
  'staged.slope-failed-note': ({ message }) => message,
  'staged.per-mode-slopes': ({ modes }) =>
    `Each mode alone, ln τ_k on 1/T (censored fit, 1 − α intervals): ${modes
      .map(({ eta, fit, message }) =>
        fit !== null
          ? `η = ${eta}: slope/ΔE_k = ${formatNumber(fit.ratio, 3)} [${formatNumber(fit.lower, 3)}, ${formatNumber(fit.upper, 3)}]`
          : message !== null
            ? `η = ${eta}: ${message}`
            : `η = ${eta}: escapes at fewer than two temperatures`,
      )
      .join('; ')}.`,
  'staged.temperature': (t) =>
    `T = ${t.temperature}: ${t.trapped} runs from the trap; successive waits ${t.ratios
      .map((r, k) => `τ̂_${k + 2}/τ̂_${k + 1} = ${r.observed === null ? '—' : formatNumber(r.observed, 3)} (one-mode Arrhenius: ${formatNumber(r.predicted, 3)})`)
      .join(', ')}; per mode τ̂ = ` +
    t.waits.map(modeWaitWords).join(', ') +
    ` epochs (ΔE_k/T = ${t.barriersOverT.map((x) => formatNumber(x, 3)).join(', ')}); every mode escaped in ${t.complete} runs, ${t.inOrder} in η order, ${t.oneAtATime} one mode per epoch; ` +
    `independent exponential waits with the fitted rates give P(η order) = ${formatNumber(t.orderProbability, 3)}.`,
  'staged.order-note': ({ ordered, pairs }) => `${ordered} of ${pairs} successive pairs ordered`,
  'staged.escape-rule': ({ tolerance }) =>
    `Rule: reproduced when the slope's 1 − α interval lies within 1 ± ${tolerance} (Arrhenius with each mode's own barrier and one prefactor) with half-width ≤ ${tolerance}, and the mean waits are ordered by η at every temperature; deviates when either fails (the slope interval misses the band, or a larger η's 95 % interval lies wholly above the next one's); otherwise inconclusive.`,
  'staged.escape-calibration': ({ calibration }) =>
    calibration === null
      ? 'Calibration: no slope, so none.'
      : `Slope part: ${calibrationWords(calibration)} (exponential runs on the (mode, T) design, the fitted line's centre kept, slope 1 × the factor). The order part compares 95 % intervals of each temperature's waits (deviates only where a larger η's lies wholly above the next one's); it is not calibrated here.`,
  'staged.would-decide-rank-drops': ({ alpha, seeds }) => `more data seeds (the t interval of the mean gap at α = ${formatExponent(alpha)} needs about ${spelled(seeds)})`,
  'staged.would-decide-plateau-order': () => 'more runs (data seeds × initial scales)',
  'staged.would-decide-plateau-timing': () => 'more data seeds or initial scales',
  'staged.would-decide-escape': () => 'more noise seeds, or temperatures at which every mode escapes',
};
