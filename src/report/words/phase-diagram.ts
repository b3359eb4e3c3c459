// Words for the findings of the phase-diagram subject (claims/phase-diagram/findings.ts).
import type { Finding, PhaseDiagramFindings } from '../../claims/index.ts';
import { formatDecimals, formatNumber } from '../../text/index.ts';
import { calibrationWords, decisionWords, wouldDecideWords } from './common.ts';
import type { Words } from './words.ts';

type Values<K extends keyof PhaseDiagramFindings> = PhaseDiagramFindings[K];
type SeedRange = Values<'phase-diagram.protocol'>['up'];
type MeanSd = Values<'phase-diagram.sample-basis'>['gap'];
type TransitionMean = Values<'phase-diagram.transition-mean-note'>;
type SingleDataSet = NonNullable<Values<'phase-diagram.single-data-set'>['decision']>;
type PrintedGap = Values<'phase-diagram.printed-gap'>;

/** β and its spread on the phase diagram's 10⁻⁴ resolution. */
const fmt = (x: number, decimals = 4): string => formatDecimals(x, decimals);

/** A sign before a non-negative number, as a shift reads. */
const signed = (x: number, digits: (x: number) => string = fmt): string => `${x >= 0 ? '+' : ''}${digits(x)}`;

function seedRangeWords(r: SeedRange): string {
  return `${r.count} data seeds (${r.first ?? '—'}–${r.last ?? '—'})`;
}

function meanAndSdWords({ mean, sd }: MeanSd): string {
  return `${signed(mean)} ± ${fmt(sd)} (sd)`;
}

/** What a mean of located transitions reads on its sweep. */
function sweptWhat({ direction, eta }: TransitionMean['mode']): string {
  return direction === 'up' ? `the loss of mode η = ${eta}` : `mode η = ${eta} re-learned`;
}

function transitionMeanNote(t: TransitionMean): string {
  const what = sweptWhat(t.mode);
  if (t.mean !== null) return `mean ${fmt(t.mean.estimate)} (sd ${fmt(t.mean.sd)}, n = ${t.located}); ${decisionWords(t.mean.grounds)}`;
  return t.located === 0 ? `no data seed shows ${what}` : `${what} located on ${t.located} of ${t.seeds} data seeds only`;
}

function transitionMeanLine(label: string, t: TransitionMean): string {
  const what = sweptWhat(t.mode);
  const m = t.mean;
  if (m === null) {
    return t.located === 0
      ? `${label}: none of ${t.seeds} data seeds shows ${what}; the paper prints ${t.printed}.`
      : `${label}: ${what} located on ${t.located} of ${t.seeds} data seeds only (the rest lie outside the grid); no mean over all seeds.`;
  }
  return (
    `${label}: mean ${fmt(m.estimate)}, sd ${fmt(m.sd)}, range [${fmt(m.min)}, ${fmt(m.max)}] ` +
    `over ${t.located} data seeds; ${m.verdict}: ${decisionWords(m.grounds)}` +
    (m.wouldDecide === null ? '' : `; would decide: ${wouldDecideWords(m.wouldDecide)}`) +
    `.`
  );
}

/** decideSingleDataSet's account of its decision. */
export function singleDataSetWords(d: SingleDataSet): string {
  const printed = `${d.band.printed ?? d.band.value} ± ${d.band.tolerance}`;
  const central = `the central ${100 * (1 - d.reproduceAlpha)} % range [${fmt(d.range[0])}, ${fmt(d.range[1])}] of ${d.count} data sets' transitions`;
  const prediction = `the 1 − α prediction interval [${fmt(d.prediction[0])}, ${fmt(d.prediction[1])}] for one data set (α = ${d.alpha})`;
  if (d.verdict === 'deviates') return `${printed} lies outside ${prediction}`;
  if (d.verdict === 'reproduced') return `${printed} meets ${central}`;
  return `${printed} lies outside ${central} but inside ${prediction}`;
}

function printedGapWords(g: PrintedGap): string {
  return `${g.printed} − ${fmt(g.eq3)} = ${fmt(g.gap)}`;
}

/** A drop's place: its mode and Eq. 3's value for it. */
const dropAt = (eta: number, eq3: number): string => `η = ${eta} (Eq. 3: ${fmt(eq3)})`;

const BASIS_LABEL: Readonly<Record<'raw' | 'whitened', string>> = {
  raw: 'Eq. 3 on the raw sample Σ̂yx',
  whitened: 'Eq. 3 on the whitened sample Σ̂yx Σ̂xx^-1/2',
};

export const PHASE_DIAGRAM_WORDS: Words<PhaseDiagramFindings> = {
  'phase-diagram.would-decide': ({ label, decides }) => `${label}: ${wouldDecideWords(decides)}`,
  'phase-diagram.would-decide-grid': ({ label }) => `${label}: a β grid reaching every data seed's transition`,
  'phase-diagram.would-decide-each': ({ parts }, word) => parts.map((p) => word(p as Finding)).join('; '),
  'phase-diagram.protocol': (p) =>
    `${seedRangeWords(p.up)} sweep β up over ${p.grid.from}, ${p.grid.from + p.grid.step}, …, ${p.grid.to}; ${seedRangeWords(p.down)} of them also ` +
    `sweep it down, plainly and with the relearnable perturbation. At each β full-batch descent (lr ${p.lr}) from the ` +
    `previous weights to |∇| < ${p.gradientTolerance}: ${p.unconverged} of ${p.points} grid points unconverged, at most ` +
    `${p.maxSteps} steps (critical slowing near βc), ${p.halved} descended at a halved step after diverging. Transitions: where the effective rank (σ > ${p.rankThreshold}) changes, refined by ` +
    `${p.bisections} bisections on the unperturbed sweeps. Eq. 3 under the Eq. 2 reading (weight decay β on every layer). α = ${p.alpha}.`,
  'phase-diagram.transition-mean': ({ label, ...t }) => transitionMeanLine(label, t),
  'phase-diagram.transition-mean-note': transitionMeanNote,
  'phase-diagram.eq3-population': ({ eta, value, printed, judgedIn }) => `Eq. 3 on population η: η = ${eta}: ${fmt(value)} against the printed ${printed} (judged in ${judgedIn}).`,
  'phase-diagram.eq3-sample': ({ basis, eta, mean, sd, seeds, printed }) =>
    `${BASIS_LABEL[basis]}: η = ${eta}: mean ${fmt(mean)}, sd ${fmt(sd)} over ${seeds} data seeds, against the printed ${printed} (the sample's bias is judged in figure3-offset-output-bias).`,
  'phase-diagram.judged-elsewhere': () => 'The plain down sweep as Appendix B writes it is judged in phase-diagram-decreasing-sweep; the measured drops against Eq. 3 in beta-c-mode2-appendix-b.',
  'phase-diagram.one-data-set': ({ label, single }) =>
    single === null
      ? `${label}: fewer than two located transitions.`
      : `${label} (the median data set's transition ${fmt(single.median)}): ${single.decision.verdict}: ${singleDataSetWords(single.decision)}. ${calibrationWords(single.calibration)}.`,
  'phase-diagram.single-data-set': ({ decision, of }) => (decision === null ? `fewer than two located ${of}` : singleDataSetWords(decision)),
  'phase-diagram.rank-steps': ({ oneAtATime, seeds }) =>
    `Rank steps (up): on ${oneAtATime} of ${seeds} data seeds the effective rank falls by one at a time on the 0.01 grid ` +
    `(2 → 1 → 0); on the rest both modes are lost between two grid points.`,
  'phase-diagram.sample-basis': (b) =>
    `η = ${b.eta}, ${b.basis}: located (up) − Eq. 3 on the sample's own ${b.basis} singular value = ${meanAndSdWords(b.gap)}, ` +
    `max |gap| ${fmt(b.maxGap)}, ${b.within} of ${b.seeds} seeds within ± ${b.tolerance}; ` +
    `Eq. 3 on the ${b.basis} sample − Eq. 3 on the population (${fmt(b.population)}) = ${meanAndSdWords(b.bias)} — the paper's printed ` +
    `${b.printed} is ${signed(b.offset)} from the population value.`,
  'phase-diagram.spread': (s) =>
    `η = ${s.eta} (paper ${s.printed}): one data set's transition (up) ranges over [${fmt(s.min)}, ${fmt(s.max)}], ` +
    `central 95% [${fmt(s.central[0])}, ${fmt(s.central[1])}]; ${s.inBand} of ${s.seeds} seeds fall within ` +
    `${s.printed} ± ${s.tolerance}. The sample dependence (sd ≈ ${fmt(s.sd, 3)}) is ` +
    `${Math.round(s.sd / s.tolerance)} times the printed precision: a single sweep's value is not reproducible to it.`,
  'phase-diagram.hysteresis-plain': ({ relearned, seeds, top }) =>
    `Hysteresis: the plain down sweep re-learns a mode on ${relearned} of ${seeds} data seeds: from the up sweep's last state ` +
    `(all weights decayed towards 0 at β = ${top}) the data gradient vanishes with the weights and ` +
    `λ = 0 is a local minimum of every mode at L = 3, so the state stays at rank 0 down to β = 0` +
    `${relearned === 0 ? ' — the loop does not close.' : '.'}`,
  'phase-diagram.hysteresis-kick': ({ eta, std, gap, located, seeds }) =>
    `η = ${eta}: with the relearnable perturbation (N(0, ${fmt(std)}²) on every weight ` +
    `before each β) the down sweep re-learns the mode at (down, perturbed) − (up) = ${meanAndSdWords(gap)} on ${located} of ${seeds} seeds ` +
    `(grid resolution ± 0.005): a kick of the random-init scale reaches the mode's basin as soon as it exists, so the loop closes at βc.`,
  'phase-diagram.parts': ({ parts }) => parts.map((p) => `${p.label}: ${p.verdict}`).join('; '),
  'phase-diagram.drop-located': ({ located, seeds }) => `located on ${located} of ${seeds} data seeds`,
  'phase-diagram.drop-mean-note': ({ difference, grounds }) => `located − Eq. 3 = ${fmt(difference)}; ${decisionWords(grounds)}`,
  'phase-diagram.drop-mean': ({ eta, eq3, seeds, mean, sd, verdict, grounds }) =>
    `${dropAt(eta, eq3)}: the up sweep's drop over ${seeds} data seeds has mean ${fmt(mean)} (sd ${fmt(sd)}), ${fmt(mean - eq3)} from Eq. 3; ${verdict}: ${decisionWords(grounds)}.`,
  'phase-diagram.drop-single': ({ eta, eq3, step, within, located, decision }) =>
    `${dropAt(eta, eq3)}: ${within} of ${located} data sets put their drop within ± ${step} of Eq. 3; ` +
    `${decision === null ? 'fewer than two drops' : `Eq. 3 ± ${step} against the data sets' spread: ${decision.verdict} (${singleDataSetWords(decision)})`}.`,
  'phase-diagram.printed-gap': printedGapWords,
  'phase-diagram.close-agreement': ({ step, printed }) =>
    `"Close agreement" read as one step of Appendix B's grid (± ${step}): a located drop cannot be finer than the step it is found in. The paper's own numbers sit within it (${printed.map(printedGapWords).join('; ')}).`,
  'phase-diagram.drops-elsewhere': () =>
    "The drops are the up sweep's: the decreasing sweep as Appendix B writes it shows none (phase-diagram-decreasing-sweep). Eq. 3's own value is judged in beta-c-mode2-appendix-a and beta-c-mode1, the drops' printed values in phase-diagram-transitions, the offset's explanation in figure3-offset-output-bias.",
  'phase-diagram.drops-rule': ({ alpha, step, resolution, calibration }) =>
    `Rule: per mode, the 1 − α t interval (α = ${alpha}) of the mean located drop against Eq. 3 ± ${step}: reproduced when it meets the band with half-width ≤ ${resolution}, deviates when it misses it; the modes combined, worst first.` +
    (calibration === null ? '' : ` ${calibrationWords(calibration)} (normal draws with the observed spread).`),
  'phase-diagram.output-shift': ({ printed, population, series, shift, seeds, verdict }) =>
    `βc printed ${printed}, Eq. 3 (the Eq. 2 reading) on the population ${formatNumber(population, 4)} (offset ${signed(printed - population, (x) => formatNumber(x, 3))}): ${series} − population = ${formatNumber(shift.estimate, 3)} ` +
    `[${formatNumber(shift.lower, 3)}, ${formatNumber(shift.upper, 3)}] over ${seeds} data seeds — ${verdict === 'reproduced' ? 'towards' : verdict === 'deviates' ? 'away from' : 'undecided relative to'} the printed value.`,
  'phase-diagram.too-few-seeds': () => 'fewer than two data seeds',
  'phase-diagram.output-bias-reading': () =>
    'The data are zero-mean and the network has no biases, so the audit reads "bias of the output distribution" as the sampling bias of the training set\'s Σ̂yx (its singular values, raw or whitened by Σ̂xx).',
  'phase-diagram.output-bias-calibration': () =>
    "Calibration: the t interval at 1 − α of the mean shift over data seeds: a shift of zero is called towards or away from the printed value with probability at most α/2 each, by the interval's coverage; with the observed spread (sd ≈ 0.02–0.03) and 1200 data seeds a true mean shift of ± 0.004 is resolved (half-width ≈ 0.0035).",
  'phase-diagram.relearned': ({ notReproducible, relearned, seeds, alpha, bound }) =>
    `${notReproducible ? 'not reproducible as specified; ' : ''}${relearned} of ${seeds}${bound === null ? '' : `; one-sided ${1 - alpha} upper bound of the share ${formatNumber(bound, 3)}`}`,
  'phase-diagram.decreasing-protocol': ({ seeds, top, step }) =>
    `${seedRangeWords(seeds)} sweep β down from ${top} (above every βc: trained to convergence there, every mode is lost) in steps of ${step}, re-training to convergence by full-batch descent at each β.`,
  'phase-diagram.relearned-modes': ({ perMode, seeds, maxSigma, rankThreshold }) =>
    `Modes re-learned on the way down: ${perMode.map((k, i) => `mode ${i + 1}: ${k} of ${seeds}`).join(', ')}; largest singular value of the end-to-end map at any point of the decreasing sweeps ${formatNumber(maxSigma, 3)} (rank threshold ${rankThreshold}).`,
  'phase-diagram.decreasing-why': () =>
    "Why: converged at the top of the grid the weights have decayed to rank 0, where the data gradient vanishes with the weights (each layer's gradient is a product of the others), and at L = 3 λ = 0 is a local minimum of every mode at every β > 0 (the regulariser's λ^{2/3} dominates the fit's −ηλ near 0; Fig. 4 draws that branch stable). Descent without noise therefore never leaves rank 0, and no drop appears: the transitions of Fig. 3 cannot come from this sweep.",
  'phase-diagram.decreasing-kick': () =>
    "The sweep with the relearnable kick (an audit reading in phase-diagram-transitions) does re-learn each mode, at the up sweep's β: the kick of the random-init scale throws the state past the saddle, so it answers a different question.",
  'phase-diagram.would-decide-drops': () => "a β grid reaching every data seed's drop, or more data seeds",
  'phase-diagram.would-decide-decreasing': () => 'more data seeds with the decreasing sweep',
  'phase-diagram.decreasing-not-reproducible': ({ seeds, top, depth }) =>
    `none of the ${seeds} decreasing sweeps re-learned a mode: from the converged rank-0 state at β = ${top} full-batch descent stays at rank 0 (zero data gradient, λ = 0 a local minimum of every mode at L = ${depth}), so no grid, budget or data set gives the drops the sweep is said to show`,
  'phase-diagram.decreasing-rule': ({ alpha, typicalShare, calibration }) =>
    `Rule: reproduced when every data set's decreasing sweep (3 at least) re-learns every mode; deviates when the one-sided 1 − α upper bound (α = ${alpha}) of the share that does lies below ${typicalShare}; otherwise inconclusive.` +
    (calibration === null ? '' : ` ${calibrationWords(calibration)} (binomial draws; alternative: a quarter of the data sets re-learning).`),
};
