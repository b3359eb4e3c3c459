// Words for the findings of the controls subject (claims/controls/findings.ts).
import type { Calibration, ControlsFindings } from '../../claims/index.ts';
import { formatNumber } from '../../text/index.ts';
import { calibrationWords, decisionWords, noFitWords } from './common.ts';
import type { Words } from './words.ts';

type F = ControlsFindings;
type NoSlope = F['controls.no-slope']['noSlope'];
type SlopeRatio = F['controls.mode-fit']['ratio'];
type SlopeReading = F['controls.slope-reading']['slope'];
type TauEstimate = F['controls.mode-point']['tau'];
type Trend = F['controls.trend']['trend'];
type RankComparison = F['controls.depth-rank']['comparison'];
type DepthTau = F['controls.depth-tau']['tau'];
type CheckpointLaw = F['controls.checkpoint-law']['law'];
type DataSetSlope = F['controls.kramers-form']['dataSets'][number];
type PooledSlope = F['controls.kramers-pooled']['pooled'];
type KramersPoint = F['controls.kramers-data-set']['points'][number];

/** A reading's note, or the evidence line under its label (with the line's own ending). */
function underLabel(label: string | null, body: string, end = ''): string {
  return label === null ? body : `${label}: ${body}${end}`;
}

function noSlopeWords(n: NoSlope): string {
  return 'failure' in n ? n.failure : `runs escaped at ${n.escapedSettings} of ${n.settings} settings: a slope needs two`;
}

function ratioWords(r: SlopeRatio): string {
  return `slope/ΔE = ${formatNumber(r.estimate)} [${formatNumber(r.lower, 3)}, ${formatNumber(r.upper, 3)}] at α = ${r.alpha}`;
}

function slopeReadingWords(s: SlopeReading): string {
  if ('noSlope' in s) return noSlopeWords(s.noSlope);
  return s.grounds === null ? ratioWords(s.ratio) : `${ratioWords(s.ratio)}; ${decisionWords(s.grounds)}`;
}

/** τ̂ and its interval at 95 %, or the lower bound where nothing escaped; "no trapped run" without runs. */
function tauWords(t: TauEstimate | null, unit: string): string {
  if (t === null) return 'no trapped run';
  return (
    `${t.escapes} of ${t.runs} escaped` +
    (t.meanTime === null ? `, τ > ${formatNumber(t.lower, 3)} ${unit} (95 %)` : `, τ̂ = ${formatNumber(t.meanTime)} ${unit} [${formatNumber(t.lower, 3)}, ${formatNumber(t.upper, 3)}] (95 %)`)
  );
}

function trendWords(t: Trend): string {
  return `d ln τ/dx = ${formatNumber(t.slope)} [${formatNumber(t.lower, 3)}, ${formatNumber(t.upper, 3)}] at α = ${t.alpha} (censored likelihood, ${t.settings} settings; linearity p = ${formatNumber(t.linearityPValue, 3)})`;
}

function rankWords({ shallow, deep, test }: RankComparison): string {
  if (test === null) return `L = ${shallow} against L = ${deep}: no trapped run at one of them`;
  return `L = ${deep} later than L = ${shallow} in ${formatNumber(test.fractionLater, 3)} of ${test.pairs} pairs (U = ${test.u}); one-sided p later ${formatNumber(test.pLater, 3)}, earlier ${formatNumber(test.pEarlier, 3)}`;
}

function depthTauWords({ depth, tau }: DepthTau, alpha: number): string {
  if (tau === null) return `L = ${depth}: no trapped run`;
  return `L = ${depth}: ${tau.escapes} of ${tau.runs} escaped, τ̂ = ${formatNumber(tau.meanTime)} epochs, [${formatNumber(tau.lower, 3)}, ${formatNumber(tau.upper, 3)}] at α = ${alpha}`;
}

function checkpointLawWords(law: CheckpointLaw): string {
  if ('notEstimable' in law) return noFitWords(law.notEstimable);
  const p = law.powerExponent;
  return (
    `${law.preferred} preferred by ΔAIC = ${formatNumber(law.aicMargin)} (decides at ${formatNumber(law.decisionMargin)}); ` +
    `power-law exponent ${formatNumber(p.estimate)} [${formatNumber(p.lower, 3)}, ${formatNumber(p.upper, 3)}]; ` +
    `Arrhenius slope ${formatNumber(law.arrheniusSlope)}; least-squares R² of ln τ̂ on B/ηlr ${law.leastSquaresR2 === null ? '— (a rate without escapes)' : formatNumber(law.leastSquaresR2)}`
  );
}

function dataSetSlopeWords(d: DataSetSlope): string {
  const head = `data seed ${d.dataSeed}`;
  if ('noSlope' in d) return `${head}: ${noSlopeWords(d.noSlope)}`;
  return `${head} (ΔE = ${formatNumber(d.barrier, 5)}): ${ratioWords(d.ratio)} — ${d.verdict}`;
}

function pooledWords({ dataSets, estimate: e }: PooledSlope): string {
  if (e === null) return `slopes on ${dataSets} data set(s): pooling needs two`;
  return `${dataSets} data sets: slope/ΔE = ${formatNumber(e.mean, 4)} [${formatNumber(e.lower, 3)}, ${formatNumber(e.upper, 3)}] at α = ${e.alpha}; ${decisionWords(e.grounds)}`;
}

function kramersPointWords(p: KramersPoint): string {
  return (
    `ΔE/T = ${formatNumber(p.barrierRatio, 3)}: ${p.escapes} of ${p.runs} escaped` +
    (p.meanTime === null ? '' : `, τ̂ = ${formatNumber(p.meanTime, 3)}`) +
    `, Langer ${formatNumber(p.langer, 3)}` +
    (p.overLanger === null ? '' : ` (×${formatNumber(p.overLanger, 2)})`) +
    (p.inRegime ? '' : ', outside the regime')
  );
}

/** A calibration and what its synthetic runs are, as one line. */
function calibrated(calibration: Calibration, runs: string): string {
  return `${calibrationWords(calibration)} (${runs}).`;
}

const UNCALIBRATED: Record<F['controls.uncalibrated']['why'], string> = {
  'no-slope': 'Calibration: no slope, so none.',
  'no-headline-slope': 'Calibration: no headline slope, so none.',
  'one-depth': 'Calibration: none at one depth — the rank test needs two.',
};

const TWO_TEMPERATURES = 'escapes at two temperatures at least';
const SEEDS_PER_TEMPERATURE = 'more seeds per temperature';

/** What would decide an undecided reading, where no statistical rule says. */
const NEEDS: Record<F['controls.would-decide']['need'], string> = {
  'escapes-at-two-temperatures': TWO_TEMPERATURES,
  'seeds-per-temperature': SEEDS_PER_TEMPERATURE,
  'escapes-and-seeds': `${TWO_TEMPERATURES}, and ${SEEDS_PER_TEMPERATURE}`,
  'seeds-or-escapes-at-every-depth': 'more noise seeds at the common temperature, or escapes at every depth within the budget',
  'escapes-from-undertrained': 'escapes at every learning rate from the under-trained checkpoints',
  'seeds-per-noise-setting': 'more noise seeds per (B, ηlr) setting',
  'paper-sgd-longer-budget': "escapes from the rank-1 trap under the paper's SGD within a longer budget",
};

export const CONTROLS_WORDS: Words<ControlsFindings> = {
  'controls.no-slope': ({ label, noSlope }) => underLabel(label, noSlopeWords(noSlope), '.'),
  'controls.no-slope-for': ({ label, noSlope }) => `${label}: no slope (${noSlopeWords(noSlope)}).`,
  'controls.slope-reading': ({ label, slope }) => underLabel(label, slopeReadingWords(slope)),
  'controls.decision': ({ grounds }) => decisionWords(grounds),

  'controls.mode-setting': (m) =>
    `One mode of Eq. 1 (the Eq. 2 reading) at η = ${m.eta}, β = ${m.beta}, L = ${m.depth}: ΔE = ${formatNumber(m.barrier, 6)}; ` +
    `Euler–Maruyama, dt = ${m.dt}, ${m.seeds} seeds per temperature` +
    (m.barrierScale === 1 ? '.' : `; simulated potential ×${m.barrierScale} (barrier ${formatNumber(m.simulatedBarrier)}).`),
  'controls.mode-no-slope': ({ noSlope }) => `No slope: ${noSlopeWords(noSlope)}.`,
  'controls.mode-point': (p) =>
    `ΔE/T = ${p.ratio} (T = ${formatNumber(p.temperature)}): ${p.tau.escapes} of ${p.tau.runs} escaped within ${p.maxSteps} steps` +
    (p.tau.meanTime === null ? '' : `, τ̂ = ${formatNumber(p.tau.meanTime)} [${formatNumber(p.tau.lower, 3)}, ${formatNumber(p.tau.upper, 3)}] (95 %)`) +
    `; exact mean first passage ${formatNumber(p.exactMeanTime)}, Kramers ${formatNumber(p.kramersTime)} (Langevin time)`,
  'controls.mode-fit': (f) => `Censored fit ln τ = ${formatNumber(f.intercept)} + ${formatNumber(f.slope, 5)}/T: ${ratioWords(f.ratio)}; linearity p = ${formatNumber(f.linearityPValue, 3)}.`,
  'controls.mode-intercept': (k) =>
    `Kramers' intercept ln(2π/√(V''(0)|V''(u_sad)|)) = ${formatNumber(k.prefactor)} against the fitted ${formatNumber(k.intercept)} (the absorbing point lies past the saddle, and ΔE/T ≤ ${k.maxRatio} leaves finite-barrier corrections).`,
  'controls.mode-rule': ({ resolution, grounds }) =>
    `Rule: reproduced when the slope's 1 − α interval contains ΔE and its half-width is at most ${resolution}·ΔE; deviates when it excludes ΔE. ${decisionWords(grounds)}`,
  'controls.mode-calibration': ({ calibration }) => calibrated(calibration, "exponential runs on the control's design, the fitted line's centre kept, its slope ΔE × the factor"),

  'controls.network-setting': (n) =>
    `SGLD on the ${n.widths.join('→')} network (an audit control): checkpoint of seed ${n.checkpointSeed} annealed ${n.annealing.join(' → ')} ` +
    `(${n.checkpointEpochsPerStage} epochs per stage), continued at β = ${n.beta}, ηlr = ${n.lr}, B = ${n.batch} with the kick √(2ηlr·T)·ξ; ` +
    `escape when σ2 > ${n.sigmaThreshold}; budget ${n.epochs} epochs.`,
  'controls.network-barrier': (b) =>
    `ΔE = ${formatNumber(b.barrier, 6)} (Eq. 10, η = 0.8, population moments). With MSE averaged over the batch and m = 2 outputs, a mode's loss in network units is (2/m) times Eq. 1's, so for m = 2 the per-mode ΔE is the network's barrier. ` +
    `The sample's own saddle (seed ${b.sampleSeed} data, Appendix F analysis): loss difference ${formatNumber(b.sampleLossDifference, 6)}.`,
  'controls.network-zero-modes': ({ excess, hessianExcess }) =>
    `Zero modes: the saddle has (L − 1)(w − 2) = ${excess} more hidden-unit-rotation zero modes than the trap; the Appendix F Hessians give ${hessianExcess}. Langer's prefactor then carries T^${excess / 2}.`,
  'controls.network-against-barrier': ({ forms }) =>
    `Against ΔE itself (ratio 1): ${forms.map((f) => `${f.label.split(':')[0]} ${f.ratio === null ? '—' : f.ratio.toPrecision(6)}`).join('; ')} — the control's answer to whether the slope is the saddle's ΔE or ≈ 50 ΔE.`,
  'controls.network-point': (p) =>
    `T = ${formatNumber(p.temperature)} (ΔE/T = ${formatNumber(p.ratio)}): ${p.escapes} of ${p.trapped} trapped runs escaped` +
    (p.untrapped > 0 ? ` (${p.untrapped} did not start trapped)` : '') +
    (p.tau === null ? '' : `, τ̂ = ${formatNumber(p.tau.meanTime)} epochs [${formatNumber(p.tau.lower, 3)}, ${formatNumber(p.tau.upper, 3)}] (95 %)`),
  'controls.network-calibration': ({ calibration, printed }) =>
    calibrated(
      calibration,
      `exponential runs on the control's design with the fitted line's centre and a slope ${printed}·ΔE × the factor: at this design a true factor ${printed} puts τ beyond the budget or at the first epochs, so the rule cannot reproduce it — the control tells a slope of ΔE from one of ${printed} ΔE`,
    ),
  'controls.uncalibrated': ({ why }) => UNCALIBRATED[why],

  'controls.depth-form': ({ depth, barrier, label, slope }) => `L = ${depth} (ΔE = ${formatNumber(barrier, 5)}), ${label}: ${slopeReadingWords(slope)}`,
  'controls.sample-barrier': ({ depths, grows }) =>
    `The barrier of the runs' own data set (loss(saddle) − loss(rank-1 minimum) of the network on the checkpoint seed's sample moments, Appendix F analysis at each depth): ${depths
      .map((d) => `L = ${d.depth}: ΔE_sample = ${formatNumber(d.sampleBarrier, 5)} (population ${formatNumber(d.barrier, 5)}), ${d.slopeRatio === null ? 'no slope' : `plain slope/ΔE_sample = ${formatNumber(d.slopeRatio)}`}`)
      .join('; ')}. ` + `${grows ? 'It grows with depth, as τ must if the sample landscape sets the order' : 'It does not grow with depth'}.`,
  'controls.one-depth': ({ depths }) => `This run has depth ${depths.join(', ')} only.`,
  'controls.one-depth-note': () => 'one depth in this profile',
  'controls.depth-setting': ({ temperature, deepest, shallowest }) =>
    `SGLD control at T = ${formatNumber(temperature, 5)} for every depth (β/βc(L) the same at each; an audit experiment); value: τ̂(L = ${deepest})/τ̂(L = ${shallowest}).`,
  'controls.depth-rank': ({ comparison }) => rankWords(comparison),
  'controls.depth-ranks': ({ comparisons }) => comparisons.map(rankWords).join('; '),
  'controls.depth-rule': ({ alpha }) =>
    `Rule (headline): each depth against the next by the one-sided Mann–Whitney test at α = ${alpha} (censored runs tied, after every escape: one budget for all depths); reproduced when every deeper network escapes later, deviates when one escapes earlier, otherwise inconclusive. It assumes no law for the times.`,
  'controls.depth-calibration': ({ calibration }) =>
    calibrated(calibration, "exponential runs with the shallowest depth's τ̂ and each deeper τ × the factor; truth for P(reproduced): the observed step per depth; size at ×1; power at ÷10 per depth"),
  'controls.depth-tau': ({ tau, alpha }) => depthTauWords(tau, alpha),
  'controls.depth-taus': ({ taus, alpha }) => taus.map((t) => depthTauWords(t, alpha)).join('; '),
  'controls.depth-exponential-rule': () =>
    'Beside it, the exponential reading: reproduced when the 1 − α intervals of τ are strictly ordered by depth; deviates when a deeper network escapes significantly faster; otherwise inconclusive. Its intervals assume memoryless escape, which a drift of a few epochs (the shallow network at this T) is not.',

  'controls.checkpoint-law': ({ label, law }) => underLabel(label, checkpointLawWords(law)),
  'controls.no-checkpoint-variant': () => 'this profile runs no checkpoint variant',
  'controls.undertrained-setting': ({ rates, seeds, epochs }) =>
    `The learning-rate sweep (B = 64, ηlr ∈ {${rates.join(', ')}}, ${seeds} seeds, ${epochs} epochs) from checkpoints trained too briefly to leave the weak mode below the saddle: the escape is the deterministic relaxation of an unconverged state, its spread the seeds' checkpoints.`,
  'controls.relaxation': () =>
    'A relaxation at rate ∝ ηlr gives τ ∝ 1/ηlr, i.e. ln τ = c + ln(B/ηlr): over the five rates a straight line of ln τ on B/ηlr then has R² ≈ 0.91 — the candidate explanation of the printed R² = 0.991 this claim tests (value: the least-squares R²).',
  'controls.law-rule-uncalibrated': () =>
    "Calibration: the rule asks a likelihood ratio of 1/α (ΔAIC ≥ 2 ln(1/α), both laws with two parameters) before it prefers one law: the same evidence level as the suite's α; no size or power is stated for two non-nested laws.",

  'controls.kramers-setting': (k) =>
    `Overdamped Langevin dynamics on the ${k.widths.join('→')} network (an audit experiment, not the paper's SGD): the full-batch gradient (B = N, one step per epoch, no mini-batch noise) ` +
    `with step dt = ${k.dt} and the kick √(2·dt·T)·ξ per weight, from each data set's rank-1 checkpoint continued at β = ${k.beta}, where rank 2 is the global minimum; ` +
    `escape when σ2 > ${k.sigmaThreshold}; ${k.runsPerPoint} noise seeds per data set and temperature; budget ${k.epochs} steps (t = ${formatNumber(k.budgetTime, 3)}).`,
  'controls.kramers-rule': ({ resolution, excess, regimeFactor }) =>
    `Rule: per data set, reproduced when the 1 − α interval of slope/ΔE contains 1 and its half-width is at most ${resolution}; deviates when it excludes 1; a reading is the worst of its data sets. ` +
    `Headline: Langer's form (the saddle has ${excess} more hidden-unit-rotation zero modes than the minimum, so τ carries T^${excess / 2}) over the temperatures where Langer's τ on the data set's own Hessians is at least ${regimeFactor}/|ω1| — an asymptotic law read where it applies; value: the mean slope/ΔE over the data sets.`,
  'controls.kramers-form': ({ label, dataSets }) => underLabel(label, dataSets.map(dataSetSlopeWords).join('; ')),
  'controls.kramers-pooled': ({ label, pooled }) => underLabel(label, pooledWords(pooled)),
  'controls.kramers-data-set': (d) =>
    `Data seed ${d.dataSeed} (checkpoint 0 → ${d.checkpointBeta}): ΔE = ${formatNumber(d.barrier, 5)} on its own sample (Eq. 10, population: ${formatNumber(d.populationBarrier, 5)}); ` +
    `minimum of index ${d.trappedIndex}, saddle of index ${d.saddleIndex} (|∇| ${formatNumber(d.saddleGradientNorm, 2)}), ω1 = ${formatNumber(d.negativeEigenvalue, 4)}, ` +
    `${d.zeroModeExcess} more zero modes at the saddle; τ in Langevin time: ${d.points.map(kramersPointWords).join('; ')}`,
  'controls.kramers-calibration': ({ calibration }) =>
    calibrated(calibration, "exponential runs on each data set's headline design with its fitted line's centre and a slope of its own ΔE × the factor"),

  'controls.beta-setting': (s) =>
    `${s.noise}: SGLD from the rank-1 trap at L = ${s.depth}, continued at β = ${s.betas.join(', ')} at one T = ${formatNumber(s.temperature)} (ΔE(${s.baseBeta})/T = ${s.barrierRatio}), budget ${s.epochs} epochs.`,
  'controls.beta-point': (b) => `β = ${b.beta} (ΔE = ${formatNumber(b.barrier)}, ΔE/T = ${formatNumber(b.barrierRatio)}): ${tauWords(b.tau, 'epochs')}.`,
  'controls.beta-rule': ({ label, result }) =>
    "Rule: the censored line ln τ = a + b·β; reproduced when b's 1 − α interval lies above 0, deviates when below. " +
    ('noSlope' in result
      ? `${label}: no slope (${noSlopeWords(result.noSlope)}).`
      : `${label}: ${trendWords(result.trend)}. ${calibrated(result.calibration, 'exponential runs on the design; truth: the fitted slope; power at the slope reversed')}`),
  'controls.trend': ({ trend }) => trendWords(trend),
  'controls.temperature-law': ({ label, better, margin, decisionMargin, temperatures }) =>
    underLabel(label, `${better} preferred by ΔAIC = ${formatNumber(margin, 3)} (decides above ${decisionMargin}), over ${temperatures} temperatures`, '.'),
  'controls.noise-trend': (n) =>
    underLabel(
      n.label,
      `d ln τ/d(ηlr/B) = ${formatNumber(n.slope)} [${formatNumber(n.lower, 3)}, ${formatNumber(n.upper, 3)}] at α = ${n.alpha}; τ changes ×${formatNumber(n.tauChange, 3)} from the smallest to the largest ηlr/B ` +
        `(invisible: |slope| < ln ${n.factor}/${formatNumber(n.range, 3)} = ${formatNumber(n.bound, 3)} at both ends of the interval); linearity p = ${formatNumber(n.linearityPValue, 3)}`,
      '.',
    ),
  'controls.noise-calibration': ({ calibration, factor }) =>
    calibrated(calibration, `exponential runs on the design; truth: τ falling ×${factor} across it; power at τ rising ×${factor}; no change, invisible, is refuted too`),
  'controls.noise-setting': (s) =>
    `${s.noise}: SGLD from the rank-1 trap at L = ${s.depth}, β = ${s.baseBeta}, one added T = ${formatNumber(s.temperature)} (ΔE/T = ${s.barrierRatio}), budget ${s.epochs} epochs; ` +
    'times in Langevin units t = steps·ηlr (the kick √(2ηlr·T) is temperature T there), so at fixed T only SGD’s own noise, if it adds T_SGD ∝ ηlr/B (Eq. 4), can move τ.',
  'controls.noise-point': (p) =>
    `${p.sampling}, B = ${p.batch}, ηlr = ${p.lr} (ηlr/B = ${formatNumber(p.lrOverBatch, 3)}, ${p.timePerEpoch} time units per epoch): ${tauWords(p.tau, 'time units')}.`,
  'controls.noise-rule': ({ factor }) =>
    `Rule: the censored line ln τ = a + b·ηlr/B per batch drawing; reproduced (SGD noise adds to T) when b's 1 − α interval lies below 0; deviates when above 0 or when τ moves by less than ×${factor} across the design (invisible); else inconclusive. ` +
    'The settings at equal ηlr/B with different ηlr check that τ depends on ηlr/B alone (the linearity p-value).',
  'controls.paper-sgd': ({ notReproducible }) => (notReproducible ? 'not reproducible as specified' : 'no SGD escape to read within the budget'),
  'controls.would-decide': ({ need }) => NEEDS[need],
  'controls.would-decide-depths': ({ profiles, depths }) => `the ${profiles.join(' or ')} profile (depths ${depths.join(', ')})`,
  'controls.would-decide-data-sets': ({ dataSets }) =>
    `a narrower interval on ${dataSets.map((d) => `data seed ${d.dataSeed} (${d.temperaturesInRegime} temperatures in the regime)`).join(', ')}: more noise seeds per temperature, or colder temperatures inside the budget`,
  'controls.invariance-calibration': () =>
    "Calibration: the verdict is decided by the trap's invariance — every trapped run's residue off the low-rank set is 0 or shrank, a property of each run checked exactly, not a sampled statistic — so no size or power applies to it; readings decided by a statistic state their own.",
};
