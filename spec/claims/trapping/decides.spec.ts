// What would decide a trapping claim, what was measured and why it is not reproducible: findings, worded by
// report/words as the evaluators used to word them (the branches the recorded runs do not reach, each pinned here).
import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../../src/claims/finding.ts';
import { RUNS_TO_DECIDE, runsToDecide, typicalReading, universalReading, type RunCase } from '../../../src/claims/common/typicality.ts';
import { invariantTrapFinding, trapInvariance, type TrapInvariance } from '../../../src/claims/trapping/invariant-trap.ts';
import { formatNumber } from '../../../src/text/index.ts';
import { typicalShape, universalShape } from '../../../src/claims/trapping/run-shapes.ts';
import type { RunRecord } from '../../../src/run/index.ts';
import { wordsOf } from '../evidence-words.ts';
import { PAPER_SGD_LONGER_BUDGET } from '../../../src/claims/controls/sgld-sweeps.ts';

/** The invariance reason as the claims wrote it before it was a finding: the words the finding must keep. */
function invarianceReason(inv: TrapInvariance, what: string): string {
  const shrinking = inv.shrank === 0 ? '' : `, ${inv.shrank} with a residue that shrank or stayed at rounding level over the run (σ at most ${formatNumber(inv.largestStart, 3)} at the checkpoint, ${formatNumber(inv.largestEnd, 3)} at the end)`;
  return (
    `none of the ${inv.runs} trapped runs left the trap — ${inv.exactlyZero} from a checkpoint whose σ is exactly 0${shrinking}. ` +
    'The rank-deficient set is invariant under every SGD step of a bias-free linear network and the noise across it is proportional to the residue, ' +
    `so no budget and no seed count produces ${what}`
  );
}

const words = (f: Finding | string | undefined): string | undefined => (typeof f === 'string' ? f : wordsOf(f));

describe('what would decide, in words', () => {
  it('words each of the escape readings\' hints as before', () => {
    expect(words(finding('trapping.would-decide-trapped-start', { diagnostic: true }))).toBe('a checkpoint that starts the runs trapped (see the checkpoint-sensitivity diagnostic)');
    expect(words(finding('trapping.would-decide-trapped-start', { diagnostic: false }))).toBe('a checkpoint that starts the runs trapped');
    expect(words(finding('trapping.would-decide-per-epoch-runs', { seeds: 2 }))).toBe('runs that keep the per-epoch test MSE of their first epochs (at least two seeds)');
    expect(words(finding('trapping.would-decide-trapped-seeds', { budget: 20_000 }))).toBe(
      'more trapped seeds: the runs cannot escape, and the test of the escape the paper draws within its 20000-epoch runs needs more of them',
    );
    expect(words(finding('trapping.would-decide-longer-budget', { runs: 29, epochsAtRisk: 29 * 20_000 }))).toBe(
      "escapes within a longer budget: none of 29 trapped runs escaped in 580000 epochs at risk, and some run's residue off the rank-deficient set grew",
    );
    expect(words(finding('trapping.would-decide-escapes', {}))).toBe('more escapes (see escapeDesign in REPRODUCE.md)');
    expect(words(finding('trapping.would-decide-escaping-runs', {}))).toBe(
      "runs that escape: none of the trapped runs of the paper's protocol did; escape was seen only from checkpoints that left σ2 above the Eq. 2 saddle (diagnostic b)",
    );
    expect(words(finding('trapping.would-decide-premise-seeds', { beta: 0.25 }))).toBe('more trapped seeds at β = 0.25');
    expect(words(finding('trapping.would-decide-paired-seeds', { seeds: 25, alpha: 1e-6 }))).toBe(
      'more paired seeds: a McNemar test needs about 25 seeds whose outcome differs, all one way, to reject at α = 10⁻⁶',
    );
    expect(words(PAPER_SGD_LONGER_BUDGET)).toBe("escapes from the rank-1 trap under the paper's SGD within a longer budget");
  });

  const cases = (n: number, failing: number): RunCase[] => Array.from({ length: n }, (_, i) => ({ seed: 42 + i, fails: i < failing, value: i < failing ? 1 : 0 }));

  it.each([
    [0, 0, 0.5],
    [3, 1, 0.5],
    [50, 20, 0.5],
    [50, 13, 0.9],
    [40, 20, 0.5],
  ])('the typicality rule on %i runs, %i not showing the shape, at %d: the same words as the rule gives', (n, failing, threshold) => {
    const shape = typicalShape('x', cases(n, failing), 'm', { what: 'at-rank-2' }, threshold);
    expect(typicalReading('x', cases(n, failing), 'm', threshold).reading.verdict).toBe('inconclusive');
    expect(shape.reading.verdict).toBe('inconclusive');
    expect(typeof shape.wouldDecide).toBe('object');
    // The sentence the rule has always given, spelled out here.
    const share = (n - failing) / n;
    const needed = n === 0 ? null : runsToDecide(share, threshold);
    const sentence =
      n === 0 ? 'runs to read' : needed === null ? `the share ${Number(share.toPrecision(3))} sits at the threshold ${threshold}: no feasible run count decides at it` : `about ${needed} runs at the observed share ${Number(share.toPrecision(3))} (${n} read)`;
    expect(words(shape.wouldDecide)).toBe(sentence);
  });

  it.each([0, 3, 40])('the universal rule on %i runs, none failing: the same words as the rule gives', (n) => {
    const shape = universalShape('x', cases(n, 0), 'm', { what: 'no-rise' });
    expect(shape.reading.verdict).toBe('inconclusive');
    expect(typeof shape.wouldDecide).toBe('object');
    expect(universalReading('x', cases(n, 0), 'm').reading.verdict).toBe('inconclusive');
    expect(words(shape.wouldDecide)).toBe(`${RUNS_TO_DECIDE} runs or more with none failing (${n} read), or one run that fails`);
  });

  it('says nothing where the rule decides', () => {
    expect(typicalShape('x', cases(50, 0), 'm', { what: 'at-rank-2' }, 0.5).wouldDecide).toBeUndefined();
    expect(universalShape('x', cases(50, 1), 'm', { what: 'no-rise' }).wouldDecide).toBeUndefined();
  });
});

describe('what was measured, and why an invariant trap is not reproducible, in words', () => {
  it('words the summary row by τ̂ and its interval, by the bound, or by the counts', () => {
    const counts = { trapped: 29, escapes: 3, notTrapped: 21 };
    expect(words(finding('trapping.measured-escapes', { ...counts, tau: { estimate: 123456, lower: 41980.4, upper: Infinity } }))).toBe('τ̂ 123500 [41980, ∞]; 29 trapped, 3 escaped, 21 set aside');
    expect(words(finding('trapping.measured-escapes', { ...counts, escapes: 0, tau: { estimate: null, lower: 41980.4, upper: Infinity } }))).toBe('τ ≥ 41980; 29 trapped, 0 escaped, 21 set aside');
    expect(words(finding('trapping.measured-escapes', { ...counts, tau: null }))).toBe('29 trapped, 3 escaped, 21 set aside');
    expect(words(finding('trapping.measured-counts', counts))).toBe('29 trapped, 3 escaped, 21 set aside');
    expect(words(finding('trapping.measured-convergence', { estimate: 11, interval: { lower: 9, upper: 42 }, seeds: 50, censored: 0 }))).toBe(
      'median τ 11 [9, 42] epochs; 50 seeds with per-epoch test MSE, 0 not settled within the window',
    );
  });

  const run = (start: number, end: number): RunRecord =>
    ({ escape: { sigma: { mode: 2 } }, start: { kind: 'checkpoint', stages: [{ singularValues: [0.9, start] }] }, final: { singularValues: [0.9, end] } }) as unknown as RunRecord;

  it('words the invariance as the reason in words does, for each escape it rules out', () => {
    const inv = trapInvariance([run(0, 0), run(7.254e-19, 6.02e-19), run(2e-19, 0)], () => false);
    expect(words(invariantTrapFinding(inv, 'claimed'))).toBe(`${invarianceReason(inv, 'the escape the claim is about')}.`);
    expect(words(invariantTrapFinding(inv, 'gap-closing'))).toBe(`${invarianceReason(inv, 'the escape after which the gap is to close')}.`);
    expect(words(invariantTrapFinding(inv, 'abrupt', true))).toBe(`under the paper's SGD from the rank-1 trap ${invarianceReason(inv, 'the abrupt escape the claim describes')}.`);
    const exact = trapInvariance([run(0, 0)], () => false);
    expect(words(invariantTrapFinding(exact, 'claimed'))).toMatch(/^none of the 1 trapped runs left the trap — 1 from a checkpoint whose σ is exactly 0\. The rank-deficient set/);
  });
});
