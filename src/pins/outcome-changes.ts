import { Decimal } from 'decimal.js';
import { toleranceWidth, type Outcome, type Reading, type ToleranceRule } from '../claims/index.ts';
import { valueMoved } from './claim-pins.ts';

/** What two audits are compared by: a claim as results.json records it (the fields this module reads). */
export interface RecordedClaim {
  readonly id: string;
  readonly outcome: Outcome;
  readonly value: string | null;
  readonly readings: readonly Reading[];
  readonly tolerance: ToleranceRule;
  readonly paper: { readonly value: string | null };
}

/** A claim's outcome in the shape it is pinned in: verdict, headline value and each reading's. */
export interface OutcomeSnapshot {
  verdict: Outcome;
  value: string | null;
  readings: Record<string, { verdict: Outcome; value: string | null }>;
}

/** One thing that moved: a verdict, or a value with its difference (in tolerance units where the claim has one). */
export interface Change {
  /** "verdict", "value", "reading eq2 verdict", "reading eq2 value", "reading eq2". */
  what: string;
  before: string;
  after: string;
  /** after − before, for values. */
  difference?: string;
  /** |after − before| / the claim's tolerance half-width. */
  toleranceUnits?: number;
}

export function snapshotOf(c: RecordedClaim): OutcomeSnapshot {
  return {
    verdict: c.outcome,
    value: c.value,
    readings: Object.fromEntries(c.readings.map((r) => [r.label, { verdict: r.verdict, value: r.value }])),
  };
}

const shown = (value: string | null): string => value ?? '—';

function valueChange(what: string, before: string | null, after: string | null, width: Decimal | null): Change | null {
  if (!valueMoved(after, before)) return null;
  const change: Change = { what, before: shown(before), after: shown(after) };
  if (before !== null && after !== null) {
    const difference = new Decimal(after).minus(before);
    change.difference = difference.toString();
    if (width !== null && !width.isZero()) change.toleranceUnits = difference.abs().div(width).toNumber();
  }
  return change;
}

/** What differs between two outcomes of one claim; values compare as the pins do (1e-12 relative). */
export function outcomeChanges(before: OutcomeSnapshot, after: OutcomeSnapshot, width: Decimal | null): Change[] {
  const changes: Change[] = [];
  if (before.verdict !== after.verdict) changes.push({ what: 'verdict', before: before.verdict, after: after.verdict });
  const value = valueChange('value', before.value, after.value, width);
  if (value) changes.push(value);
  const labels = [...new Set([...Object.keys(before.readings), ...Object.keys(after.readings)])];
  for (const label of labels) {
    const a = before.readings[label];
    const b = after.readings[label];
    if (!a || !b) {
      changes.push({ what: `reading ${label}`, before: a ? 'present' : 'absent', after: b ? 'present' : 'absent' });
      continue;
    }
    if (a.verdict !== b.verdict) changes.push({ what: `reading ${label} verdict`, before: a.verdict, after: b.verdict });
    const moved = valueChange(`reading ${label} value`, a.value, b.value, width);
    if (moved) changes.push(moved);
  }
  return changes;
}

/** The half-width a claim's values are judged by, or null where its rule compares no number. */
export function claimWidth(c: Pick<RecordedClaim, 'tolerance' | 'paper'>): Decimal | null {
  try {
    return toleranceWidth(c.tolerance, c.paper.value);
  } catch {
    // A printed value that is not a plain number ("≈ 0.4–0.5") has no half-unit to measure by.
    return null;
  }
}

const signed = (d: string): string => {
  const n = new Decimal(d).toSignificantDigits(4);
  return n.isNegative() ? n.toString() : `+${n.toString()}`;
};

export function formatChange(c: Change): string {
  const size =
    c.difference === undefined
      ? ''
      : ` (${signed(c.difference)}${c.toleranceUnits === undefined ? '' : ` = ${c.toleranceUnits.toPrecision(3)} tolerance units`})`;
  return `${c.what}: ${c.before} → ${c.after}${size}`;
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
    const changes = outcomeChanges(snapshotOf(before), snapshotOf(after), claimWidth(after));
    if (changes.length > 0) diffs.push({ id: before.id, status: 'changed', changes });
  }
  for (const c of b.claims) if (!inA.has(c.id)) diffs.push({ id: c.id, status: 'added', changes: [] });
  return diffs;
}
