import { Decimal } from 'decimal.js';

// The one way a value is held against its pin, used by the specs' gates, by `npm run reproduce` and by
// `npm run golden`: decimal strings move when their relative difference exceeds the pin's tolerance (0: exactly);
// everything else (numbers of the seeded runs, verdicts, labels, null) must be equal.

function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value);
}

/** Whether two decimal strings differ by more than `tolerance` relative to the larger (0 when both are 0). */
export function movedBeyond(now: string, pinned: string, tolerance: Decimal.Value): boolean {
  const a = new Decimal(now);
  const b = new Decimal(pinned);
  const scale = Decimal.max(a.abs(), b.abs());
  return !scale.isZero() && a.minus(b).abs().div(scale).gt(tolerance);
}

/** |now − pinned| / max(|now|, |pinned|), to three digits: how far a value moved. */
function relativeChange(now: string, pinned: string): string {
  const a = new Decimal(now);
  const b = new Decimal(pinned);
  return a.minus(b).abs().div(Decimal.max(a.abs(), b.abs())).toSignificantDigits(3).toString();
}

/**
 * Every place where `now` differs from `pinned`, as "path: now, pinned was" lines (empty: nothing moved). Decimal
 * strings compare within `tolerance`; any other leaf must be identical; a key or element present on one side only
 * is a difference.
 */
export function pinDifferences(now: unknown, pinned: unknown, tolerance: Decimal.Value = 0, path = ''): string[] {
  if (isDecimalString(now) && isDecimalString(pinned)) {
    if (!movedBeyond(now, pinned, tolerance)) return [];
    return [`${path || 'value'}: ${now}, pinned ${pinned} (relative ${relativeChange(now, pinned)})`];
  }
  if (Array.isArray(now) && Array.isArray(pinned)) {
    const lines = now.length === pinned.length ? [] : [`${path || 'list'}: ${now.length} entries, pinned ${pinned.length}`];
    for (let i = 0; i < Math.min(now.length, pinned.length); i++) lines.push(...pinDifferences(now[i], pinned[i], tolerance, `${path}[${i}]`));
    return lines;
  }
  if (now !== null && pinned !== null && typeof now === 'object' && typeof pinned === 'object' && !Array.isArray(now) && !Array.isArray(pinned)) {
    const a = now as Record<string, unknown>;
    const b = pinned as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((k) => {
      const at = path === '' ? k : `${path}.${k}`;
      if (!(k in a)) return [`${at}: missing, pinned ${JSON.stringify(b[k])}`];
      if (!(k in b)) return [`${at}: ${JSON.stringify(a[k])}, not pinned`];
      return pinDifferences(a[k], b[k], tolerance, at);
    });
  }
  return Object.is(now, pinned) ? [] : [`${path || 'value'}: ${JSON.stringify(now)}, pinned ${JSON.stringify(pinned)}`];
}
