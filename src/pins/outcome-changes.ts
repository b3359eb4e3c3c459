import { Decimal } from 'decimal.js';
import { toleranceWidth, type Outcome, type PinnedOutcome, type Reading, type ToleranceRule, type Verdict } from '../claims/index.ts';
import { movedBeyond } from './compare.ts';

// The one way two outcomes of a claim are compared: a run with its pin (reproduce, golden update, JUnit) and one
// audit with another (`metastable diff`). It returns what moved as data; each caller words it at render time.

/** Relative movement of a pinned value that counts as a change (values are computed at 40 digits, pinned at 20). */
export const PINNED_VALUE_TOLERANCE = new Decimal('1e-12');

/** Whether a decimal value moved by more than PINNED_VALUE_TOLERANCE, relative (null equals only null). */
export function valueMoved(now: string | null, pinned: string | null): boolean {
  if (now === null || pinned === null) return now !== pinned;
  return movedBeyond(now, pinned, PINNED_VALUE_TOLERANCE);
}

/** A claim's outcome in the shape it is pinned in (verdict, headline value, each reading's), from an evaluation. */
export function snapshotOf(evaluation: {
  readonly verdict: Verdict;
  readonly value: string | null;
  readonly readings: readonly Pick<Reading, 'label' | 'verdict' | 'value'>[];
}): PinnedOutcome {
  return {
    verdict: evaluation.verdict,
    value: evaluation.value,
    readings: Object.fromEntries(evaluation.readings.map((r) => [r.label, { verdict: r.verdict, value: r.value }])),
  };
}

/** One thing that moved between two outcomes of a claim. */
export interface Change {
  /** The reading's label, or null for the claim's headline. */
  readonly reading: string | null;
  /** The verdict, the value, or the outcome itself (there on one side only). */
  readonly field: 'verdict' | 'value' | 'presence';
  /** A verdict, a decimal value or, for presence, the side's verdict; null: no value, or absent. */
  readonly before: string | null;
  readonly after: string | null;
  /** after − before, for values. */
  readonly difference?: string;
  /** |after − before| / the claim's tolerance half-width. */
  readonly toleranceUnits?: number;
}

function valueChange(reading: string | null, before: string | null, after: string | null, width: Decimal | null): Change[] {
  if (!valueMoved(after, before)) return [];
  if (before === null || after === null) return [{ reading, field: 'value', before, after }];
  const difference = new Decimal(after).minus(before);
  const units = width !== null && !width.isZero() ? { toleranceUnits: difference.abs().div(width).toNumber() } : {};
  return [{ reading, field: 'value', before, after, difference: difference.toString(), ...units }];
}

function verdictChange(reading: string | null, before: string, after: string): Change[] {
  return before === after ? [] : [{ reading, field: 'verdict', before, after }];
}

/**
 * What differs between two outcomes of one claim (null: none, i.e. not pinned or not evaluated), headline first, then
 * each reading in `before`'s order and those only `after` has; values compare within PINNED_VALUE_TOLERANCE and are
 * measured in units of `width` where the claim has one.
 */
export function outcomeChanges(before: PinnedOutcome | null, after: PinnedOutcome | null, width: Decimal | null): Change[] {
  if (before === null || after === null) return before === after ? [] : [{ reading: null, field: 'presence', before: before?.verdict ?? null, after: after?.verdict ?? null }];
  const changes = [...verdictChange(null, before.verdict, after.verdict), ...valueChange(null, before.value, after.value, width)];
  for (const label of new Set([...Object.keys(before.readings), ...Object.keys(after.readings)])) {
    const a = before.readings[label];
    const b = after.readings[label];
    if (!a || !b) changes.push({ reading: label, field: 'presence', before: a?.verdict ?? null, after: b?.verdict ?? null });
    else changes.push(...verdictChange(label, a.verdict, b.verdict), ...valueChange(label, a.value, b.value, width));
  }
  return changes;
}

/** Whether a change moved a verdict (or an outcome came or went), rather than a value alone. */
export function movesVerdict(change: Change): boolean {
  return change.field !== 'value';
}

/** The half-width a claim's values are judged by, or null where its rule compares no number. */
export function claimWidth(c: { readonly tolerance: ToleranceRule; readonly paper: { readonly value: string | null } }): Decimal | null {
  try {
    return toleranceWidth(c.tolerance, c.paper.value);
  } catch {
    // A printed value that is not a plain number ("≈ 0.4–0.5") has no half-unit to measure by.
    return null;
  }
}

/** What moved, in words: "verdict", "value", "outcome", "reading eq2 verdict", "reading eq2 value", "reading eq2". */
export function changeSubject(c: Change): string {
  const field = c.field === 'presence' ? (c.reading === null ? 'outcome' : '') : c.field;
  return [c.reading === null ? '' : `reading ${c.reading}`, field].filter((part) => part !== '').join(' ');
}

/** The two sides as text: an absent value "—", an absent outcome or reading "absent". */
export function changeSides(c: Change): [string, string] {
  const none = c.field === 'presence' ? 'absent' : '—';
  return [c.before ?? none, c.after ?? none];
}

const signed = (d: string): string => {
  const n = new Decimal(d).toSignificantDigits(4);
  return n.isNegative() ? n.toString() : `+${n.toString()}`;
};

/** A change in one line: "value: 0.41 → 0.4175 (+0.0075 = 1.50 tolerance units)". */
export function formatChange(c: Change): string {
  const [before, after] = changeSides(c);
  const units = c.toleranceUnits === undefined ? '' : ` = ${c.toleranceUnits.toPrecision(3)} tolerance units`;
  const size = c.difference === undefined ? '' : ` (${signed(c.difference)}${units})`;
  return `${changeSubject(c)}: ${before} → ${after}${size}`;
}

/** What two audits are compared by: a claim as results.json records it (the fields this module reads). */
export interface RecordedClaim {
  readonly id: string;
  readonly outcome: Outcome;
  readonly value: string | null;
  /** As results.json holds them (a note in words); the pins read label, value and verdict. */
  readonly readings: readonly Omit<Reading, 'note'>[];
  readonly tolerance: ToleranceRule;
  readonly paper: { readonly value: string | null };
}

/** A recorded claim's outcome as a snapshot; null when it was not evaluated. */
function recordedSnapshot(c: RecordedClaim): PinnedOutcome | null {
  return c.outcome === 'not evaluated' ? null : snapshotOf({ verdict: c.outcome, value: c.value, readings: c.readings });
}

export interface ClaimDiff {
  id: string;
  /** "added": only in B; "removed": only in A. */
  status: 'changed' | 'added' | 'removed';
  changes: Change[];
}

/** Claims whose verdict, value or readings differ between two audits, in A's order then B's new ones. */
export function diffResults(a: { readonly claims: readonly RecordedClaim[] }, b: { readonly claims: readonly RecordedClaim[] }): ClaimDiff[] {
  const inB = new Map(b.claims.map((c) => [c.id, c]));
  const inA = new Set(a.claims.map((c) => c.id));
  const diffs: ClaimDiff[] = [];
  for (const before of a.claims) {
    const after = inB.get(before.id);
    if (!after) {
      diffs.push({ id: before.id, status: 'removed', changes: [] });
      continue;
    }
    // B's tolerance: the newer ledger's rule is the one a reader judges by.
    const changes = outcomeChanges(recordedSnapshot(before), recordedSnapshot(after), claimWidth(after));
    if (changes.length > 0) diffs.push({ id: before.id, status: 'changed', changes });
  }
  for (const c of b.claims) if (!inA.has(c.id)) diffs.push({ id: c.id, status: 'added', changes: [] });
  return diffs;
}
