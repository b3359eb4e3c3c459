// Words for the findings of the landscape subject (claims/landscape/findings.ts).
import type { LandscapeFindings } from '../../claims/index.ts';
import { formatNumber } from '../../text/index.ts';
import type { Words } from './words.ts';

type Quantity = LandscapeFindings['landscape.printed-value']['quantity'];
type CandidateQuantity = LandscapeFindings['landscape.printed-candidates']['candidates'][number]['quantity'];
type Candidate = LandscapeFindings['landscape.printed-candidates']['candidates'][number];

/** The quantity a printed number is compared with. */
function quantityWords(q: Quantity): string {
  switch (q.name) {
    case 'critical-beta':
      return `βc(η = ${q.eta}, L = ${q.depth})`;
    case 'saddle-lambda':
      return 'λsad (smaller root of Eq. 2)';
    case 'barrier-from-zero':
      return 'ΔE = Loss(λsad) − Loss(0) (Eq. 10)';
  }
}

const CANDIDATE_WORDS: Readonly<Record<CandidateQuantity, string>> = {
  saddle: 'λsad',
  minimum: 'λ**',
  'saddle-per-layer': 'λsad^(1/L) (per-layer)',
  'minimum-per-layer': 'λ**^(1/L) (per-layer)',
  'barrier-from-zero': 'ΔE from λ = 0',
  'barrier-from-minimum': 'barrier from λ**',
};

const candidateWords = (c: Candidate): string => `${CANDIDATE_WORDS[c.quantity]} at β = ${c.beta} (${c.convention}) = ${formatNumber(c.value)}`;

/** The readings a line is about, before its words: "Eq. 2: …", or "Eq. 2 and Eq. 1: …" where they share it. */
const under = (readings: readonly string[], text: string): string => `${readings.join(' and ')}: ${text}`;

/** A number, or its absence in words. */
const orNone = (x: number | null, digits: number, none: string): string => (x === null ? none : formatNumber(x, digits));

const NO_SADDLE = '— (no saddle)';

export const LANDSCAPE_WORDS: Words<LandscapeFindings> = {
  'landscape.printed-value': (f) =>
    `${f.reading}: ${quantityWords(f.quantity)} = ${formatNumber(f.value, 10)} (float64 ${f.float}, relative gap to decimal ` +
    `${formatNumber(f.relativeGap, 2)}); paper ${f.printed} ± ${f.width}; difference ${formatNumber(f.difference, 3)} ` +
    `= ${formatNumber(f.toleranceUnits, 3)} tolerance units${f.onlyByRounding ? ' — holds only within the rounding of the printed digits' : ''}.`,
  'landscape.printed-missing': ({ reading, quantity }) => `${reading}: ${quantityWords(quantity)} does not exist at these parameters.`,
  'landscape.printed-missing-note': ({ reading, quantity }) => `${quantityWords(quantity)} does not exist under ${reading}`,
  'landscape.printed-candidates': ({ printed, width, candidates }) => {
    const matches = candidates.filter((c) => c.matches);
    if (matches.length === 0) return `None of the ${candidates.length} nearby quantities tried matches ${printed} ± ${width}: ` + candidates.map(candidateWords).join('; ') + '.';
    return `The printed ${printed} does match, at its precision: ` + matches.map(candidateWords).join('; ') + '.';
  },
  'landscape.phase-structure': ({ reading, modes, rank, metastableRanks }) => {
    const perMode = modes
      .map((m) => `η = ${m.eta}: βc = ${formatNumber(m.betaC)}, β* = ${formatNumber(m.betaStar)}, global ${m.globalPhase}${m.lambdaMin === null ? '' : `, λ** = ${formatNumber(m.lambdaMin)}`}`)
      .join('; ');
    return `${reading}: ${perMode}. Global minimum rank-${rank}; other local minima have rank ${metastableRanks.join(', ') || 'none'}.`;
  },
  'landscape.phase-ranks': ({ rank, metastableRanks }) => `global rank-${rank}; metastable ranks {${metastableRanks.join(', ')}}`,
  'landscape.hysteresis-window': ({ readings, etas, depths, narrowest }) =>
    under(readings, `over η ∈ {${etas.join(', ')}} and L ∈ {${depths.join(', ')}}, the narrowest window (βc − β*)/βc is ${formatNumber(narrowest)}.`),
  'landscape.depth-two-continuous': ({ readings, saddles, minimaAboveCritical, largestJump }) =>
    under(
      readings,
      `saddles found: ${saddles}; non-zero minima at β ≥ βc: ${minimaAboveCritical}; λ**/η just below βc: ${formatNumber(largestJump)}. ` +
        'The transition is continuous (second order): this claim is that half of Appendix C\'s sentence. Its other half, ' +
        '"a unique positive solution for all β > 0", is the claim depth-two-unique-root, which deviates: the non-zero ' +
        'solution exists only for β < βc (= η under the Eq. 2 reading).',
    ),
  'landscape.barrier-monotone': ({ readings, points, etas, depth, decreases, smallestIncrease }) =>
    under(readings, `ΔE on ${points} evenly spaced β in (0, βc) for η ∈ {${etas.join(', ')}}, L = ${depth}: ${decreases} decreases; smallest increase ${formatNumber(smallestIncrease)}.`),
  'landscape.critical-beta-ordering': ({ readings, modes, ordered }) =>
    under(readings, modes.map((m) => `βc(η = ${m.eta}) = ${formatNumber(m.betaC)}`).join(', ') + (ordered ? ': ordered as the η.' : ': NOT ordered as the η.')),
  'landscape.depth-window': ({ readings, depths, modes, smallestIncrease, widens }) => {
    const lines = modes.map((m) => `η = ${m.eta}: (βc − β*)/βc at L = ${depths.join(', ')}: ${m.windows.map((w) => formatNumber(w, 4)).join(', ')}`);
    return under(readings, `${lines.join('. ')}. The window ${widens ? 'widens' : 'does not widen'} with L (smallest increase ${formatNumber(smallestIncrease)}).`);
  },
  'landscape.depth-critical-beta': ({ reading, depths, modes, falls, finite }) => {
    const lines = modes.map((m) => `η = ${m.eta}: βc(L) = ${m.betaC.map((b) => formatNumber(b, 3)).join(', ')}; β*(L) = ${m.betaStar.map((b) => formatNumber(b, 3)).join(', ')}`);
    return (
      `${reading}: L = ${depths.join(', ')}. ${lines.join('. ')}. βc ${falls ? 'falls' : 'does not fall'} with L; ` +
      `β* ${finite ? 'stays finite and positive (its closed form, so this half cannot fail)' : 'does not stay finite'}.`
    );
  },
  'landscape.depth-barrier': ({ readings, depths, series, grows }) => {
    const lines = series.map((s) => `η = ${s.eta}, β = ${s.fraction}·βc: ΔE(L) = ${s.barriers.map((b) => formatNumber(b, 3)).join(', ')}`);
    return under(readings, `L = ${depths.join(', ')}. ${lines.join('. ')}. ΔE ${grows ? 'grows' : 'does not grow'} with L at fixed β/βc.`);
  },
  'landscape.eq3-residual': ({ readings, etas, depths, largest, digits, bound }) =>
    under(
      readings,
      `at λc = η(1−k)/(2−k) and β = βc of Eq. 3, the largest residual of Eq. 8 and Eq. 9 over η ∈ {${etas.join(', ')}}, L ∈ {${depths.join(', ')}} is ${formatNumber(largest, 3)} at ${digits} digits (bound ${bound}).`,
    ),
  'landscape.metastable-count': ({ reading, beta, depth, etas, configurations, metastable }) => {
    const list = configurations.map((c) => `(${c.lambdas.map((l) => formatNumber(l, 3)).join(', ')}): ${formatNumber(c.loss, 5)}${c.global ? ' global' : ''}`).join('; ');
    return `${reading}: at β = ${beta}, L = ${depth}, η = (${etas.join(', ')}): ${configurations.length} local minima (λ per mode: loss) — ${list}; ${metastable} metastable.`;
  },
  'landscape.metastable-count-reading': () =>
    'Each mode contributes its own two minima (λ = 0 and λ**) independently, so the count of metastable states is 2^d − 1, not d; ' +
    '"one per learnable feature" counts the bifurcations (one βc per mode, Appendix D.2), which is d.',
  'landscape.upper-branch': ({ reading, points, unstable, global, modes }) => {
    const windows = modes.map(
      (m) => `η = ${m.eta}: metastable on (β*, βc) = (${formatNumber(m.betaStar, 5)}, ${formatNumber(m.betaC, 5)}), global minimum on (0, ${formatNumber(m.betaStar, 5)}]`,
    );
    return `${reading}: on ${points} β per mode in (0, βc) the upper branch exists at every point but ${unstable} and is the global minimum at ${global}; ${windows.join('; ')}.`;
  },
  'landscape.upper-branch-reading': () =>
    '"Metastable" (local but not global) holds only on (β*, βc); below β* the rank-1 branch is the global minimum. The second reading only says λ** is a local minimum, which Eq. 2 gives on all of (0, βc).',
  'landscape.depth-two-root': ({ reading, end, missing }) => {
    const where = missing.map((m) => `η = ${m.eta}, β = ${formatNumber(m.beta, 4)}: ${m.roots} positive roots`);
    return `${reading}: the positive root exists up to β = ${formatNumber(end, 4)}; ${missing.length === 0 ? 'one positive root at every grid β' : `not unique-and-present at ${missing.length} grid β (${where.join('; ')})`}.`;
  },
  'landscape.depth-two-root-reading': () =>
    'The transition at L = 2 is continuous (second order, the claim no-bifurcation-depth-2), but the positive solution ends where it reaches 0: no positive root for β ≥ η (the Eq. 2 reading).',
  'landscape.rank1-exits': ({ beta, depth, weak, strong, eq10Lowest }) =>
    `Exits from the rank-1 minimum at β = ${beta}, L = ${depth} (analytic core, the Eq. 2 reading): the weak mode (η = ${weak.eta}) over its saddle λsad = ${formatNumber(weak.saddle ?? NaN, 6)}, ` +
    `Eq. 10's ΔE = ${orNone(weak.barrier, 8, NO_SADDLE)}; the strong mode (η = ${strong.eta}) down over its saddle, ${orNone(strong.barrier, 8, NO_SADDLE)}. ` +
    `${eq10Lowest ? 'Eq. 10\'s is the lower' : 'Eq. 10\'s is not the lower'}: every critical point of the regularised deep linear loss is balanced, so these are the only index-1 saddles next to the minimum.`,
  'landscape.network-saddle': (s) =>
    `The network's saddle (D = ${s.dimension}, population moments; ${s.construction}): |∇| = ${formatNumber(s.gradientNorm, 2)} after ${s.newtonSteps} Newton steps, ` +
    `Hessian index ${s.index} (the minimum's ${s.minimumIndex}); loss above the rank-1 minimum ${formatNumber(s.lossAboveMinimum, 12)}, Eq. 10 ${formatNumber(s.analyticBarrier, 12)}, ` +
    `difference ${formatNumber(s.difference, 2)} (${formatNumber(s.relative, 2)} relative; agreement means ≤ ${s.agreement}).`,
  'landscape.saddle-barrier-scope': () => 'The claim is the identity of Eq. 10 with the network\'s lowest exit; its printed size (0.003) is delta-e-min\'s.',
  'landscape.no-rule': () => 'No statistical rule: the values are computed from the analytic core and the printed numbers, exact to float64, so there is no size or power to state.',
  'landscape.sparse-barrier': (f) =>
    `${f.reading}: at β = ${f.beta}, η = ${f.eta}, L = ${f.depth}: λsad = ${orNone(f.saddle, 3, NO_SADDLE)}, ΔE = ${orNone(f.barrier, 3, '—')} ` +
    `(Eq. 10); at the dense trap's β = ${f.denseBeta}: ΔE = ${orNone(f.denseBarrier, 3, '—')}` +
    (f.ratioToDense === null ? '' : `, ${formatNumber(f.ratioToDense, 2)} times it`) +
    `. The saddle lies ${f.belowThreshold === null ? '—' : `${formatNumber(f.belowThreshold, 2)} times below`} the escape criterion σ2 > ${f.threshold}.`,
  'landscape.sparse-batch': ({ batch, samples, fullBatch }) =>
    `Appendix A trains the sparse run at B = ${batch} on N = ${samples} samples: ${fullBatch ? `B ≥ N, so every epoch is one step on the full training set and the update carries no mini-batch noise (claim sparse-batch-noise)` : 'B < N'}. ` +
    'A weak mode left below λsad returns to 0 and stays there (λ = 0 is invariant); one above it grows to rank 2 by deterministic descent, after a time set by how far it starts above the saddle. ' +
    'Fig. 1(b)\'s plateau and escape can therefore be neither held by a barrier nor driven by noise.',
  'landscape.barrier-order': (f) =>
    `${f.reading}: Eq. 10 at β = ${f.beta}, L = ${f.depth}: ${f.barriers.map((b) => `η = ${b.eta}: ΔE = ${orNone(b.barrier, 4, NO_SADDLE)}`).join('; ')}. ` +
    `Out of rank 0 the lowest is ${orNone(f.outOfRank0, 4, '—')}, out of rank 1 the weak mode's ${orNone(f.outOfRank1, 4, '—')}: ` +
    `${f.firstHigher ? 'the first escape has the higher barrier' : 'the first escape has the lower barrier'}; the paper prints τ > ${f.first} for it against τ ≈ ${f.second} for the second.`,
  'landscape.barrier-order-caveat': ({ first, second }) =>
    'Value: barrier out of rank 0 over barrier out of rank 1. Both escapes run at the same β, ηlr and B (Appendix A), hence the same T_eff; out of rank 0 either mode may go first, so its rate is at least the lowest barrier\'s. ' +
    'Caveat: Eq. 5\'s τ0 (Eq. 11\'s curvature prefactor) differs between the two escapes, and the order holds only for comparable prefactors; the printed order needs τ0 of the first escape larger by more than ' +
    `(${first}/${second})·e^{(ΔE₁ − ΔE₀)/T} (ΔE₀ out of rank 0, ΔE₁ out of rank 1) at the T of the runs, which the paper neither states nor gives the numbers to check.`,
};
